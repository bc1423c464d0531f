"""No text a person reads in the window bypasses the catalogue: a string literal with words passed
straight to a widget's text (setText, setWindowTitle, QLabel, QPushButton, addAction, setToolTip,
setPlaceholderText, a QMessageBox…) instead of through tr()/translate() is an error, unless allowed
below with the reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "alsdesk" / "ui"
WORDS = re.compile(r"[A-Za-z]{2,}")
# Call → the positions of its arguments a person reads (keyword arguments named `text`/`title` too).
TEXT_AT: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        (
            "setText",
            "setWindowTitle",
            "setToolTip",
            "setPlaceholderText",
            "setStatusTip",
            "setWhatsThis",
            "setTitle",
            "setInformativeText",
            "setDetailedText",
            "setLabelText",
            "setAccessibleName",
            "setAccessibleDescription",
            "setSpecialValueText",
            "setSuffix",
            "setPrefix",
            "showMessage",
            "setCancelButtonText",
            "addRow",
            "addItem",
            "addItems",
            "addMenu",
            "setHorizontalHeaderLabels",
            "setHeaderLabels",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QGroupBox",
            "QAction",
            "QToolButton",
            "QMenu",
            "QCommandLinkButton",
        ),
        (0,),
    ),
    "addAction": (0, 1),  # (text) or (icon, text)
    "addButton": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "setItemText": (1,),
    "setTabToolTip": (1,),
    "QProgressDialog": (0, 1),  # label, cancel button
}
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}  # QMessageBox.x(parent, title, text)
ALLOWED = {
    ("admin/view.py", "English"): "the language list names each language in itself, in every language",
    ("screenshots.py", "admin"): "a user name typed into the sign-in form for the screenshots, not a text",
}


def _words(node: ast.expr) -> str | None:
    """The literal words `node` passes on untranslated, if any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        return "".join(parts) if WORDS.search("".join(parts)) else None
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return None


def _shown(call: ast.Call) -> list[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in MESSAGE_BOXES and isinstance(func, ast.Attribute) and ast.unparse(func.value) == "QMessageBox":
        positions: tuple[int, ...] = (1, 2)
    else:
        positions = TEXT_AT.get(name, ())
    if not positions:
        return []
    keywords = [k.value for k in call.keywords if k.arg in ("text", "title")]
    return [call.args[i] for i in positions if i < len(call.args)] + keywords


def untranslated(source: str, where: str) -> list[str]:
    """`where:line: 'words'` for each untranslated text in `source` (a module of alsdesk/ui)."""
    found = []
    for node in ast.walk(ast.parse(source, where)):
        if isinstance(node, ast.Call):
            for arg in _shown(node):
                words = _words(arg)
                if words is not None and (where, words) not in ALLOWED:
                    found.append(f"{where}:{node.lineno}: {words!r}")
    return found


def test_no_literal_reaches_a_widget_untranslated() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 50
    problems = [p for path in files for p in untranslated(path.read_text("utf-8"), path.relative_to(UI).as_posix())]
    assert problems == []


def test_the_lint_finds_what_it_is_for() -> None:
    """It cannot pass by finding nothing: each form of an untranslated text is reported."""
    source = (
        'label = QLabel("Patients")\n'
        'button.setText(f"Open {name}")\n'
        'QMessageBox.warning(self, "Oops", self.tr("fine"))\n'
        'tabs.addTab(page, "Overview")\n'
        'menu.addAction(icon, "Print" + suffix)\n'
        'ok = QLabel(self.tr("Patients")); ok.setText(code); combo.addItem(self.tr("A4"), "a4")\n'
    )
    found = untranslated(source, "sample.py")
    assert [line.split(": ", 1)[1] for line in found] == ["'Patients'", "'Open '", "'Oops'", "'Overview'", "'Print'"]
    assert untranslated('combo.addItem("English", "en")', "admin/view.py") == []  # allowed, with its reason
