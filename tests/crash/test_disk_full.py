"""A full disk: a clear message, nothing committed lost, writing works again once space is freed."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from alsdesk.errors import StorageError

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs (needs root, as CI has); skipped on a developer machine without it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI could not mount a tmpfs for the disk-full test: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(path: Path) -> None:
    # Unbuffered: a buffered file keeps the part of the last write that did not fit and raises
    # ENOSPC again on close, whenever the free space is not a multiple of the chunk.
    with open(path, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass


def test_disk_full_loses_nothing_and_recovers(small_disk: Path) -> None:
    from alsdesk.app import open_clinic
    from alsdesk.services import notes, patients
    from alsdesk.services.access import Actor
    from alsdesk.storage.backup import take_backup

    path = small_disk / "alsdesk.sqlite3"
    db = open_clinic(f"sqlite:///{path}")
    db.actor = Actor("test-clinician", role="clinician")
    with db.write() as s:
        p = patients.add_patient(
            session=s, mrn="F1", family_name="Full", given_name="Disk", birth_date=date(1950, 1, 1), sex="female"
        )
    backup = take_backup(path, "manual")
    backup_hash = hashlib.sha256(backup.read_bytes()).hexdigest()
    filler = small_disk / "filler.bin"
    fill(filler)

    failures = 0
    for i in range(20):
        try:
            with db.write() as s:
                notes.add_note(
                    session=s,
                    patient_id=p.id,
                    kind="clinical",
                    occurred_on=date(2025, 1, 1),
                    text="x" * 20_000 + str(i),
                )
        except StorageError as err:
            failures += 1
            assert "disk is full" in str(err) and "nothing was saved" in str(err)
    assert failures > 0

    filler.unlink()
    with db.write() as s:
        notes.add_note(
            session=s, patient_id=p.id, kind="clinical", occurred_on=date(2025, 1, 1), text="after space was freed"
        )
    with db.read() as s:
        assert [x.mrn for x in patients.list_patients(session=s)] == ["F1"]
        texts = [n.text for n in notes.list_notes(session=s, patient_id=p.id)]
    assert "after space was freed" in texts
    assert len(texts) == 20 - failures + 1
    db.dispose()
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == backup_hash
    import sqlite3

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
