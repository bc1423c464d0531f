"""Files the `alsdesk` command creates are its user's alone: 0600 files in a 0700 data folder,
whatever the umask it was started with (a shared workstation's default is 022)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "admin password 1"
BORN = ("--birth-date", "1960-01-02", "--sex", "female")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ALSDESK_HOME": str(home), "PYTHONPATH": str(ROOT), "ALSDESK_PASSWORD": PASSWORD}
    env.pop("ALSDESK_DATABASE_URL", None)
    env["ALSDESK_USER"] = "boss"
    result = subprocess.run(
        [sys.executable, "-m", "alsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),  # a permissive start: the app must tighten it itself
    )
    assert result.returncode == 0, result.stderr
    return result


def test_database_backups_exports_and_pdfs_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "user", "add", "boss", "--role", "administrator")
    database = home / "alsdesk.sqlite3"
    assert mode(home) == 0o700 and mode(database) == 0o600
    run(home, "patient", "add", "--mrn", "P1", "--family-name", "Chen", "--given-name", "Li", *BORN)
    run(home, "patient", "add", "--mrn", "P2", "--family-name", "Wang", "--given-name", "Fang", *BORN)
    run(home, "backup")
    (copy,) = (home / "backups").glob("*.sqlite3")
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    out.chmod(0o755)  # a folder the user chose keeps its mode; what alsdesk writes into it does not
    run(home, "backup", "-o", str(out / "copy.sqlite3"))
    run(home, "export", "--all", "-o", str(out / "all.json"))
    run(home, "report", "summary", "--patient", "P1", "-o", str(out / "p1.pdf"))
    created = {
        "data folder": mode(home),
        "backups folder": mode(home / "backups"),
        "database": mode(database),
        "backup": mode(copy),
        "backup -o": mode(out / "copy.sqlite3"),
        "export": mode(out / "all.json"),
        "report": mode(out / "p1.pdf"),
        **{f"{p.name}": mode(p) for p in home.iterdir() if p.is_file()},  # the audit key, a WAL left over
    }
    folders = {"data folder", "backups folder"}
    assert {k: v for k, v in created.items() if v != (0o700 if k in folders else 0o600)} == {}
    assert mode(out) == 0o755


def test_an_older_clinics_open_folder_and_file_are_tightened(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "user", "add", "boss", "--role", "administrator")
    database = home / "alsdesk.sqlite3"
    home.chmod(0o755)  # as an older alsdesk left them
    database.chmod(0o644)
    run(home, "patient", "list")
    assert (mode(home), mode(database)) == (0o700, 0o600)
