"""Opening the clinic database the way every front end (GUI, CLI) does."""

from __future__ import annotations

import logging
from pathlib import Path

from alsdesk.errors import StorageError
from alsdesk.services import audit, catalogs
from alsdesk.storage import Database, backup, open_database, resolve_database_url
from alsdesk.storage.config import sqlite_path

log = logging.getLogger(__name__)


def open_clinic(url: str | None = None, *, migrate: bool = True, backup_now: bool = True) -> Database:
    """Resolve the URL, open (and if needed upgrade) the database, take the day's first backup,
    and add missing catalog entries.

    The window passes backup_now=False and runs `daily_backup` on a worker instead: on a large
    clinic file the copy and its checks take seconds that must not freeze the window.
    """
    url = resolve_database_url(url)
    path = sqlite_path(url)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    db = open_database(url, migrate=migrate)
    if path is not None and existed and backup_now:
        try:
            daily_backup(path)
        except StorageError:  # a failed backup must not stop the clinic; it is in the log
            pass
    for factory in db.session_factories:
        audit.install(factory)
    try:
        with db.write() as session:
            catalogs.sync_catalogs(session=session)
    except BaseException:
        db.dispose()
        raise
    return db


def daily_backup(path: Path) -> Path | None:
    """The day's first backup of the clinic file (None when today's exists); a failure is logged
    and raised, and must not stop the clinic (callers go on without it)."""
    try:
        return backup.daily_backup(path)
    except StorageError as err:
        log.warning("daily backup not taken: %s", err)
        raise


def close_clinic(db: Database) -> str | None:
    """On exit: check the SQLite file and, when it is healthy, take a backup; then release it.

    Returns a message for the user when the check or the backup failed (None when all is well),
    so a damaged file is reported the day it happens and never pushes good backups out.
    """
    path = sqlite_path(db.url)
    db.dispose()
    if path is None or not path.exists():
        return None
    try:
        backup.take_backup(path, "exit")
    except StorageError as err:
        log.error("exit check or backup failed: %s", err)
        return str(err)
    return None
