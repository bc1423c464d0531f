"""`alsdesk allergy add|list|none|remove`: a patient's allergies, through the same services as the
chart's allergy box (services.allergies). Every refusal is one line naming the field."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from alsdesk.cli.common import print_json
from alsdesk.cli.signin import signed_in_staff, with_session
from alsdesk.limits import printable
from alsdesk.vocab import ALLERGY_SEVERITY


def _day(text: str | None, what: str) -> date:
    from alsdesk.services.common import parse_date

    return date.today() if text is None else parse_date(text, what)


def cmd_allergy_add(args: argparse.Namespace) -> int:
    from alsdesk.services import allergies, patients

    recorded_on = _day(args.date, "Recorded on")

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        found, _ = allergies.add_allergy(
            session=session,
            patient_id=p.id,
            substance=args.substance,
            reaction=args.reaction or "",
            severity=args.severity or "unknown",
            recorded_on=recorded_on,
            staff_id=signed_in_staff(args),
        )
        return p, found

    p, a = with_session(True, add, args)
    print(f"Recorded allergy to {printable(a.substance)} ({a.severity}) for {printable(p.mrn)}: {a.id}")
    return 0


def cmd_allergy_list(args: argparse.Namespace) -> int:
    from alsdesk.services import allergies, patients

    def read(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        listed = allergies.list_allergies(session=session, patient_id=p.id, include_ended=args.all)
        return p, listed, allergies.allergy_state(session=session, patient_id=p.id)

    p, listed, state = with_session(False, read, args)
    if args.json:
        print_json({"mrn": p.mrn, "no_known_allergies_since": state.no_known_since, "allergies": listed})
        return 0
    if not listed:
        print(f"No known allergies (confirmed {state.no_known_since})." if state.no_known_since else "None recorded.")
    for a in listed:
        reaction = f": {printable(a.reaction)}" if a.reaction else ""
        ended = "" if a.status == "active" else f" [{a.status}]"
        print(f"{printable(a.substance)} ({a.severity}){reaction}, recorded {a.recorded_on}{ended}  {a.id}")
    return 0


def cmd_allergy_none(args: argparse.Namespace) -> int:
    from alsdesk.services import allergies, patients

    on = _day(args.date, "No known allergies confirmed on")

    def confirm(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        allergies.confirm_no_known_allergies(session=session, patient_id=p.id, on=on)
        return p

    p = with_session(True, confirm, args)
    print(f"No known allergies recorded for {printable(p.mrn)} on {on}.")
    return 0


def cmd_allergy_remove(args: argparse.Namespace) -> int:
    from alsdesk.services import allergies

    status = "resolved" if args.resolved else "entered_in_error"

    def remove(session: Any) -> Any:
        return allergies.remove_allergy(session=session, allergy_id=args.id, status=status)[0]

    a = with_session(True, remove, args)
    print(f"Allergy to {printable(a.substance)} marked {a.status.replace('_', ' ')} (kept in the record's history).")
    return 0


def add_allergy_parser(sub: Any) -> None:
    allergy = sub.add_parser("allergy", help="record and list a patient's allergies").add_subparsers(
        dest="allergy_command", metavar="ACTION", required=True
    )
    add = allergy.add_parser("add", help="record an allergy or intolerance")
    add.add_argument("--patient", required=True, metavar="MRN")
    add.add_argument("--substance", required=True, metavar="TEXT", help="what the patient reacts to")
    add.add_argument("--reaction", metavar="TEXT", help="what happens, e.g. rash")
    # Checked by the service, not argparse: a wrong value is one line naming the field (exit 1).
    add.add_argument("--severity", metavar="S", help=", ".join(ALLERGY_SEVERITY) + " (default: unknown)")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was recorded (default: today)")
    add.set_defaults(func=cmd_allergy_add)
    lst = allergy.add_parser("list", help="a patient's allergies, most severe first")
    lst.add_argument("--patient", required=True, metavar="MRN")
    lst.add_argument("--all", action="store_true", help="also those resolved or entered in error")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_allergy_list)
    none = allergy.add_parser("none", help='record that the patient has no known allergies ("NKA")')
    none.add_argument("--patient", required=True, metavar="MRN")
    none.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was confirmed (default: today)")
    none.set_defaults(func=cmd_allergy_none)
    remove = allergy.add_parser("remove", help="take an allergy off the list (entered in error, or --resolved)")
    remove.add_argument("id", metavar="ID", help="the allergy's ID (allergy list shows it)")
    remove.add_argument("--resolved", action="store_true", help="no longer current, rather than entered in error")
    remove.set_defaults(func=cmd_allergy_remove)
