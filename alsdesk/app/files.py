"""The clinic's files as the front ends handle them: where the SQLite file is, its backups, and
the key of an encrypted file held in memory."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alsdesk.errors import AlsdeskError
from alsdesk.storage import backup, encryption
from alsdesk.storage.backup import BackupInfo, format_size
from alsdesk.storage.config import resolve_database_url, sqlite_path
from alsdesk.storage.files import settle

__all__ = [
    "BackupInfo",
    "backup_folder",
    "clinic_file",
    "database_file",
    "existing_clinic_file",
    "forget_key",
    "format_size",
    "good_backups",
    "last_backup_time",
    "refuse_lost",
    "remember_key",
    "restore_hint",
    "settled_file",
    "take_backup",
]


def clinic_file(url: str | None) -> Path | None:
    """The SQLite file of the database at `url` (the configured one when None); None for a server.
    A bad URL is refused in words."""
    return sqlite_path(resolve_database_url(url))


def database_file(url: str) -> Path | None:
    """The SQLite file of an open database (its `Database.url`); None for a server."""
    return sqlite_path(url)


def existing_clinic_file(url: str | None) -> Path | None:
    """The clinic's SQLite file when it already holds data (a new, empty file needs no backup);
    None for a server or a URL that cannot be read (opening reports that in words)."""
    try:
        path = clinic_file(url)
    except AlsdeskError:
        return None
    return path if path is not None and path.exists() and path.stat().st_size > 0 else None


def backup_folder(path: Path) -> Path:
    """Where the backups of the clinic file `path` are kept."""
    return backup.backup_dir_for(path)


def good_backups(path: Path) -> list[BackupInfo]:
    """The newest backups of `path` that pass verification, newest first (a few)."""
    return backup.good_backups(path)


def last_backup_time(path: Path) -> datetime | None:
    """When the newest backup of the clinic file `path` was written (local time); None when there
    is none yet."""
    folder = backup.backup_dir_for(path)
    files = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
    return datetime.fromtimestamp(files[-1].stat().st_mtime) if files else None


def forget_key(url: str) -> None:
    """An encrypted SQLite file's key leaves memory (nobody is signed in any more)."""
    path = database_file(url)
    if path is not None:
        encryption.forget_key(path)


def settled_file(url: str | None) -> Path | None:
    """The clinic's SQLite file with any multi-file change a crash interrupted (restore,
    encryption) finished first, so it is judged as it will be read; None for a server."""
    path = clinic_file(url)
    if path is not None:
        settle(path)
    return path


def refuse_lost(path: Path) -> None:
    """Refuse a clinic file that holds no clinic while backups of it exist (see
    storage.backup.refuse_lost_database): the restore offer, not a new empty clinic."""
    backup.refuse_lost_database(path)


def take_backup(path: Path, reason: str, dest: Path | None = None) -> Path:
    """Check the clinic file and copy it (to `dest`, else the backup folder); returns the copy."""
    return backup.take_backup(path, reason, dest)


def restore_hint(path: Path) -> str:
    """One sentence naming the latest good backup of `path` and the command that restores it."""
    return backup.restore_hint(path)


def remember_key(path: Path, key: bytes) -> None:
    """This process reads the encrypted SQLite file `path` with `key` (backup, restore, check)."""
    encryption.remember_key(path, key)
