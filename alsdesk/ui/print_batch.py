"""A day's handouts and checklists built in a worker behind a cancellable progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from alsdesk.errors import AlsdeskError
from alsdesk.ui.print_jobs import PrintJob, build_day_batch
from alsdesk.ui.worker import Backend


class BatchBuilder(QObject):
    """Builds one PDF for `on`; `done(job)` gets None when the user cancelled (between patients)."""

    progressed = Signal(int, int)

    def __init__(self, backend: Backend, on: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.backend = backend
        self.on = on
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(
            self.tr("Preparing handouts and checklists for {0}…").format(on.isoformat()),
            self.tr("Cancel"),
            0,
            0,
            parent,
        )
        self.dialog.setWindowTitle(self.tr("Family papers"))
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
        self.dialog.setLabelText(self.tr("Stopping after the current patient…"))

    def start(self, done: Callable[[PrintJob | None], None], failed: Callable[[AlsdeskError], None]) -> None:
        on, is_cancelled, emit, staff = self.on, self._cancel.is_set, self.progressed.emit, self.backend.staff_id

        def work(session: Any) -> PrintJob | None:
            return build_day_batch(session, on, cancelled=is_cancelled, progress=emit, staff_id=staff)

        def finished(job: PrintJob | None) -> None:
            self.dialog.close()
            done(job)

        def refused(error: AlsdeskError) -> None:
            self.dialog.close()
            failed(error)

        self.dialog.show()
        self.backend.read(work, finished, refused, owner=self)

    def _show_progress(self, done: int, total: int) -> None:
        if self.cancelled:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if done >= total - 1:
            self.dialog.setLabelText(self.tr("Putting the pages together…"))
        else:
            self.dialog.setLabelText(self.tr("Preparing papers for patient {0} of {1}…").format(done + 1, total - 1))
