"""`alsdesk report KIND ... -o FILE`: print a document to a PDF file and record it in the print log."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from alsdesk.cli.common import add_choice, clinic_day, file_name
from alsdesk.cli.signin import open_signed_in
from alsdesk.errors import AlsdeskError
from alsdesk.formats import DOCUMENTS as KINDS
from alsdesk.formats import DOCUMENTS_WITHOUT_PATIENT as NO_PATIENT
from alsdesk.formats import PAPERS
from alsdesk.vocab import LANGUAGES

ON_DAY = ("worklist", "visit", "gp-letter", "alsfrs-form")  # --date is the day printed; others count "coming" from it
RECORD = {"referral": "referral", "checklist": "enrollment", "appointment": "appointment"}  # the flag naming the record


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
        "--appointment", metavar="ID", help="appointment: its record ID or a unique start of it (default: the next one)"
    )
    p.add_argument(
        "--date",
        type=clinic_day,
        metavar="YYYY-MM-DD",
        help="worklist: the day; visit, gp-letter: the visit (default: latest); alsfrs-form: the visit date to print; "
        "others: the day coming appointments are counted from (default: today)",
    )
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="default: the patient's preferred language (English without one); "
        "referral, gp-letter: the clinic profile's language of letters to clinicians",
    )
    p.add_argument("--paper", choices=PAPERS, help="default: the clinic profile's paper size")
    p.add_argument(
        "--large-print", action="store_true", help="handout: large type (15 pt body instead of 12 pt) for low vision"
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from alsdesk.app import documents
    from alsdesk.services import patients

    kind: str = args.kind
    if kind not in NO_PATIENT and not args.patient:
        raise AlsdeskError(f"report {kind} needs --patient MRN.")
    if kind == "worklist" and args.patient:
        raise AlsdeskError("report worklist is for the whole clinic; leave out --patient.")
    if args.large_print and kind != "handout":
        raise AlsdeskError("--large-print is for the handout only.")
    for name, flag in RECORD.items():
        if getattr(args, flag) is not None and kind != name:
            raise AlsdeskError(f"--{flag} is for report {name} only.")
    out = Path(args.output)
    if out.is_dir():
        raise AlsdeskError(f"{out} is a folder; give a file name for the PDF.")
    db = open_signed_in(args)  # signed in: the document and its log entry name the account
    try:
        with db.read() as session:
            patient = patients.get_by_mrn(session=session, mrn=args.patient) if args.patient else None
            request = documents.Request(
                patient_id=patient.id if patient else None,
                record_id=getattr(args, RECORD[kind]) if kind in RECORD else None,
                on=args.date if kind in ON_DAY else None,
                as_of=None if kind in ON_DAY else args.date,
                lang=args.lang,
                paper=args.paper,
                large_print=args.large_print,
            )
            job = documents.build(session, kind, request)
        with db.write() as session:
            documents.save(session, job, out, f"file:{out.resolve()}")
    finally:
        db.dispose()
    who = f" for {patient.mrn}" if patient else ""
    pages = job.pages
    print(f"Wrote {kind}{who} ({pages} page{'s' if pages != 1 else ''}) to {out}.", file=sys.stdout)
    return 0
