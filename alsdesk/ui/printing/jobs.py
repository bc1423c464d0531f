"""Documents the window prints, built in a worker from the services and alsdesk.reports, and their log entries."""

# No Qt here: these functions run on worker threads and hand back a plain PrintJob.
# ReportLab is imported inside each branch, as in cli/report.py, so opening the window does not load it.

from __future__ import annotations

import dataclasses
import getpass
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.printdata import ChecklistData, FormData, page_count
from alsdesk.services import clinic, printing, printing_sheets, printlog
from alsdesk.services.common import Changes

KINDS = ("summary", "handout", "checklist", "referral", "visit", "alsfrs-form", "worklist")


@dataclass(frozen=True)
class Part:
    """One document inside a batch job: the print log gets an entry for each (what, for whom)."""

    kind: str
    language: str
    pages: int
    patient_id: uuid.UUID | None
    patient_mrn: str
    record_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PrintJob:
    """One PDF ready to preview, with what the print log needs to know about it."""

    kind: str
    pdf: bytes
    pages: int
    language: str
    paper: str
    file_name: str
    patient_id: uuid.UUID | None = None
    patient_mrn: str = ""
    record_id: uuid.UUID | None = None
    parts: tuple[Part, ...] = ()  # a batch: its documents, in page order


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (a service account): print without one
        return ""


def printed_by(session: Session, staff_id: uuid.UUID | None) -> str:
    """The name printed in the page footer: the signed-in staff member, else the computer's login name."""
    if staff_id is not None:
        for s in clinic.list_staff(session=session, include_inactive=True):
            if s.id == staff_id:
                return s.display_name
    return user_name()


def _job(kind: str, pdf: bytes, header: Any, record: Any = None, label: str = "") -> PrintJob:
    person = header.patient
    stem = "-".join(x for x in (kind, person.mrn if person else "", label) if x)
    return PrintJob(
        kind=kind,
        pdf=pdf,
        pages=page_count(pdf),
        language=header.lang,
        paper=header.clinic.paper,
        file_name=f"{stem}.pdf",
        patient_id=uuid.UUID(person.id) if person else None,
        patient_mrn=person.mrn if person else "",
        record_id=uuid.UUID(str(record)) if record else None,
    )


def build_document(
    session: Session,
    kind: str,
    *,
    patient_id: uuid.UUID | None = None,
    record_id: uuid.UUID | None = None,
    on: date | None = None,
    staff_id: uuid.UUID | None = None,
    lang: str | None = None,
) -> PrintJob:
    """The same service and report functions as `alsdesk report KIND`; `on` is the visit or worklist day.

    `lang` None prints in the patient's preferred language (English for a clinic-wide list).
    """
    options = printing.PrintOptions(lang, printed_by=printed_by(session, staff_id), printed_on=date.today())
    if kind == "summary":
        from alsdesk.reports.summary import summary_pdf

        data: Any = printing.summary_data(session=session, patient_id=patient_id, options=options)  # type: ignore[arg-type]
        return _job(kind, summary_pdf(data), data.header)
    if kind == "handout":
        from alsdesk.reports.handout import handout_pdf

        data = printing_sheets.handout_data(session=session, patient_id=patient_id, options=options)  # type: ignore[arg-type]
        return _job(kind, handout_pdf(data), data.header)
    if kind == "checklist":
        from alsdesk.reports.checklist import checklist_pdf

        data = printing_sheets.checklist_data(
            session=session,
            patient_id=patient_id,  # type: ignore[arg-type]
            enrollment_id=record_id,
            options=options,
        )
        return _job(kind, checklist_pdf(data), data.header, data.program.enrollment_id)
    if kind == "referral":
        from alsdesk.reports.referral import referral_pdf

        data = printing.referral_data(session=session, patient_id=patient_id, referral_id=record_id, options=options)  # type: ignore[arg-type]
        return _job(kind, referral_pdf(data), data.header, data.referral_id, data.referral_date.isoformat())
    if kind == "visit":
        from alsdesk.reports.visit import visit_pdf

        data = printing_sheets.visit_data(session=session, patient_id=patient_id, assessed_on=on, options=options)  # type: ignore[arg-type]
        return _job(kind, visit_pdf(data), data.header, label=data.assessed_on.isoformat())
    if kind == "alsfrs-form":
        from alsdesk.reports.visit import form_pdf

        data = printing_sheets.form_data(session=session, patient_id=patient_id, options=options)
        return _job(kind, form_pdf(FormData(data.header, on)), data.header)
    if kind == "worklist":
        from alsdesk.reports.worklist import worklist_pdf

        day = on or date.today()
        data = printing.worklist_data(session=session, on=day, options=options)
        return _job(kind, worklist_pdf(data), data.header, label=day.isoformat())
    raise DomainError(f"Unknown document kind {kind!r}.")


def build_day_batch(
    session: Session,
    on: date,
    *,
    cancelled: Callable[[], bool],
    progress: Callable[[int, int], None],
    staff_id: uuid.UUID | None = None,
) -> PrintJob | None:
    """Handouts and checklists for everyone seen on `on`, as one PDF; None when cancelled.

    Cancellation is checked between patients; `progress(done, total)` counts patients, and
    one more step for putting the pages together.
    """
    from alsdesk.reports.batch import batch_pdf

    options = printing.PrintOptions(printed_by=printed_by(session, staff_id), printed_on=date.today(), as_of=on)
    profile = printing.clinic_info(session=session)
    patients = printing_sheets.patients_with_appointments(session=session, on=on)
    if not patients:
        raise DomainError(f"Nobody has an appointment on {on.isoformat()}: there is nothing to print.")
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
        raise DomainError(f"None of the patients seen on {on.isoformat()} can be given family papers.")
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


def printed_parts(job: PrintJob, pages: range | None = None) -> list[Part]:
    """What the log records for `job` with `pages` (0-based) printed: each document, or the one job."""
    wanted = pages if pages is not None else range(job.pages)
    whole = [Part(job.kind, job.language, job.pages, job.patient_id, job.patient_mrn, job.record_id)]
    found, start = [], 0
    for part in job.parts or whole:
        shown = len(range(max(start, wanted.start), min(start + part.pages, wanted.stop)))
        if shown:
            found.append(dataclasses.replace(part, pages=shown))
        start += part.pages
    return found


def log_job(
    session: Session,
    job: PrintJob,
    destination: str,
    staff_id: uuid.UUID | None = None,
    pages: range | None = None,
) -> tuple[list[printlog.PrintLogEntry], Changes]:
    """Record a printed or saved job in the print log: one entry per document it holds."""
    entries, changes = [], Changes(worklist=False)
    for part in printed_parts(job, pages):
        entry, changes = printlog.log_print(
            session=session,
            kind=part.kind,
            language=part.language,
            paper=job.paper,
            pages=part.pages,
            destination=destination,
            printed_by=user_name(),
            patient_id=part.patient_id,
            patient_mrn=part.patient_mrn,
            record_id=part.record_id,
            staff_id=staff_id,
        )
        entries.append(entry)
    return entries, changes
