"""A damaged database: every command names the latest good backup and `alsdesk restore`, which
moves the damaged file aside unchanged and brings the backup back."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_damaged_database_names_the_latest_good_backup_and_restore_keeps_the_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    url = f"sqlite:///{path}"
    assert alsdesk(tmp_path, url, "user", "add", "admin", "--role", "administrator", signed_in=False).returncode == 0
    added = alsdesk(
        tmp_path, url, "patient", "add", "--mrn", "K1", "--family-name", "Kept", "--given-name", "Safe",
        "--birth-date", "1950-01-01", "--sex", "female",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    made = alsdesk(tmp_path, url, "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip().removeprefix("Backup written: "))
    assert backup.is_file()

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
    listed = alsdesk(tmp_path, url, "patient", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [p["mrn"] for p in json.loads(listed.stdout)] == ["K1"]


def test_without_backups_the_message_says_none_was_found(tmp_path: Path) -> None:
    path = tmp_path / "lost.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    refused = alsdesk(tmp_path, f"sqlite:///{path}", "patient", "list")
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode == 1 and len(lines) == 1
    assert f"No good backup was found in {tmp_path / 'backups'}." in lines[0]
