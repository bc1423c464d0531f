"""Long work behind a cancellable, window-modal progress dialog: the worker reports progress by
signal (delivered queued on the GUI thread) and checks, at each report, whether Cancel was pressed."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from alsdesk.errors import AlsdeskError


class Cancelled(AlsdeskError):
    """Raised inside a worker's progress callback once the user pressed Cancel; raised inside a
    write transaction it rolls the whole transaction back."""


class CancellableProgress(QObject):
    """A progress dialog with a Cancel button, and a thread-safe way for workers to see it pressed."""

    progressed = Signal(int, int)

    def __init__(self, label: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(label, QCoreApplication.translate("CancellableProgress", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)  # emitted on the worker: delivered queued

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        self.dialog.setLabelText(self.stopping_text())

    def stopping_text(self) -> str:
        return QCoreApplication.translate("CancellableProgress", "Stopping…")

    def report(self, done: int, total: int) -> None:
        """A worker's progress callback: shows the figures, or stops the work if Cancel was pressed."""
        if self._cancel.is_set():
            raise Cancelled("Cancelled; nothing was changed.")
        self.progressed.emit(done, total)

    def finish(self) -> None:
        self.dialog.close()

    def _show_progress(self, done: int, total: int) -> None:
        if self.cancelled:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(self.progress_text(done, total))

    def progress_text(self, done: int, total: int) -> str:
        return self.dialog.labelText()
