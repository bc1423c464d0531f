"""Printed documents: one registry entry per kind (gather, render, record) and their print-log entries.

Both front ends print through here: `alsdesk report KIND` and the window's print pages. No Qt:
the window runs these on worker threads and gets back a plain PrintJob. ReportLab is imported
inside each renderer, so neither `--help` nor opening the window loads it.

Who printed is one identity: the account the session acts for (`services.access.actor_of`, the
signed-in account on both fronts). The print log records its username (and its staff record);
the page footer shows its staff member's display name, or the username when it has none."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from alsdesk import formats
from alsdesk.errors import DomainError
from alsdesk.printdata import FormData, page_count
from alsdesk.services import (
    clinic,
    printing,
    printing_cards,
    printing_care_plan,
    printing_letters,
    printing_plans,
    printing_sheets,
    printlog,
)
from alsdesk.services.access import actor_of
from alsdesk.services.common import Changes
from alsdesk.storage.files import file_on_commit


@dataclass(frozen=True)
class Request:
    """What to print. `record_id` is the referral (referral), the program enrollment (checklist) or
    the appointment, its ID or a unique start of it (appointment), None for the default one; `on` is
    the visit (visit, gp-letter), the day (worklist, today by default) or the
    visit date written on a blank form (alsfrs-form); `as_of` is the day coming appointments count
    from (today by default); `lang` None prints in the patient's preferred language (a referral letter
    in the clinic's letter language), `paper` None on
    the clinic's paper; `large_print` sets a handout in large type (ignored by the other kinds)."""

    patient_id: uuid.UUID | str | None = None
    record_id: uuid.UUID | str | None = None
    on: date | None = None
    as_of: date | None = None
    lang: str | None = None
    paper: str | None = None
    large_print: bool = False


@dataclass(frozen=True)
class Document:
    """One kind of document: `gather` reads its data through the services, `render` makes the PDF
    (plain data in, bytes out), `record` names the record printed (for the log) and `label` adds to
    the file name offered. `patient` is "needed", "optional" (a blank form) or "none" (clinic-wide)."""

    kind: str
    patient: str
    gather: Callable[[Session, Request, printing.PrintOptions], Any]
    render: Callable[[Any, Request], bytes]
    record: Callable[[Any], object] = lambda _data: None
    label: Callable[[Any, Request], str] = lambda _data, _request: ""


def _summary(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.summary import summary_pdf

    return summary_pdf(data)


def _referral(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.referral import referral_pdf

    return referral_pdf(data)


def _handout(data: Any, request: Request) -> bytes:
    from alsdesk.reports.handout import handout_pdf

    return handout_pdf(data, large_print=request.large_print)


def _medication_card(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.medication_card import medication_card_pdf

    return medication_card_pdf(data)


def _alert_card(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.alert_card import alert_card_pdf

    return alert_card_pdf(data)


def _gp_letter(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.gp_letter import gp_letter_pdf

    return gp_letter_pdf(data)


def _appointment(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.appointment import appointment_pdf

    return appointment_pdf(data)


def _care_plan(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.care_plan import care_plan_pdf

    return care_plan_pdf(data)


def _niv_plan(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.niv_plan import niv_plan_pdf

    return niv_plan_pdf(data)


def _gastrostomy_plan(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.gastrostomy_plan import gastrostomy_plan_pdf

    return gastrostomy_plan_pdf(data)


def _checklist(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.checklist import checklist_pdf

    return checklist_pdf(data)


def _visit(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.visit import visit_pdf

    return visit_pdf(data)


def _form(data: Any, request: Request) -> bytes:
    from alsdesk.reports.visit import form_pdf

    return form_pdf(FormData(data.header, request.on))


def _worklist(data: Any, _request: Request) -> bytes:
    from alsdesk.reports.worklist import worklist_pdf

    return worklist_pdf(data)


def _patient(request: Request) -> Any:
    return request.patient_id  # the services refuse a missing or unknown patient in words


def _day(request: Request) -> date:
    return request.on or date.today()


_ENTRIES = (
    Document(
        "summary",
        "needed",
        lambda s, r, o: printing.summary_data(session=s, patient_id=_patient(r), options=o),
        _summary,
    ),
    Document(
        "referral",
        "needed",
        lambda s, r, o: printing.referral_data(session=s, patient_id=_patient(r), referral_id=r.record_id, options=o),
        _referral,
        record=lambda d: d.referral_id,
        label=lambda d, _r: d.referral_date.isoformat(),
    ),
    Document(
        "handout",
        "needed",
        lambda s, r, o: printing_sheets.handout_data(session=s, patient_id=_patient(r), options=o),
        _handout,
    ),
    Document(
        "medication-card",
        "needed",
        lambda s, r, o: printing_cards.medication_card_data(session=s, patient_id=_patient(r), options=o),
        _medication_card,
    ),
    Document(
        "alert-card",
        "needed",
        lambda s, r, o: printing_cards.alert_card_data(session=s, patient_id=_patient(r), options=o),
        _alert_card,
    ),
    Document(
        "gp-letter",
        "needed",
        lambda s, r, o: printing_letters.gp_letter_data(session=s, patient_id=_patient(r), visit_on=r.on, options=o),
        _gp_letter,
        label=lambda d, _r: d.visit_on.isoformat(),
    ),
    Document(
        "appointment",
        "needed",
        lambda s, r, o: printing_letters.appointment_data(
            session=s, patient_id=_patient(r), appointment_id=r.record_id, options=o
        ),
        _appointment,
        record=lambda d: d.appointment.record_id,
        label=lambda d, _r: d.appointment.on.isoformat(),
    ),
    Document(
        "care-plan-summary",
        "needed",
        lambda s, r, o: printing_care_plan.care_plan_data(session=s, patient_id=_patient(r), options=o),
        _care_plan,
    ),
    Document(
        "niv-plan",
        "needed",
        lambda s, r, o: printing_plans.niv_plan_data(session=s, patient_id=_patient(r), options=o),
        _niv_plan,
    ),
    Document(
        "gastrostomy-plan",
        "needed",
        lambda s, r, o: printing_plans.gastrostomy_plan_data(session=s, patient_id=_patient(r), options=o),
        _gastrostomy_plan,
    ),
    Document(
        "checklist",
        "needed",
        lambda s, r, o: printing_sheets.checklist_data(
            session=s, patient_id=_patient(r), enrollment_id=r.record_id, options=o
        ),
        _checklist,
        record=lambda d: d.program.enrollment_id,
    ),
    Document(
        "visit",
        "needed",
        lambda s, r, o: printing_sheets.visit_data(session=s, patient_id=_patient(r), assessed_on=r.on, options=o),
        _visit,
        label=lambda d, _r: d.assessed_on.isoformat(),
    ),
    Document(
        "alsfrs-form",
        "optional",
        lambda s, r, o: printing_sheets.form_data(session=s, patient_id=_patient(r), options=o),
        _form,
    ),
    Document(
        "worklist",
        "none",
        lambda s, r, o: printing.worklist_data(session=s, on=_day(r), options=o),
        _worklist,
        label=lambda _d, r: _day(r).isoformat(),
    ),
)

DOCUMENTS: dict[str, Document] = {d.kind: d for d in _ENTRIES}
if tuple(DOCUMENTS) != formats.DOCUMENTS or {k for k, d in DOCUMENTS.items() if d.patient != "needed"} != set(
    formats.DOCUMENTS_WITHOUT_PATIENT
):
    raise RuntimeError(
        "formats.DOCUMENTS and DOCUMENTS_WITHOUT_PATIENT must name the registry's documents, in its order"
    )


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
    """One PDF ready to preview, print or save, with what the print log needs to know about it."""

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


def shown_name(session: Session) -> str:
    """The name the page footer shows for who printed: the signed-in staff member's display name,
    else the account's username (the operating-system login before anyone signs in)."""
    actor = actor_of(session)
    if actor.staff_id is not None:
        for s in clinic.list_staff(session=session, include_inactive=True):
            if s.id == actor.staff_id:
                return s.display_name
    return actor.username.removeprefix("os:")


def options_for(session: Session, request: Request) -> printing.PrintOptions:
    """The print options of `request`, printed today by the session's account."""
    return printing.PrintOptions(request.lang, request.paper, shown_name(session), date.today(), request.as_of)


def build(session: Session, kind: str, request: Request) -> PrintJob:
    """Gather and render one document of `kind` (see DOCUMENTS)."""
    document = DOCUMENTS.get(kind)
    if document is None:
        raise DomainError("Unknown document kind {kind!r}.", kind=kind)
    data = document.gather(session, request, options_for(session, request))
    pdf = document.render(data, request)
    header, record = data.header, document.record(data)
    person = header.patient
    stem = "-".join(x for x in (kind, person.mrn if person else "", document.label(data, request)) if x)
    return PrintJob(
        kind=kind,
        pdf=pdf,
        pages=page_count(pdf),
        language=header.lang,
        paper=header.paper,
        file_name=f"{stem}.pdf",
        patient_id=uuid.UUID(str(person.id)) if person else None,
        patient_mrn=person.mrn if person else "",
        record_id=uuid.UUID(str(record)) if record else None,
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


def log(
    session: Session, job: PrintJob, destination: str, pages: range | None = None
) -> tuple[list[printlog.PrintLogEntry], Changes]:
    """Record a printed or saved job in the print log, one entry per document it holds, as printed
    by the session's account (its username and staff record)."""
    actor = actor_of(session)
    entries, changes = [], Changes(worklist=False)
    for part in printed_parts(job, pages):
        entry, changes = printlog.log_print(
            session=session,
            kind=part.kind,
            language=part.language,
            paper=job.paper,
            pages=part.pages,
            destination=destination,
            printed_by=actor.username,
            patient_id=part.patient_id,
            patient_mrn=part.patient_mrn,
            record_id=part.record_id,
            staff_id=actor.staff_id,
        )
        entries.append(entry)
    return entries, changes


def save(session: Session, job: PrintJob, path: Path, destination: str) -> tuple[list[printlog.PrintLogEntry], Changes]:
    """Log `job` as saved to `destination` and write it to `path` inside the write `session`: the
    file appears once its log entry has committed, and a file that cannot be written rolls the
    entry back."""
    result = log(session, job, destination)
    with file_on_commit(session, path) as fh:
        fh.write(job.pdf)
    return result
