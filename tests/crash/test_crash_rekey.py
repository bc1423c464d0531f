"""`alsdesk db rekey` killed (SIGKILL) at each of its steps (issue 11): storage/rekey.py and
cli_rekey.py pass a crash_point at the rotation written to the key store, each file's checked
copy, rename and key-store write, and before the audit entry. After each kill the clinic opens
with every patient and an intact audit trail under a key the administrator signs in with, and
running `db rekey` again finishes. The figures are printed in the "crash figures" section.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.crash.test_crash_steps import kill_at_each_step, leaks, ok

PATIENTS = 10

pytestmark = pytest.mark.slow


def encrypted_clinic(root: Path) -> Path:
    """A small encrypted demo clinic with two backups and the pre-encrypt safety copy, so the
    rotation re-encrypts four files."""
    run = root / "clinic"
    for part in ("home", "tmp", "out"):
        (run / part).mkdir(parents=True)
    ok(run, "demo", "--patients", str(PATIENTS), "--seed", "5")
    ok(run, "backup")
    ok(run, "db", "encrypt")
    old = run / "home" / "backups"
    first = next(p for p in old.glob("*.sqlite3") if "pre-" not in p.name)  # not the safety copy
    first.rename(old / "alsdesk-20260101T080000000000Z-daily.sqlite3")  # an earlier month: thinning keeps it
    ok(run, "backup")
    return run


def patients_json(run: Path) -> list[dict[str, object]]:
    return list(json.loads(ok(run, "patient", "list", "--json", "--archived", "--limit", "10000")))


def backups(run: Path) -> list[Path]:
    return sorted((run / "home" / "backups").glob("*.sqlite3"))


def test_db_rekey_killed_at_each_step_opens_with_every_row_and_finishes_when_run_again(tmp_path: Path) -> None:
    template = encrypted_clinic(tmp_path)
    before = patients_json(template)
    assert len(before) == PATIENTS and len(backups(template)) == 3
    keys = template / "home" / "alsdesk.sqlite3.keys"
    old_store = keys.read_bytes()

    def check(run: Path, step: str) -> str:
        # The administrator signs in (new key first, then the old) and finds every patient.
        assert patients_json(run) == before, step
        assert "intact" in ok(run, "audit", "verify"), step
        started = (run / "home" / "alsdesk.sqlite3.keys").read_bytes() != old_store
        if started:  # the intent was recorded before anything changed
            ok(run, "audit", "export", "--action", "database_rekey_started", "-o", "out/trail.csv")
            assert "database_rekey_started" in (run / "out" / "trail.csv").read_text(encoding="utf-8"), step
        # Running it again finishes: the database and every backup under the one new key.
        out = ok(run, "db", "rekey")  # no warning: every backup was re-encrypted, now or before the kill
        assert "now encrypted with a new key" in out and "warning" not in out, (step, out)
        assert patients_json(run) == before, step
        assert leaks(run / "home", run / "tmp") == [], step
        hidden = [p.name for p in (run / "home").rglob(".*rekeying*")]
        assert hidden == [], f"{step}: left {hidden}"
        return "rotation begun, finished when run again" if started else "not begun, rekeyed when run again"

    outcomes = kill_at_each_step(template, tmp_path, ["db", "rekey"], check, "db-rekey")
    assert outcomes["rotation begun, finished when run again"] >= 12
    shutil.rmtree(template)
