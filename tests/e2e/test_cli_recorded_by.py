# ruff: noqa: F811  (the fixtures of test_cli.py, imported, are taken as arguments)
"""A record made from the command line names the staff member signed in as its recorder or
prescriber, as one made in the window does (cli.signin.signed_in_staff)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.test_cli import admin, run  # noqa: F401  (fixtures)
from tests.e2e.test_cli_visits import add_patient, clinician  # noqa: F401  (fixtures)


def test_allergy_medication_plan_and_settings_record_who_signed_in(run, clinician, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run)
    made = [
        run("allergy", "add", "--patient", "V1", "--substance", "penicillin"),
        run("medication", "add", "--patient", "V1", "--drug", "riluzole", "--start", "2026-05-01", "--confirm"),
        run("care-plan", "record", "--patient", "V1", "--date", "2026-05-02", "--preferences", "At home"),
        run("milestone", "add", "--patient", "V1", "--kind", "niv", "--date", "2026-05-01"),
        run(
            "milestone",
            "niv-settings",
            "--patient",
            "V1",
            "--date",
            "2026-05-02",
            "--mode",
            "spontaneous_timed",
            "--ipap",
            "14",
            "--epap",
            "5",
            "--mask",
            "nasal",
        ),
    ]
    for r in made:
        assert r.returncode == 0, r.stderr
    (path,) = (tmp_path / "home").rglob("alsdesk.sqlite3")
    with sqlite3.connect(path) as db:
        (doc,) = db.execute("SELECT id FROM staff WHERE username = 'doc'").fetchone()
        recorded = [
            db.execute(f"SELECT {column} FROM {table}").fetchall()
            for table, column in (
                ("allergy", "staff_id"),
                ("medication", "prescriber_id"),
                ("advance_care_plan", "staff_id"),
                ("niv_setting", "staff_id"),
            )
        ]
    assert recorded == [[(doc,)]] * 4
