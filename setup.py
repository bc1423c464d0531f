"""The one build step pyproject.toml cannot declare: compile the catalogues into the wheel.

The .mo files are build output (git-ignored), so a wheel or `pip install .` from a clean clone must
make them from the .po, with Babel (a build requirement only: an installed alsdesk reads the .mo
with the standard library's gettext). The package list lives here too: `packages.find` cannot see
`resources/`, which installs as `alsdesk.resources` through the package-dir mapping in pyproject.toml."""

from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ (scripts/setup.sh compiles there)
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        out = Path(self.build_lib) / "alsdesk" / "resources" / "locale"
        for po in sorted((HERE / "resources" / "locale").glob("*/LC_MESSAGES/*.po")):
            mo = out / po.relative_to(po.parents[2]).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as f:
                catalog = read_po(f)
            with mo.open("wb") as f:
                write_mo(f, catalog)
            print(f"compiled {po.parent.parent.name}/{po.name}: {len(catalog)} messages")


def packages() -> list[str]:
    """alsdesk's packages and resources/ (with its data folders) as alsdesk.resources."""
    code = find_namespace_packages(include=["alsdesk", "alsdesk.*"], exclude=["*.__pycache__"])
    data = find_namespace_packages(include=["resources", "resources.*"], exclude=["*.__pycache__"])
    return [*code, *(f"alsdesk.{name}" for name in data)]


setup(
    packages=packages(),
    cmdclass={"build_py": BuildWithTranslations},
)
