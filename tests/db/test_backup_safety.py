"""Thinning never takes a safety copy: pre-restore, pre-encrypt and pre-upgrade copies are kept for
the clinic's `safety_backup_days` (default 30), apart from the daily/weekly/monthly rule; and a
missing or empty clinic file beside its backups is refused, never opened as a new clinic."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from alsdesk.errors import DatabaseDamaged, DatabaseMissing, StorageError
from alsdesk.services import patients
from alsdesk.services import settings as clinic_settings
from alsdesk.services.access import Actor
from alsdesk.storage import open_database
from alsdesk.storage.backup import (
    good_backups,
    list_backups,
    parse_name,
    restore_hint,
    restore_sqlite,
    take_backup,
    thin_backups,
)

ADMIN = Actor("test-admin", role="administrator")
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _named(folder: Path, taken_at: datetime, reason: str, stem: str = "clinic") -> Path:
    """An (empty) file named as a backup taken at `taken_at`: thinning reads only the names."""
    folder.mkdir(exist_ok=True)
    path = folder / f"{stem}-{taken_at.strftime('%Y%m%dT%H%M%S%fZ')}-{reason}.sqlite3"
    path.touch()
    return path


def test_the_setting_has_its_default_and_source() -> None:
    spec = clinic_settings.SPECS["safety_backup_days"]
    assert (spec.default, spec.source, spec.minimum) == (30, "clinic default", 1)


def test_names_say_which_copies_are_safety_copies(tmp_path: Path) -> None:
    upgrade = parse_name(_named(tmp_path, NOW, "pre-upgrade-0011", stem="my-clinic"))
    assert upgrade is not None and upgrade.stem == "my-clinic" and upgrade.reason == "pre-upgrade-0011"
    assert upgrade.taken_at == NOW and upgrade.is_safety_copy
    daily = parse_name(_named(tmp_path, NOW, "daily"))
    assert daily is not None and not daily.is_safety_copy
    assert parse_name(tmp_path / "clinic-damaged-x.sqlite3") is None


@pytest.mark.parametrize(
    ("safety_days", "kept_ages"),
    [
        # Kept while younger than safety_days × 24 h: at 30 days to the minute a copy has had its 30 days.
        (30, {"29d", "30d-1min"}),
        (31, {"29d", "30d-1min", "30d"}),
        (29, set()),
    ],
)
def test_safety_copies_are_kept_for_the_set_days_at_the_boundary(
    tmp_path: Path, safety_days: int, kept_ages: set[str]
) -> None:
    ages = {
        "29d": timedelta(days=29),
        "30d-1min": timedelta(days=30) - timedelta(minutes=1),
        "30d": timedelta(days=30),
        "31d": timedelta(days=31),
    }
    reasons = ("pre-restore", "pre-encrypt", "pre-upgrade-0010", "pre-restore")
    copies = {
        age: _named(tmp_path, NOW - delta, reason) for (age, delta), reason in zip(ages.items(), reasons, strict=True)
    }
    removed = thin_backups(tmp_path, "clinic", safety_days=safety_days, now=NOW)
    assert {age for age, p in copies.items() if p.exists()} == kept_ages
    assert set(removed) == {p for age, p in copies.items() if age not in kept_ages}


def test_safety_copies_neither_take_nor_lose_a_daily_slot(tmp_path: Path) -> None:
    """Hand-computed: on each day only the newest ordinary backup is kept, whatever safety copies
    were taken around it; the safety copies stay for their own 30 days."""
    day = NOW - timedelta(days=1)
    daily = _named(tmp_path, day.replace(hour=8), "daily")
    pre_restore = _named(tmp_path, day.replace(hour=9), "pre-restore")
    manual = _named(tmp_path, day.replace(hour=10), "manual")
    pre_upgrade = _named(tmp_path, day.replace(hour=11), "pre-upgrade-0011")  # newest of its day
    today = _named(tmp_path, NOW, "exit")
    Path(f"{daily}-wal").touch()  # as a read-only reader of it leaves them
    Path(f"{daily}-shm").touch()
    removed = thin_backups(tmp_path, "clinic", now=NOW)
    assert removed == [daily]  # the older ordinary backup of that day: it always went
    assert not Path(f"{daily}-wal").exists() and not Path(f"{daily}-shm").exists()  # with its sidecars
    assert all(p.exists() for p in (pre_restore, manual, pre_upgrade, today))
    # 40 days on, the safety copies have gone; the ordinary backup of that day is still its daily one.
    thin_backups(tmp_path, "clinic", now=NOW + timedelta(days=40))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([manual.name, today.name])


def test_thinning_leaves_the_backups_of_another_database_alone(tmp_path: Path) -> None:
    mine = [_named(tmp_path, NOW - timedelta(hours=h), "manual") for h in (1, 2)]
    other = [_named(tmp_path, NOW - timedelta(hours=h), "manual", stem="training") for h in (3, 4)]
    assert thin_backups(tmp_path, "clinic", now=NOW) == [mine[1]]
    assert all(p.exists() for p in other)
    assert [p for _s, p in list_backups(tmp_path, "training")] == other


def _add(db_url: str, mrn: str) -> None:
    db = open_database(db_url)
    with db.write(actor=ADMIN) as s:
        patients.add_patient(
            session=s, mrn=mrn, family_name="Safe", given_name="Kept", birth_date=date(1950, 1, 1), sex="female"
        )
    db.dispose()


def _mrns(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT mrn FROM patient ORDER BY mrn")]
    finally:
        conn.close()


def test_restore_then_backup_keeps_the_pre_restore_copy(sqlite_url: str) -> None:
    """Issue 11: `restore X --yes; backup` used to thin the pre-restore copy away (one per day)."""
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    _add(sqlite_url, "S1")
    older = take_backup(path, "manual")
    _add(sqlite_url, "S2")
    kept = restore_sqlite(older, path)
    name = parse_name(kept)
    assert name is not None and name.reason == "pre-restore"
    newest = take_backup(path, "manual")
    take_backup(path, "exit")
    assert kept.exists() and _mrns(kept) == ["S1", "S2"]  # the newer state it replaced
    assert not newest.exists()  # an ordinary backup of the same day is still thinned as before
    assert kept in [b.path for b in good_backups(path, limit=5)]  # offered for restore


def test_the_clinic_setting_decides_how_long_safety_copies_stay(sqlite_url: str) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    folder = path.parent / "backups"
    forty_days = _named(folder, datetime.now(UTC) - timedelta(days=40), "pre-restore", stem=path.stem)
    db = open_database(sqlite_url)
    with db.write(actor=ADMIN) as s:
        clinic_settings.change_setting(session=s, key="safety_backup_days", value=45)
    db.dispose()
    take_backup(path, "manual")
    assert forty_days.exists()  # 45 days for this clinic
    db = open_database(sqlite_url)
    with db.write(actor=ADMIN) as s:
        clinic_settings.change_setting(session=s, key="safety_backup_days", value=30)
    db.dispose()
    take_backup(path, "manual")
    assert not forty_days.exists()


def _lose(path: Path, state: str) -> None:
    """Leave the clinic file missing, zero bytes, or a SQLite file without tables (as a tool that
    merely opened the zero-byte file would leave it)."""
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    path.unlink()
    if state == "empty":
        path.write_bytes(b"")
    elif state == "no tables":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")  # writes the header page, and nothing else
        conn.close()


@pytest.mark.parametrize("state", ["empty", "missing", "no tables"])
def test_a_lost_database_beside_its_backups_is_refused_not_made_new(sqlite_url: str, state: str) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    _add(sqlite_url, "S1")
    good = take_backup(path, "manual")
    _lose(path, state)
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(DatabaseMissing, match="is missing or empty, but backups of it exist") as refused:
        open_database(sqlite_url)
    assert isinstance(refused.value, DatabaseDamaged)  # the CLI adds the restore hint, the window the offer
    with pytest.raises(DatabaseMissing):
        take_backup(path, "manual")  # the next backup must not push the good one out
    assert (path.read_bytes() if path.exists() else None) == before  # no new clinic was made in it
    assert [p for _s, p in list_backups(path.parent / "backups")] == [good]
    assert f"The latest good backup is {good}" in restore_hint(path)
    restore_sqlite(good, path)
    assert _mrns(path) == ["S1"]
    assert [b.path for b in good_backups(path)] == [good]  # no empty "pre-restore" copy is offered


def test_db_check_leaves_an_empty_file_as_it_is_and_names_the_backup(sqlite_url: str) -> None:
    from alsdesk.storage.check import check_database

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    good = take_backup(path, "manual")
    _lose(path, "empty")
    result = check_database(sqlite_url)
    assert not result.ok and any("is missing or empty" in line for line in result.report)
    assert any(f"alsdesk restore {good}" in line for line in result.report)
    assert path.stat().st_size == 0


def test_a_missing_database_without_backups_is_a_first_start(tmp_path: Path) -> None:
    (tmp_path / "backups").mkdir()  # an empty folder is no backup
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    db.dispose()
    assert (tmp_path / "new.sqlite3").stat().st_size > 0


def test_the_copy_of_an_empty_file_is_never_offered_as_a_good_backup(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    shutil.copy(template_db, path)
    empty = _named(tmp_path / "backups", datetime.now(UTC), "manual")
    with pytest.raises(StorageError, match="holds no clinic"):
        restore_sqlite(empty, path)
    assert good_backups(path) == []
