"""A day's handouts and checklists built in a worker behind a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from alsdesk.app.day_batch import build_day_batch
from alsdesk.app.documents import PrintJob
from alsdesk.errors import AlsdeskError
from alsdesk.ui.widgets.progress import CancellableProgress
from alsdesk.ui.widgets.worker import Backend


class BatchBuilder(CancellableProgress):
    """Builds one PDF for `on`; `done(job)` gets None when the user cancelled (between patients)."""

    def __init__(self, backend: Backend, on: date, parent: QWidget) -> None:
        super().__init__(  # translated by name: self.tr needs the QObject made first
            QCoreApplication.translate("BatchBuilder", "Preparing handouts and checklists for {0}…").format(
                on.isoformat()
            ),
            QCoreApplication.translate("BatchBuilder", "Family papers"),
            parent,
        )
        self.backend = backend
        self.on = on

    def stopping_text(self) -> str:
        return self.tr("Stopping after the current patient…")

    def start(self, done: Callable[[PrintJob | None], None], failed: Callable[[AlsdeskError], None]) -> None:
        on, is_cancelled, emit = self.on, self._cancel.is_set, self.progressed.emit

        def work(session: Any) -> PrintJob | None:
            return build_day_batch(session, on, cancelled=is_cancelled, progress=emit)

        def finished(job: PrintJob | None) -> None:
            self.finish()
            done(job)

        def refused(error: AlsdeskError) -> None:
            self.finish()
            failed(error)

        self.dialog.show()
        self.backend.read(work, finished, refused, owner=self)

    def progress_text(self, done: int, total: int) -> str:
        if done >= total - 1:
            return self.tr("Putting the pages together…")
        return self.tr("Preparing papers for patient {0} of {1}…").format(done + 1, total - 1)
