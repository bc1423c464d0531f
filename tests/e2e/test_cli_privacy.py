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


def run(home: Path, *args: str, user: str = "boss", rc: int = 0) -> subprocess.CompletedProcess[str]:
    """`alsdesk ARGS` as `user` (every account's password is PASSWORD), expecting exit `rc`."""
    env = {**os.environ, "ALSDESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("ALSDESK_DATABASE_URL", None)
    env.update(ALSDESK_USER=user, ALSDESK_PASSWORD=PASSWORD, ALSDESK_NEW_PASSWORD=PASSWORD)
    result = subprocess.run(
        [sys.executable, "-m", "alsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),  # a permissive start: the app must tighten it itself
    )
    assert result.returncode == rc, result.stderr
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


@pytest.fixture
def restricted_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clinic with P1 restricted to its care team ("inside"), P2 not, and "coord" outside."""
    import sqlalchemy as sa

    from alsdesk.app import open_clinic
    from alsdesk.models import Patient, Staff
    from alsdesk.services import restricted
    from alsdesk.services.access import Actor

    home = tmp_path / "home"
    run(home, "user", "add", "boss", "--role", "administrator")
    run(home, "user", "add", "inside", "--role", "clinician")
    run(home, "user", "add", "coord", "--role", "coordinator")
    run(
        home,
        "patient",
        "add",
        "--mrn",
        "P1",
        "--family-name",
        "Chen",
        "--given-name",
        "Li",
        "--phone",
        "13812345678",
        *BORN,
    )
    run(home, "patient", "add", "--mrn", "P2", "--family-name", "Chen", "--given-name", "Wei", *BORN)
    monkeypatch.setenv("ALSDESK_HOME", str(home))  # the audit key the CLI made
    db = open_clinic(f"sqlite:///{home / 'alsdesk.sqlite3'}")
    try:
        with db.read() as s:
            ids = {name: sid for name, sid in s.execute(sa.select(Staff.username, Staff.id))}
            pid = s.scalar(sa.select(Patient.id).where(Patient.mrn == "P1"))
        with db.write(actor=Actor("boss", ids["boss"], "administrator")) as s:
            restricted.set_restriction(session=s, patient_id=pid, restricted=True, team=[ids["inside"]])
    finally:
        db.dispose()
    return home


def test_restricted_records_list_as_name_and_mrn_only_in_json(restricted_clinic: Path) -> None:
    import json

    home = restricted_clinic
    for user, closed in (("coord", True), ("inside", False), ("boss", False)):
        listed = json.loads(run(home, "patient", "list", "--json", user=user).stdout)
        found = json.loads(run(home, "patient", "search", "chen", "--json", user=user).stdout)
        for rows in (listed, found):
            by_mrn = {r["mrn"]: r for r in rows}
            p1, p2 = by_mrn["P1"], by_mrn["P2"]
            assert (p1["family_name"], p1["given_name"], p1["restricted"]) == ("Chen", "Li", True)
            shown = {k: p1[k] for k in ("sex", "birth_date", "phone", "status")}  # present, null when closed
            if closed:
                assert shown == {"sex": None, "birth_date": None, "phone": None, "status": None}, user
            else:
                assert shown == {
                    "sex": "female",
                    "birth_date": "1960-01-02",
                    "phone": "13812345678",
                    "status": "screening",
                }
            assert p2["birth_date"] == "1960-01-02" and p2["status"] == "screening"  # others as before
    text = run(home, "patient", "list", user="coord").stdout
    assert "Restricted record" in text and "13812345678" not in text and text.count("1960-01-02") == 1


def test_sign_in_refusals_do_not_say_which_names_exist(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "user", "add", "boss", "--role", "administrator")
    run(home, "user", "add", "gone", "--role", "coordinator")
    run(home, "user", "add", "nurse", "--role", "coordinator")
    run(home, "user", "disable", "gone")
    said = {
        user: run_with_password(home, user, "a wrong password").stderr.strip() for user in ("nobody", "gone", "nurse")
    }
    assert set(said.values()) == {"alsdesk: Wrong user name or password."}, said
    right = run(home, "patient", "list", user="gone", rc=1)  # the right password: now it may say why
    assert "disabled" in right.stderr


def run_with_password(home: Path, user: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ALSDESK_HOME": str(home), "PYTHONPATH": str(ROOT), "ALSDESK_USER": user}
    env.pop("ALSDESK_DATABASE_URL", None)
    env["ALSDESK_PASSWORD"] = password
    result = subprocess.run(
        [sys.executable, "-m", "alsdesk", "patient", "list"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1, result.stderr
    return result


def test_refused_commands_are_audited(restricted_clinic: Path) -> None:
    import json
    import sqlite3

    home = restricted_clinic
    shown = run(home, "patient", "show", "P1", user="coord", rc=1)
    assert "Restricted record (P1)" in shown.stderr
    exported = run(home, "export", "--all", "-o", str(home.parent / "x.json"), user="coord", rc=1)
    assert "may not export" in exported.stderr and not (home.parent / "x.json").exists()
    with sqlite3.connect(home / "alsdesk.sqlite3") as conn:
        rows = conn.execute(
            "SELECT username, patient_id IS NOT NULL, detail FROM audit_entry WHERE action = 'access_refused' ORDER BY seq"
        ).fetchall()
    assert [(u, named, json.loads(d)["attempt"], json.loads(d)["why"]) for u, named, d in rows] == [
        ("coord", 1, "get_by_mrn", "restricted record"),
        ("coord", 0, "write_export", "permission"),
    ]
    assert "intact" in run(home, "audit", "verify").stdout
