"""Encryption at rest with SQLCipher: keyed connections, plain/encrypted copies, and the messages.

The database key is 32 random bytes handed to SQLCipher as a raw key (`x'…'`), so opening costs
no key derivation; passwords only unwrap it (see `storage.keystore`). The key lives in memory,
registered per file for the backups and checks of this process; it is never logged, never put
in a URL string and never in an error message.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import sqlite3
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from alsdesk.errors import DatabaseDamaged, DatabaseLocked, StorageError

log = logging.getLogger(__name__)


@functools.cache
def _sqlcipher() -> Any:
    """SQLCipher's driver, loaded when an encrypted file is first met (~5 MB and ~5 ms that a plain
    clinic's window does without); None when it is not installed (plain files still work)."""
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
        return None
    _quiet_sqlcipher(sqlcipher3)
    return sqlcipher3


def db_errors() -> tuple[type[Exception], ...]:
    """What a database connection raises: sqlite3's errors, and SQLCipher's once its driver is
    loaded (none of its errors exists before). For `except` clauses, which evaluate it only when
    something was raised."""
    cipher = sys.modules.get("sqlcipher3")
    return (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)


KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 15.0

_keys: dict[str, bytes] = {}


class EncryptedDatabaseError(StorageError):
    """An encrypted database was met without its key (nobody signed in yet)."""


class WrongKeyError(StorageError):
    """The key does not open the file (or its first page is damaged)."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def keystore_path(db_path: Path) -> Path:
    """The key store beside the database: `alsdesk.sqlite3.keys`."""
    return db_path.with_name(db_path.name + ".keys")


def has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def is_encrypted(path: Path) -> bool:
    """A non-empty file without SQLite's plain header whose key store sits beside it."""
    try:
        return path.stat().st_size > 0 and keystore_path(path).exists() and not has_sqlite_header(path)
    except OSError:
        return False


def remember_key(path: Path, key: bytes) -> None:
    _keys[str(path.resolve())] = bytes(key)


def forget_key(path: Path) -> None:
    _keys.pop(str(path.resolve()), None)


def key_for(path: Path) -> bytes | None:
    return _keys.get(str(path.resolve()))


def _pragma_key(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise StorageError("The database key has the wrong length; it was not used.")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes | None = None, *, readonly: bool = False, timeout: float = BUSY_TIMEOUT_S) -> Any:
    """A DB-API connection to `path`: SQLCipher with the key (given, or remembered for this file),
    plain sqlite3 without one. Read-only connections never create or change the file."""
    key = key if key is not None else key_for(path)
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    if key is None:
        return sqlite3.connect(target, uri=True, timeout=timeout)
    sqlcipher3 = _sqlcipher()
    if sqlcipher3 is None:  # pragma: no cover
        raise StorageError("This installation cannot open encrypted databases (sqlcipher3 is missing).")
    conn = sqlcipher3.connect(target, uri=True, timeout=timeout)
    conn.execute(_pragma_key(key))
    return conn


def engine_url(path: Path, key: bytes, *, readonly: bool = False) -> sa.URL:
    """A URL object for SQLAlchemy's `sqlite+pysqlcipher` dialect. The key rides in the password
    field, which SQLAlchemy masks in repr() and str(); callers keep showing the plain URL."""
    database = f"file:{path}" if readonly else str(path)
    query = {"mode": "ro", "uri": "true"} if readonly else {}
    _pragma_key(key)  # length check
    return sa.URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=database, query=query)


def create_engine(path: Path, key: bytes, *, readonly: bool = False) -> sa.Engine:
    # QueuePool as for plain files (the dialect's default SingletonThreadPool ties one connection
    # to each thread, which the GUI's worker threads do not want).
    return sa.create_engine(
        engine_url(path, key, readonly=readonly),
        poolclass=sa.pool.QueuePool,
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )


def explain(path: Path, err: Exception, key: bytes | None) -> StorageError:
    """The message for a driver error met while reading `path` (never containing the key)."""
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked("{path} is locked by another program; try again later.", path=path)
    if "not a database" in text and key is not None:
        return WrongKeyError(
            "{path} cannot be opened with this key: the key store belongs to another database or the file's "
            "first page is damaged. It was not changed; restore it from a backup if the damage persists.",
            path=path,
        )
    if ("unable to open" in text or "readonly" in text or "read-only" in text) and read_only(path):
        return StorageError(
            "{path} is on a read-only disk or in a folder that cannot be written (SQLite writes its journal "
            "beside the file); it was not changed. Make the folder writable, or copy the file to one that is.",
            path=path,
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseDamaged(
            "{path} is damaged ({reason}); restore it from a backup. The file was not changed.", path=path, reason=err
        )
    return DatabaseDamaged("{path} cannot be read ({reason}); it was not changed.", path=path, reason=err)


def read_only(path: Path) -> bool:
    """Whether `path`'s folder is on a read-only mount or cannot be written by this user."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY) or not os.access(path.parent, os.W_OK)
    except OSError:
        return False


def require_key(path: Path) -> None:
    """Refuse an encrypted file when no one has signed in to unlock it."""
    if key_for(path) is None and is_encrypted(path):
        raise EncryptedDatabaseError(
            "{path} is encrypted: sign in to open it (alsdesk --user NAME, password from ALSDESK_PASSWORD "
            "or a prompt). It was not changed.",
            path=path,
        )


def export_copy(src: Path, src_key: bytes | None, dst: Path, dst_key: bytes | None) -> None:
    """Copy every table, index and the schema version of `src` into the new file `dst`, changing
    its encryption (plain → encrypted, encrypted → plain) with SQLCipher's `sqlcipher_export`."""
    sqlcipher3 = _sqlcipher()
    if sqlcipher3 is None:  # pragma: no cover
        raise StorageError("This installation cannot encrypt databases (sqlcipher3 is missing).")
    if dst.exists():
        dst.unlink()
    conn = sqlcipher3.connect(f"file:{src}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        if src_key is not None:
            conn.execute(_pragma_key(src_key))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        attach_key = f"x'{dst_key.hex()}'" if dst_key is not None else ""
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(dst), attach_key))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    except db_errors() as err:
        dst.unlink(missing_ok=True)
        raise explain(src, err, src_key) from None
    finally:
        conn.close()


def _quiet_sqlcipher(sqlcipher3: Any) -> None:
    """SQLCipher writes its own error lines to stderr (e.g. on a wrong key); alsdesk reports them itself."""
    try:
        conn = sqlcipher3.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        finally:
            conn.close()
    except sqlcipher3.Error:  # pragma: no cover - an older SQLCipher without the pragma
        log.debug("cipher_log_level not supported")
