"""Opening hours and job titles in Chinese (schema 0024, issue 13): the upgrade of a revision 0023
clinic; a staff member's job title in Chinese travels in the export (format 8): kept through an
export and import, "" when a format-7 file is read, and checked by its own rule on the way in."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.exchange.versions import ADDED_IN_8
from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff
from alsdesk.storage import schema
from tests.db.old_schema import at_revision


def test_0024_gives_a_0023_clinics_staff_and_profile_empty_chinese_texts_and_its_downgrade_removes_them(
    db_url: str, tmp_path: Path
) -> None:
    url = at_revision("0023", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            staff = conn.exec_driver_sql("SELECT count(*) FROM staff").scalar_one()
        assert staff > 0, "the fixture holds staff"
        schema.upgrade(engine, "0024")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM staff WHERE job_title_zh = ''").scalar_one() == staff
            assert conn.exec_driver_sql("SELECT DISTINCT job_title FROM staff WHERE job_title <> ''").scalars().all()
            hours = conn.exec_driver_sql("SELECT DISTINCT opening_hours_zh FROM clinic_profile").scalars().all()
            assert hours in ([], [""])  # a clinic profile, if the fixture has one, keeps its English only
        schema.downgrade(engine, "0023")
        with engine.connect() as conn:
            assert "job_title_zh" not in {c["name"] for c in sa.inspect(conn).get_columns("staff")}
            assert "opening_hours_zh" not in {c["name"] for c in sa.inspect(conn).get_columns("clinic_profile")}
        schema.upgrade(engine, schema.HEAD)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def demo_doc() -> dict:  # type: ignore[type-arg]
    return demo.demo_document(patients=3, seed=5, anchor=date(2026, 3, 1))


def titles(db) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        rows = s.execute(sa.select(Staff.username, Staff.job_title, Staff.job_title_zh)).all()
    return {u: (t, z) for u, t, z in rows}


def wipe(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient, Staff):
            s.execute(sa.delete(model))


def test_job_title_zh_goes_out_and_comes_back(db, demo_doc) -> None:  # type: ignore[no-untyped-def]
    nurse = next(r for r in demo_doc["staff"] if r["username"] == "wxu")
    assert (nurse["job_title"], nurse["job_title_zh"]) == ("ALS specialist nurse", "渐冻症专科护士")
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(demo_doc))
    assert titles(db)["wxu"] == ("ALS specialist nurse", "渐冻症专科护士")
    with db.read() as s:
        exported = exchange.export_document(session=s)
    assert exported["version"] == 8
    assert {r["username"]: r["job_title_zh"] for r in exported["staff"]}["wxu"] == "渐冻症专科护士"
    wipe(db)
    with db.write() as s:
        exchange.import_document(session=s, document=json.loads(json.dumps(exported)))
    assert titles(db)["wxu"] == ("ALS specialist nurse", "渐冻症专科护士")


def test_a_format_7_file_gives_its_staff_no_job_title_in_chinese(db, demo_doc) -> None:  # type: ignore[no-untyped-def]
    old = copy.deepcopy(demo_doc)
    old["version"] = 7
    for entry in old["patients"]:  # as format 7 wrote them: no appointment times or places either
        for table, fields in ADDED_IN_8.items():
            for row in entry["records"][table]:
                for field in fields:
                    del row[field]
    for row in old["staff"]:
        del row["job_title_zh"]
    with db.write() as s:
        exchange.import_document(session=s, document=old)
    read = titles(db)
    assert read["wxu"] == ("ALS specialist nurse", "")
    assert {z for _t, z in read.values()} == {""}


def test_a_job_title_zh_on_two_lines_is_refused_naming_the_row_and_field(db, demo_doc) -> None:  # type: ignore[no-untyped-def]
    bad = copy.deepcopy(demo_doc)
    i = next(i for i, r in enumerate(bad["staff"]) if r["username"] == "wxu")
    bad["staff"][i]["job_title_zh"] = "渐冻症\n专科护士"  # the rule of adding a staff member: one line
    with pytest.raises(exchange.ImportFileError) as err, db.write() as s:
        exchange.import_document(session=s, document=bad)
    assert err.value.path == f"staff[{i}].job_title_zh"
    assert "Job title (Chinese)" in str(err.value)
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Staff)) == 0  # nothing written
