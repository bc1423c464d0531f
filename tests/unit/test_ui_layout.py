"""alsdesk/ui/ stays grouped by area: the shell at the top, every other module in its area's folder,
and each folder saying what it holds in its `__init__` docstring. Read from the source (no Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "alsdesk" / "ui"
# The application shell: start and stop, the main window, first run, the start-up recovery screen.
SHELL = {"__init__", "app", "main_window", "first_run", "daily_backup", "exit_backup", "recovery_dialog", "screenshots"}
AREAS = {"chart", "patients", "worklist", "schedule", "programs", "printing", "admin", "signin", "widgets", "i18n"}


def test_only_the_shell_sits_at_the_top() -> None:
    top = {p.stem for p in UI.glob("*.py")}
    assert top - SHELL == set(), "put a new window module in its area's folder (alsdesk/ui/<area>/), not at the top"
    assert SHELL <= top


def test_each_area_is_a_folder_that_says_what_it_holds() -> None:
    folders = {p.name for p in UI.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == AREAS
    for area in sorted(AREAS):
        init = UI / area / "__init__.py"
        assert init.is_file(), f"{area}/ has no __init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text("utf-8")))
        assert docstring and len(docstring.split()) >= 8, f"{area}/__init__.py does not say what the folder holds"
        modules = [p.stem for p in (UI / area).glob("*.py") if p.stem != "__init__"]
        assert modules, f"{area}/ holds no module"
        assert not [p for p in (UI / area).iterdir() if p.is_dir() and p.name != "__pycache__"], f"{area}/ nests"


def test_every_window_module_keeps_its_docstring() -> None:
    bare = sorted(
        str(p.relative_to(UI)) for p in UI.rglob("*.py") if not ast.get_docstring(ast.parse(p.read_text("utf-8")))
    )
    assert bare == []
