"""A damaged database: every command names the latest good backup and `alsdesk restore`, which
moves the damaged file aside unchanged and brings the backup back. A missing or empty one beside
its backups is refused the same way, never opened as a new clinic; a busy one is never taken for
one that cannot be opened, so restoring it still needs sign-in."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def alsdesk(tmp_path: Path, url: str, *args: str, signed_in: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ALSDESK_HOME": str(tmp_path / "home"),
        "PYTHONPATH": str(ROOT),
        "ALSDESK_USER": "admin",
        "ALSDESK_PASSWORD": "correct horse battery",
    }
    env.pop("ALSDESK_DATABASE_URL", None)
    if not signed_in:  # making the first administrator: nobody to sign in as yet
        env.pop("ALSDESK_USER")
    return subprocess.run(
        [sys.executable, "-m", "alsdesk", "--database", url, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def scramble_pages(path: Path) -> None:
    """Zero part of every page after the first two, as a failing disk would."""
    data = bytearray(path.read_bytes())
    for offset in range(2 * 4096, len(data), 4096):
        data[offset + 8 : offset + 40] = bytes(32)
    path.write_bytes(bytes(data))


def add_patient(tmp_path: Path, url: str, mrn: str) -> None:
    added = alsdesk(
        tmp_path, url, "patient", "add", "--mrn", mrn, "--family-name", "Kept", "--given-name", "Safe",
        "--birth-date", "1950-01-01", "--sex", "female",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def clinic_with_backup(tmp_path: Path) -> tuple[Path, str, Path]:
    """clinic.sqlite3 with its administrator and patient K1, and a manual backup of it."""
    path = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{path}"
    assert alsdesk(tmp_path, url, "user", "add", "admin", "--role", "administrator", signed_in=False).returncode == 0
    add_patient(tmp_path, url, "K1")
    made = alsdesk(tmp_path, url, "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip().removeprefix("Backup written: "))
    assert backup.is_file()
    return path, url, backup


def mrns(tmp_path: Path, url: str) -> list[str]:
    listed = alsdesk(tmp_path, url, "patient", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return [p["mrn"] for p in json.loads(listed.stdout)]


def test_damaged_database_names_the_latest_good_backup_and_restore_keeps_the_damaged_file(tmp_path: Path) -> None:
    path, url, backup = clinic_with_backup(tmp_path)
    scramble_pages(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    refused = alsdesk(tmp_path, url, "patient", "list")
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode == 1 and len(lines) == 1 and "Traceback" not in refused.stderr
    assert "damaged" in lines[0] or "integrity" in lines[0]
    assert f"The latest good backup is {backup}" in lines[0]
    assert f"`alsdesk restore {backup}`" in lines[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == damaged  # refusing changed nothing

    check = alsdesk(tmp_path, url, "db", "check")
    assert check.returncode == 1 and f"alsdesk restore {backup}" in check.stdout

    restored = alsdesk(tmp_path, url, "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    aside = [p for p in tmp_path.glob("clinic-damaged-*.sqlite3")]
    assert len(aside) == 1 and str(aside[0]) in restored.stdout
    assert hashlib.sha256(aside[0].read_bytes()).hexdigest() == damaged  # kept byte for byte
    assert mrns(tmp_path, url) == ["K1"]


def test_without_backups_the_message_says_none_was_found(tmp_path: Path) -> None:
    path = tmp_path / "lost.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    refused = alsdesk(tmp_path, f"sqlite:///{path}", "patient", "list")
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode == 1 and len(lines) == 1
    assert f"No good backup was found in {tmp_path / 'backups'}." in lines[0]


def test_restore_then_backup_keeps_the_pre_restore_copy_with_the_newer_state(tmp_path: Path) -> None:
    """Issue 11: `restore X --yes; backup` used to thin away the copy of the state it replaced."""
    _path, url, backup = clinic_with_backup(tmp_path)
    add_patient(tmp_path, url, "K2")
    restored = alsdesk(tmp_path, url, "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stderr
    kept = Path(restored.stdout.strip().rsplit(" kept as ", 1)[1].removesuffix("."))
    assert kept.name.endswith("-pre-restore.sqlite3") and kept.parent == tmp_path / "backups"
    for _ in range(2):
        again = alsdesk(tmp_path, url, "backup")
        assert again.returncode == 0, again.stderr
    assert kept.is_file()
    with sqlite3.connect(kept) as conn:  # the newer state, and its audit trail
        assert [r[0] for r in conn.execute("SELECT mrn FROM patient ORDER BY mrn")] == ["K1", "K2"]
        added = conn.execute("SELECT count(*) FROM audit_entry WHERE action = 'create' AND table_name = 'patient'")
        assert added.fetchone()[0] == 2
    assert mrns(tmp_path, url) == ["K1"]
    back = alsdesk(tmp_path, url, "restore", str(kept), "--yes")
    assert back.returncode == 0, back.stderr
    assert mrns(tmp_path, url) == ["K1", "K2"]


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_lost_database_is_refused_with_the_restore_offer_never_made_new(tmp_path: Path, state: str) -> None:
    path, url, backup = clinic_with_backup(tmp_path)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    if state == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    backups = sorted((tmp_path / "backups").glob("*.sqlite3"))
    for command in (("patient", "list"), ("backup",), ("user", "add", "nurse", "--role", "clinician")):
        refused = alsdesk(tmp_path, url, *command)
        lines = refused.stderr.strip().splitlines()
        assert refused.returncode == 1 and len(lines) == 1 and "Traceback" not in refused.stderr, refused.stderr
        assert f"{path} is missing or empty, but backups of it exist" in lines[0]
        assert f"The latest good backup is {backup}" in lines[0] and f"`alsdesk restore {backup}`" in lines[0]
        assert path.exists() == (state == "empty") and (not path.exists() or path.stat().st_size == 0)
    assert sorted((tmp_path / "backups").glob("*.sqlite3")) == backups  # no backup was taken, none thinned
    restored = alsdesk(tmp_path, url, "restore", str(backup), "--yes", signed_in=False)
    assert restored.returncode == 0, restored.stderr
    if state == "missing":  # nothing was replaced, so nothing is said to be kept
        assert restored.stdout.strip() == f"Restored {path} from {backup}."
    else:
        assert "-damaged-" in restored.stdout  # the empty file was set aside
    assert mrns(tmp_path, url) == ["K1"]


def test_a_missing_database_without_backups_is_a_first_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    made = alsdesk(tmp_path, url, "user", "add", "admin", "--role", "administrator", signed_in=False)
    assert made.returncode == 0, made.stderr
    assert mrns(tmp_path, url) == []


@pytest.mark.timeout(180)  # before the fix the restore went ahead and waited on the lock for ever
@pytest.mark.parametrize("hold", ["write", "exclusive"])
def test_a_busy_database_is_reported_busy_and_restore_still_needs_sign_in(
    tmp_path: Path, hold: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11: "database is locked" was taken for "cannot be opened", which needs no sign-in.
    In process, so the busy timeout can be short; another connection holds the write lock."""
    from alsdesk.cli import main
    from alsdesk.storage import sqlite_check

    path, url, backup = clinic_with_backup(tmp_path)
    add_patient(tmp_path, url, "K2")
    monkeypatch.setattr(sqlite_check, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ALSDESK_PASSWORD", "correct horse battery")
    monkeypatch.delenv("ALSDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("ALSDESK_USER", raising=False)
    restore = ["--database", url, "restore", str(backup), "--yes"]
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        if hold == "exclusive":  # readers are shut out too
            holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN IMMEDIATE" if hold == "write" else "BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM alembic_version WHERE 0")  # takes the write lock
        for user in (None, "admin"):
            if user:
                monkeypatch.setenv("ALSDESK_USER", user)
            assert main(restore) == 1
            err = capsys.readouterr().err.strip()
            assert err == (
                f"alsdesk: {path} is busy: another alsdesk window or command is using it. Close the other "
                "alsdesk windows and commands, then retry the restore; nothing was changed."
            )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list((tmp_path / "backups").glob("*pre-restore*")) and not list(tmp_path.glob("*-damaged-*"))
    assert mrns(tmp_path, url) == ["K1", "K2"]  # nothing was restored
    monkeypatch.delenv("ALSDESK_USER")
    assert main(restore) == 1  # free again: an openable database still needs its administrator
    assert capsys.readouterr().err.startswith("alsdesk: Sign in: give --user NAME")
    monkeypatch.setenv("ALSDESK_USER", "admin")
    assert main(restore) == 0, capsys.readouterr().err
    assert mrns(tmp_path, url) == ["K1"]
