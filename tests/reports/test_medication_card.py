"""The medication card (issue 13 item 7): each current medicine, what it is for, when to take it,
through the tube once a gastrostomy is in place, and its next liver blood test; refused in words
with no current medicine."""

from __future__ import annotations

from datetime import date

from alsdesk.cli import main
from tests.reports.conftest import pdf_text
from tests.reports.test_cli_report import log_rows, signed_in  # noqa: F401  (the signed-in account)


def card(db_url: str, tmp_path, lang: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"card-{lang}.pdf"
    assert (
        main(["--database", db_url, "report", "medication-card", "--patient", "T0001", "--lang", lang, "-o", str(out)])
        == 0
    )
    return " ".join(pdf_text(out.read_bytes()).split())


def test_card_names_purpose_dose_and_liver_test_and_is_logged(db, db_url, rich, tmp_path):
    text = card(db_url, tmp_path, "en")
    assert (
        "Riluzole" in text and "What it is for: to slow down the illness" in text and "When to take it: 50 mg" in text
    )
    assert "disease-modifying" not in text  # the catalog's words are a clinician's
    assert "Next liver blood test (ALT):" in text
    assert "feeding tube" not in text  # no gastrostomy yet
    assert [e.kind for e in log_rows(db)] == ["medication-card"]


def test_with_a_gastrostomy_the_card_says_through_the_tube_in_both_languages(db, db_url, rich, tmp_path):
    from alsdesk.services import medications

    with db.write() as s:
        medications.record_milestone(
            session=s, patient_id=rich.patient_id, kind="gastrostomy", occurred_on=date(2025, 8, 1)
        )
    assert "through the feeding tube" in card(db_url, tmp_path, "en")
    zh = card(db_url, tmp_path, "zh_CN")
    assert "喂食管" in zh and "利鲁唑" in zh and "When to take it" not in zh


def test_no_current_medicine_exits_1_naming_why(db, db_url, patient, tmp_path, capsys):
    out = tmp_path / "card.pdf"
    assert main(["--database", db_url, "report", "medication-card", "--patient", "T0001", "-o", str(out)]) == 1
    assert "no current medication" in capsys.readouterr().err and not out.exists()


def test_english_card_words_read_at_grade_6_or_below():
    """The card's own words (not the catalog's purpose or the dose, which are typed), every line shown."""
    from alsdesk.printdata import CardMedicine
    from alsdesk.reports.medication_card import KEEP, TUBE, medicine_lines
    from tests.reports.test_plain_words import grade

    lines = medicine_lines(CardMedicine("Riluzole", "x", "y", by_tube=True, alt_due=date(2025, 9, 1)), "en")
    fixed = [line.split(":")[0] + "." if ":" in line else line for line in lines]
    assert len(fixed) == 3 and grade([*fixed, KEEP, TUBE]) <= 6, round(grade([*fixed, KEEP, TUBE]), 1)


def test_every_shipped_drug_says_what_it_is_for_in_plain_words_in_both_languages():
    """Each drug of the shipped catalog has a family purpose, English at grade 6 or below and
    Chinese without the catalog's jargon; a drug a clinic added has none (its own purpose shows)."""
    from alsdesk.i18n.labels import family_purpose
    from alsdesk.services.catalogs import load_resource
    from tests.reports.test_plain_words import grade

    shipped = [d["code"] for d in load_resource("drugs.json")]
    english = [family_purpose(code, "en") for code in shipped]
    chinese = [family_purpose(code, "zh_CN") for code in shipped]
    assert all(english) and all(chinese) and family_purpose("our_own_drug", "en") is None
    assert grade([f"It is {text}." for text in english if text]) <= 6
    assert not any(word in text for text in chinese if text for word in ("一线", "抗胆碱能", "改善病情"))
    assert all(en != zh for en, zh in zip(english, chinese, strict=True))


def test_a_drug_the_clinic_added_shows_the_purpose_the_clinic_wrote(db, db_url, rich, tmp_path):
    from alsdesk.services import catalogs, medications

    with db.write() as s:
        catalogs.save_drug(
            session=s, code="our_drops", name="Our drops", purpose="dry mouth at night", approval="approved"
        )
        medications.prescribe(
            session=s, patient_id=rich.patient_id, drug_code="our_drops", started_on=date(2025, 9, 1), dose="2 drops"
        )
    assert "What it is for: dry mouth at night" in card(db_url, tmp_path, "en")
