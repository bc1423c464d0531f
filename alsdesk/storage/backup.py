"""Consistent copies of a SQLite database through the online backup API."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alsdesk.errors import DatabaseDamaged, DatabaseMissing, StorageError
from alsdesk.private_files import private_folder
from alsdesk.storage import encryption
from alsdesk.storage.anchors import Anchor
from alsdesk.storage.files import crash_point, exclusive, fsync_dir, fsync_file, run_renames, work_folder
from alsdesk.storage.sqlite_check import check_sqlite_file, refuse_foreign_or_newer

log = logging.getLogger(__name__)


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_path(db_path: Path, reason: str, dest_dir: Path | None = None) -> Path:
    """A new backup's name, `<stem>-<UTC moment>-<reason>.sqlite3`, in its folder (made if missing)."""
    dest_dir = private_folder(dest_dir or backup_dir_for(db_path), ours=dest_dir is None)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return dest_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite3"


def backup_sqlite(db_path: Path, reason: str, dest_dir: Path | None = None) -> Path:
    """Copy `db_path` to a new, fsynced, integrity-checked file and return its path.

    Written to a temporary name first and renamed into place, so a crash never leaves a
    half-written file that looks like a good backup. The copy of an encrypted database is
    encrypted with the same key (SQLCipher's backup API needs both sides keyed alike).
    """
    key = encryption.key_for(db_path)
    final = backup_path(db_path, reason, dest_dir)
    dest_dir = final.parent
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
        fsync_dir(dest_dir)
    except encryption.db_errors() + (OSError,) as exc:  # noqa: RUF005 - mypy types a sum of tuples, not a starred one
        tmp.unlink(missing_ok=True)
        raise StorageError("Could not write a backup to {path}: {reason}", path=dest_dir, reason=exc) from exc
    log.info("backup written: %s", final)
    return final


# A backup's name: `<database stem>-<UTC moment>-<reason>.sqlite3` (see backup_sqlite).
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>.+)")
_STAMP = "%Y%m%dT%H%M%S%fZ"

# Copies taken just before an operation replaces the data (a restore, encryption, a schema
# upgrade): they hold the state it replaced, so thinning keeps them for the clinic's
# `safety_backup_days` (services.settings) whatever the daily/weekly/monthly rule would keep.
SAFETY_REASONS = ("pre-restore", "pre-encrypt", "pre-upgrade")
SAFETY_DAYS_SETTING = "safety_backup_days"
SAFETY_DAYS_DEFAULT = 30.0  # the setting's default, listed with the others in services.settings


@dataclass(frozen=True)
class BackupName:
    stem: str  # the database file's stem: one backups folder may serve several databases
    taken_at: datetime  # UTC
    reason: str  # daily, exit, manual, pre-restore, pre-upgrade-<revision>, …

    @property
    def is_safety_copy(self) -> bool:
        return self.reason.startswith(SAFETY_REASONS)


def parse_name(path: Path) -> BackupName | None:
    """What a backup's file name says about it; None for a file that is not named as a backup."""
    match = _NAME.fullmatch(path.name.removesuffix(".sqlite3"))
    if match is None:
        return None
    try:
        stamp = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupName(match["stem"], stamp, match["reason"])


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


def list_backups(directory: Path, stem: str | None = None) -> list[tuple[datetime, Path]]:
    """The backups in `directory` (of the database named `stem` only, when given), newest first."""
    return [(n.taken_at, p) for n, p in _named_backups(directory, stem)]


def _named_backups(directory: Path, stem: str | None) -> list[tuple[BackupName, Path]]:
    found = [(n, p) for p in directory.glob("*.sqlite3") if (n := parse_name(p)) is not None]
    return sorted(
        ((n, p) for n, p in found if stem is None or n.stem == stem), key=lambda np: np[0].taken_at, reverse=True
    )


def thin_backups(
    directory: Path,
    stem: str | None = None,
    *,
    safety_days: float = SAFETY_DAYS_DEFAULT,
    now: datetime | None = None,
    daily: int = 12,
    weekly: int = 10,
    monthly: int = 9,
) -> list[Path]:
    """Delete the backups (of the database named `stem`) that thinning does not keep; returns
    what was deleted. Safety copies are kept until `safety_days` × 24 hours have passed since they
    were taken, apart from the rest, which keep the newest of each day, week and month."""
    found = _named_backups(directory, stem)
    regular = [(n.taken_at, p) for n, p in found if not n.is_safety_copy]
    keep = backups_to_keep([s for s, _ in regular], daily, weekly, monthly)
    expired = (now or datetime.now(UTC)) - timedelta(days=safety_days)
    removed = [p for s, p in regular if s not in keep]
    removed += [p for n, p in found if n.is_safety_copy and n.taken_at <= expired]
    for path in removed:
        path.unlink(missing_ok=True)
        for suffix in _SIDECARS:  # left by a read-only reader (a restore, a verification)
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        log.info("backup thinned away: %s", path)
    return removed


def _safety_days(conn: Any) -> float:
    """The clinic's `safety_backup_days`, read from the database being backed up (the default
    when it has none, or an older schema without settings)."""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (SAFETY_DAYS_SETTING,)).fetchone()
        return float(json.loads(row[0])) if row is not None else SAFETY_DAYS_DEFAULT
    except encryption.db_errors() + (ValueError, TypeError):  # noqa: RUF005 - as in _replace_damaged
        return SAFETY_DAYS_DEFAULT


def refuse_lost_database(db_path: Path) -> None:
    """For a clinic file that holds no clinic (missing, zero bytes, or a SQLite file without
    tables): while backups of it exist it is a lost clinic, not a new one. Opening it would start
    an empty clinic, and its next backup would thin the good ones away. (With no backups it is a
    genuine first start.)"""
    directory = backup_dir_for(db_path)
    if not directory.is_dir() or not list_backups(directory, db_path.stem):
        return
    raise DatabaseMissing(
        "{path} is missing or empty, but backups of it exist in {folder}; alsdesk will not start a new, "
        "empty clinic in its place. (To start afresh on purpose, move the backups folder away first.)",
        path=db_path,
        folder=directory,
    )


def take_backup(db_path: Path, reason: str, dest: Path | None = None) -> Path:
    """A checked backup: refused from a database that fails `quick_check`, so a damaged file
    never pushes good backups out, nor does a missing or empty one; automatic ones are thinned
    afterwards, by the clinic's own `safety_backup_days`."""
    tables = 0
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            encryption.require_key(db_path)
            conn = encryption.connect(db_path, readonly=True)
            try:
                verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                safety_days = _safety_days(conn)
            finally:
                conn.close()
    except encryption.db_errors() as exc:
        raise StorageError("{path} cannot be read ({reason}); no backup was taken.", path=db_path, reason=exc) from exc
    if not tables:
        refuse_lost_database(db_path)
        raise StorageError("{path} holds no clinic yet; no backup was taken.", path=db_path)
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
    thin_backups(made.parent, db_path.stem, safety_days=safety_days)
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

    if not path.is_file():
        raise StorageError("There is no file {path}.", path=path)
    check_sqlite_file(path, full=True, key=key)
    if refuse_foreign_or_newer(path, key=key) is None:  # e.g. the copy of an empty file
        raise StorageError("{path} holds no clinic (it is empty); it cannot be restored.", path=path)


def good_backups(db_path: Path, limit: int = 3) -> list[BackupInfo]:
    """The newest backups of `db_path` that pass verification, newest first (at most `limit`)."""
    directory = backup_dir_for(db_path)
    if not directory.is_dir():
        return []
    found: list[BackupInfo] = []
    for stamp, path in list_backups(directory, db_path.stem):
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


def checkpoint(db_path: Path) -> Anchor | None:
    """The last audit entry of the newest readable backup of `db_path`: each backup is a signed
    checkpoint of the trail (its entries carry their keyed MACs), which the live trail must still
    hold unless it was restored since. None without a readable backup."""
    directory = backup_dir_for(db_path)
    if not directory.is_dir():
        return None
    key = encryption.key_for(db_path)
    for stamp, path in list_backups(directory):
        if not path.name.startswith(f"{db_path.stem}-"):
            continue  # another database's backup in a shared folder
        try:
            conn = encryption.connect(path, _key_reading(path, key), readonly=True)
            try:
                row = conn.execute("SELECT seq, mac FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
            finally:
                conn.close()
        except encryption.db_errors() as err:
            log.warning("backup %s not read for its audit checkpoint: %s", path, err)
            continue
        return Anchor(int(row[0]), str(row[1]), path.name, stamp) if row else None
    return None


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


def _key_reading(backup: Path, key: bytes | None) -> bytes | None:
    """The key a backup is read with: none for a plain one, else the database's own."""
    return None if encryption.has_sqlite_header(backup) else key


def _copy_for_restore(backup: Path, copy: Path, key: bytes | None) -> None:
    """The backup as a new file `copy`, encrypted like the database (a plain backup into an
    encrypted database is converted on the way)."""
    source_key = _key_reading(backup, key)
    if source_key is None and key is not None:
        encryption.export_copy(backup, None, copy, key)
        return
    src = encryption.connect(backup, source_key, readonly=True)
    try:
        dst = encryption.connect(copy, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def fold_wal(path: Path, key: bytes | None) -> None:
    """Checkpoint the write-ahead log into the file, so the file alone holds everything."""
    conn = encryption.connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in _SIDECARS:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    fsync_file(path)


def restore_sqlite(backup: Path, db_path: Path, prepare: Callable[[Path, str], None] | None = None) -> Path:
    """Replace the database with a verified backup; returns where the replaced database was kept.

    The backup is first copied into the database's private work folder (encrypted like the
    database: a plain backup into an encrypted one is converted there), and `prepare(copy, kept)`
    finishes that copy (the app writes the restore's audit entry into it), so the database never
    holds the backup without its entry. Then:

    - a healthy database is kept as a checked pre-restore backup, and the copy is written into it
      through SQLite's backup API, in one transaction under its lock (readers never see a mix,
      and a crash leaves the old database or the new one);
    - a damaged one cannot be copied faithfully through SQLite, so the file itself is moved
      aside byte for byte and the copy renamed into its place, through a journal
      (`files.run_renames`): a crash between the renames is finished by the next open.
    """

    key = encryption.key_for(db_path)
    if key is None:
        encryption.require_key(db_path)
    verify_backup(backup, _key_reading(backup, key))
    damaged = False
    if db_path.exists() and db_path.stat().st_size == 0:
        damaged = True  # a lost clinic: the empty file (and any WAL) is set aside, never kept as a backup
    elif db_path.exists():
        try:
            check_sqlite_file(db_path, full=True, key=key)
        except DatabaseDamaged:
            damaged = True
    real = db_path.resolve()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    # Beside the database, not in backups/: thinning must never delete it, nor a restore offer list it.
    aside = real.with_name(f"{real.stem}-damaged-{stamp}{real.suffix}")
    kept = aside if damaged else backup_sqlite(db_path, "pre-restore") if db_path.exists() else None
    try:
        with work_folder(db_path) as folder:
            copy = folder / real.name
            _copy_for_restore(backup, copy, key)
            crash_point("restore:copied")
            if prepare is not None:
                prepare(copy, (kept or backup).name)
            fold_wal(copy, key)
            if damaged:
                moves: list[tuple[Path, Path | None]] = [(real, aside)]
                moves += [(Path(f"{real}{s}"), Path(f"{aside}{s}")) for s in _SIDECARS]
                with exclusive(db_path):
                    run_renames(db_path, "restore", [*moves, (copy, real)])
                log.warning("damaged database moved aside to %s; restored from %s", aside, backup)
                return aside
            src = encryption.connect(copy, key, readonly=True)
            try:
                dst = encryption.connect(db_path, key)
                try:
                    src.backup(dst)  # page by page under the destination's lock: readers never see a mix
                finally:
                    dst.close()
            finally:
                src.close()
            crash_point("restore:written")
    except encryption.db_errors() + (OSError,) as exc:  # noqa: RUF005 - mypy types a sum of tuples, not a starred one
        if damaged:
            raise StorageError(
                "The restore failed ({reason}); the damaged file is at {damaged}.",
                reason=exc,
                damaged=aside if aside.exists() else db_path,
            ) from exc
        raise StorageError("The restore failed ({reason}); the database was left as it was.", reason=exc) from exc
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
