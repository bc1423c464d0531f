"""`alsdesk appointment list|set`: a patient's coming appointments (therapy sessions, referral
appointments, booked workups) with their start times, and booking one's day, time and place.

`list` shows what the handout and the appointment letter print (services.printing.appointments);
`set` goes through the services the window's reschedule and book fields use, so the same rules
refuse the same input (a bad time is refused naming --time) and the change is audited as there.
"""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.common import parse_day, print_json
from alsdesk.cli.signin import with_session
from alsdesk.errors import AlsdeskError
from alsdesk.limits import printable, shown


def appointment_json(a: Any) -> dict[str, Any]:
    """One coming appointment (printdata.Appointment) as `list --json` and `set --json` print it."""
    return {
        "id": a.record_id,
        "kind": a.source,  # therapy, referral or workup
        "on": a.on,
        "time": a.at.isoformat(timespec="minutes") if a.at is not None else None,
        "discipline": a.discipline,
        "detail": a.detail,
        "place": a.place,
    }


def _line(a: Any) -> str:
    when = a.on.isoformat() + (f" {a.at.isoformat(timespec='minutes')}" if a.at is not None else "")
    where = ", ".join(printable(x) for x in (a.detail, a.place) if x)
    return f"{when}  {a.source:<8}  {a.discipline}{'  ' + where if where else ''}  [{a.record_id}]"


def cmd_appointment_list(args: argparse.Namespace) -> int:
    from datetime import date

    from alsdesk.services import catalogs, chart, patients, printing

    on = parse_day("from", args.from_day) if args.from_day else date.today()

    def coming(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        c = chart.patient_chart(session=session, patient_id=p.id, audit_view=True)
        return printing.appointments(c, on, "en", catalogs.workup_type_names_both(session=session))

    found = with_session(True, coming, args)  # a chart view is audited
    if args.json:
        print_json([appointment_json(a) for a in found])
        return 0
    if not found:
        print(f"No appointments from {on} for {printable(args.patient)}.")
    for a in found:
        print(_line(a))
    return 0


def _record(c: Any, wanted: str) -> tuple[str, Any]:
    """The patient's therapy session, workup or referral whose ID is `wanted` or starts with it."""
    text = wanted.strip().lower()
    records = [("therapy", s) for plan in c.plans for s in plan.sessions]
    records += [("workup", w) for w in c.workups] + [("referral", r) for r in c.referrals]
    found = [(kind, r) for kind, r in records if text and str(r.id).startswith(text)]
    if not found:
        raise AlsdeskError(
            f"Patient {printable(c.patient.mrn)} has no therapy session, workup or referral with the ID {shown(wanted)}."
        )
    if len(found) > 1:
        raise AlsdeskError(f"The ID {shown(wanted)} starts {len(found)} records of this patient; give more of it.")
    return found[0]


def cmd_appointment_set(args: argparse.Namespace) -> int:
    from alsdesk.services import catalogs, chart, patients, printing, referrals, therapy, workups
    from alsdesk.services.common import parse_time

    on = parse_day("date", args.date)
    # --time "" clears the time; without --time the time it has is kept.
    new_time = parse_time(args.time, "--time") if args.time is not None else None

    def book(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        c = chart.patient_chart(session=session, patient_id=p.id)
        kind, r = _record(c, args.id)
        if kind == "therapy":
            if args.place is not None:
                raise AlsdeskError("--place is for a workup (a session is at the clinic, a referral at its facility).")
            at = new_time if args.time is not None else r.scheduled_time
            therapy.reschedule_session(session=session, session_id=r.id, on=on, at=at, expected_version=r.version)
        elif kind == "workup":
            at = new_time if args.time is not None else r.scheduled_time
            workups.reschedule_workup(
                session=session, workup_id=r.id, on=on, at=at, place=args.place, expected_version=r.version
            )
        else:
            if args.place is not None:
                raise AlsdeskError("--place is for a workup (a referral's place is its facility).")
            at = new_time if args.time is not None else r.appointment_time
            referrals.set_appointment(session=session, referral_id=r.id, on=on, at=at, expected_version=r.version)
        session.flush()
        after = chart.patient_chart(session=session, patient_id=p.id)
        names = catalogs.workup_type_names_both(session=session)
        return next(a for a in printing.appointments(after, on, "en", names) if a.record_id == str(r.id))

    booked = with_session(True, book, args)
    if args.json:
        print_json(appointment_json(booked))
        return 0
    print(f"Booked: {_line(booked)}")
    return 0


def add_appointment_parser(sub: Any) -> None:
    group = sub.add_parser(
        "appointment", help="a patient's coming appointments with their times; book one's day, time and place"
    ).add_subparsers(dest="action", metavar="ACTION", required=True)
    lst = group.add_parser("list", help="coming therapy sessions, referral appointments and booked workups")
    lst.add_argument("--patient", required=True, metavar="MRN")
    lst.add_argument("--from", dest="from_day", metavar="YYYY-MM-DD", help="default: today")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_appointment_list)
    put = group.add_parser(
        "set",
        help="move a therapy session, book or move a workup, or move a scheduled referral's appointment",
    )
    put.add_argument("id", metavar="ID", help="the session's, workup's or referral's ID, or a unique start of it")
    put.add_argument("--patient", required=True, metavar="MRN")
    put.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    put.add_argument("--time", metavar="HH:MM", help='start time, 00:00 to 23:59; "" for none (default: kept)')
    put.add_argument("--place", metavar="TEXT", help='a workup\'s place, e.g. "EMG lab"; "" for none (default: kept)')
    put.add_argument("--json", action="store_true")
    put.set_defaults(func=cmd_appointment_set)
