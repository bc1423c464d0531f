"""The day's first backup at start, on a worker so a large clinic file never freezes the window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alsdesk import app
from alsdesk.errors import AlsdeskError
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.worker import Backend

log = logging.getLogger(__name__)


class DailyBackup(QObject):
    """Runs `app.daily_backup` on a reader thread (a one-step SQLite online backup reads a snapshot,
    so saves go on meanwhile); `finished` carries "" when done or the failure's message."""

    finished = Signal(str)

    def __init__(self, backend: Backend, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.path = path
        self.running = False
        self.error = ""

    def start(self, backup: Callable[[Path], object] | None = None) -> None:
        if self.path is None or self.running:
            return
        run = backup or app.daily_backup
        path = self.path
        self.running = True
        self.backend.call(lambda: run(path), self._done, self._failed, writes=False)

    def _done(self, made: object) -> None:
        self.running = False
        self.finished.emit("")
        if isinstance(made, Path):  # the audit trail records every backup taken
            self.backend.write(lambda s: app.record_backup(s, made, "daily"), lambda _r: None, self._not_recorded)

    def _not_recorded(self, error: AlsdeskError) -> None:
        log.warning("backup not recorded in the audit trail: %s", error)

    def _failed(self, error: AlsdeskError) -> None:
        self.running = False
        self.error = error_text(error)
        self.finished.emit(self.error)
