"""`alsdesk milestone niv-settings` and `milestone tube-settings`: what the family's NIV plan and
gastrostomy plan print (services.plan_settings), beside `milestone add`. Each call records a new
entry from --date (the history is kept); a number that is not one, or out of range, is refused by
the service naming the field (exit 1)."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.common import add_choice, parse_day
from alsdesk.cli.signin import signed_in_staff, with_session
from alsdesk.limits import printable
from alsdesk.vocab import NIV_MASKS, NIV_MODES, TUBE_TYPES


def number(text: str | None) -> Any:
    """A typed number (a whole one as int); other text goes on as typed, for the service to name."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def cmd_plan_settings(args: argparse.Namespace) -> int:
    from alsdesk.services import patients, plan_settings

    on = parse_day("date", args.date)
    if args.milestone_command == "niv-settings":
        settings: Any = plan_settings.NivSettings(
            on,
            args.mode,
            number(args.ipap),
            number(args.epap),
            args.mask,
            number(args.backup_rate),
            args.overnight,
            number(args.hours),
            args.machine or "",
            args.supplier_phone or "",
        )
        record: Any = plan_settings.record_niv_settings
    else:
        placed = parse_day("placed", args.placed) if args.placed else None
        settings = plan_settings.GastrostomySettings(
            on,
            args.tube,
            number(args.size),
            placed,
            args.feed or "",
            number(args.volume),
            number(args.rate),
            args.times or "",
            number(args.flush),
            args.contact or "",
            args.contact_phone or "",
        )
        record = plan_settings.record_gastrostomy_settings

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        return record(session=session, patient_id=p.id, settings=settings, staff_id=signed_in_staff(args))

    with_session(True, add, args)
    what = "NIV settings" if args.milestone_command == "niv-settings" else "gastrostomy details"
    print(f"Recorded the {what} of {printable(args.patient)} from {on}")
    return 0


def add_plan_parsers(actions: Any) -> None:
    """Under `milestone`: niv-settings and tube-settings."""
    niv = actions.add_parser("niv-settings", help="record the NIV settings in use from a day (the NIV plan)")
    niv.add_argument("--patient", required=True, metavar="MRN")
    niv.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="in use from this day")
    add_choice(niv, "--mode", NIV_MODES, required=True)
    niv.add_argument("--ipap", required=True, metavar="CMH2O")
    niv.add_argument("--epap", required=True, metavar="CMH2O", help="below IPAP")
    add_choice(niv, "--mask", NIV_MASKS, required=True)
    niv.add_argument("--backup-rate", metavar="PER_MIN")
    niv.add_argument("--overnight", action=argparse.BooleanOptionalAction, default=True, help="every night, all night")
    niv.add_argument("--hours", metavar="N", help="hours a day in all")
    niv.add_argument("--machine")
    niv.add_argument("--supplier-phone", metavar="PHONE")
    niv.set_defaults(func=cmd_plan_settings)
    tube = actions.add_parser("tube-settings", help="record the gastrostomy tube and feed from a day (the plan)")
    tube.add_argument("--patient", required=True, metavar="MRN")
    tube.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="in use from this day")
    add_choice(tube, "--tube", TUBE_TYPES, required=True)
    tube.add_argument("--size", metavar="FR")
    tube.add_argument("--placed", metavar="YYYY-MM-DD")
    tube.add_argument("--feed", help="the feed's name")
    tube.add_argument("--volume", metavar="ML", help="ml a day")
    tube.add_argument("--rate", metavar="ML_H", help="pump rate, ml an hour")
    tube.add_argument("--times", help="feed times, as the family is told them")
    tube.add_argument("--flush", metavar="ML", help="water flush before and after each feed and medicine")
    tube.add_argument("--contact", help="whom to call about the tube and feed")
    tube.add_argument("--contact-phone", metavar="PHONE")
    tube.set_defaults(func=cmd_plan_settings)
