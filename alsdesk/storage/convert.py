"""Turning a plain SQLite database into an encrypted one, and plain copies for sealed backups."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from alsdesk.errors import StorageError
from alsdesk.storage import encryption
from alsdesk.storage.backup import backup_dir_for, backup_path, backup_sqlite, fold_wal, list_backups
from alsdesk.storage.files import crash_point, exclusive, fsync_file, run_renames, work_folder
from alsdesk.storage.keystore import KeyStore
from alsdesk.storage.sqlite_check import check_sqlite_file

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
    path: Path,
    username: str,
    password: str,
    *,
    keep_backup: bool = True,
    prepare: Callable[[Path, bytes], None] | None = None,
) -> tuple[bytes, Path | None]:
    """Encrypt the plain database at `path` in place with a new random key, wrapped for `username`;
    its plain backups are encrypted with the same key in the same step.

    Every new file is prepared first, where no one reads it: the encrypted copy of the database
    (made with `sqlcipher_export` and verified: integrity and every table's row count) and the
    key store in the database's private work folder, `prepare(copy, key)` run on that copy (the
    app records the encryption in its audit trail), a pre-encrypt backup (a copy of the encrypted
    copy: no plain copy is ever made) and an encrypted copy of each plain backup beside it. Then
    one journal of renames puts them all in place (files.run_renames); a crash before the journal
    leaves the plain clinic as it was, one after it is finished by the next open. No other program
    may have the database open meanwhile (new ones wait). Returns the key and the pre-encrypt backup.
    """
    if path.is_symlink():
        raise StorageError(
            "{path} is a symbolic link (to {target}); encrypting would replace the link and leave its target "
            "plain. Nothing was changed: run it on the file itself, alsdesk --database sqlite:///{target} db encrypt, "
            "and point alsdesk at that file from then on.",
            path=path,
            target=path.resolve(),
        )
    if encryption.is_encrypted(path):
        raise StorageError("{path} is already encrypted.", path=path)
    if not path.exists() or not encryption.has_sqlite_header(path):
        raise StorageError("{path} is not a plain alsdesk database; nothing was changed.", path=path)

    check_sqlite_file(path, full=True)
    key = encryption.new_key()
    staged: list[Path] = []
    try:
        with work_folder(path) as folder, exclusive(path):
            _checkpoint(path)
            copy = folder / path.name
            encryption.export_copy(path, None, copy, key)
            check_sqlite_file(copy, full=True, key=key)
            if table_counts(path, None) != table_counts(copy, key):
                raise StorageError("The encrypted copy does not hold every row; the database was left as it was.")
            crash_point("encrypt:copied")
            moves: list[tuple[Path, Path | None]] = []
            kept = None
            if keep_backup:
                kept = backup_path(path, "pre-encrypt")
                staged.append(_staged(kept))
                shutil.copyfile(copy, staged[-1])
                fsync_file(staged[-1])
                moves.append((staged[-1], kept))
            if prepare is not None:
                prepare(copy, key)
            fold_wal(copy, key)
            for plain in plain_backups(path):
                staged.append(_staged(plain))
                if _encrypted_copy(plain, staged[-1], key):
                    moves.append((staged[-1], plain))
            store = KeyStore.new(folder / "keys")
            store.wrap(username, password, key)
            store.save()
            moves.append((store.path, encryption.keystore_path(path)))
            moves += [(path.with_name(path.name + side), None) for side in ("-wal", "-shm")]
            run_renames(path, "encrypt", [*moves, (copy, path)])
    except OSError as err:
        raise StorageError(
            "Cannot encrypt {path}: {reason}. The database was left as it was.", path=path, reason=err.strerror or err
        ) from err
    finally:
        for leftover in staged:
            leftover.unlink(missing_ok=True)
    encryption.remember_key(path, key)
    log.info("database encrypted: %s", path)
    return key, kept


def _staged(final: Path) -> Path:
    """The hidden name beside `final` its encrypted version is prepared under (no backup listing sees it)."""
    return final.with_name(f".{final.name}.encrypting")


def _encrypted_copy(plain: Path, dest: Path, key: bytes) -> bool:
    """An encrypted copy of a plain backup, checked row for row; False (logged) when it cannot be made."""
    try:
        encryption.export_copy(plain, None, dest, key)
        if table_counts(plain, None) != table_counts(dest, key):
            raise StorageError("the encrypted copy does not hold every row")
        fsync_file(dest)
        return True
    except (StorageError, OSError) + encryption.db_errors() as err:  # noqa: RUF005 - mypy types a sum of tuples
        log.warning("backup %s left unencrypted: %s", plain, err)
        dest.unlink(missing_ok=True)
        return False


def plain_backups(path: Path) -> list[Path]:
    """The backups of `path` in its backups folder that are still unencrypted SQLite files."""
    return [b for _stamp, b in list_backups(backup_dir_for(path)) if encryption.has_sqlite_header(b)]


def encrypt_backups(path: Path, key: bytes) -> list[Path]:
    """Encrypt the plain backups left beside an encrypted database (one that could not be encrypted
    with it), each through a journal like the database itself; returns those still plain."""
    left = []
    for plain in plain_backups(path):
        staged = _staged(plain)
        try:
            if _encrypted_copy(plain, staged, key):
                with exclusive(path):
                    run_renames(path, "encrypt", [(staged, plain)])
            else:
                left.append(plain)
        finally:
            staged.unlink(missing_ok=True)
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

    check_sqlite_file(dest, full=True)
    return dest
