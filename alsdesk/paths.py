"""Where shipped resources live: inside an installed wheel, or beside the package in a checkout."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """`resources/` of the source tree, installed as the package `alsdesk.resources`."""
    if _SOURCE_TREE.is_dir():
        return _SOURCE_TREE
    spec = importlib.util.find_spec("alsdesk.resources")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("alsdesk's resources are missing; reinstall alsdesk")
    return Path(next(iter(spec.submodule_search_locations)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
