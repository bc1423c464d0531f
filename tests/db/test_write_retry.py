"""PostgreSQL writes rolled back for a transient reason run again whole; conflicts never do."""

from __future__ import annotations

import threading
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy import exc

from alsdesk.errors import ConflictError, TransientWriteError
from alsdesk.models import Patient
from alsdesk.services import patients
from alsdesk.services.access import Actor
from alsdesk.storage import database
from alsdesk.storage.database import Database
from alsdesk.storage.db_errors import is_transient

ADMIN = Actor("test-admin", role="administrator")

# These need a second connection racing the first: PostgreSQL only (the conftest's db_url param).
on_postgresql = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def add_patient(db: Database) -> Patient:
    with db.write(actor=ADMIN) as s:
        return patients.add_patient(
            session=s,
            mrn="R1",
            family_name="Retry",
            given_name="Anne",
            birth_date=date(1960, 1, 1),
            sex="female",
        )


@pytest.mark.postgres
@pytest.mark.slow
@on_postgresql
def test_serialization_failure_is_retried_once_and_then_succeeds(db: Database) -> None:
    """Another workstation commits to the row after this unit took its snapshot: PostgreSQL
    refuses the update (40001); the whole unit runs again and saves on the second attempt."""
    p = add_patient(db)
    other = sa.create_engine(db.url)
    attempts: list[int] = []

    def unit(session) -> str:  # type: ignore[no-untyped-def]
        attempts.append(1)
        session.connection().exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        phone = session.execute(sa.text("SELECT phone FROM patient WHERE id = :id"), {"id": p.id}).scalar_one()
        if len(attempts) == 1:  # the other workstation saves in between, once
            with other.begin() as conn:
                conn.execute(sa.text("UPDATE patient SET phone = '111' WHERE id = :id"), {"id": p.id})
        session.execute(sa.text("UPDATE patient SET given_name = 'Beth' WHERE id = :id"), {"id": p.id})
        return str(phone)

    try:
        seen_phone = db.run_write(unit, actor=ADMIN)
    finally:
        other.dispose()
    assert len(attempts) == 2
    assert seen_phone == "111"  # the second run saw the other workstation's save: nothing overwritten blind
    with db.read(actor=ADMIN) as s:
        row = s.execute(sa.text("SELECT given_name, phone FROM patient WHERE id = :id"), {"id": p.id}).one()
    assert tuple(row) == ("Beth", "111")


@pytest.mark.postgres
@pytest.mark.slow
@on_postgresql
def test_deadlock_victim_is_retried_and_both_writes_land(db: Database) -> None:
    """Two units lock two rows in opposite order: PostgreSQL kills one (40P01); it runs again."""
    first = add_patient(db)
    with db.write(actor=ADMIN) as s:
        second = patients.add_patient(
            session=s, mrn="R2", family_name="Retry", given_name="Bob", birth_date=date(1961, 1, 1), sex="male"
        )
    both_locked = threading.Barrier(2, timeout=20)
    attempts = {"a": 0, "b": 0}
    errors: list[BaseException] = []

    def unit(name: str, mine: object, theirs: object):  # type: ignore[no-untyped-def]
        def work(session) -> None:  # type: ignore[no-untyped-def]
            attempts[name] += 1
            session.execute(sa.text("UPDATE patient SET phone = :v WHERE id = :id"), {"v": name, "id": mine})
            if attempts[name] == 1:
                both_locked.wait()  # each holds its own row: the next update closes the cycle
            session.execute(sa.text("UPDATE patient SET address = :v WHERE id = :id"), {"v": name, "id": theirs})

        def run() -> None:
            try:
                db.run_write(work, actor=ADMIN)
            except BaseException as err:  # reported by the assertion below
                errors.append(err)

        return threading.Thread(target=run)

    threads = [unit("a", first.id, second.id), unit("b", second.id, first.id)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(attempts.values()) == [1, 2]  # exactly one was the deadlock victim and ran again


@pytest.mark.postgres
@pytest.mark.slow
@on_postgresql
def test_connection_lost_before_commit_is_retried(db: Database) -> None:
    """The server ends the session mid-unit (a restart, a dropped network): nothing was committed,
    so the unit runs again on a fresh connection."""
    p = add_patient(db)
    other = sa.create_engine(db.url)
    attempts: list[int] = []

    def unit(session) -> None:  # type: ignore[no-untyped-def]
        attempts.append(1)
        session.execute(sa.text("UPDATE patient SET phone = '222' WHERE id = :id"), {"id": p.id})
        if len(attempts) == 1:
            pid = session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
            with other.begin() as conn:
                conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        session.execute(sa.text("UPDATE patient SET given_name = 'Cora' WHERE id = :id"), {"id": p.id})

    try:
        db.run_write(unit, actor=ADMIN)
    finally:
        other.dispose()
    assert len(attempts) == 2
    with db.read(actor=ADMIN) as s:
        row = s.execute(sa.text("SELECT given_name, phone FROM patient WHERE id = :id"), {"id": p.id}).one()
    assert tuple(row) == ("Cora", "222")


@pytest.mark.postgres
@on_postgresql
def test_socket_closed_without_an_answer_is_retried_on_a_new_connection(db: Database) -> None:
    """Under load poll() can see the killed server's hang-up before its FATAL message, and psycopg
    raises "connection socket closed" with no SQLSTATE, leaving the connection mid-command and not
    marked broken. The unit must still run again, on a fresh connection, and save once."""
    import psycopg

    p = add_patient(db)
    attempts: list[int] = []
    used: list[object] = []

    def fail_mid_query(cursor, statement, parameters, context):  # type: ignore[no-untyped-def]
        if len(attempts) == 1 and "given_name" in statement:
            cursor.connection.pgconn.send_query(b"SELECT 1")  # left in progress, as the real failure was
            raise psycopg.OperationalError("connection socket closed")

    def unit(session) -> None:  # type: ignore[no-untyped-def]
        attempts.append(1)
        used.append(session.connection().connection.dbapi_connection)
        session.execute(sa.text("UPDATE patient SET phone = '333' WHERE id = :id"), {"id": p.id})
        session.execute(sa.text("UPDATE patient SET given_name = 'Dora' WHERE id = :id"), {"id": p.id})

    sa.event.listen(db.engine, "do_execute", fail_mid_query)
    try:
        db.run_write(unit, actor=ADMIN)
    finally:
        sa.event.remove(db.engine, "do_execute", fail_mid_query)
    assert len(attempts) == 2
    assert used[0] is not used[1] and used[0].closed  # type: ignore[attr-defined]
    with db.read(actor=ADMIN) as s:
        row = s.execute(sa.text("SELECT given_name, phone FROM patient WHERE id = :id"), {"id": p.id}).one()
    assert tuple(row) == ("Dora", "333")


def test_stale_edit_is_a_conflict_and_is_not_retried(db) -> None:  # type: ignore[no-untyped-def]
    """Another workstation saved the record after this unit loaded it: the versioned UPDATE finds
    no row, and the user must decide; the unit ran once and the other save stands (both backends)."""
    p = add_patient(db)
    attempts: list[int] = []

    def unit(session) -> None:  # type: ignore[no-untyped-def]
        attempts.append(1)
        mine = session.get(Patient, p.id)
        assert mine is not None
        # The other workstation commits in its own transaction (on SQLite it has to be the same
        # connection, which holds the write lock): the row's version moves on underneath.
        bump = (
            sa.update(Patient.__table__)
            .where(Patient.__table__.c.id == p.id)
            .values(version=Patient.__table__.c.version + 1, given_name="Other")
        )
        if db.is_sqlite:
            session.connection().execute(bump)
        else:
            other = sa.create_engine(db.url)
            try:
                with other.begin() as conn:
                    conn.execute(bump)
            finally:
                other.dispose()
        mine.given_name = "Mine"
        session.flush()

    with pytest.raises(ConflictError):
        db.run_write(unit, actor=ADMIN)
    assert len(attempts) == 1
    if not db.is_sqlite:  # on SQLite the other change was in the rolled-back unit itself
        with db.read(actor=ADMIN) as s:
            assert patients.get_patient(session=s, patient_id=p.id).given_name == "Other"


def test_retries_stop_after_the_last_attempt(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A unit that keeps failing transiently is tried WRITE_ATTEMPTS times, then reported in words."""
    monkeypatch.setattr(database, "RETRY_PAUSE_S", 0.0)
    attempts: list[int] = []

    def unit(session) -> None:  # type: ignore[no-untyped-def]
        attempts.append(1)
        raise TransientWriteError("rolled back; nothing was saved.")

    with pytest.raises(TransientWriteError, match="nothing was saved"):
        db.run_write(unit, actor=ADMIN)
    assert len(attempts) == database.WRITE_ATTEMPTS


def test_sqlite_lock_errors_are_not_transient() -> None:
    """SQLite writers already waited out the busy timeout; running them again would only wait more."""
    import sqlite3

    err = exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert not is_transient(err)
