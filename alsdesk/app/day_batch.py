"""The day batch: handouts and checklists for everyone seen on a day, as one PDF, cancellable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from alsdesk.app.documents import Part, PrintJob, shown_name
from alsdesk.errors import DomainError
from alsdesk.printdata import ChecklistData
from alsdesk.services import printing, printing_sheets


def build_day_batch(
    session: Session,
    on: date,
    *,
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None],
) -> PrintJob | None:
    """Handouts and checklists for everyone seen on `on`, as one PDF; None when cancelled.

    Cancellation is checked between patients; `progress(done, total)` counts patients, and
    one more step for putting the pages together. The pages name the session's account.
    """
    from alsdesk.reports.batch import batch_pdf

    options = printing.PrintOptions(printed_by=shown_name(session), printed_on=date.today(), as_of=on)
    profile = printing.clinic_info(session=session)
    patients = printing_sheets.patients_with_appointments(session=session, on=on)
    if not patients:
        raise DomainError("Nobody has an appointment on {day}: there is nothing to print.", day=on.isoformat())
    documents: list[Any] = []
    total = len(patients) + 1
    for n, pid in enumerate(patients):
        if cancelled():
            return None
        progress(n, total)
        try:
            documents += printing_sheets.patient_day_documents(
                session=session, patient_id=pid, on=on, options=options, clinic_profile=profile
            )
        except DomainError:
            continue  # e.g. a patient recorded as deceased since booking: no family papers
    if cancelled():
        return None
    if not documents:
        raise DomainError("None of the patients seen on {day} can be given family papers.", day=on.isoformat())
    progress(len(patients), total)
    counts: list[int] = []
    pdf = batch_pdf(documents, page_counts=counts)
    if cancelled():  # pressed while the pages were being put together
        return None
    parts = tuple(_part(d, n) for d, n in zip(documents, counts, strict=True))
    langs = {d.header.lang for d in documents}
    lang = langs.pop() if len(langs) == 1 else "mixed"
    name = f"handouts-checklists-{on.isoformat()}.pdf"
    return PrintJob("day-batch", pdf, sum(counts), lang, profile.paper, name, parts=parts)


def _part(document: Any, pages: int) -> Part:
    person = document.header.patient
    checklist = isinstance(document, ChecklistData)
    return Part(
        "checklist" if checklist else "handout",
        document.header.lang,
        pages,
        uuid.UUID(person.id),
        person.mrn,
        uuid.UUID(document.program.enrollment_id) if checklist else None,
    )
