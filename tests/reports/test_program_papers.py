"""A program's papers follow its dates, read back from the PDF: the handout lists it on its last
day and not the day after; its checklist prints on its last day with the sheet's own rows."""

from __future__ import annotations

from datetime import date, timedelta

from alsdesk.services import programs
from alsdesk.services.printing import PrintOptions
from alsdesk.services.printing_sheets import checklist_data, handout_data
from tests.reports.conftest import pdf_text

START, LAST = date(2025, 7, 1), date(2025, 7, 15)  # a 15-day program


def test_handout_lists_a_program_on_its_last_day_and_not_the_day_after(db, patient):
    from alsdesk.reports.handout import handout_pdf

    with db.write() as s:
        programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=START)
    texts = {}
    for day in (LAST, LAST + timedelta(days=1)):
        with db.read() as s:
            data = handout_data(session=s, patient_id=patient.id, options=PrintOptions(lang="en", printed_on=day))
        texts[day] = pdf_text(handout_pdf(data, invariant=True))
    assert "Daily care routine" in texts[LAST] and "Breathing exercises" in texts[LAST]
    assert "Daily care routine" not in texts[LAST + timedelta(days=1)]


def test_checklist_without_niv_has_no_ventilator_row(db, patient):
    from alsdesk.reports.checklist import checklist_pdf

    with db.write() as s:
        programs.enroll(session=s, patient_id=patient.id, template_code="respiratory_home", start_date=START)
    with db.read() as s:
        data = checklist_data(session=s, patient_id=patient.id, options=PrintOptions(lang="en", printed_on=LAST))
    text = pdf_text(checklist_pdf(data, invariant=True))
    assert "Cough and secretion clearance exercises" in text
    assert "Ventilator" not in text
