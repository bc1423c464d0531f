"""The alert card (issue 13 item 7): a wallet-size emergency card with the diagnosis, the oxygen
caution with NIV, NIV and gastrostomy since when, allergies, contacts and the advance-care-plan
status; refused for a deceased patient."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from alsdesk.cli import main
from alsdesk.reports.layout import BOTTOM, TOP
from tests.reports.conftest import pdf_spans, pdf_text
from tests.reports.test_cli_report import log_rows, signed_in  # noqa: F401  (the signed-in account)
from tests.reports.test_safety_and_letter import contacts  # noqa: F401  (the clinic's numbers, a key worker)


def card(db_url: str, tmp_path, lang: str) -> str:  # type: ignore[no-untyped-def]
    return " ".join(pdf_text(card_pdf(db_url, tmp_path, lang)).split())


def card_pdf(db_url: str, tmp_path, lang: str) -> bytes:  # type: ignore[no-untyped-def]
    out = tmp_path / f"alert-{lang}.pdf"
    assert (
        main(["--database", db_url, "report", "alert-card", "--patient", "T0001", "--lang", lang, "-o", str(out)]) == 0
    )
    return out.read_bytes()


@pytest.mark.usefixtures("contacts")
def test_card_with_niv_gastrostomy_and_allergies_in_both_languages(db, db_url, rich, tmp_path):
    from alsdesk.services import allergies, medications, notes

    with db.write() as s:
        for kind, day in (("niv", date(2025, 6, 1)), ("gastrostomy", date(2025, 7, 2))):
            medications.record_milestone(session=s, patient_id=rich.patient_id, kind=kind, occurred_on=day)
        allergies.add_allergy(
            session=s, patient_id=rich.patient_id, substance="Penicillin", recorded_on=date(2025, 1, 5)
        )
        notes.add_note(
            session=s,
            patient_id=rich.patient_id,
            kind="advance_care_plan",
            occurred_on=date(2025, 5, 9),
            text="Discussed.",
        )
    en = card(db_url, tmp_path, "en")
    assert "motor neuron disease" in en and "Oxygen: do not use oxygen" in en
    assert "NIV: in place since 2025-06-01" in en and "Gastrostomy: in place since 2025-07-02" in en
    # the rich patient's structured plan comes before the note's day
    assert "Allergies: Penicillin" in en and "Advance care plan: For CPR 2025-08-20; recorded 2025-08-20" in en
    # the last line of the back panel: everything fitted on the card
    assert "Emergency number: 120" in en and "Your key worker: Li Na (ALS nurse specialist), 0898-1112223" in en
    zh = card(db_url, tmp_path, "zh_CN")
    assert "运动神经元病" in zh and "2025-06-01" in zh and "Penicillin" in zh and "施行心肺复苏 2025-08-20" in zh
    assert "Oxygen" not in zh and "Allergies" not in zh and "Advance care plan" not in zh
    assert "过敏史：Penicillin" in zh and "0898-1112223" in zh
    assert [e.kind for e in log_rows(db)] == ["alert-card", "alert-card"]
    for lang in ("en", "zh_CN"):
        (page,) = pdf_spans(card_pdf(db_url, tmp_path, lang))
        on_card = [s for s in page if BOTTOM < s.y < A4[1] - TOP]  # not the page's header and footer
        assert on_card and min(s.size for s in on_card) >= 8, lang
        heads = [s for s in on_card if s.text.startswith(("Alert card", "Whom to call", "急救信息卡", "联系谁"))]
        assert len(heads) == 2 and all(s.bold for s in heads), heads


def test_nothing_in_place_no_oxygen_caution_and_allergies_not_recorded(db, db_url, patient, tmp_path):
    en = card(db_url, tmp_path, "en")
    assert "motor neuron disease" in en and "Oxygen" not in en and "in place since" not in en
    assert "Allergies: not recorded" in en and "Advance care plan: not recorded" in en
    assert "未记录" in card(db_url, tmp_path, "zh_CN")


def test_the_panels_are_id_1_size_side_by_side():
    from alsdesk.reports.alert_card import CARD_HEIGHT, CARD_WIDTH, MARK, CardSheet

    assert (round(CARD_WIDTH / mm, 1), round(CARD_HEIGHT / mm, 1)) == (85.6, 54.0)
    assert CardSheet([], []).wrap(0, 0) == (2 * CARD_WIDTH, CARD_HEIGHT + 2 * MARK)


def test_a_deceased_patient_gets_no_card(db, db_url, patient, tmp_path, capsys):
    from alsdesk.services import patients

    with db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=date(2025, 9, 1))
    out = tmp_path / "card.pdf"
    assert main(["--database", db_url, "report", "alert-card", "--patient", "T0001", "-o", str(out)]) == 1
    assert "deceased" in capsys.readouterr().err and not out.exists()


def test_what_does_not_fit_on_the_card_is_printed_under_it(db, db_url, patient, tmp_path):
    from alsdesk.services import allergies

    with db.write() as s:
        for n in range(40):
            allergies.add_allergy(
                session=s, patient_id=patient.id, substance=f"Substance number {n:02d}", recorded_on=date(2025, 1, 5)
            )
    en = card(db_url, tmp_path, "en")
    assert "Did not fit on the card:" in en and "Substance number 39" in en and "Advance care plan:" in en
