"""`alsdesk report KIND ... -o FILE`: print a document to a PDF file and record it in the print log."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk.cli.common import add_choice, clinic_day, file_name
from alsdesk.cli.signin import open_signed_in
from alsdesk.errors import AlsdeskError
from alsdesk.printdata import LANGS, PAPERS, FormData, page_count

if TYPE_CHECKING:  # not at run time: `--help` must not import SQLAlchemy
    import uuid

    from sqlalchemy.orm import Session

    from alsdesk.services.patients import PatientView

KINDS = ("summary", "referral", "handout", "checklist", "visit", "alsfrs-form", "worklist")
NO_PATIENT = ("worklist", "alsfrs-form")  # a worklist never has one; a blank form may


def add_report_parser(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report",
        help="print a document (summary, letter, handout, checklist, form, worklist) to a PDF file",
        description="Write one printed document as a PDF. The file is written whole or not at all.",
    )
    add_choice(p, "kind", KINDS)
    p.add_argument("--patient", metavar="MRN", help="the patient (not for worklist; optional for alsfrs-form)")
    p.add_argument("--referral", metavar="ID", help="referral to print (default: the patient's latest)")
    p.add_argument("--enrollment", metavar="ID", help="program enrollment (default: the only active one)")
    p.add_argument(
        "--date",
        type=clinic_day,
        metavar="YYYY-MM-DD",
        help="worklist: the day; visit: the visit (default: latest); alsfrs-form: the visit date to print; "
        "others: the day coming appointments are counted from (default: today)",
    )
    p.add_argument("--lang", choices=LANGS, help="default: the patient's preferred language (English without one)")
    p.add_argument("--paper", choices=PAPERS, help="default: the clinic profile's paper size")
    p.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    p.set_defaults(func=cmd_report)


def _build(
    kind: str, session: Session, args: argparse.Namespace, patient: PatientView | None
) -> tuple[bytes, Any, Any]:
    """Gather the data and render; returns (pdf, page header, id of the record printed)."""
    from alsdesk.services import printing, printing_sheets

    on = date.today()
    as_of = args.date if kind not in ("worklist", "visit", "alsfrs-form") else None
    options = printing.PrintOptions(args.lang, args.paper, args.actor.username, on, as_of)
    pid: uuid.UUID | str = patient.id if patient else ""  # only the kinds in NO_PATIENT come without one
    record: Any = None
    if kind == "summary":
        from alsdesk.reports.summary import summary_pdf

        data: Any = printing.summary_data(session=session, patient_id=pid, options=options)
        pdf = summary_pdf(data)
    elif kind == "referral":
        from alsdesk.reports.referral import referral_pdf

        data = printing.referral_data(session=session, patient_id=pid, referral_id=args.referral, options=options)
        pdf = referral_pdf(data)
        record = data.referral_id
    elif kind == "handout":
        from alsdesk.reports.handout import handout_pdf

        data = printing_sheets.handout_data(session=session, patient_id=pid, options=options)
        pdf = handout_pdf(data)
    elif kind == "checklist":
        from alsdesk.reports.checklist import checklist_pdf

        data = printing_sheets.checklist_data(
            session=session, patient_id=pid, enrollment_id=args.enrollment, options=options
        )
        pdf = checklist_pdf(data)
        record = data.program.enrollment_id
    elif kind == "visit":
        from alsdesk.reports.visit import visit_pdf

        data = printing_sheets.visit_data(session=session, patient_id=pid, assessed_on=args.date, options=options)
        pdf = visit_pdf(data)
    elif kind == "alsfrs-form":
        from alsdesk.reports.visit import form_pdf

        data = printing_sheets.form_data(session=session, patient_id=patient.id if patient else None, options=options)
        pdf = form_pdf(FormData(data.header, args.date))
    else:
        from alsdesk.reports.worklist import worklist_pdf

        data = printing.worklist_data(session=session, on=args.date or on, options=options)
        pdf = worklist_pdf(data)
    return pdf, data.header, record


def cmd_report(args: argparse.Namespace) -> int:
    import uuid

    from alsdesk.services import patients, printlog
    from alsdesk.storage.files import file_on_commit

    kind: str = args.kind
    if kind not in NO_PATIENT and not args.patient:
        raise AlsdeskError(f"report {kind} needs --patient MRN.")
    if kind == "worklist" and args.patient:
        raise AlsdeskError("report worklist is for the whole clinic; leave out --patient.")
    out = Path(args.output)
    if out.is_dir():
        raise AlsdeskError(f"{out} is a folder; give a file name for the PDF.")
    db = open_signed_in(args)  # signed in: the document and its log entry name the account
    try:
        with db.read() as session:
            patient = patients.get_by_mrn(session=session, mrn=args.patient) if args.patient else None
            pdf, header, record = _build(kind, session, args, patient)
        pages = page_count(pdf)
        # The file appears once its log entry has committed; a failed write rolls the entry back.
        with db.write() as session:
            printlog.log_print(
                session=session,
                kind=kind,
                language=header.lang,
                paper=header.paper,
                pages=pages,
                destination=f"file:{out.resolve()}",
                printed_by=args.actor.username,
                patient_id=patient.id if patient else None,
                patient_mrn=patient.mrn if patient else "",
                record_id=uuid.UUID(str(record)) if record else None,
            )
            with file_on_commit(session, out) as fh:
                fh.write(pdf)
    finally:
        db.dispose()
    who = f" for {patient.mrn}" if patient else ""
    print(f"Wrote {kind}{who} ({pages} page{'s' if pages != 1 else ''}) to {out}.", file=sys.stdout)
    return 0
