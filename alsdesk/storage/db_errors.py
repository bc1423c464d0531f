"""Driver failures turned into messages a clinician can act on (a refused CHECK names its field
and rule), and which PostgreSQL failures may simply be run again."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.orm.exc import StaleDataError

from alsdesk.errors import ConflictError, DatabaseLocked, DomainError, StorageError, TransientWriteError


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn driver failures into messages a clinician can act on; nothing half-saved remains."""
    try:
        yield
    except StaleDataError as err:
        raise ConflictError(
            "Another workstation changed this record after you opened it; nothing was saved. "
            "Reload it to see the change, then make your edit again."
        ) from err
    except exc.IntegrityError as err:
        broken = broken_check(str(err.orig))
        if broken is not None:
            raise broken from err
        raise DomainError(
            "The change conflicts with existing records and was not saved: {reason}", reason=err.orig
        ) from err
    except exc.OperationalError as err:
        if is_transient(err):
            raise TransientWriteError(
                "Another workstation was saving at the same moment and this save was rolled back; "
                "nothing was saved. Try again."
            ) from err
        text = str(err.orig).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLocked(
                "The database is busy with another save; nothing was saved. Try again in a moment."
            ) from err
        if "full" in text or "no space" in text:
            raise StorageError("The disk is full, so nothing was saved. Free some space, then save again.") from err
        if "readonly" in text or "read-only" in text:
            raise StorageError("The database file is read-only; nothing was saved.") from err
        raise StorageError("The database could not be used: {reason}", reason=err.orig) from err
    except exc.DBAPIError as err:  # e.g. InterfaceError on a connection that was already gone
        if is_transient(err):
            raise TransientWriteError(
                "The connection to the database server was lost before the save finished; nothing was saved."
            ) from err
        raise


# SQLite: "CHECK constraint failed: ck_assessment_fvc_range"; PostgreSQL: '... violates check
# constraint "ck_assessment_fvc_range"'.
_CHECK_NAME = re.compile(r'check constraint(?: failed:)?\s+"?(\w+)"?', re.IGNORECASE)


def broken_check(reason: str) -> DomainError | None:
    """The field a database CHECK refused, named with the rule it broke (not the constraint)."""
    from alsdesk.models import Base

    found = _CHECK_NAME.search(reason)
    if found is None:
        return None
    for table in Base.metadata.tables.values():
        for c in table.constraints:
            if isinstance(c, sa.CheckConstraint) and found.group(1) in (c.name, f"ck_{table.name}_{c.name}"):
                rule = str(c.sqltext)
                fields = [col.name for col in table.columns if re.search(rf"\b{col.name}\b", rule)]
                return DomainError(
                    "{field} ({table}) breaks the rule {rule}; nothing was saved.",
                    field=", ".join(fields) or table.name,
                    table=table.name.replace("_", " "),
                    rule=rule,
                )
    return None


# PostgreSQL SQLSTATEs after which the server has rolled the whole transaction back.
_ROLLED_BACK_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


# SQLSTATEs of a server that ended the session: admin_shutdown, crash_shutdown, cannot_connect_now.
_SESSION_ENDED_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})


def mark_lost_connections(ctx: sa.engine.ExceptionContext) -> None:
    """`handle_error` hook for PostgreSQL: a psycopg OperationalError without a SQLSTATE is the
    client's own view of a dead socket ("connection socket closed" when poll() sees the hang-up
    before any data). psycopg does not mark that connection broken, so SQLAlchemy would hand it back
    to the pool, whose rollback then fails with "another command is already in progress". Marking it
    a disconnect discards the connection and lets `is_transient` see it as lost."""
    orig = ctx.original_exception
    if not type(orig).__module__.startswith("psycopg") or ctx.is_disconnect:
        return
    sqlstate = getattr(orig, "sqlstate", None) or ""
    no_answer = not sqlstate and type(orig).__name__ == "OperationalError"
    if no_answer or sqlstate.startswith("08") or sqlstate in _SESSION_ENDED_SQLSTATES:
        ctx.is_disconnect = True


def is_transient(err: exc.DBAPIError) -> bool:
    """Whether a PostgreSQL failure left nothing committed and the unit of work may simply run again."""
    if not type(err.orig).__module__.startswith("psycopg"):
        return False  # SQLite: writers already waited out the busy timeout; there are no deadlocks
    sqlstate = getattr(err.orig, "sqlstate", None) or ""
    if sqlstate in _ROLLED_BACK_SQLSTATES:
        return True
    lost = err.connection_invalidated or sqlstate.startswith("08")
    # Lost while a statement ran: the server rolls back. Lost during COMMIT (SQLAlchemy records no
    # statement then): it may have committed, so running it again could save twice.
    return bool(lost and err.statement is not None)
