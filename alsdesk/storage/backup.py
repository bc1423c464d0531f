"""Consistent copies of a SQLite database through the online backup API."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alsdesk.errors import DatabaseDamaged, StorageError
from alsdesk.private_files import private_folder
from alsdesk.storage import encryption

log = logging.getLogger(__name__)

_COPY_ERRORS: tuple[type[Exception], ...] = (*encryption.DB_ERRORS, OSError)


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(db_path: Path, reason: str, dest_dir: Path | None = None) -> Path:
    """Copy `db_path` to a new, fsynced, integrity-checked file and return its path.

    Written to a temporary name first and renamed into place, so a crash never leaves a
    half-written file that looks like a good backup. The copy of an encrypted database is
    encrypted with the same key (SQLCipher's backup API needs both sides keyed alike).
    """
    key = encryption.key_for(db_path)
    dest_dir = private_folder(dest_dir or backup_dir_for(db_path), ours=dest_dir is None)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = dest_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    tmp = final.with_suffix(".tmp")
    try:
        src = encryption.connect(db_path, key, readonly=True)
        try:
            dst = encryption.connect(tmp, key)
            try:
                src.backup(dst)
                ok = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise StorageError("The backup copy failed its integrity check ({reason}); not kept.", reason=ok)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except _COPY_ERRORS as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError("Could not write a backup to {path}: {reason}", path=dest_dir, reason=exc) from exc
    log.info("backup written: %s", final)
    return final


def _stamp_of(path: Path) -> datetime | None:
    """The UTC moment in a backup's name (`<stem>-YYYYmmddTHHMMSSffffffZ-<reason>.sqlite3`)."""
    parts = path.stem.split("-")
    for part in parts:
        if len(part) == 22 and part.endswith("Z") and "T" in part:
            try:
                return datetime.strptime(part, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
            except ValueError:
                return None
    return None


def backups_to_keep(stamps: list[datetime], daily: int = 12, weekly: int = 10, monthly: int = 9) -> set[datetime]:
    """Thinning (as Anki does): the newest backup of each of the last `daily` days that have one,
    of the last `weekly` ISO weeks, and of the last `monthly` months; everything else may go."""
    keep: set[datetime] = set()
    for limit, period in (
        (daily, lambda d: d.date()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for stamp in sorted(stamps, reverse=True):
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(stamp)
    return keep


def list_backups(directory: Path) -> list[tuple[datetime, Path]]:
    found = [(s, p) for p in directory.glob("*.sqlite3") if (s := _stamp_of(p)) is not None]
    return sorted(found, reverse=True)


def thin_backups(directory: Path, daily: int = 12, weekly: int = 10, monthly: int = 9) -> list[Path]:
    """Delete the backups thinning does not keep; returns what was deleted."""
    found = list_backups(directory)
    keep = backups_to_keep([s for s, _ in found], daily, weekly, monthly)
    removed = [p for s, p in found if s not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def take_backup(db_path: Path, reason: str, dest: Path | None = None) -> Path:
    """A checked backup: refused from a database that fails `quick_check`, so a damaged file
    never pushes good backups out; automatic ones are thinned afterwards."""
    try:
        encryption.require_key(db_path)
        conn = encryption.connect(db_path, readonly=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except encryption.DB_ERRORS as exc:
        raise StorageError("{path} cannot be read ({reason}); no backup was taken.", path=db_path, reason=exc) from exc
    if verdict != "ok":
        raise StorageError(
            "{path} fails its integrity check ({reason}); no backup was taken, so the existing good backups are kept.",
            path=db_path,
            reason=verdict,
        )
    if dest is not None and dest.suffix:
        made = backup_sqlite(db_path, reason, dest.parent)
        os.replace(made, dest)
        return dest
    made = backup_sqlite(db_path, reason, dest)
    thin_backups(made.parent)
    return made


@dataclass(frozen=True)
class BackupInfo:
    """A backup that passed verification, as offered to the user."""

    path: Path
    taken_at: datetime  # UTC, from the file name
    size: int  # bytes


def verify_backup(path: Path, key: bytes | None = None) -> None:
    """Refuse a file that could not be restored: damaged, foreign, or from a newer alsdesk.
    `key` reads a backup of an encrypted database (encrypted with the database's own key)."""
    from alsdesk.storage.database import check_sqlite_file, refuse_foreign_or_newer

    if not path.is_file():
        raise StorageError("There is no file {path}.", path=path)
    check_sqlite_file(path, full=True, key=key)
    refuse_foreign_or_newer(path, key=key)


def good_backups(db_path: Path, limit: int = 3) -> list[BackupInfo]:
    """The newest backups of `db_path` that pass verification, newest first (at most `limit`)."""
    directory = backup_dir_for(db_path)
    if not directory.is_dir():
        return []
    found: list[BackupInfo] = []
    for stamp, path in list_backups(directory):
        try:
            verify_backup(path, _key_reading(path, encryption.key_for(db_path)))
            size = path.stat().st_size
        except (StorageError, OSError) as err:  # a bad backup is skipped, never offered
            log.warning("backup %s not offered: %s", path, err)
            continue
        found.append(BackupInfo(path, stamp, size))
        if len(found) == limit:
            break
    return found


def format_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def restore_hint(db_path: Path) -> str:
    """One sentence naming the latest good backup and the command that restores it."""
    latest = good_backups(db_path, limit=1)
    if not latest:
        return f"No good backup was found in {backup_dir_for(db_path)}."
    b = latest[0]
    when = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"The latest good backup is {b.path} (taken {when}, {format_size(b.size)}); "
        f"restore it with `alsdesk restore {b.path}`."
    )


_SIDECARS = ("-wal", "-shm", "-journal")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # not every platform opens directories
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _key_reading(backup: Path, key: bytes | None) -> bytes | None:
    """The key a backup is read with: none for a plain one, else the database's own."""
    return None if encryption.has_sqlite_header(backup) else key


def _replace_damaged(backup: Path, db_path: Path, key: bytes | None) -> Path:
    """Copy the backup beside the database, move the damaged file (and its WAL) aside unchanged,
    then rename the copy into place; returns where the damaged file now is."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    # Beside the database, not in backups/: thinning must never delete it, nor a restore offer list it.
    aside = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
    tmp = db_path.with_name(db_path.name + ".restoring")
    tmp.unlink(missing_ok=True)
    try:
        source_key = _key_reading(backup, key)
        if source_key is None and key is not None:  # a plain backup into an encrypted database
            encryption.export_copy(backup, None, tmp, key)
        else:
            src = encryption.connect(backup, source_key, readonly=True)
            try:
                dst = encryption.connect(tmp, key)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(db_path, aside)
        for suffix in _SIDECARS:
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)
    except encryption.DB_ERRORS + (OSError,) as exc:  # noqa: RUF005 - mypy types a sum of tuples, not a starred one
        tmp.unlink(missing_ok=True)
        raise StorageError(
            "The restore failed ({reason}); the damaged file is at {damaged}.",
            reason=exc,
            damaged=aside if aside.exists() else db_path,
        ) from exc
    log.warning("damaged database moved aside to %s; restored from %s", aside, backup)
    return aside


def restore_sqlite(backup: Path, db_path: Path) -> Path:
    """Replace the database with a verified backup; returns where the replaced database was kept.

    A healthy database is kept as a checked pre-restore backup. A damaged one cannot be copied
    faithfully through SQLite, so the file itself is moved aside byte for byte. Into an encrypted
    database (its key known to this process) a backup may be encrypted with the same key, or plain:
    a plain one is first copied into an encrypted temporary file.
    """
    from alsdesk.storage.database import check_sqlite_file

    key = encryption.key_for(db_path)
    if key is None:
        encryption.require_key(db_path)
    plain = encryption.has_sqlite_header(backup)
    source_key = None if plain else key
    verify_backup(backup, source_key)
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            check_sqlite_file(db_path, full=True, key=key)
        except DatabaseDamaged:
            return _replace_damaged(backup, db_path, key)
    kept = backup_sqlite(db_path, "pre-restore") if db_path.exists() else None
    source, converted = backup, None
    if plain and key is not None:
        converted = db_path.with_name(f".{db_path.name}.restore-tmp")
        encryption.export_copy(backup, None, converted, key)
        source = converted
    try:
        src = encryption.connect(source, key, readonly=True)
        try:
            dst = encryption.connect(db_path, key)
            try:
                src.backup(dst)  # page by page under the destination's lock: readers never see a mix
            finally:
                dst.close()
        finally:
            src.close()
    except encryption.DB_ERRORS as exc:
        raise StorageError("The restore failed ({reason}); the database was left as it was.", reason=exc) from exc
    finally:
        if converted is not None:
            converted.unlink(missing_ok=True)
    return kept or backup


def daily_backup(db_path: Path) -> Path | None:
    """The first start of each day takes a backup (local date), unless the file is new and empty."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    directory = backup_dir_for(db_path)
    today = datetime.now().astimezone().date()
    if any(stamp.astimezone().date() == today for stamp, _ in list_backups(directory) if directory.exists()):
        return None
    return take_backup(db_path, "daily")
