"""The one build step pyproject.toml cannot declare: compile the Qt translations into the wheel.

The .qm files are build output (git-ignored), so a wheel or `pip install .` from a clean clone
must make them; alsdesk/qm.py does it in plain Python, so the build needs setuptools only. The
package list lives here too: `packages.find` cannot see `resources/`, which installs as
`alsdesk.resources` through the package-dir mapping in pyproject.toml."""

import importlib.util
import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ (scripts/setup.sh compiles there)
            return
        spec = importlib.util.spec_from_file_location("alsdesk_qm", HERE / "alsdesk" / "qm.py")
        qm = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look it up there
        spec.loader.exec_module(qm)
        out = Path(self.build_lib) / "alsdesk" / "resources" / "translations"
        out.mkdir(parents=True, exist_ok=True)
        for ts in sorted((HERE / "resources" / "translations").glob("*.ts")):
            count = qm.compile_ts(ts, out / f"{ts.stem}.qm")
            print(f"compiled {ts.name}: {count} messages")


def packages() -> list[str]:
    """alsdesk's packages and resources/ (with its data folders) as alsdesk.resources."""
    code = find_namespace_packages(include=["alsdesk", "alsdesk.*"], exclude=["*.__pycache__"])
    data = find_namespace_packages(include=["resources", "resources.*"], exclude=["*.__pycache__"])
    return [*code, *(f"alsdesk.{name}" for name in data)]


setup(
    packages=packages(),
    cmdclass={"build_py": BuildWithTranslations},
)
