"""One print job for a day: every seen patient's handout and checklists, each numbered on its own."""

from __future__ import annotations

from datetime import date

from alsdesk.services.printing import PrintOptions
from alsdesk.services.printing_sheets import day_batch, patients_with_appointments
from tests.reports.conftest import PRINT_DAY, pdf_pages

OPTS = PrintOptions(printed_on=PRINT_DAY)


def test_day_batch_collects_the_patients_seen_that_day(db, rich):
    from alsdesk.printdata import ChecklistData, HandoutData

    with db.read() as s:
        assert patients_with_appointments(session=s, on=date(2025, 9, 3)) == [rich.patient_id]  # physiotherapy
        assert patients_with_appointments(session=s, on=date(2025, 9, 4)) == []
        docs = day_batch(session=s, on=date(2025, 9, 3), options=OPTS)
    assert [type(d) for d in docs] == [HandoutData, ChecklistData, ChecklistData]  # two active programs


def test_batch_pdf_numbers_pages_per_document_and_mixes_orientations(db, rich):
    import io

    from pypdf import PdfReader

    from alsdesk.reports.batch import batch_pdf

    with db.read() as s:
        docs = day_batch(session=s, on=date(2025, 9, 3), options=OPTS)
    counts: list[int] = []
    pdf = batch_pdf(docs, invariant=True, page_counts=counts)
    pages = pdf_pages(pdf)
    assert len(pages) >= 3
    assert len(counts) == len(docs) and sum(counts) == len(pages)  # each document's own page count
    # each document restarts at page 1; the last page of each says "page M of M"
    firsts = [p for p in pages if "第 1 页" in p]
    assert len(firsts) == 3
    assert all("张伟" in p and "病历号 T0001" in p for p in pages)
    boxes = [PdfReader(io.BytesIO(pdf)).pages[i].mediabox for i in range(len(pages))]
    assert float(boxes[0].width) < float(boxes[0].height)  # handout: portrait
    assert float(boxes[-1].width) > float(boxes[-1].height)  # checklist: landscape
