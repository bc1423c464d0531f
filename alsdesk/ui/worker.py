"""Database work off the GUI thread: results or AlsdeskErrors delivered back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from sqlalchemy.orm import Session

from alsdesk.errors import AlsdeskError
from alsdesk.services.common import Changes
from alsdesk.storage import Database

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[AlsdeskError], None]


class _Carrier(QObject):
    """Lives on the GUI thread; the worker emits into it, so callbacks run on the GUI thread."""

    finished = Signal(object, object)

    def __init__(self, backend: Backend, done: Done | None, failed: Failed | None, owner: QObject | None) -> None:
        super().__init__()
        self.backend = backend
        self.done = done
        self.failed = failed
        self.owner = owner
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: AlsdeskError | None) -> None:
        self.backend._forget(self)
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return  # the widget that asked has been closed; nobody to tell
        if error is not None:
            if self.failed is not None:
                self.failed(error)
            else:
                self.backend.error.emit(str(error))
            return
        for changes in _changes_in(result):
            self.backend.changed.emit(changes)
        if self.done is not None:
            self.done(result)


def _changes_in(result: Any) -> list[Changes]:
    if isinstance(result, Changes):
        return [result]
    if isinstance(result, tuple):
        return [r for r in result if isinstance(r, Changes)]
    return []


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self.work = work
        self.carrier = carrier
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except AlsdeskError as err:
            result, error = None, err
        except Exception as err:  # a bug: log it, tell the user in one line
            log.exception("background work failed")
            result, error = None, AlsdeskError(f"Unexpected error ({type(err).__name__}: {err}); see the log.")
        self.carrier.finished.emit(result, error)


class Backend(QObject):
    """The GUI's only way to the database: reads run in parallel, writes one at a time.

    `changed` carries the `Changes` every successful write returned; `error` carries the
    message of a failure nobody handled.
    """

    changed = Signal(object)
    error = Signal(str)
    idle = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.staff_id: Any = None  # the signed-in staff member (a placeholder until sign-in exists)
        self._readers = QThreadPool(self)
        # SQLite serialises writers anyway; two readers keep a 2-core machine responsive.
        self._readers.setMaxThreadCount(2 if db.is_sqlite else 4)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._pending: set[_Carrier] = set()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def read(
        self,
        fn: Callable[[Session], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run fn(session) in a read transaction on a worker thread."""

        def work() -> Any:
            with self.db.read() as session:
                return fn(session)

        self._start(self._readers, work, done, failed, owner)

    def write(
        self,
        fn: Callable[[Session], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run fn(session) in one write transaction, after any earlier write has finished."""

        def work() -> Any:
            with self.db.write() as session:
                return fn(session)

        self._start(self._writer, work, done, failed, owner)

    def call(
        self, fn: Callable[[], Any], done: Done | None = None, failed: Failed | None = None, *, writes: bool = True
    ) -> None:
        """Run a plain function (it opens its own sessions), serialised with the writes."""
        self._start(self._writer if writes else self._readers, fn, done, failed, None)

    def _start(
        self,
        pool: QThreadPool,
        work: Callable[[], Any],
        done: Done | None,
        failed: Failed | None,
        owner: QObject | None,
    ) -> None:
        carrier = _Carrier(self, done, failed, owner)
        self._pending.add(carrier)
        pool.start(_Task(work, carrier))

    def _forget(self, carrier: _Carrier) -> None:
        self._pending.discard(carrier)
        carrier.deleteLater()
        if not self._pending:
            self.idle.emit()

    def shutdown(self) -> None:
        """Let running work finish (a write must not be cut off), then close the database."""
        self._writer.waitForDone()
        self._readers.waitForDone()
        self.db.dispose()
