"""Keyboard helpers shared by screens and dialogs: Ctrl+Enter confirms where Enter types a new line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_ctrl_enter(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in ENTER_KEYS
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


class _CtrlEnter(QObject):
    """Event filter on a multi-line edit: Ctrl+Enter runs `action` instead of typing a line break."""

    def __init__(self, edit: QWidget, action: Callable[[], object]) -> None:
        super().__init__(edit)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_ctrl_enter(event):
            self._action()
            return True
        return False


def on_ctrl_enter(edit: QWidget, action: Callable[[], object]) -> None:
    """Ctrl+Enter in `edit` (a QPlainTextEdit or QTextEdit) runs `action`."""
    edit.installEventFilter(_CtrlEnter(edit, action))


def confirm_button(dialog: QDialog) -> QAbstractButton | None:
    """The button Enter would press in a one-line dialog: the default one, else OK/Save/Yes."""
    for push in dialog.findChildren(QPushButton):
        if push.isDefault() and push.isVisible():
            return push
    for box in dialog.findChildren(QDialogButtonBox):
        for role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole):
            for button in box.buttons():
                if box.buttonRole(button) == role:
                    return button
    return None


def confirm_with_ctrl_enter(dialog: QDialog) -> None:
    """Let Ctrl+Enter confirm a dialog from any of its multi-line edits, as Enter does elsewhere.

    The confirm button is clicked (so the dialog's own checks run), or the dialog accepted."""
    tip = QCoreApplication.translate("keys", "Ctrl+Enter")

    def confirm() -> None:
        button = confirm_button(dialog)
        if button is None:
            dialog.accept()
        elif button.isEnabled():
            button.click()

    edits: list[QPlainTextEdit | QTextEdit] = [*dialog.findChildren(QPlainTextEdit), *dialog.findChildren(QTextEdit)]
    for edit in edits:
        if not edit.isReadOnly():
            on_ctrl_enter(edit, confirm)
    button = confirm_button(dialog)
    if button is not None and tip not in button.toolTip():
        button.setToolTip(f"{button.toolTip()} ({tip})".strip() if button.toolTip() else tip)


def multiline_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """QInputDialog.getMultiLineText, but Ctrl+Enter confirms (its OK button says so)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setTextValue(text)
    dialog.setOkButtonText(QCoreApplication.translate("keys", "OK (Ctrl+Enter)"))
    confirm_with_ctrl_enter(dialog)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return (dialog.textValue() if ok else ""), ok
