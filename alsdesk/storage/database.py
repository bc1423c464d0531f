"""Open a database safely: check the file, set durable pragmas, migrate to head, hand out sessions."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.orm import Session, sessionmaker

from alsdesk.errors import (
    PermissionDenied,
    StorageError,
    TransientWriteError,
)
from alsdesk.private_files import private_database
from alsdesk.storage import anchors, encryption, keys, schema, sqlite_check
from alsdesk.storage.backup import backup_sqlite, checkpoint, refuse_lost_database
from alsdesk.storage.config import data_dir, display_url, sqlite_path, sslmode_of, sslmode_warning, with_sslmode
from alsdesk.storage.db_errors import mark_lost_connections, translate_errors
from alsdesk.storage.files import settle
from alsdesk.storage.location import network_filesystem
from alsdesk.storage.sqlite_check import check_sqlite_file, refuse_foreign_or_newer

log = logging.getLogger(__name__)

SQLITE_HEADER = encryption.SQLITE_HEADER

# A write unit of work that PostgreSQL gave up for a reason that is safe to repeat is run again
# from the start, a few times with a growing, jittered pause so two workstations do not collide again.
WRITE_ATTEMPTS = 4
RETRY_PAUSE_S = 0.05

T = TypeVar("T")

# What the audit trail (services/audit.py) notes in session.info["audit_tx"] once it has checked
# the key and this workstation's anchor in a transaction, for the commit: whether the anchor holds
# (so it may advance), the head appended, and whether to anchor there even behind the old anchor
# (the trail accepted). Cleared at every commit and rollback.
AUDIT_TX = "audit_tx"


@dataclass
class AuditTx:
    holds: bool = False
    head: anchors.Anchor | None = None
    reanchor: bool = False


@dataclass
class AuditKeyState:
    """Shared by a Database's sessions: the trail was seen to be made with this key (checked once)."""

    confirmed: bool = False


def _rolled_back(session: Session) -> None:
    session.info.pop(AUDIT_TX, None)


def _sqlite_engine(url: str) -> sa.Engine:
    path = sqlite_path(url)
    key = encryption.key_for(path) if path is not None else None
    if path is not None and key is not None:
        engine = encryption.create_engine(path, key)
    else:
        engine = sa.create_engine(url, connect_args={"timeout": sqlite_check.BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN so writers can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {sqlite_check.BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        # FULL + WAL: a commit that returned survives a killed process and a power cut.
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    dbapi_error = engine.dialect.loaded_dbapi.Error

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        statement = f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'IMMEDIATE')}"
        # On the driver: SQLAlchemy's statement machinery costs more than a short read (a chart's).
        try:
            conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]  # open while begun
        except dbapi_error as err:  # worded as SQLAlchemy's (a locked database), for translate_errors
            raise sa.exc.DBAPIError.instance(statement, None, err, dbapi_error) from err

    return engine


class Database:
    """One open database: a write session factory, a read session factory, and its URL."""

    def __init__(self, url: str, engine: sa.Engine, audit_key: bytes | None = None, *, fresh: bool = False) -> None:
        self.url = url
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        # Who sessions act for when write()/read() are not told: the CLI sets it after sign-in.
        self.actor: object = None
        # Whether opening it ran migrations: derived values kept by today's rules are then
        # re-derived (app.open_clinic), whatever rule an old revision stored them by.
        self.upgraded = False
        # Records a refused attempt once its transaction has rolled back, in a transaction of its
        # own (services/refusals.py installs it; storage does not know the audit trail).
        self.on_refusal: Callable[[Database, object, PermissionDenied], None] | None = None
        self._writer = sessionmaker(engine, expire_on_commit=False)
        reader_engine = engine.execution_options(sqlite_begin="DEFERRED") if self.is_sqlite else engine
        self._reader = sessionmaker(reader_engine, expire_on_commit=False)
        self.audit_location = anchors.location_of(url)
        if fresh:  # a database just made: an anchor left by one that was here before is not its own
            anchors.reset(self.audit_location, None)
        self._audit_key = audit_key if audit_key is not None else self._workstation_key(reader_engine)
        self._audit_key_state = AuditKeyState()
        for factory in (self._writer, self._reader):
            event.listen(factory, "after_commit", self._committed)
            event.listen(factory, "after_rollback", _rolled_back)

    @staticmethod
    def _workstation_key(engine: sa.Engine) -> bytes | None:
        """This workstation's audit key; a new one only for a trail with no entries yet (None: refuse writes)."""
        key = keys.load_audit_key()
        if key is not None:
            return key
        with translate_errors(), engine.connect() as conn:
            started = conn.execute(sa.text("SELECT 1 FROM audit_entry LIMIT 1")).first() is not None
        return None if started else keys.make_audit_key()

    @property
    def audit_key(self) -> bytes:
        """The clinic's audit key; AuditKeyError when this workstation has none."""
        if self._audit_key is None:
            raise keys.missing_key_error()
        return self._audit_key

    def reanchor(self) -> None:
        """Anchor this workstation at the trail's head as it is now (after a restore)."""
        with translate_errors(), self.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT seq, mac FROM audit_entry ORDER BY seq DESC LIMIT 1")).first()
        anchors.reset(self.audit_location, anchors.Anchor(int(row.seq), str(row.mac)) if row else None)

    def audit_anchors(self) -> list[anchors.Anchor]:
        """What the trail must still hold: the newest entry this workstation saw committed here
        (see storage.anchors) and, for a SQLite file, the last entry of its newest backup."""
        path = sqlite_path(self.url)
        found = [anchors.read(self.audit_location), checkpoint(path) if path is not None else None]
        return [a for a in found if a is not None]

    def _committed(self, session: Session) -> None:
        tx = session.info.pop(AUDIT_TX, None)
        if tx is None or tx.head is None:
            return
        if tx.reanchor:
            anchors.reset(self.audit_location, tx.head)
        elif tx.holds:
            anchors.advance(self.audit_location, tx.head)

    def _session_info(self, actor: object) -> dict[str, object]:
        return {
            "audit_key": self._audit_key,
            "audit_key_state": self._audit_key_state,
            "audit_location": self.audit_location,
            "actor": actor if actor is not None else self.actor,
        }

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    @property
    def sslmode(self) -> str | None:
        """The PostgreSQL sslmode in effect (None for SQLite), for the status bar."""
        return sslmode_of(self.url)

    @property
    def security_warning(self) -> str | None:
        return sslmode_warning(self.url)

    @property
    def session_factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        return self._writer, self._reader

    @contextmanager
    def write(self, actor: object = None) -> Iterator[Session]:
        """A session in one write transaction, committed on success; failures get plain words.

        `actor` (who is writing) and the audit key ride in `session.info` for the audit trail.
        """
        actor = actor if actor is not None else self.actor
        with self._refusals_recorded(actor), translate_errors(), self._writer() as session, session.begin():
            session.info.update(self._session_info(actor))
            yield session

    def run_write(self, fn: Callable[[Session], T], actor: object = None) -> T:
        """fn(session) in one write transaction; re-run whole in a fresh session when PostgreSQL
        rolled it back for a transient reason (serialization failure, deadlock, connection lost
        before commit). Conflicts (ConflictError) and every other failure are never retried:
        a stale edit needs a person to decide, and a commit whose outcome is unknown must not repeat.
        """
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self.write(actor=actor) as session:
                    return fn(session)
            except TransientWriteError as err:
                if attempt == WRITE_ATTEMPTS:
                    raise
                pause = RETRY_PAUSE_S * 2 ** (attempt - 1) * (1 + random.random())
                log.warning("write attempt %d rolled back (%s); running it again in %.2f s", attempt, err, pause)
                time.sleep(pause)
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextmanager
    def read(self, actor: object = None) -> Iterator[Session]:
        actor = actor if actor is not None else self.actor
        with self._refusals_recorded(actor), translate_errors(), self._reader() as session, session.begin():
            session.info.update(self._session_info(actor))
            yield session

    @contextmanager
    def _refusals_recorded(self, actor: object) -> Iterator[None]:
        """A refusal leaving a session is recorded after its rollback, once (nested sessions)."""
        try:
            yield
        except PermissionDenied as err:
            if self.on_refusal is not None and not err.recorded:
                err.recorded = True  # first: a recording that fails must not be tried again
                try:
                    self.on_refusal(self, actor, err)
                except Exception:  # the refusal itself must still reach the person refused
                    log.warning("a refused attempt could not be recorded in the audit trail", exc_info=True)
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def create_engine_for(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    # PostgreSQL: synchronous_commit stays on (server default); pre-ping survives restarts.
    url = with_sslmode(url)
    warning = sslmode_warning(url)
    if warning:
        log.warning("%s", warning)
    engine = sa.create_engine(url, pool_pre_ping=True)
    sa.event.listen(engine, "handle_error", mark_lost_connections)
    return engine


def open_database(
    url: str, *, migrate: bool = True, backup: bool = True, key: bytes | None = None, upto: str | None = None
) -> Database:
    """Open `url`, upgrading it to the current schema (after a backup of a SQLite file).

    `key` opens an encrypted SQLite file (SQLCipher); it is remembered for this file so backups
    and checks in this process can read it too. `upto` stops the upgrade at an earlier revision,
    where data a later revision refuses (UpgradeRefused) can be put right."""
    url = with_sslmode(url)
    path = sqlite_path(url)
    if key is not None:
        if path is None:
            raise StorageError("Only a SQLite database file can be encrypted; PostgreSQL encrypts on the server.")
        encryption.remember_key(path, key)
    if path is not None:
        if settle(path) == "restore":  # a restore a crash interrupted, finished before anything is read:
            anchors.reset(
                anchors.location_of(url), None
            )  # its trail is behind the old anchor; the next write anchors it
        share = network_filesystem(path)
        if share:
            raise StorageError(
                "{path} is on a network share ({share}), where SQLite can lose data. Keep the file on this "
                "computer's own disk, or point every workstation at one PostgreSQL server.",
                path=path,
                share=share,
            )
        check_sqlite_file(path)
        if refuse_foreign_or_newer(path) is None:  # missing, empty, or without tables: no clinic in it
            refuse_lost_database(path)
        private_database(path, data_dir())  # makes its folder (0700) if missing
    engine = create_engine_for(url)
    upgraded = False
    try:
        with translate_errors(), engine.connect() as conn:
            revision = schema.current_revision(conn)
            conn.rollback()
        target = upto or schema.HEAD
        if revision is None or revision < target:
            if not migrate:
                raise StorageError(
                    "The database schema is at {revision}, not {head}; run `alsdesk db upgrade`.",
                    revision=revision or "none",
                    head=schema.HEAD,
                )
            if path is not None and revision is not None and backup:
                backup_sqlite(path, f"pre-upgrade-{revision}")
            log.info("upgrading %s from %s to %s", display_url(url), revision, target)
            schema.upgrade(engine, target)
            upgraded = revision is not None
    except exc.DatabaseError as err:
        engine.dispose()
        if path is None:
            raise
        raise encryption.explain(path, err.orig or err, encryption.key_for(path)) from None
    except BaseException:
        engine.dispose()
        raise
    db = Database(url, engine, fresh=revision is None)
    db.upgraded = upgraded
    return db
