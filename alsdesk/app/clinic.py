"""The clinic's lifecycle as every front end (GUI, CLI) runs it: open, unlock, back up, restore, encrypt, close."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import StorageError
from alsdesk.models import Staff
from alsdesk.services import accounts, audit, catalogs, medications, refusals
from alsdesk.storage import Database, anchors, backup, encryption, open_database, resolve_database_url, schema
from alsdesk.storage.anchors import Anchor
from alsdesk.storage.config import sqlite_path
from alsdesk.storage.files import settle
from alsdesk.storage.keystore import KeyStore

if TYPE_CHECKING:
    from alsdesk.storage.check import CheckResult

log = logging.getLogger(__name__)


def is_encrypted(url: str | None = None) -> bool:
    """Whether the database is an encrypted SQLite file (so it opens only after a sign-in)."""
    path = sqlite_path(resolve_database_url(url))
    if path is None:
        return False
    settle(path)  # an encryption a crash interrupted is finished first, so the answer is the final one
    return encryption.is_encrypted(path)


def unlock(url: str | None, username: str, password: str, *, now: datetime | None = None) -> bytes:
    """The key of an encrypted database, unwrapped with this account's password.

    A wrong password fails before the database can be opened, so the key store counts it, with
    the same growing waits and lock as a sign-in inside the database (accounts.refusal), and
    keeps its time until `signing_in` writes it to the audit trail. A wrong password and an
    unknown name get the same message, cost the same (one key derivation) and are slowed and
    locked alike. Sign-in proper (disabled accounts and so on) then runs in the database."""
    path = sqlite_path(resolve_database_url(url))
    if path is None:
        raise StorageError("Only a SQLite database file can be encrypted.")
    now = now or datetime.now(UTC)
    name = (username or "").strip().lower()
    store = KeyStore.for_database(path)
    count, last = store.attempts(name)  # an unknown name is slowed alike: a wait tells nothing
    if last is not None:
        refused = accounts.refusal(
            failures=count, last_failed_at=last, locked_until=accounts.lock_until(count, last), now=now
        )
        if refused is not None:
            log.info("an encrypted database refused a sign-in for %r (%s)", name, refused[1])
            raise accounts.SignInError(refused[0])
    key = store.unwrap(name, password)
    if key is None:
        log.info("an encrypted database refused a sign-in for %r", name)
        if store.note_failure(name, now):
            store.save()
        raise accounts.SignInError(accounts.WRONG)
    return _follow_rotation(path, store, name, password, key)


def _follow_rotation(path: Path, store: KeyStore, name: str, password: str, key: bytes) -> bytes:
    """After `db rekey` an account's entry still wraps the old key: this sign-in unseals the new
    one and re-wraps the entry with it (once the database is under it: a `db rekey` killed before
    its rename left the file under the old key). `signing_in` drops the old key when no active
    account needs it any more."""
    from alsdesk.storage.rekey import opens_with

    new = store.next_key(key)
    if new is None or not opens_with(path, new):
        return key
    try:
        store.wrap(name, password, new)
        store.save()
        log.info("%s now opens the database with its new key", name)
    except StorageError as err:  # the sign-in must not depend on it: the next one re-wraps
        log.warning("%s keeps the old key for now: %s", name, err)
    return new


UNLOCK_FAILED = "wrong password, before the encrypted database was unlocked"


@contextmanager
def signing_in(db: Database, username: str, actor: object = None) -> Iterator[Session]:
    """The write transaction a sign-in runs in (CLI and GUI alike).

    With an encrypted database, the failed unlocks the key store holds for `username` (refused
    before the database could be opened, see `unlock`) enter the audit trail in this same
    transaction, one entry each, and leave the key store once it has committed (a key store that
    cannot be written then repeats them rather than losing them); a successful sign-in also
    resets the key store's count, as it does the database's."""
    path = sqlite_path(db.url)
    name = (username or "").strip().lower()
    store, state = None, None
    if path is not None and encryption.key_for(path) is not None:
        try:
            store = KeyStore.for_database(path)
            state = store.failures(name)
        except StorageError as err:  # the sign-in itself must not depend on this side file
            log.warning("failed unlocks not audited: %s", err)
    with db.write(actor=actor) as session:
        if state is not None and state[2]:
            staff_id = session.scalar(sa.select(Staff.id).where(Staff.username == name))
            for when in state[2]:
                audit.record(
                    session=session,
                    action="signin_failed",
                    table="staff",
                    record_id=staff_id,
                    detail={"username": name, "why": UNLOCK_FAILED, "failed_at": when.isoformat()},
                    category="security",
                )
        given = session.info.get("actor")
        yield session
        signed = session.info.get("actor")  # accounts.sign_in puts the account it accepted here
        signed_in = signed is not given and getattr(signed, "username", None) == name
        active = set(session.scalars(sa.select(Staff.username).where(Staff.active))) if store else set()
    if store is not None and path is not None and signed_in:
        _drop_old_key(path, active)
    if store is None or path is None or state is None:
        return
    try:
        fresh = KeyStore.for_database(path)  # re-read: another process may have counted one meanwhile
        if fresh.forget_failures(name, state[2], reset=signed_in):
            fresh.save()
    except StorageError as err:  # committed already: they are audited again next time, not lost
        log.warning("failed unlocks audited but not cleared from the key store: %s", err)


def _drop_old_key(path: Path, active: set[str]) -> None:
    """After a sign-in: the old key of a `db rekey` goes once no active account still needs it."""
    try:
        store = KeyStore.for_database(path)
        if store.finish_rotation(active):
            store.save()
            log.info("the old database key was dropped: every active account has the new one")
    except StorageError as err:  # the next sign-in tries again
        log.warning("the old database key was not dropped: %s", err)


def grant_key(db: Database, session: Session, username: str, password: str) -> bool:
    """With an encrypted database, give `username` the database key wrapped with this password;
    returns whether it was given.

    Called inside the write that sets the password (`session`), so a key store that cannot be
    written rolls the password change back. A disabled account gets none: `user disable` took its
    copy, and only an administrator enabling it again (`user enable`, with a new password) gives
    one back."""
    path = sqlite_path(db.url)
    key = encryption.key_for(path) if path is not None else None
    if path is None or key is None:
        return False
    name = (username or "").strip().lower()
    if not session.scalar(sa.select(Staff.active).where(Staff.username == name)):
        return False
    store = KeyStore.for_database(path)
    store.wrap(name, password, key)
    store.save()
    return True


def revoke_key(db: Database, username: str) -> bool:
    """A disabled account loses its wrapped key (an administrator enabling it gives it back)."""
    path = sqlite_path(db.url)
    if path is None or encryption.key_for(path) is None:
        return False
    store = KeyStore.for_database(path)
    if store.remove(username):
        store.save()
    return True


def open_clinic(
    url: str | None = None,
    *,
    migrate: bool = True,
    key: bytes | None = None,
    backup_now: bool = True,
    upto: str | None = None,
) -> Database:
    """Resolve the URL, open (and if needed upgrade) the database, take the day's first backup,
    and add missing catalog entries (only when the shipped catalog changed: catalogs_in_step). After an upgrade, every course's next ALT date is derived
    again by today's rule (a migration stores the rule of its own revision). `key` opens an encrypted database (see `unlock`); `upto`
    upgrades only that far (see open_database).

    The window passes backup_now=False and runs `daily_backup` on a worker instead: on a large
    clinic file the copy and its checks take seconds that must not freeze the window.
    """
    url = resolve_database_url(url)
    path = sqlite_path(url)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    db = open_database(url, migrate=migrate, key=key, upto=upto)
    made = None
    if path is not None and existed and backup_now:
        try:
            made = daily_backup(path)
        except StorageError:  # a failed backup must not stop the clinic; it is in the log
            pass
    for factory in db.session_factories:
        audit.install(factory)
    refusals.install(db)
    try:
        with db.read() as session:
            in_step = not db.upgraded and catalogs.catalogs_in_step(session=session)
        if not in_step or made is not None:  # usually nothing to write: the start stays a read
            with db.write() as session:
                if not in_step:
                    catalogs.sync_catalogs(session=session)
                if db.upgraded and upto is None:  # an old revision stored them by the rule of its day (0009)
                    medications.derive_alt_due(session, sa.true())
                if made is not None:
                    record_backup(session, made, "daily")
    except BaseException:
        db.dispose()
        raise
    return db


def record_backup(session: Session, made: Path, reason: str) -> None:
    """The audit trail's entry for a backup taken (written just after it: a copy never holds its
    own entry)."""
    audit.record(
        session=session,
        action="backup",
        table="database",
        detail={"file": made.name, "reason": reason},
        category="security",
    )


def backup_clinic(url: str | None, made: Path, reason: str, actor: object = None) -> None:
    """Record a backup the command line took of the file at `url` (opened just for this)."""
    db = open_clinic(url, backup_now=False)
    try:
        with db.write(actor=actor) as session:
            record_backup(session, made, reason)
    finally:
        db.dispose()


def restore_clinic(source: Path, target: Path, actor: object = None) -> Path:
    """Replace the SQLite clinic file `target` with the verified backup `source` (see
    storage.backup.restore_sqlite). The restore's audit entry is written into the restored copy
    before that copy takes the file's place, so no restored database lacks it; then this
    workstation's audit anchor is set anew at that entry, so a restore is not read as a rollback.
    Returns where the replaced file was kept."""
    key = encryption.key_for(target)

    def record_restore(copy: Path, kept: str) -> None:
        # Upgraded here if the backup is older: the backup itself is the copy from before the upgrade.
        url = f"sqlite:///{copy}"
        db = open_database(url, backup=False, key=key)
        try:
            for factory in db.session_factories:
                audit.install(factory)
            with db.write(actor=actor) as session:
                audit.record(
                    session=session,
                    action="restore",
                    table="database",
                    detail={"from": source.name, "kept": kept},
                    category="security",
                )
        finally:
            db.dispose()
            encryption.forget_key(copy)
            anchors.reset(anchors.location_of(url), None)  # the copy's own anchor: it is about to move

    kept = backup.restore_sqlite(source, target, record_restore)
    url = f"sqlite:///{target}"
    anchors.reset(anchors.location_of(url), None)  # the old anchor is ahead of the restored trail
    db = open_clinic(url, backup_now=False)  # catalogs brought up to date
    try:
        db.reanchor()
    finally:
        db.dispose()
    return kept


def encrypt_clinic(
    db: Database, username: str, password: str, *, keep_backup: bool = True
) -> tuple[Database, Path | None]:
    """Encrypt the open SQLite clinic `db` (closed first) for `username`, and reopen it with the new key.
    The change is recorded in the audit trail as that account inside the encrypted copy, before the
    copy takes the file's place. Returns the reopened database and the pre-encrypt backup (None when
    `keep_backup` is off, for a database without patients)."""
    from alsdesk.storage.convert import encrypt_database

    path = sqlite_path(db.url)
    if path is None:
        raise StorageError("Only a SQLite database file can be encrypted; PostgreSQL encrypts on the server.")
    url = db.url

    def record(copy: Path, key: bytes) -> None:
        staged = open_database(f"sqlite:///{copy}", backup=False, key=key)
        try:
            for factory in staged.session_factories:
                audit.install(factory)
            with staged.write() as session:
                accounts.sign_in(session=session, username=username, password=password).actor_or_raise()
                audit.record(session=session, action="database_encrypted", table="database", category="security")
        finally:
            staged.dispose()
            encryption.forget_key(copy)

    db.dispose()
    key, kept = encrypt_database(path, username, password, keep_backup=keep_backup, prepare=record)
    log.info("database encrypted by %s", username)
    return open_clinic(url, key=key), kept


def daily_backup(path: Path) -> Path | None:
    """The day's first backup of the clinic file (None when today's exists); a failure is logged
    and raised, and must not stop the clinic (callers go on without it)."""
    try:
        return backup.daily_backup(path)
    except StorageError as err:
        log.warning("daily backup not taken: %s", err)
        raise


def close_clinic(db: Database) -> StorageError | None:
    """On exit: check the SQLite file and, when it is healthy, take a backup; then release it.

    Returns the error to show the user when the check or the backup failed (None when all is
    well), so a damaged file is reported the day it happens and never pushes good backups out.
    The window runs it when it closes (ui/exit_backup.py).
    """
    path = sqlite_path(db.url)
    db.dispose()
    if path is None or not path.exists():
        return None
    try:
        made = backup.take_backup(path, "exit")
        with db.write() as session:  # the engine reconnects after dispose()
            record_backup(session, made, "exit")
        db.dispose()
    except StorageError as err:
        log.error("exit check or backup failed: %s", err)
        return err
    return None


SCHEMA_HEAD = schema.HEAD  # the schema revision this alsdesk writes


def check_clinic(url: str | None) -> CheckResult:
    """Check the database at `url` without changing anything (`alsdesk db check`)."""
    from alsdesk.storage import check  # only for the check: it loads the backup converters

    return check.check_database(url)


def audit_anchor(db: Database) -> Anchor | None:
    """Where this workstation's anchor holds the audit trail of `db` (None before the first)."""
    return anchors.read(db.audit_location)


BEFORE_MRN_INDEX = schema.BEFORE_MRN_INDEX  # the last revision before MRNs are unique case-folded


def behind_head(db: Database) -> bool:
    """Whether the open database is at an older schema than this alsdesk writes (opened `upto`)."""
    with db.engine.connect() as conn:
        return schema.current_revision(conn) != schema.HEAD
