"""A SQLite file judged without writing to it: is it a healthy database, and at which schema
revision. Below both the backups (which verify their copies with it) and `database` (which checks
a file before opening it), so neither has to import the other."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from alsdesk.errors import DatabaseDamaged
from alsdesk.storage import encryption, schema
from alsdesk.storage.db_errors import translate_errors

# How long a connection waits for another writer's lock before it is refused as busy.
BUSY_TIMEOUT_MS = 15_000

# quick_check reads every page: about 1.5 s for a 0.5 GB clinic file. Larger files are checked in
# full by the first backup of each day and the one on exit; opening them only reads the schema.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def check_sqlite_file(path: Path, *, full: bool = False, key: bytes | None = None) -> None:
    """Refuse a file that is not a healthy SQLite database, without writing to it.

    An encrypted file is read with `key`, else with the key remembered for it; without either
    it gets its own message (sign in), not "not a database"."""
    if not path.exists() or path.stat().st_size == 0:
        return
    key = key if key is not None else encryption.key_for(path)
    check = "PRAGMA quick_check" if full or path.stat().st_size <= QUICK_CHECK_MAX_BYTES else None
    if key is None:
        encryption.require_key(path)
        if not encryption.has_sqlite_header(path):
            raise DatabaseDamaged(
                "{path} is not an alsdesk database (it is another kind of file, or encrypted without its "
                "key store beside it); it was not changed.",
                path=path,
            )
    try:
        conn = encryption.connect(path, key, readonly=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if check:
                result = conn.execute(check).fetchone()[0]
            else:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                result = "ok"
        finally:
            conn.close()
    except encryption.db_errors() as err:
        raise encryption.explain(path, err, key) from None
    if result != "ok":
        raise DatabaseDamaged(
            "{path} failed its integrity check ({reason}); restore it from a backup. The file was not changed.",
            path=path,
            reason=result,
        )


def refuse_foreign_or_newer(path: Path, key: bytes | None = None) -> str | None:
    """Read the revision read-only first: even setting WAL mode would change a foreign file.
    Returns the revision (None for an empty database)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    key = key if key is not None else encryption.key_for(path)
    if key is not None:
        engine = encryption.create_engine(path, key, readonly=True)
    else:
        engine = sa.create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with translate_errors(), engine.connect() as conn:
            return schema.current_revision(conn)
    finally:
        engine.dispose()
