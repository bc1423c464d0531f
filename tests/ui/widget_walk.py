"""Walk what a person can reach in a window: every tab of every tab widget, one visible page at a
time, and check it generically (mnemonic clashes, inputs without a name), so new screens are
covered without naming their widgets here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def pages(window: QWidget, settle: Callable[[], None] = QApplication.processEvents) -> Iterator[str]:
    """Bring each tab of each visible tab widget forward in turn (nested ones too) and yield a
    name for what is on screen; the caller checks the window at each step."""

    def walk(path: str) -> Iterator[str]:
        yield path
        for tabs in window.findChildren(QTabWidget):
            if not tabs.isVisible() or tabs.property("_walked"):
                continue
            tabs.setProperty("_walked", True)
            try:
                for index in range(tabs.count()):
                    if not tabs.isTabVisible(index):
                        continue
                    tabs.setCurrentIndex(index)
                    settle()
                    QApplication.processEvents()  # a page built on first show is shown by a queued call
                    yield from walk(f"{path} › {tabs.tabText(index).replace('&', '')}")
                tabs.setCurrentIndex(0)
            finally:
                tabs.setProperty("_walked", False)
            return  # nested tab widgets were walked inside; siblings come with their own page

    yield from walk(window.objectName() or type(window).__name__)


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def mnemonic_owners(window: QWidget) -> dict[str, list[str]]:
    """Alt+key → the texts of the visible controls that answer it on this page."""
    owners: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = mnemonic(text)
        if key:
            owners[key].append(text)

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(action.text())
    return owners


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: texts for key, texts in mnemonic_owners(window).items() if len(texts) > 1}


def labels_without_buddy(window: QWidget) -> list[str]:
    """Labels that show a mnemonic but name no field: Alt+key does nothing."""
    return [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.buddy() is None and mnemonic(w.text())]


INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView, QAbstractButton)


def is_input(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if isinstance(widget, QAbstractButton):
        return isinstance(widget, (QCheckBox, QRadioButton))  # push buttons are named by their text
    if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
        return False  # the editor inside a combo or spin box: the box carries the name
    return isinstance(widget, INPUTS) and not isinstance(widget, QHeaderView)


def unnamed_inputs(window: QWidget) -> list[str]:
    """Visible input widgets with neither an accessible name nor a label naming them (a buddy)."""
    named_by_label = {id(w.buddy()) for w in window.findChildren(QLabel) if w.buddy() is not None}
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not is_input(widget) or widget.accessibleName().strip():
            continue
        if id(widget) in named_by_label:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().strip():
            continue  # a check box names itself
        hint = getattr(widget, "placeholderText", lambda: "")()
        missing.append(f"{type(widget).__name__} {widget.objectName() or hint or '(no name)'} in {_where(widget)}")
    return missing


def _where(widget: QWidget) -> str:
    parts = []
    w: QWidget | None = widget.parentWidget()
    while w is not None and len(parts) < 4:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(parts)


def cut_off_labels(window: QWidget) -> list[str]:
    """Visible labels narrower than their text that neither wrap nor show the whole text as a tooltip."""
    cut = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.wordWrap() or label.pixmap() is not None:
            continue
        if label.width() + 1 < label.sizeHint().width() and label.text() not in label.toolTip():
            cut.append(f"{label.text()!r} ({label.width()} of {label.sizeHint().width()} px)")
    return cut
