"""The care-plan summary (issue 13 item 7): the family's copy of the advance care plan in the
patient's language and plain words, with its history and lines to sign; refused with no plan
recorded, or for a deceased patient. The alert card prints the plan's status."""

from __future__ import annotations

from datetime import date

from alsdesk.cli import main
from tests.db.test_care_plans import FULL
from tests.reports.conftest import pdf_text
from tests.reports.test_cli_report import log_rows, signed_in  # noqa: F401  (the signed-in account)


def report(db_url: str, tmp_path, kind: str, lang: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kind}-{lang}.pdf"
    assert main(["--database", db_url, "report", kind, "--patient", "T0001", "--lang", lang, "-o", str(out)]) == 0
    return " ".join(pdf_text(out.read_bytes()).split())


def _plan(db, patient):  # type: ignore[no-untyped-def]
    from alsdesk.services import care_plans, notes

    with db.write() as s:
        notes.add_note(
            session=s, patient_id=patient.id, kind="advance_care_plan", occurred_on=date(2025, 8, 1), text="Talked."
        )
        care_plans.record_plan(session=s, patient_id=patient.id, plan=FULL)


def test_summary_in_both_languages_with_history_and_signature_lines(db, db_url, patient, tmp_path):
    _plan(db, patient)
    en = report(db_url, tmp_path, "care-plan-summary", "en")
    assert "Your advance care plan" in en and "Wants to stay at home with family." in en
    assert "You do not want:" in en and "Tube feeding" in en and "CPR (attempts to restart the heart)" in en
    assert "No mechanical ventilation through a tracheostomy." in en
    assert "will not try to restart your heart" in en and "decided on 2025-09-01" in en
    assert "Place of care: Home" in en and "Place at the end of life: Other (At my sister's house)" in en
    assert "Lasting power of attorney for health: Li Na (Daughter)" in en and "+86 138 0000 0002" in en
    assert "2025-12-01" in en and "2025-09-01: plan updated" in en and "2025-08-01: talk noted" in en
    assert "Signatures" in en and "Clinician" in en
    zh = report(db_url, tmp_path, "care-plan-summary", "zh_CN")
    assert "预立医疗照护计划" in zh and "不施行心肺复苏" in zh and "管饲" in zh and "家中" in zh
    assert "Li Na" in zh and "2025-12-01" in zh and "2025-08-01" in zh
    for english in ("Your advance care plan", "Tube feeding", "Place of care", "Signatures", "plan updated"):
        assert english not in zh
    assert [e.kind for e in log_rows(db)] == ["care-plan-summary", "care-plan-summary"]


def test_a_plan_with_nothing_decided_says_so(db, db_url, patient, tmp_path):
    from alsdesk.services import care_plans
    from alsdesk.services.care_plans import PlanFields

    with db.write() as s:
        care_plans.record_plan(session=s, patient_id=patient.id, plan=PlanFields(recorded_on=date(2025, 9, 1)))
    en = report(db_url, tmp_path, "care-plan-summary", "en")
    assert "You have not made an advance decision to refuse treatment." in en
    assert "Not talked about yet." in en and "No one is named yet." in en and "Not decided yet." in en


def test_no_plan_exits_1_saying_why(db, db_url, patient, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["--database", db_url, "report", "care-plan-summary", "--patient", "T0001", "-o", str(out)]) == 1
    assert "no advance care plan recorded" in capsys.readouterr().err and not out.exists()


def test_a_deceased_patient_gets_no_summary(db, db_url, patient, tmp_path, capsys):
    from alsdesk.services import patients

    _plan(db, patient)
    with db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=date(2025, 10, 1))
    out = tmp_path / "plan.pdf"
    assert main(["--database", db_url, "report", "care-plan-summary", "--patient", "T0001", "-o", str(out)]) == 1
    assert "deceased" in capsys.readouterr().err and not out.exists()


def test_the_alert_card_prints_the_structured_status_before_the_note_day(db, db_url, patient, tmp_path):
    _plan(db, patient)
    en = report(db_url, tmp_path, "alert-card", "en")
    assert "Advance care plan: Not for CPR (DNACPR) 2025-09-01; advance decision to refuse treatment" in en
    assert "recorded 2025-09-01" in en and "latest note" not in en
    zh = report(db_url, tmp_path, "alert-card", "zh_CN")
    assert "不施行心肺复苏" in zh and "2025-09-01" in zh and "预先决定" in zh and "recorded" not in zh


def test_without_a_structured_plan_the_alert_card_prints_the_latest_note_day(db, db_url, patient, tmp_path):
    from alsdesk.services import notes

    with db.write() as s:
        for day in (date(2025, 5, 9), date(2025, 3, 1)):
            notes.add_note(session=s, patient_id=patient.id, kind="advance_care_plan", occurred_on=day, text="Talked.")
    assert "Advance care plan: latest note 2025-05-09" in report(db_url, tmp_path, "alert-card", "en")


def test_english_summary_words_read_at_grade_6_or_below():
    """The summary's own words, for a full plan and for one with nothing decided (what staff typed,
    and the legal name of a lasting power of attorney, left out)."""
    from dataclasses import asdict, replace

    from alsdesk.printdata import CarePlan
    from alsdesk.reports.care_plan import INTRO, sections
    from tests.reports.test_plain_words import grade

    full = CarePlan(**{**asdict(FULL), "recorded_by": "Dr Wu"})
    empty = replace(
        full,
        adrt_in_place=False,
        adrt_refuses=(),
        adrt_text="",
        resuscitation="not_discussed",
        care_place=None,
        death_place=None,
        decider="no_one_named",
        review_on=None,
        preferences="",
    )
    typed = {FULL.preferences, FULL.adrt_text}
    lines = [INTRO]
    for plan in (full, empty):
        for _title, body in sections(plan, (("2025-09-01", True), ("2025-08-01", False)), "en"):
            lines += [line for line in body if line not in typed and not line.startswith("Lasting")]
    assert "Not decided yet." in lines and "You do not want:" in " ".join(lines)
    assert grade(lines) <= 6, round(grade(lines), 1)
