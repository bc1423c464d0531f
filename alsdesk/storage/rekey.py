"""Key rotation (`alsdesk db rekey`): the encrypted database and its backups re-encrypted under a
new key, kept in the key store sealed under the old one until every active account has it.

Order, so that a kill at any step leaves a clinic that opens and a command that can be run again:
the rotation is written to the key store first (the new key sealed under the old; every entry
still wraps the old key), then each backup in `backups/` and finally the database are copied
under the new key, checked and renamed into place, then the administrator's own entry is
re-wrapped. Signing in tries the new key first and the old one after (app.unlock), so a database
not yet renamed still opens; running `db rekey` again resumes with the same new key, skipping the
files already re-encrypted. A kill before a rename may leave the hidden `.NAME.rekeying` copy
(under the new key), which the next run replaces. The crash_point steps (`rekey:*`, and the key
store's own `file:*`) let tests/crash/test_crash_rekey.py kill a real `db rekey` at each.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from alsdesk.errors import StorageError
from alsdesk.storage import encryption
from alsdesk.storage.backup import backup_dir_for, list_backups
from alsdesk.storage.convert import table_counts
from alsdesk.storage.files import crash_point, fsync_dir, fsync_file
from alsdesk.storage.keystore import KeyStore
from alsdesk.storage.sqlite_check import check_sqlite_file

log = logging.getLogger(__name__)


def opens_with(path: Path, key: bytes) -> bool:
    """Whether `key` opens the encrypted file (reads its schema, changes nothing)."""
    try:
        conn = encryption.connect(path, key, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except encryption.db_errors():
        return False
    return True


def _reencrypt(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Copy `path` under the new key, check it row for row, and rename it over the original."""

    tmp = path.with_name(f".{path.name}.rekeying")
    try:
        encryption.export_copy(path, old_key, tmp, new_key)
        check_sqlite_file(tmp, full=True, key=new_key)
        if table_counts(path, old_key) != table_counts(tmp, new_key):
            raise StorageError(
                "The copy under the new key does not hold every row; {path} was left as it was.", path=path
            )
        fsync_file(tmp)
        crash_point("rekey:copy-checked")
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        crash_point("rekey:before-rename")
        os.replace(tmp, path)
        crash_point("rekey:renamed")
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def rekey_database(path: Path, key: bytes, username: str, password: str) -> tuple[bytes, list[Path]]:
    """Re-encrypt the database at `path`, opened with `key`, under a new key (see the module's
    docstring); `username` (an administrator, signed in with `password`) gets the new key at once.
    Returns the new key and the backups left under the old key (they could not be read with it)."""

    store = KeyStore.for_database(path)
    if not store.pending:
        store.finish_rotation(set())  # a finished rotation (every entry has its key) waiting for a sign-in
    new_key = store.next_key(key)
    if new_key is None:  # no rotation under way for this key
        if store.rotation is not None:
            waiting = ", ".join(store.pending)
            raise StorageError(
                "The last key change is not finished: {waiting} still open the database with the old key and "
                "get the new one at their next sign-in. Disable the accounts that will not sign in again "
                "(alsdesk user disable NAME), then change the key again.",
                waiting=waiting,
            )
        check_sqlite_file(path, full=True, key=key)
        new_key = encryption.new_key()
        store.begin_rotation(key, new_key)
        store.save()
        crash_point("rekey:rotation-written")
    # else: an earlier `db rekey` was killed before the database was renamed; resume with its key.
    conn = encryption.connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # nothing may live only in -wal when it is replaced
    finally:
        conn.close()
    crash_point("rekey:checkpointed")
    left = []
    for _stamp, backup in list_backups(backup_dir_for(path)):
        if encryption.has_sqlite_header(backup) or opens_with(backup, new_key):
            continue  # plain (not ours to change here), or done by a run that was killed
        try:
            if not opens_with(backup, key):
                raise StorageError("it does not open with the old key")
            _reencrypt(backup, key, new_key)
        except (StorageError, OSError) + encryption.db_errors() as err:  # noqa: RUF005 - as in convert.encrypt_backups
            log.warning("backup %s left under the old key: %s", backup, err)
            left.append(backup)
    try:
        _reencrypt(path, key, new_key)
    except OSError as err:
        raise StorageError(
            "Cannot change the key of {path}: {reason}. It still opens with the old key; run the command again.",
            path=path,
            reason=err.strerror or err,
        ) from err
    encryption.remember_key(path, new_key)
    crash_point("rekey:database-done")
    store = KeyStore.for_database(path)
    store.wrap(username, password, new_key)
    store.save()
    log.info("database key changed: %s", path)
    return new_key, left
