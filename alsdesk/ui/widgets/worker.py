"""Database work off the GUI thread: results or AlsdeskErrors delivered back by signal."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from sqlalchemy.orm import Session

from alsdesk.errors import AlsdeskError
from alsdesk.i18n import N_
from alsdesk.services.access import Actor
from alsdesk.services.common import Changes
from alsdesk.storage import Database
from alsdesk.ui.i18n.texts import error_text

log = logging.getLogger(__name__)
# A bug met on a worker, in one line for the user (the traceback goes to the log).
UNEXPECTED = N_("Unexpected error ({kind}: {reason}); see the log.")

Done = Callable[[Any], object]  # what a callback returns is ignored
Failed = Callable[[AlsdeskError], object]


@dataclass
class _Job:
    done: Done | None
    failed: Failed | None
    owner: QObject | None


def _changes_in(result: Any) -> list[Changes]:
    if isinstance(result, Changes):
        return [result]
    if isinstance(result, tuple):
        return [r for r in result if isinstance(r, Changes)]
    return []


class Backend(QObject):
    """The GUI's only way to the database: reads run in parallel, writes one at a time.

    Workers emit `_finished` on this object, which lives on the GUI thread as long as the
    window does, so delivery is a queued call and no per-job QObject is ever deleted while
    another thread emits on it. `changed` carries the `Changes` every successful write
    returned; `error` carries the message of a failure nobody handled.
    """

    changed = Signal(object)
    error = Signal(str)
    idle = Signal()
    _finished = Signal(int, object, object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # Who is signed in: every session this backend opens acts for them (permissions, audit).
        self.actor: Actor | None = None
        self._readers = QThreadPool(self)
        # SQLite serialises writers anyway; two readers keep a 2-core machine responsive.
        self._readers.setMaxThreadCount(2 if db.is_sqlite else 4)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._jobs: dict[int, _Job] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._deliver)

    @property
    def staff_id(self) -> Any:
        """The signed-in staff member's id, recorded as reviewer, prescriber, author."""
        return self.actor.staff_id if self.actor is not None else None

    def may(self, permission: str) -> bool:
        """Whether the signed-in actor holds `permission` (the services check it again)."""
        actor = self.actor if self.actor is not None else self.db.actor
        return isinstance(actor, Actor) and actor.may(permission)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def read(
        self,
        fn: Callable[[Session], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run fn(session) in a read transaction on a worker thread."""

        actor = self.actor  # as asked: a later sign-out does not change who this read was for

        def work() -> Any:
            with self.db.read(actor=actor) as session:
                return fn(session)

        self._start(self._readers, work, _Job(done, failed, owner))

    def write(
        self,
        fn: Callable[[Session], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run fn(session) in one write transaction, after any earlier write has finished."""

        actor = self.actor

        def work() -> Any:
            return self.db.run_write(fn, actor=actor)  # re-run whole if PostgreSQL rolled it back

        self._start(self._writer, work, _Job(done, failed, owner))

    def call(
        self,
        fn: Callable[[], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        writes: bool = True,
        owner: QObject | None = None,
    ) -> None:
        """Run a plain function (it opens its own sessions), serialised with the writes."""
        self._start(self._writer if writes else self._readers, fn, _Job(done, failed, owner))

    def _start(self, pool: QThreadPool, work: Callable[[], Any], job: _Job) -> None:
        job_id = next(self._ids)
        self._jobs[job_id] = job
        finished = self._finished

        def run() -> None:
            try:
                result, error = work(), None
            except AlsdeskError as err:
                result, error = None, err
            except Exception as err:  # a bug: log it, tell the user in one line
                log.exception("background work failed")
                result, error = None, AlsdeskError(UNEXPECTED, kind=type(err).__name__, reason=err)
            finished.emit(job_id, result, error)

        pool.start(run)

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: AlsdeskError | None) -> None:
        job = self._jobs.pop(job_id, None)
        try:
            if job is None or (job.owner is not None and not shiboken6.isValid(job.owner)):
                return  # the widget that asked has been closed; nobody to tell
            if error is not None:
                if job.failed is not None:
                    job.failed(error)
                else:
                    self.error.emit(error_text(error))
                return
            for changes in _changes_in(result):
                self.changed.emit(changes)
            if job.done is not None:
                job.done(result)
        finally:
            if not self._jobs:
                self.idle.emit()

    def shutdown(self) -> None:
        """Let running work finish (a write must not be cut off), then close the database."""
        self._writer.waitForDone()
        self._readers.waitForDone()
        self.db.dispose()


class Latest:
    """Wraps a view's result callbacks so that only the newest request's result is applied.

    Two reloads can run on two reader threads and finish out of order; without this, a slower
    older read could overwrite a newer one with stale data.
    """

    def __init__(self) -> None:
        self._issued = 0

    def __call__(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        self._issued += 1
        ticket = self._issued

        def apply(result: Any) -> None:
            if ticket == self._issued:
                fn(result)

        return apply
