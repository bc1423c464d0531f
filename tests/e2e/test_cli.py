"""The `alsdesk` command end to end, as a subprocess: outputs, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def call(*args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "ALSDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}  # read per call
        env.pop("ALSDESK_DATABASE_URL", None)
        prefix = ["--database", db] if db else []
        return subprocess.run(
            [sys.executable, "-m", "alsdesk", *prefix, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )

    return call


ADMIN_PASSWORD = "admin password 1"


@pytest.fixture
def admin(run, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Create the first administrator ("boss") of a database and act as it from then on:
    nothing else is allowed on a database without one."""

    def make(db: str | None = None) -> None:
        monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
        made = run("user", "add", "boss", "--role", "administrator", db=db)
        assert made.returncode == 0, made.stderr
        monkeypatch.setenv("ALSDESK_USER", "boss")

    return make


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_patient_add_list_show_search(run, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin()
    r = run(
        "patient",
        "add",
        "--mrn",
        "C1",
        "--family-name",
        "Chen",
        "--given-name",
        "Li",
        "--birth-date",
        "1958-03-04",
        "--sex",
        "female",
        "--phone",
        "138 0000 1111",
        "--name-zh",
        "陈丽",
    )
    assert r.returncode == 0, r.stderr
    assert "Added C1: CHEN, Li 陈丽" in r.stdout
    assert (tmp_path / "home" / "alsdesk.sqlite3").exists()  # the embedded default in ALSDESK_HOME

    listed = json.loads(run("patient", "list", "--json").stdout)
    assert listed == [
        {
            "id": listed[0]["id"],
            "mrn": "C1",
            "family_name": "Chen",
            "given_name": "Li",
            "name_zh": "陈丽",
            "sex": "female",
            "birth_date": "1958-03-04",
            "phone": "138 0000 1111",
            "status": "screening",
            "archived": False,
            "restricted": False,
        }
    ]
    shown = json.loads(run("patient", "show", "C1", "--json").stdout)
    assert shown["patient"]["mrn"] == "C1" and shown["latest_alsfrs"] is None
    for text in ("chen", "陈", "cl", "c1", "1380000"):
        found = json.loads(run("patient", "search", text, "--json").stdout)
        assert [p["mrn"] for p in found] == ["C1"], text
    human = run("patient", "show", "C1")
    assert human.returncode == 0 and "MRN C1" in human.stdout


def test_user_errors_exit_1_with_one_line(run, admin) -> None:  # type: ignore[no-untyped-def]
    admin()
    args = (
        "patient",
        "add",
        "--mrn",
        "D1",
        "--family-name",
        "Doe",
        "--given-name",
        "J",
        "--birth-date",
        "1950-01-01",
        "--sex",
        "male",
    )
    assert run(*args).returncode == 0
    dup = run(*args)
    assert dup.returncode == 1
    assert (
        one_line_error(dup)
        == "alsdesk: MRN D1 is already used by DOE, J (born 1950-01-01). Each patient needs their own MRN."
    )
    future = run(
        "patient",
        "add",
        "--mrn",
        "D2",
        "--family-name",
        "Doe",
        "--given-name",
        "K",
        "--birth-date",
        "2999-01-01",
        "--sex",
        "male",
    )
    assert future.returncode == 1 and "Birth date (2999-01-01) cannot be after" in one_line_error(future)
    missing = run("patient", "show", "NOPE")
    assert missing.returncode == 1 and one_line_error(missing) == "alsdesk: No patient has the MRN 'NOPE'."


def test_templated_refusals_keep_their_english_words(run, admin) -> None:  # type: ignore[no-untyped-def]
    """Errors are now raised as templates with values (translated in the window): the CLI prints
    exactly the English it printed before, values filled in."""
    from datetime import date

    admin()
    add = ("patient", "add", "--mrn", "E1", "--given-name", "Lish", "--sex", "male")
    cases = {
        (
            "--family-name",
            "Eng",
            "--birth-date",
            "2999-01-01",
        ): f"Birth date (2999-01-01) cannot be after {date.today()}.",
        ("--family-name", "Eng", "--birth-date", "1850-01-01"): "Birth date (1850-01-01) cannot be before 1900-01-01.",
        ("--family-name", "Eng", "--birth-date", "1950-01-01", "--phone", "call me"): (
            "Phone 'call me' is not a phone number (digits, spaces, + - ( ) only)."
        ),
        ("--family-name", "E" * 101, "--birth-date", "1950-01-01"): (
            "Family name is too long (101 characters; at most 100)."
        ),
        ("--family-name", " ", "--birth-date", "1950-01-01"): "Family name is required.",
    }
    for extra, words in cases.items():
        refused = run(*add, *extra)
        assert refused.returncode == 1 and one_line_error(refused) == f"alsdesk: {words}", extra
    assert run(*add, "--family-name", "Eng", "--birth-date", "1950-01-01").returncode == 0
    letter = run("report", "referral", "--patient", "E1", "-o", "letter.pdf")
    assert one_line_error(letter) == "alsdesk: Patient E1 has no referrals to print."
    visit = run("report", "visit", "--patient", "E1", "-o", "visit.pdf")
    assert one_line_error(visit) == "alsdesk: Patient E1 has no visit recorded at all."
    checklist = run("report", "checklist", "--patient", "E1", "-o", "sheet.pdf")
    assert one_line_error(checklist) == "alsdesk: Patient E1 has no active care program to print a checklist for."


def test_usage_errors_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    assert run("patient", "add", "--mrn", "X").returncode == 2
    bad_date = run("worklist", "--date", "2025-02-30")
    assert bad_date.returncode == 2 and "not a real date" in bad_date.stderr
    assert run("frobnicate").returncode == 2


def test_demo_worklist_export_import_round_trip(run, admin, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    src = f"sqlite:///{tmp_path / 'src.sqlite3'}"
    r = run("demo", "--patients", "40", "--seed", "5", "--anchor", "2026-06-01", db=src)
    assert r.returncode == 0, r.stderr
    assert "40 patients" in r.stdout
    assert "demo account admin    role administrator" in r.stdout and "password demo-viewer-2026" in r.stdout
    unsigned = run("worklist", "--date", "2026-06-01", db=src)
    assert unsigned.returncode == 1 and one_line_error(unsigned).startswith("alsdesk: Sign in: give --user NAME")
    monkeypatch.setenv("ALSDESK_USER", "admin")  # the demo's own administrator, as the README says
    monkeypatch.setenv("ALSDESK_PASSWORD", "demo-admin-2026")
    items = json.loads(run("worklist", "--date", "2026-06-01", "--json", db=src).stdout)
    assert items, "a demo clinic always has work for the day"
    assert {"patient_mrn", "kind", "due_date", "reason"} <= set(items[0])
    assert all(i["due_date"] <= "2026-06-01" for i in items)
    text = run("worklist", "--date", "2026-06-01", db=src).stdout
    assert "Guideline alerts" in text or "Workups overdue" in text

    out = tmp_path / "all.json"
    assert run("export", "--all", "-o", str(out), db=src).returncode == 0
    dst = f"sqlite:///{tmp_path / 'dst.sqlite3'}"
    admin(dst)  # a fresh database needs its own administrator before anything can be imported
    imported = run("import", str(out), db=dst)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    assert run("export", "--all", "-o", str(again), db=dst).returncode == 0
    first, second = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    # each patient now also holds, as an identifier of the demo's site, the MRN it had there
    kept = [[(r["issuer_site"], r["mrn"]) for r in p["records"].pop("patient_identifier")] for p in second["patients"]]
    assert kept == [[(first["site_id"], p["patient"]["mrn"])] for p in first["patients"]] and first["site_id"]
    assert all(p["records"].pop("patient_identifier") == [] for p in first["patients"])
    # and each row the version it had when it travelled (first: never travelled)
    for p in first["patients"]:
        for row in [p["patient"], *(r for rows in p["records"].values() for r in rows)]:
            row["synced_version"] = row["version"]
    assert second["patients"] == first["patients"]
    # the destination's staff: everyone imported, plus its own administrator
    assert [s for s in second["staff"] if s["username"] != "boss"] == first["staff"]
    monkeypatch.setenv("ALSDESK_USER", "admin")
    monkeypatch.setenv("ALSDESK_PASSWORD", "demo-admin-2026")

    one = tmp_path / "one.json"
    assert run("export", "--patient", "DEMO000003", "-o", str(one), db=src).returncode == 0
    assert [p["patient"]["mrn"] for p in json.loads(one.read_text("utf-8"))["patients"]] == ["DEMO000003"]
    gone = run("export", "--patient", "NOPE", "-o", str(tmp_path / "nope.json"), db=src)
    assert gone.returncode == 1 and not (tmp_path / "nope.json").exists()
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
    again_import = run("import", str(out), db=dst)  # once refused as a duplicate: now merged, nothing new
    assert again_import.returncode == 0, again_import.stderr
    assert "Also merged 40 patient(s) already here: 0 records updated, 0 in conflict" in again_import.stdout


def test_bad_import_file_is_rejected_whole(run, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin()
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "alsdesk-export", "version": 1, "staff": [], "patients": [{"patient": {}, "records": {}}]}'
    )
    r = run("import", str(bad))
    assert r.returncode == 1
    assert one_line_error(r).startswith("alsdesk: patients[0].patient.")
    assert json.loads(run("patient", "list", "--json").stdout) == []
    garbage = tmp_path / "garbage.json"
    garbage.write_text("not json")
    assert "not valid JSON" in one_line_error(run("import", str(garbage)))
    assert "Cannot read" in one_line_error(run("import", str(tmp_path / "absent.json")))


def test_db_upgrade_and_check(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    up = run("db", "upgrade", db=url)
    assert up.returncode == 0 and "current" in up.stdout
    ok = run("db", "check", db=url)
    assert ok.returncode == 0 and "FAIL" not in ok.stdout
    (tmp_path / "junk.sqlite3").write_text("junk")
    bad = run("db", "check", db=f"sqlite:///{tmp_path / 'junk.sqlite3'}")
    assert bad.returncode == 1 and "FAIL" in bad.stdout
    refused = run("patient", "list", db=f"sqlite:///{tmp_path / 'junk.sqlite3'}")
    assert refused.returncode == 1 and "not an alsdesk database" in one_line_error(refused)
    assert (tmp_path / "junk.sqlite3").read_text() == "junk"


def test_backup_and_restore_commands(run, admin, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    admin(url)
    add = (
        "patient",
        "add",
        "--family-name",
        "Bak",
        "--given-name",
        "Up",
        "--birth-date",
        "1950-01-01",
        "--sex",
        "male",
    )
    assert run(*add, "--mrn", "B1", db=url).returncode == 0
    out = tmp_path / "copy.sqlite3"
    made = run("backup", "-o", str(out), db=url)
    assert made.returncode == 0 and out.exists()
    assert run(*add, "--mrn", "B2", db=url).returncode == 0
    monkeypatch.delenv("ALSDESK_USER")
    unsigned = run("backup", "-o", str(tmp_path / "copy2.sqlite3"), db=url)
    assert unsigned.returncode == 0, unsigned.stderr  # file maintenance: whoever can read the file can copy it
    with sqlite3.connect(tmp_path / "b.sqlite3") as conn:  # both are in the audit trail, the second as the OS user
        trail = conn.execute("SELECT username, detail FROM audit_entry WHERE action = 'backup' ORDER BY seq").fetchall()
    manual = [(u, json.loads(d)) for u, d in trail if json.loads(d)["reason"] == "manual"]
    assert [d["file"] for _u, d in manual] == ["copy.sqlite3", "copy2.sqlite3"]
    assert manual[1][0].startswith("os:")
    assert any(json.loads(d)["reason"] == "daily" for _u, d in trail)  # the day's first, taken on open
    refused = run("restore", str(out), "--yes", db=url)
    assert refused.returncode == 1 and one_line_error(refused).startswith("alsdesk: Sign in: give --user NAME")
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "viewer password 1")
    assert run("user", "add", "viewer", "--role", "read_only", db=url).returncode == 0
    monkeypatch.setenv("ALSDESK_USER", "viewer")
    monkeypatch.setenv("ALSDESK_PASSWORD", "viewer password 1")
    viewer = run("restore", str(out), "--yes", db=url)
    assert viewer.returncode == 1 and "read-only role may not" in one_line_error(viewer)
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
    unconfirmed = run("restore", str(out), db=url)
    assert unconfirmed.returncode == 1 and "--yes" in one_line_error(unconfirmed)
    restored = run("restore", str(out), "--yes", db=url)
    assert restored.returncode == 0, restored.stderr
    assert [p["mrn"] for p in json.loads(run("patient", "list", "--json", db=url).stdout)] == ["B1"]
    pg = run("backup", db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert pg.returncode == 1 and "pg_dump" in one_line_error(pg)


def test_audit_verify_names_a_tampered_entry(run, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "a.sqlite3"
    url = f"sqlite:///{path}"
    admin(url)
    add = (
        "patient",
        "add",
        "--family-name",
        "Audit",
        "--given-name",
        "Me",
        "--birth-date",
        "1950-01-01",
        "--sex",
        "male",
    )
    assert run(*add, "--mrn", "A1", db=url).returncode == 0
    assert run("patient", "show", "A1", db=url).returncode == 0
    ok = run("audit", "verify", db=url)
    assert ok.returncode == 0 and "intact" in ok.stdout
    with sqlite3.connect(path) as conn:
        seq = conn.execute("SELECT seq FROM audit_entry WHERE action = 'view'").fetchone()[0]
        conn.execute("UPDATE audit_entry SET username = 'someone-else' WHERE seq = ?", (seq,))
    bad = run("audit", "verify", db=url)
    assert bad.returncode == 1
    assert one_line_error(bad) == f"alsdesk: AUDIT TRAIL TAMPERED: audit entry {seq} was altered, inserted or moved."


def test_user_accounts_and_roles_from_the_command_line(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    first = run("user", "add", "boss", "--role", "administrator", db=url)
    assert first.returncode == 0, first.stderr
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "viewer password 1")
    assert run("user", "add", "viewer", "--role", "read_only", db=url).returncode == 0
    listed = json.loads(run("user", "list", "--json", db=url).stdout)
    assert {(u["username"], u["role"]) for u in listed} == {("boss", "administrator"), ("viewer", "read_only")}
    assert "password" not in json.dumps(listed)

    add = (
        "patient",
        "add",
        "--mrn",
        "U1",
        "--family-name",
        "Role",
        "--given-name",
        "Test",
        "--birth-date",
        "1950-01-01",
        "--sex",
        "female",
    )
    monkeypatch.setenv("ALSDESK_USER", "viewer")
    monkeypatch.setenv("ALSDESK_PASSWORD", "viewer password 1")
    denied = run(*add, db=url)
    assert denied.returncode == 1 and "read-only role may not register or edit patients" in one_line_error(denied)
    monkeypatch.setenv("ALSDESK_PASSWORD", "wrong password!")
    wrong = run("patient", "list", db=url)
    assert wrong.returncode == 1 and one_line_error(wrong) == "alsdesk: Wrong user name or password."
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    assert run(*add, db=url).returncode == 0
    assert run("user", "disable", "viewer", db=url).returncode == 0
    monkeypatch.setenv("ALSDESK_USER", "viewer")
    monkeypatch.setenv("ALSDESK_PASSWORD", "viewer password 1")
    assert "disabled" in one_line_error(run("patient", "list", db=url))


def test_nothing_is_allowed_before_the_first_administrator(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    no_admin = "alsdesk: No administrator yet: create one with `alsdesk user add NAME --role administrator`."
    for args in (("patient", "list"), ("worklist",), ("export", "--all", "-o", str(tmp_path / "x.json"))):
        refused = run(*args, db=url)
        assert refused.returncode == 1 and one_line_error(refused) == no_admin, args
    assert not (tmp_path / "x.json").exists()
    monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
    nurse = run("user", "add", "nurse", "--role", "coordinator", db=url)
    assert nurse.returncode == 1 and "the first account must be one" in one_line_error(nurse)
    # maintenance of the file itself needs no account
    assert run("db", "upgrade", db=url).returncode == 0
    assert run("db", "check", db=url).returncode == 0
    assert run("user", "add", "boss", "--role", "administrator", db=url).returncode == 0
    unsigned = run("patient", "list", db=url)
    assert unsigned.returncode == 1 and one_line_error(unsigned).startswith("alsdesk: Sign in: give --user NAME")
    monkeypatch.setenv("ALSDESK_USER", "boss")
    assert run("patient", "list", db=url).returncode == 0
    demo = run("demo", "--patients", "3", db=url)  # accounts exist: signed in as boss, no demo accounts made
    assert demo.returncode == 0, demo.stderr
    assert "demo account" not in demo.stdout


SCORED_41 = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}  # 41


def test_patient_show_prints_delta_fs_at_diagnosis_and_the_latest_slope(
    run, admin, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    admin(url)
    from alsdesk.app import open_clinic
    from alsdesk.services import assessments, patients
    from tests.conftest import make_test_actor

    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path / "home"))  # the same keys as the command's
    db = open_clinic(url)
    db.actor = make_test_actor()
    try:
        with db.write() as s:
            p = patients.add_patient(
                session=s,
                mrn="P1",
                family_name="Pan",
                given_name="Yu",
                birth_date=date(1960, 1, 1),
                sex="male",
                onset_date=date(2025, 1, 1),
                diagnosis_date=date(2025, 6, 1),
                status="diagnosed",
            )
            # 41 on 2025-07-01 (30 days after diagnosis): (48 − 41) / (181 / 30.4375) = 1.18, fast.
            assessments.record_assessment(session=s, patient_id=p.id, assessed_on=date(2025, 7, 1), items=SCORED_41)
            # 38 on 2025-08-20: 3 points in 50 days = 1.83 points lost per month.
            worse = {**SCORED_41, "1": 3, "4": 3, "7": 3}
            assessments.record_assessment(session=s, patient_id=p.id, assessed_on=date(2025, 8, 20), items=worse)
    finally:
        db.dispose()
    shown = run("patient", "show", "P1", db=url)
    assert shown.returncode == 0, shown.stderr
    assert (
        "ΔFS at diagnosis: 1.18/month (fast, assessed 2025-07-01)   "
        "Latest slope: 1.83 points lost/month (2025-07-01 → 2025-08-20)"
    ) in shown.stdout
