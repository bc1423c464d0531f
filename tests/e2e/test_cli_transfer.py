"""Patient transfer on the command line: a satellite's patient imported at a hub whose first
account is also `admin`, edited on both sides, sent back and forth; the conflict listed and
resolved with `alsdesk conflicts` (issue 14 item 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SATELLITE = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026"}
HUB = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "hub admin password 1"}
# Each clinic has a clinician called lchen: two different people.
SATELLITE_DOCTOR = {"ALSDESK_USER": "lchen", "ALSDESK_PASSWORD": "demo-clinician-2026"}
HUB_DOCTOR = {"ALSDESK_USER": "lchen", "ALSDESK_PASSWORD": "hub clinician password 1"}


def call(home: Path, db: str, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ALSDESK_HOME": str(home / "home"), "PYTHONPATH": str(ROOT)}
    for name in ("ALSDESK_DATABASE_URL", "ALSDESK_USER", "ALSDESK_PASSWORD", "ALSDESK_PASSPHRASE"):
        env.pop(name, None)
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "alsdesk", "--database", db, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def visit(home: Path, db: str, who: dict[str, str], fvc: str) -> None:
    made = call(home, db, "assessment", "add", "--patient", "DEMO000001", "--date", "2026-05-30", "--fvc", fvc, **who)
    assert made.returncode == 0, made.stderr


def test_transfer_edit_both_sides_and_resolve_the_conflict(tmp_path: Path) -> None:
    satellite, hub = f"sqlite:///{tmp_path / 'satellite.sqlite3'}", f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    out = tmp_path / "out.json"
    assert call(tmp_path, satellite, "demo", "--patients", "3", "--seed", "5", "--anchor", "2026-06-01").returncode == 0
    made = call(
        tmp_path, hub, "user", "add", "admin", "--role", "administrator", ALSDESK_PASSWORD=HUB["ALSDESK_PASSWORD"]
    )
    assert made.returncode == 0, made.stderr
    doctor = call(
        tmp_path,
        hub,
        "user",
        "add",
        "lchen",
        "--role",
        "clinician",
        **HUB,
        ALSDESK_NEW_PASSWORD=HUB_DOCTOR["ALSDESK_PASSWORD"],
    )
    assert doctor.returncode == 0, doctor.stderr

    def send(source: str, who: dict[str, str], target: str, whom: dict[str, str]) -> str:
        sent = call(tmp_path, source, "export", "--patient", "DEMO000001", "-o", str(out), **who)
        assert sent.returncode == 0, sent.stderr
        got = call(tmp_path, target, "import", str(out), **whom)
        assert got.returncode == 0, got.stderr
        return got.stdout

    first = send(satellite, SATELLITE, hub, HUB)
    assert "Imported 1 patient(s)" in first  # the satellite's admin did not stop it
    users = json.loads(call(tmp_path, hub, "user", "list", "--json", **HUB).stdout)
    assert sorted(u["username"] for u in users) == ["admin", "lchen"]  # the satellite's staff are not the hub's

    # a visit recorded on each side: both new records, no conflict, each goes to the other side
    visit(tmp_path, hub, HUB_DOCTOR, "70")
    visit(tmp_path, satellite, SATELLITE_DOCTOR, "72")
    assert "1 patient(s) already here: 0 records updated, 0 in conflict" in send(hub, HUB, satellite, SATELLITE)
    back = send(satellite, SATELLITE, hub, HUB)
    assert "0 records updated, 0 in conflict" in back and "with 1 records" in back  # the satellite's visit

    # the patient's phone changed on both sides: one conflict, listed, resolved, audited
    for db, who, phone in ((hub, HUB_DOCTOR, "13900000001"), (satellite, SATELLITE_DOCTOR, "13900000002")):
        changed = call(tmp_path, db, "patient", "update", "DEMO000001", "--phone", phone, **who)
        assert changed.returncode == 0, changed.stderr
    assert "0 records updated, 1 in conflict" in send(satellite, SATELLITE, hub, HUB)
    listed = json.loads(call(tmp_path, hub, "conflicts", "list", "--json", **HUB).stdout)
    assert [(c["table"], c["differing"], c["local"]["phone"], c["incoming"]["phone"]) for c in listed] == [
        ("patient", ["phone"], "13900000001", "13900000002")
    ]
    resolved = call(tmp_path, hub, "conflicts", "resolve", listed[0]["id"], "--keep", "incoming", **HUB)
    assert resolved.returncode == 0, resolved.stderr
    assert call(tmp_path, hub, "conflicts", "list", **HUB).stdout.strip() == "No open conflicts."
    shown = json.loads(call(tmp_path, hub, "patient", "show", "DEMO000001", "--json", **HUB).stdout)
    assert shown["patient"]["phone"] == "13900000002"
    trail = call(tmp_path, hub, "audit", "export", "--action", "resolve_conflict", "-o", str(tmp_path / "a.csv"), **HUB)
    assert trail.returncode == 0, trail.stderr
    assert "resolve_conflict" in (tmp_path / "a.csv").read_text("utf-8")
    assert "0 records updated, 0 in conflict" in send(hub, HUB, satellite, SATELLITE)
    wrong = call(tmp_path, hub, "conflicts", "resolve", listed[0]["id"], "--keep", "mine", **HUB)
    assert wrong.returncode == 2 and "'local', 'incoming'" in wrong.stderr


def test_conflicts_help_lists_the_choices(tmp_path: Path) -> None:
    shown = call(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "conflicts", "resolve", "--help")
    assert shown.returncode == 0 and "--keep KEEP  local, incoming" in shown.stdout
    listed = call(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "conflicts", "--help")
    assert "list" in listed.stdout and "resolve" in listed.stdout
