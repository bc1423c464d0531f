"""The clinic-PC bundle: its PyInstaller spec builds on Windows as on Linux, leaves out only Qt
modules alsdesk does not use, and a frozen alsdesk finds its resources inside the bundle."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from alsdesk import paths

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "alsdesk.spec"
LIBRARY_SUFFIX = re.compile(r"\.(so|dll|dylib|pyd)\b")


def literals(source: str) -> list[str]:
    """Every string the spec writes, the fixed parts of f-strings included."""
    return [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def platform_bound(text: str) -> str | None:
    """Why `text` would tie the spec to one platform, or None."""
    if "/" in text or "\\" in text:
        return "a path written with a separator (join parts with pathlib)"
    if LIBRARY_SUFFIX.search(text):
        return "a platform's library suffix (a .so glob or the like)"
    return None


@pytest.mark.parametrize(
    "text", ["/usr/lib/x86_64-linux-gnu", "lib/*.so", "*.so", "libQt6Core.so.6", "C:\\Python311", "*.dll"]
)
def test_the_check_catches_platform_bound_text(text: str) -> None:
    assert platform_bound(text) is not None


def test_the_spec_names_no_platform_paths_or_library_suffixes() -> None:
    found = {t: why for t in literals(SPEC.read_text("utf-8")) if (why := platform_bound(t))}
    assert found == {}, "packaging/alsdesk.spec must build on Windows too"


def test_the_spec_leaves_out_qt_modules_alsdesk_does_not_import() -> None:
    excluded = {t for t in literals(SPEC.read_text("utf-8")) if re.fullmatch(r"Qt(?!6)\w+", t)}
    assert {"QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia"} <= excluded
    imported = {
        name
        for py in (ROOT / "alsdesk").rglob("*.py")
        for name in re.findall(r"PySide6\.(Qt\w+)", py.read_text("utf-8"))
    }
    assert "QtWidgets" in imported  # the scan sees the window's imports
    assert imported & excluded == set(), "the spec leaves out a Qt module alsdesk imports"


def test_a_frozen_alsdesk_finds_its_resources_in_the_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths.resources_dir.cache_clear()  # found once per process: this test is another process's view
    try:
        assert (
            paths.resource("fonts", "wqy-microhei.ttc")
            == tmp_path / "alsdesk" / "resources" / "fonts" / "wqy-microhei.ttc"
        )
    finally:
        paths.resources_dir.cache_clear()


def test_outside_a_bundle_resources_come_from_the_checkout() -> None:
    assert not getattr(sys, "frozen", False)
    assert paths.resources_dir() == ROOT / "resources"
