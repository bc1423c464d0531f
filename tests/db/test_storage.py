"""Opening databases: refusing foreign, damaged and newer files untouched; backups; durability pragmas."""

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk.errors import StorageError
from alsdesk.storage import open_database, schema
from alsdesk.storage.backup import backup_sqlite
from alsdesk.storage.check import check_database
from alsdesk.storage.config import resolve_database_url


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_made_by_upgrade_with_durable_pragmas(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
    finally:
        db.dispose()


def test_text_file_is_refused_and_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list\n" * 100)
    before = digest(path)
    with pytest.raises(StorageError, match="is not an alsdesk database"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_truncated_database_is_refused_and_not_modified(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    data = template_db.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(StorageError, match="damaged|integrity|cannot be read"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_flipped_bits_in_a_table_page_are_found(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "flipped.sqlite3"
    data = bytearray(template_db.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):  # scramble every page after the first two
        data[offset + 8 : offset + 40] = bytes(32)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(StorageError):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = digest(path)
    with pytest.raises(StorageError, match="not an alsdesk database"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before


def test_newer_schema_is_refused_and_not_modified(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    shutil.copy(template_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(path)
    with pytest.raises(StorageError, match=r"newer version of alsdesk \(schema 9999"):
        open_database(f"sqlite:///{path}")
    assert digest(path) == before
    result = check_database(f"sqlite:///{path}")
    assert not result.ok and any("newer version" in line for line in result.report)


def test_older_schema_is_backed_up_before_the_upgrade(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a (pretend) newer release, opening an existing file backs it up, then upgrades."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(template_db, path)
    current = schema.HEAD
    monkeypatch.setattr(schema, "KNOWN_REVISIONS", (*schema.KNOWN_REVISIONS, "9000"))
    monkeypatch.setattr(schema, "HEAD", "9000")
    seen: list[list[Path]] = []

    def fake_upgrade(engine: sa.Engine, target: str = "head") -> None:
        seen.append(sorted((tmp_path / "backups").glob("*.sqlite3")))
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9000'")

    monkeypatch.setattr(schema, "upgrade", fake_upgrade)
    open_database(f"sqlite:///{path}").dispose()
    assert len(seen) == 1 and len(seen[0]) == 1
    assert f"pre-upgrade-{current}" in seen[0][0].name
    with sqlite3.connect(seen[0][0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == current


def test_downgraded_to_base_counts_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    engine = sa.create_engine(f"sqlite:///{path}")
    schema.downgrade(engine, "base")
    engine.dispose()
    open_database(f"sqlite:///{path}").dispose()
    assert not (tmp_path / "backups").exists()  # nothing worth backing up
    assert check_database(f"sqlite:///{path}").ok


def test_backup_is_a_checked_consistent_copy(sqlite_url: str, tmp_path: Path) -> None:
    from alsdesk.services import patients
    from alsdesk.services.access import Actor
    from alsdesk.storage.config import sqlite_path

    db = open_database(sqlite_url)
    db.actor = Actor("test-admin", role="administrator")
    with db.write() as s:
        patients.add_patient(
            session=s, mrn="B1", family_name="Backup", given_name="Test", birth_date=date(1960, 1, 1), sex="male"
        )
    source = sqlite_path(sqlite_url)
    assert source is not None
    copy = backup_sqlite(source, "manual", tmp_path / "backups")
    db.dispose()
    assert copy.exists() and not list((tmp_path / "backups").glob("*.tmp"))
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT mrn FROM patient").fetchall() == [("B1",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_db_check_reports_missing_file(tmp_path: Path) -> None:
    result = check_database(f"sqlite:///{tmp_path / 'absent.sqlite3'}")
    assert not result.ok and "no database file" in result.report[-1]
    assert not (tmp_path / "absent.sqlite3").exists()


def test_db_check_passes_on_a_good_database(db_url: str) -> None:
    result = check_database(db_url)
    assert result.ok, result.report
    assert any("schema at" in line for line in result.report)


def test_url_resolution_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path))
    monkeypatch.delenv("ALSDESK_DATABASE_URL", raising=False)
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'alsdesk.sqlite3'}"
    monkeypatch.setenv("ALSDESK_DATABASE_URL", "sqlite:////x/env.sqlite3")
    assert resolve_database_url(None) == "sqlite:////x/env.sqlite3"
    assert resolve_database_url("sqlite:////x/cli.sqlite3") == "sqlite:////x/cli.sqlite3"


def test_locked_database_gives_a_clear_message(sqlite_url: str) -> None:
    """A writer that holds the lock past the busy timeout yields a message, not a traceback."""
    from alsdesk.storage import sqlite_check
    from alsdesk.storage.config import sqlite_path

    path = sqlite_path(sqlite_url)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    old = sqlite_check.BUSY_TIMEOUT_MS
    sqlite_check.BUSY_TIMEOUT_MS = 200
    try:
        with pytest.raises(StorageError, match="locked|busy"):
            db = open_database(sqlite_url)
            try:
                with db.write() as s:
                    s.execute(sa.text("SELECT 1"))
            finally:
                db.dispose()
    finally:
        sqlite_check.BUSY_TIMEOUT_MS = old
        holder.rollback()
        holder.close()


def test_large_files_open_without_a_full_scan(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the size limit opening reads only the schema; db check still scans every page."""
    from alsdesk.storage import sqlite_check

    path = tmp_path / "big.sqlite3"
    data = bytearray(template_db.read_bytes())
    data[-4096 + 8 : -4096 + 40] = bytes(32)  # damage the last page only
    path.write_bytes(bytes(data))
    monkeypatch.setattr(sqlite_check, "QUICK_CHECK_MAX_BYTES", 1024)
    sqlite_check.check_sqlite_file(path)  # schema readable: opening is not delayed
    with pytest.raises(StorageError):
        sqlite_check.check_sqlite_file(path, full=True)
