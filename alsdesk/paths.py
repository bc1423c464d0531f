"""Where shipped resources live: inside an installed wheel, a frozen bundle, or beside the package in a checkout."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

from alsdesk.errors import AlsdeskError

_CHECKOUT = Path(__file__).resolve().parent.parent


@cache  # asked for every catalogue lookup (i18n.translate): a document asks a hundred times
def resources_dir() -> Path:
    """`resources/` of the source tree, installed as the package `alsdesk.resources`."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # A PyInstaller bundle (packaging/alsdesk.spec) unpacks them as files beside its modules.
        return Path(bundle) / "alsdesk" / "resources"
    # A checkout is recognised by its pyproject.toml: an installed alsdesk's parent is
    # site-packages, where another distribution may have put a folder called resources.
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "resources").is_dir():
        return _CHECKOUT / "resources"
    spec = importlib.util.find_spec("alsdesk.resources")
    if spec is None or not spec.submodule_search_locations:
        raise AlsdeskError("alsdesk's resources are missing from this installation; reinstall alsdesk.")
    return Path(next(iter(spec.submodule_search_locations)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
