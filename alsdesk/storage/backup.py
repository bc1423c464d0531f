"""Consistent copies of a SQLite database through the online backup API."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alsdesk.errors import StorageError

log = logging.getLogger(__name__)


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(db_path: Path, reason: str, dest_dir: Path | None = None) -> Path:
    """Copy `db_path` to a new, fsynced, integrity-checked file and return its path.

    Written to a temporary name first and renamed into place, so a crash never leaves a
    half-written file that looks like a good backup.
    """
    dest_dir = dest_dir or backup_dir_for(db_path)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = dest_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    tmp = final.with_suffix(".tmp")
    try:
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                ok = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise StorageError(f"The backup copy failed its integrity check ({ok}); not kept.")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Could not write a backup to {dest_dir}: {exc}") from exc
    log.info("backup written: %s", final)
    return final
