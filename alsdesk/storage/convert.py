"""Turning a plain SQLite database into an encrypted one, and plain copies for sealed backups."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from alsdesk.errors import StorageError
from alsdesk.storage import encryption
from alsdesk.storage.backup import backup_dir_for, backup_sqlite, list_backups, take_backup
from alsdesk.storage.keystore import KeyStore

log = logging.getLogger(__name__)


def table_counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = encryption.connect(path, key, readonly=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so nothing lives only in `-wal` when the file is replaced."""
    conn = encryption.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def encrypt_database(
    path: Path, username: str, password: str, *, keep_backup: bool = True
) -> tuple[bytes, Path | None]:
    """Encrypt the plain database at `path` in place with a new random key, wrapped for `username`.

    Order: a checked plain backup (unless `keep_backup` is off, for a brand-new database), an
    encrypted copy made with `sqlcipher_export` and verified (integrity and every table's row
    count), the key store written, then the copy renamed over the original. A crash at any
    point leaves either the plain database or the encrypted one with its key store. No other
    program may have the database open meanwhile. Returns the key and the plain backup's path.
    """
    if encryption.is_encrypted(path):
        raise StorageError("{path} is already encrypted.", path=path)
    if not path.exists() or not encryption.has_sqlite_header(path):
        raise StorageError("{path} is not a plain alsdesk database; nothing was changed.", path=path)
    from alsdesk.storage.database import check_sqlite_file

    check_sqlite_file(path, full=True)
    _checkpoint(path)
    kept = take_backup(path, "pre-encrypt") if keep_backup else None
    key = encryption.new_key()
    tmp = path.with_name(f".{path.name}.encrypting")
    try:
        encryption.export_copy(path, None, tmp, key)
        check_sqlite_file(tmp, full=True, key=key)
        before, after = table_counts(path, None), table_counts(tmp, key)
        if before != after:
            raise StorageError("The encrypted copy does not hold every row; the database was left as it was.")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        store = KeyStore.new(encryption.keystore_path(path))
        store.wrap(username, password, key)
        store.save()
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        os.replace(tmp, path)
    except OSError as err:
        raise StorageError(
            "Cannot encrypt {path}: {reason}. The database was left as it was.", path=path, reason=err.strerror or err
        ) from err
    finally:
        tmp.unlink(missing_ok=True)
    encryption.remember_key(path, key)
    log.info("database encrypted: %s", path)
    encrypt_backups(path, key)
    return key, kept


def plain_backups(path: Path) -> list[Path]:
    """The backups of `path` in its backups folder that are still unencrypted SQLite files."""
    return [b for _stamp, b in list_backups(backup_dir_for(path)) if encryption.has_sqlite_header(b)]


def encrypt_backups(path: Path, key: bytes) -> list[Path]:
    """Encrypt the plain backups of a database just encrypted, with its own key, so no copy of the
    records stays readable beside it (restore reads them with the database's key). Each is
    copied, checked row for row and renamed over the plain one; one that fails stays plain, is
    logged, and is returned so the caller can say so."""
    left = []
    for plain in plain_backups(path):
        tmp = plain.with_name(f".{plain.name}.encrypting")
        try:
            encryption.export_copy(plain, None, tmp, key)
            if table_counts(plain, None) != table_counts(tmp, key):
                raise StorageError("the encrypted copy does not hold every row")
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, plain)
        except (StorageError, OSError) + encryption.DB_ERRORS as err:  # noqa: RUF005 - as in backup._replace_damaged
            log.warning("backup %s left unencrypted: %s", plain, err)
            left.append(plain)
        finally:
            tmp.unlink(missing_ok=True)
    return left


def plain_copy(path: Path, dest: Path) -> Path:
    """A checked, unencrypted copy of the database (for sealing with a passphrase)."""
    key = encryption.key_for(path)
    if key is None:
        encryption.require_key(path)
        made = backup_sqlite(path, "sealed", dest.parent)
        os.replace(made, dest)
        return dest
    _checkpoint(path)
    encryption.export_copy(path, key, dest, None)
    from alsdesk.storage.database import check_sqlite_file

    check_sqlite_file(dest, full=True)
    return dest
