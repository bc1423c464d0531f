"""An encrypted clinic's key: re-encrypting the database and its backups under a new one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alsdesk.app.clinic import open_clinic
from alsdesk.services import access, audit
from alsdesk.storage import Database, encryption
from alsdesk.storage.files import crash_point
from alsdesk.storage.keystore import KeyStore
from alsdesk.storage.rekey import rekey_database


@dataclass(frozen=True)
class Rekeyed:
    """What `db rekey` did: the backups the old key could not read (left as they were), and the
    accounts that get the new key at their next sign-in."""

    left: tuple[Path, ...]
    waiting: tuple[str, ...]


def is_encrypted_file(path: Path) -> bool:
    """Whether the SQLite file `path` is encrypted."""
    return encryption.is_encrypted(path)


def rekey_clinic(db: Database, url: str | None, path: Path, actor: access.Actor, password: str) -> Rekeyed:
    """Re-encrypt the clinic file `path` (open as `db`, signed in as the administrator `actor`,
    closed here) and its backups under a new key. The intent is audited first, so a kill later
    still leaves a trace; the change is audited after, in the database under its new key."""
    try:
        with db.write(actor=actor) as session:
            access.check(session, "admin")
            audit.record(session=session, action="database_rekey_started", table="database", category="security")
        key = encryption.key_for(path)
    finally:
        db.dispose()
    assert key is not None  # an encrypted database opened
    _new, left = rekey_database(path, key, actor.username, password)
    crash_point("rekey:before-audit")
    reopened = open_clinic(url, backup_now=False)
    try:
        with reopened.write(actor=actor) as session:
            audit.record(session=session, action="database_rekeyed", table="database", category="security")
    finally:
        reopened.dispose()
    return Rekeyed(tuple(left), tuple(KeyStore.for_database(path).pending))
