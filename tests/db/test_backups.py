"""Backups: thinning, refusing to back up a damaged file, and restore with a kept pre-restore copy."""

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from alsdesk.errors import DatabaseLocked, StorageError
from alsdesk.services import patients
from alsdesk.services.access import Actor
from alsdesk.storage import open_database
from alsdesk.storage.backup import (
    backup_sqlite,
    backups_to_keep,
    good_backups,
    list_backups,
    restore_sqlite,
    take_backup,
)

ADMIN = Actor("test-admin", role="administrator")


def test_thinning_keeps_newest_per_day_week_and_month() -> None:
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    stamps = [start + timedelta(hours=6 * i) for i in range(4 * 400)]  # four a day for 400 days
    keep = backups_to_keep(stamps, daily=12, weekly=10, monthly=9)
    newest = max(stamps)
    assert newest in keep
    days = {s.date() for s in keep}
    assert len([s for s in keep if s.date() > newest.date() - timedelta(days=12)]) == 12
    assert all(max(x for x in stamps if x.date() == d) in keep for d in days)  # newest of each kept day
    assert len(keep) <= 12 + 10 + 9
    assert min(keep) > newest - timedelta(days=9 * 31 + 1)


def test_thinning_with_few_backups_keeps_all() -> None:
    stamps = [datetime(2026, 1, d, tzinfo=UTC) for d in (1, 2, 3)]
    assert backups_to_keep(stamps) == set(stamps)


def test_backup_restore_round_trip_keeps_a_pre_restore_copy(sqlite_url: str, tmp_path: Path) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    db = open_database(sqlite_url)
    db.actor = ADMIN
    with db.write() as s:
        patients.add_patient(
            session=s, mrn="R1", family_name="Before", given_name="A", birth_date=date(1950, 1, 1), sex="male"
        )
    backup = take_backup(path, "manual")
    assert backup.parent == path.parent / "backups"
    assert [p for _, p in list_backups(backup.parent)] == [backup]
    with db.write() as s:
        patients.add_patient(
            session=s, mrn="R2", family_name="After", given_name="B", birth_date=date(1950, 1, 1), sex="male"
        )
    db.dispose()
    kept = restore_sqlite(backup, path)
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT mrn FROM patient ORDER BY mrn")] == ["R1"]
    with sqlite3.connect(kept) as conn:
        assert [r[0] for r in conn.execute("SELECT mrn FROM patient ORDER BY mrn")] == ["R1", "R2"]
    reopened = open_database(sqlite_url)
    reopened.actor = ADMIN
    with reopened.read() as s:
        assert [p.mrn for p in patients.list_patients(session=s)] == ["R1"]
    reopened.dispose()


def test_no_backup_from_a_damaged_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(StorageError, match="no backup was taken"):
        take_backup(bad, "manual")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_url: str, tmp_path: Path) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not an alsdesk database"):
        restore_sqlite(junk, path)
    assert path.read_bytes() == before


def test_first_start_of_the_day_takes_one_backup(sqlite_url: str) -> None:
    from alsdesk.app import open_clinic

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    backups = path.parent / "backups"
    open_clinic(sqlite_url).dispose()
    assert len(list_backups(backups)) == 1
    open_clinic(sqlite_url).dispose()
    assert len(list_backups(backups)) == 1


def test_new_database_takes_no_backup(tmp_path: Path) -> None:
    from alsdesk.app import open_clinic

    open_clinic(f"sqlite:///{tmp_path / 'new.sqlite3'}").dispose()
    assert not (tmp_path / "backups").exists()


def test_network_shares_are_recognised() -> None:
    from alsdesk.storage.location import network_filesystem

    mounts = "\n".join(
        [
            "/dev/sda1 / ext4 rw 0 0",
            "server:/export /mnt/clinic nfs4 rw 0 0",
            "//nas/share /mnt/my\\040share cifs rw 0 0",
            "tmpfs /mnt/clinic/local tmpfs rw 0 0",
        ]
    )
    assert network_filesystem(Path("/mnt/clinic/db.sqlite3"), mounts) == "nfs4"
    assert network_filesystem(Path("/mnt/my share/db.sqlite3"), mounts) == "cifs"
    assert network_filesystem(Path("/mnt/clinic/local/db.sqlite3"), mounts) is None
    assert network_filesystem(Path("/home/nurse/db.sqlite3"), mounts) is None
    assert network_filesystem(Path("/mnt/clinicx/db.sqlite3"), mounts) is None


def test_database_on_a_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from alsdesk.storage import location

    monkeypatch.setattr(location, "_mount_table", lambda: f"server:/x {tmp_path} nfs rw 0 0")
    with pytest.raises(StorageError, match=r"network share \(nfs\).*PostgreSQL"):
        open_database(f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    assert not (tmp_path / "shared.sqlite3").exists()


@pytest.mark.logs_errors("exit check or backup failed")
def test_closing_takes_an_exit_backup_and_reports_damage(sqlite_url: str, tmp_path: Path) -> None:
    from alsdesk.app import close_clinic, open_clinic

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    assert close_clinic(open_clinic(sqlite_url)) is None
    assert any("exit" in p.name for _, p in list_backups(path.parent / "backups"))
    db = open_clinic(sqlite_url)
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096, len(data), 4096):
        data[offset + 8 : offset + 40] = bytes(32)
    path.write_bytes(bytes(data))
    before = len(list_backups(path.parent / "backups"))
    message = close_clinic(db)
    assert message is not None and "no backup was taken" in str(message)
    assert len(list_backups(path.parent / "backups")) == before


def test_good_backups_skip_a_damaged_one_and_list_newest_first(sqlite_url: str) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    older, newer, newest = (backup_sqlite(path, "manual") for _ in range(3))  # unthinned
    assert [b.path for b in good_backups(path)] == [newest, newer, older]
    newest.write_bytes(newest.read_bytes()[:5000])  # truncated on a failing disk
    offered = good_backups(path, limit=2)
    assert [b.path for b in offered] == [newer, older]
    assert offered[0].size == newer.stat().st_size and offered[0].taken_at > offered[1].taken_at


def test_a_locked_database_is_refused_as_locked_and_restore_leaves_it(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alsdesk.storage import sqlite_check

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    backup = take_backup(path, "manual")
    monkeypatch.setattr(sqlite_check, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM alembic_version WHERE 0")  # takes the exclusive lock
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            open_database(sqlite_url)
        with pytest.raises(DatabaseLocked):
            restore_sqlite(backup, path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(path.parent.glob("*-damaged-*"))


def _trail(path: Path) -> list[tuple[str, str]]:
    """(action, detail) of the database-level entries of the audit trail, oldest first."""
    with sqlite3.connect(path) as conn:
        return list(
            conn.execute("SELECT action, detail FROM audit_entry WHERE action IN ('backup', 'restore') ORDER BY seq")
        )


def test_every_backup_and_restore_is_in_the_audit_trail(sqlite_url: str) -> None:
    """Issue 5: backups (daily, exit, on demand) and restores are recorded, with the file."""
    import json

    from alsdesk.app import backup_clinic, close_clinic, open_clinic, restore_clinic

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    db = open_clinic(sqlite_url)  # the day's first backup
    daily = list_backups(path.parent / "backups")[0][1]
    assert close_clinic(db) is None  # the exit backup
    manual = take_backup(path, "manual")
    backup_clinic(sqlite_url, manual, "manual", actor=ADMIN)
    entries = [(action, json.loads(detail)) for action, detail in _trail(path)]
    assert [(a, d.get("reason")) for a, d in entries] == [("backup", "daily"), ("backup", "exit"), ("backup", "manual")]
    assert entries[0][1]["file"] == daily.name and entries[2][1]["file"] == manual.name
    kept = restore_clinic(manual, path, actor=ADMIN)
    # The restored file is the manual backup (taken before its own entry), plus the restore.
    entries = [(action, json.loads(detail)) for action, detail in _trail(path)]
    assert [(a, d.get("reason")) for a, d in entries] == [("backup", "daily"), ("backup", "exit"), ("restore", None)]
    assert entries[2][1] == {"from": manual.name, "kept": kept.name}
    with sqlite3.connect(kept) as conn:  # the replaced database kept its own record of the manual backup
        assert conn.execute("SELECT count(*) FROM audit_entry WHERE action = 'backup'").fetchone()[0] == 3
