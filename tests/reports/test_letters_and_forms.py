"""Referral letter, visit report, blank ALSFRS-R form and clinic worklist, read back from the PDF."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.errors import DomainError, NotFoundError
from alsdesk.services.printing import PrintOptions, referral_data, worklist_data
from alsdesk.services.printing_sheets import checklist_data, form_data, visit_data
from tests.reports.conftest import PRINT_DAY, pdf_pages, pdf_text

OPTS = PrintOptions(lang="en", printed_on=PRINT_DAY)


def test_referral_letter_has_letterhead_reason_history_questions(db, rich):
    from alsdesk.reports.referral import referral_pdf

    with db.read() as s:
        data = referral_data(session=s, patient_id=rich.patient_id, options=OPTS)  # default: the latest
    text = pdf_text(referral_pdf(data, invariant=True))
    assert "Lecheng ALS Clinic" in text and "1 Boao Road" in text and "0898-1234567" in text
    assert "Referral letter" in text
    assert "Respiratory medicine" in text and "Haikou People's Hospital" in text
    assert "URGENT" in text
    assert "FVC falling; discuss NIV." in text
    assert "Is NIV indicated now?" in text
    assert "38/48" in text and "FVC 71 % predicted" in text and "Riluzole" in text
    assert "Signature" in text


def test_referral_unknown_id_is_not_found(db, rich):
    with db.read() as s, pytest.raises(NotFoundError):
        referral_data(session=s, patient_id=rich.patient_id, referral_id="00000000-0000-0000-0000-000000000000")


def test_visit_report_lists_items_with_descriptions_and_change(db, rich):
    from alsdesk.reports.visit import visit_pdf

    with db.read() as s:
        data = visit_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = pdf_text(visit_pdf(data, invariant=True))
    assert "Visit report — 2025-08-20" in text
    assert "1. Speech" in text and "3 — Detectable speech disturbance" in text
    assert "5a. Cutting food" in text and "5b." not in text
    assert "12. Respiratory insufficiency" in text
    assert "Change in total since 2025-07-01: -3" in text
    assert "38/48" in text and "41/48" in text
    assert "Walks with a stick." in text


def test_visit_on_a_date_without_a_visit_is_not_found(db, rich):
    with db.read() as s, pytest.raises(NotFoundError):
        visit_data(session=s, patient_id=rich.patient_id, assessed_on=date(2024, 1, 1))


def test_blank_form_has_every_item_and_all_five_levels():
    from alsdesk.printdata import Clinic, FormData, Header
    from alsdesk.reports.visit import alsfrs_items, form_pdf

    pdf = form_pdf(FormData(Header(Clinic("Outreach"), None, "en", PRINT_DAY)), invariant=True)
    text = pdf_text(pdf)
    assert len(alsfrs_items()) == 13
    flat = text.replace("\n", " ")
    for item in alsfrs_items():
        assert f"{item['key']}. " in text
        for level in item["levels"]:
            assert level[:18] in flat, level
    assert "Loss of useful speech" in text and "Invasive mechanical ventilation" in text
    assert "Patient: ____" in text  # no patient: a line to write one in
    assert "Page 1 of 2" in text


def test_blank_form_for_a_patient_in_chinese(db, patient):
    from alsdesk.reports.visit import form_pdf

    with db.read() as s:
        data = form_data(session=s, patient_id=patient.id, options=PrintOptions(lang="zh_CN", printed_on=PRINT_DAY))
    text = pdf_text(form_pdf(data, invariant=True))
    assert "ALSFRS-R 评分表" in text and "1. 言语" in text and "张伟" in text and "病历号 T0001" in text


def test_worklist_groups_by_kind_with_counts(db, rich):
    from alsdesk.reports.worklist import worklist_pdf

    with db.read() as s:
        data = worklist_data(session=s, on=date(2026, 3, 1), options=OPTS)
    kinds = [k for k, _ in data.groups]
    assert kinds, "the rich patient has overdue items by then"
    text = pdf_text(worklist_pdf(data, invariant=True))
    assert "Clinic worklist for 2026-03-01" in text
    for kind, rows in data.groups:
        assert f"({len(rows)})" in text, kind
    assert "Reassessments due (1)" in text
    assert "TEST, Patient" in text and "MRN T0001" in text


def test_empty_worklist_says_so(db):
    from alsdesk.reports.worklist import worklist_pdf

    with db.read() as s:
        data = worklist_data(session=s, on=PRINT_DAY, options=OPTS)
    pages = pdf_pages(worklist_pdf(data, invariant=True))
    assert len(pages) == 1 and "Nothing is due on this day." in pages[0]


def test_checklist_needs_a_choice_when_two_programs_are_active(db, rich):
    with db.read() as s, pytest.raises(DomainError, match="2 active programs"):
        checklist_data(session=s, patient_id=rich.patient_id, options=OPTS)


def test_referral_letter_history_is_as_of_the_referral_date(db, rich):
    from alsdesk.reports.referral import referral_pdf
    from alsdesk.services import assessments

    with db.write() as s:  # a visit after the referral (2025-08-21) does not belong in its letter
        assessments.record_assessment(
            session=s, patient_id=rich.patient_id, assessed_on=date(2025, 8, 25), fvc_percent=60.0
        )
    with db.read() as s:
        data = referral_data(session=s, patient_id=rich.patient_id, referral_id=rich.referral_id, options=OPTS)
    text = pdf_text(referral_pdf(data, invariant=True))
    assert "FVC 71 % predicted" in text and "FVC 60" not in text


def test_visit_with_measurements_only_says_no_alsfrs(db, rich):
    from alsdesk.reports.visit import visit_pdf
    from alsdesk.services import assessments

    with db.write() as s:
        assessments.record_assessment(
            session=s, patient_id=rich.patient_id, assessed_on=date(2025, 8, 28), spo2_percent=95.0
        )
    with db.read() as s:
        data = visit_data(session=s, patient_id=rich.patient_id, assessed_on=date(2025, 8, 28), options=OPTS)
    text = pdf_text(visit_pdf(data, invariant=True))
    assert "No ALSFRS-R was scored at this visit." in text and "SpO2 95 %" in text


def test_visit_report_prints_acknowledged_and_closed_alerts_as_such(db, rich):
    """An alert a clinician acknowledged prints as acknowledged, one closed by a milestone says why;
    only an open one prints as a warning (issue 12: the report printed them all as open)."""
    from alsdesk.reports.visit import visit_pdf
    from alsdesk.services import alerts, assessments, medications

    day = date(2025, 8, 28)
    with db.write() as s:
        _view, found, _ = assessments.record_assessment(
            session=s, patient_id=rich.patient_id, assessed_on=day, fvc_percent=45.0, spo2_percent=90.0
        )
    assert [a.kind for a in found] == ["niv", "abg"]
    with db.read() as s:
        data = visit_data(session=s, patient_id=rich.patient_id, assessed_on=day, options=OPTS)
    assert [a.status for a in data.alerts] == ["open", "open"]
    with db.write() as s:
        abg = next(a for a in alerts_of(s, rich.patient_id) if a.kind == "abg")
        alerts.acknowledge_alert(session=s, alert_id=abg.id, note="Gas taken")
        medications.record_milestone(session=s, patient_id=rich.patient_id, kind="niv", occurred_on=date(2025, 9, 1))
    for lang, acknowledged, closed in (
        ("en", "Acknowledged: SpO2 90%", "Closed 2025-09-01 (NIV in place): FVC 45% predicted"),
        (
            "zh_CN",
            "已处理：SpO2 90%",
            "已关闭 2025-09-01（已使用无创通气）：FVC 为预计值的 45%",
        ),  # the alert in Chinese too
    ):
        with db.read() as s:
            data = visit_data(
                session=s,
                patient_id=rich.patient_id,
                assessed_on=day,
                options=PrintOptions(lang=lang, printed_on=PRINT_DAY),
            )
        text = pdf_text(visit_pdf(data, invariant=True)).replace("\n", " ")
        assert acknowledged in text and closed in text, text


def alerts_of(session, patient_id):  # type: ignore[no-untyped-def]
    from alsdesk.services import chart

    return chart.patient_chart(session=session, patient_id=patient_id).alerts


def test_a_letter_is_in_the_clinics_letter_language_and_a_family_paper_in_the_patients(db, rich):
    """Without a language asked for, the referral letter follows the clinic profile's language of
    letters to clinicians and the handout the patient's (Chinese here); one asked for wins."""
    from alsdesk.app.documents import Request, build
    from alsdesk.services import clinic

    def printed(kind: str, lang: str | None = None) -> tuple[str, str]:
        with db.read() as s:
            job = build(s, kind, Request(patient_id=rich.patient_id, lang=lang))
        return job.language, pdf_text(job.pdf)

    language, text = printed("referral")
    assert language == "en" and "Referral letter" in text and "转诊信" not in text
    language, text = printed("handout")
    assert language == "zh_CN" and "您的护理计划" in text
    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", letter_language="zh_CN")
    language, text = printed("referral")
    assert language == "zh_CN" and "转诊信" in text and "Referral letter" not in text
    assert printed("referral", "en")[0] == "en" and printed("handout", "en")[0] == "en"
