"""An encrypted clinic's keys: re-encrypting it under a new key, its backups encrypted or sealed
with a passphrase, and a sealed backup opened for a restore."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alsdesk.app.clinic import open_clinic
from alsdesk.services import access, audit
from alsdesk.storage import Database, convert, encryption, sealed
from alsdesk.storage.files import crash_point, work_folder
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


def keystore_path(path: Path) -> Path:
    """The key store beside the encrypted clinic file `path` (kept with the backups)."""
    return encryption.keystore_path(path)


def plain_backups(path: Path) -> list[Path]:
    """Backups of the encrypted clinic file `path` still in plain form."""
    return list(convert.plain_backups(path))


def encrypt_left_backups(path: Path) -> list[Path] | None:
    """Encrypt the plain backups of the encrypted (and unlocked) clinic file `path` with its key;
    returns those left plain, or None when its key is not known to this process."""
    key = encryption.key_for(path)
    if key is None:
        return None
    return list(convert.encrypt_backups(path, key))


def sealed_backup(path: Path, output: Path, passphrase: str) -> Path:
    """A checked plain copy of the clinic file `path` in its private work folder, sealed with
    `passphrase` into `output` (so only the passphrase is needed where it is restored)."""
    with work_folder(path) as folder:
        sealed.seal_file(convert.plain_copy(path, folder / "plain.sqlite3"), output, passphrase)
    return output


@contextmanager
def opened_backup(path: Path, db_path: Path, passphrase: Callable[[], str]) -> Iterator[Path]:
    """A backup file itself, or for a sealed one its verified content in the database's private
    work folder (swept at the next start if this process is killed); `passphrase` is asked only
    for a sealed one."""
    if not sealed.is_sealed(path):
        yield path
        return
    secret = passphrase()
    with work_folder(db_path) as folder:
        yield sealed.unseal_into(path, secret, folder / "unsealed.sqlite3")
