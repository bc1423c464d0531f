"""An edit lost a race with another workstation: who changed what since it was loaded, and Reload."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from alsdesk.errors import ConflictError
from alsdesk.ui.i18n.texts import change_lines, error_text


def headline() -> str:
    return QCoreApplication.translate(
        "ConflictDialog", "This record was changed on another workstation after you opened it; nothing was saved."
    )


def conflict_text(error: ConflictError) -> str:
    """The refusal in words for a form's message line (the service's English text if it named nobody)."""
    lines = change_lines(error)
    if not lines:
        return error_text(error)
    return "\n".join([headline(), *lines])


class ConflictDialog(QMessageBox):
    """Window-modal and opened with open(), so the form behind it keeps what was typed until the
    user chooses Reload (take the saved record, losing the typing) or Keep my entries (retype them
    over the reloaded record later)."""

    def __init__(self, error: ConflictError, reload: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.setText(headline())
        lines = change_lines(error)
        self.setInformativeText("\n".join(lines) if lines else error_text(error))
        self.reload_button = self.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.keep_button = self.addButton(self.tr("&Keep my entries"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.reload_button)
        self.buttonClicked.connect(lambda button: reload() if button is self.reload_button else None)
