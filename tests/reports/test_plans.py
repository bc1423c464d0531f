"""The NIV plan and the gastrostomy plan (issue 13 item 7): the settings in use (or blank lines when
none are recorded), the handout's failure advice, whom to call; refused in words, exit 1, for a
patient without the intervention in place."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.cli import main
from alsdesk.printdata import GastrostomySettings, NivSettings
from alsdesk.services import medications, plan_settings
from tests.reports.conftest import pdf_text
from tests.reports.test_cli_report import log_rows, signed_in  # noqa: F401  (the signed-in account)

NIV = NivSettings(
    date(2025, 8, 2), "spontaneous_timed", 16, 6, "oronasal", 14, True, 10, "ResMed Lumis 150", "400 800 1234"
)
TUBE = GastrostomySettings(
    date(2025, 8, 3),
    "rig",
    15,
    date(2025, 8, 1),
    "Jevity 1.5",
    1500,
    100,
    "20:00 to 06:00",
    50,
    "Nurse Lin",
    "0898 555 0101",
)


def plan(db_url: str, tmp_path, kind: str, lang: str = "en", code: int = 0) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kind}-{lang}.pdf"
    args = ["--database", db_url, "report", kind, "--patient", "T0001", "--lang", lang, "-o", str(out)]
    assert main(args) == code
    return " ".join(pdf_text(out.read_bytes()).split()) if code == 0 else ""


def in_place(db, rich, kind: str, on: date = date(2025, 8, 1)) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=rich.patient_id, kind=kind, occurred_on=on)


@pytest.mark.parametrize(
    ("kind", "why"), [("niv-plan", "no NIV in place"), ("gastrostomy-plan", "no gastrostomy in place")]
)
def test_without_the_intervention_the_plan_exits_1_saying_why(db_url, rich, tmp_path, capsys, kind, why):
    plan(db_url, tmp_path, kind, code=1)
    assert why in capsys.readouterr().err and not (tmp_path / f"{kind}-en.pdf").exists()


def test_niv_plan_prints_the_settings_failures_oxygen_and_whom_to_call(db, db_url, rich, tmp_path):
    in_place(db, rich, "niv")
    with db.write() as s:
        plan_settings.record_niv_settings(session=s, patient_id=rich.patient_id, settings=NIV)
    text = plan(db_url, tmp_path, "niv-plan")
    for expected in (
        "Spontaneous/timed (ST)",
        "16 cmH2O",
        "6 cmH2O",
        "14 breaths a minute",
        "Nose and mouth mask",
        "ResMed Lumis 150",
        "about 10 hours a day",
        "every night",
        "Wash the mask",
        "Check the power, the tubing and the mask",  # the handout's NIV failure plan
        "If the power goes off",
        "do not use oxygen",
        "Machine supplier 400 800 1234",
        "0898-1234567",  # the clinic
    ):
        assert expected in text, expected
    assert "Settings not recorded" not in text
    assert [e.kind for e in log_rows(db)] == ["niv-plan"]


def test_without_settings_the_plan_says_so_with_lines_to_fill_in_both_languages(db, db_url, rich, tmp_path):
    in_place(db, rich, "niv")
    en = plan(db_url, tmp_path, "niv-plan")
    assert "Settings not recorded" in en and "IPAP (breathing in) ____" in en and "Use it for ____ hours" in en
    zh = plan(db_url, tmp_path, "niv-plan", "zh_CN")
    assert "尚未记录" in zh and "Settings" not in zh and "呼吸机" in zh


def test_the_setting_in_use_is_the_latest_on_or_before_the_print_day(db, db_url, rich, tmp_path):
    from dataclasses import replace

    in_place(db, rich, "niv")
    with db.write() as s:
        plan_settings.record_niv_settings(session=s, patient_id=rich.patient_id, settings=NIV)
        later = replace(NIV, set_on=date.today(), ipap=18)
        plan_settings.record_niv_settings(session=s, patient_id=rich.patient_id, settings=later)
    assert "18 cmH2O" in plan(db_url, tmp_path, "niv-plan") and "16 cmH2O" not in plan(db_url, tmp_path, "niv-plan")


def test_no_niv_plan_through_a_tracheostomy(db, db_url, rich, tmp_path, capsys):
    in_place(db, rich, "niv")
    in_place(db, rich, "tracheostomy")
    plan(db_url, tmp_path, "niv-plan", code=1)
    assert "tracheostomy" in capsys.readouterr().err


def test_gastrostomy_plan_prints_tube_feed_flushes_medicines_and_advice_in_both_languages(db, db_url, rich, tmp_path):
    in_place(db, rich, "gastrostomy")
    with db.write() as s:
        plan_settings.record_gastrostomy_settings(session=s, patient_id=rich.patient_id, settings=TUBE)
    text = plan(db_url, tmp_path, "gastrostomy-plan")
    for expected in (
        "RIG (placed by X-ray)",
        "15 Fr",
        "Jevity 1.5",
        "1500 ml a day",
        "100 ml an hour",
        "20:00 to 06:00",
        "with 50 ml of water",
        "Riluzole",  # current medicines, with the medication card's rule
        "When to take it: 50 mg",
        "ask the pharmacist",
        "Blocked: flush gently",  # the handout's advice
        "Nurse Lin 0898 555 0101",
    ):
        assert expected in text, expected
    zh = plan(db_url, tmp_path, "gastrostomy-plan", "zh_CN")
    assert "利鲁唑" in zh and "喂食管" in zh and "50 ml" in zh and "Blocked" not in zh


def test_a_deceased_patient_gets_no_plan(db, db_url, rich, tmp_path, capsys):
    from alsdesk.services import patients

    in_place(db, rich, "gastrostomy")
    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, status="deceased", death_date=date(2025, 8, 25))
    plan(db_url, tmp_path, "gastrostomy-plan", code=1)
    assert "deceased" in capsys.readouterr().err
