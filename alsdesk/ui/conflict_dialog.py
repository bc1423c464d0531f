"""An edit lost a race with another workstation: who changed what since it was loaded, and Reload."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from alsdesk.errors import ConflictError


class ConflictDialog(QMessageBox):
    """Window-modal and opened with open(), so the form behind it keeps what was typed until the
    user chooses Reload (take the saved record, losing the typing) or Keep my entries (retype them
    over the reloaded record later)."""

    def __init__(self, error: ConflictError, reload: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.setText(self.tr("Someone saved this record after you opened it, so your edit was not saved."))
        lines = [
            self.tr("{0} changed {1} at {2}").format(
                c.name if c.name == c.username else f"{c.name} ({c.username})",
                ", ".join(c.fields) or self.tr("it"),
                c.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
            for c in error.changes
        ]
        self.setInformativeText("\n".join(lines) if lines else str(error))
        self.reload_button = self.addButton(self.tr("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        self.keep_button = self.addButton(self.tr("&Keep my entries"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.reload_button)
        self.buttonClicked.connect(lambda button: reload() if button is self.reload_button else None)
