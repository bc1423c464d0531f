"""What the command prints about names and files: stored control characters escaped, a read-only
folder called read-only (not a damaged file)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk.cli import main

ADMIN = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026"}


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path))
    monkeypatch.delenv("ALSDESK_DATABASE_URL", raising=False)
    assert main(["demo", "--patients", "2", "--seed", "3"]) == 0
    for k, v in ADMIN.items():
        monkeypatch.setenv(k, v)
    return tmp_path


def test_a_name_stored_with_escapes_is_printed_escaped(clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name from before control characters were refused (here written straight into the file)."""
    engine = sa.create_engine(f"sqlite:///{clinic / 'alsdesk.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE patient SET family_name = :n"), {"n": "\x1b[2J\x1b[31mRed\nLine"})
    engine.dispose()
    capsys.readouterr()
    assert main(["patient", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J\\x1b[31MRED\\nLINE" in out, out
    assert len(out.splitlines()) == 2


def _read_only_mount(folder: Path) -> bool:
    done = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if done.returncode != 0:
        return False
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", str(folder)], capture_output=True)
        return False
    return True


def test_a_read_only_folder_is_called_read_only(clinic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not _read_only_mount(clinic):
        pytest.skip("needs root and bind mounts to make a read-only folder (root ignores file modes)")
    try:
        capsys.readouterr()
        assert main(["patient", "list"]) == 1
        err = capsys.readouterr().err
    finally:
        subprocess.run(["umount", str(clinic)], check=True)
    assert "read-only disk or in a folder that cannot be written" in err, err
    assert "damaged" not in err and "cannot be read" not in err and "backup" not in err, err
