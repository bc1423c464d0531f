"""`alsdesk care-plan record|show`: the structured advance care plan (services.care_plans), as the
chart's "Advance care plan" tab records and shows it. A record is a new revision built on the
current one: an option not given keeps what the current revision says, so a change names only
what changed. Every refusal is one line naming the field (exit 1)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from alsdesk.cli.common import add_choice, parse_day, print_json
from alsdesk.cli.signin import signed_in_staff, with_session
from alsdesk.limits import printable
from alsdesk.vocab import ADRT_REFUSES, CARE_PLACES, DECIDERS, RESUSCITATION

# Options that set a text or choice field of the plan, by field name. Dates are parsed below.
_TEXTS = (
    "preferences",
    "adrt_text",
    "resuscitation",
    "care_place",
    "care_place_text",
    "death_place",
    "death_place_text",
    "decider",
    "decider_name",
    "decider_relationship",
    "decider_phone",
)
_DATES = {"resuscitation_on": "resuscitation-date", "review_on": "review-date"}
NOT_STATED = "none"  # --care-place/--death-place none: clear a place stated before


def changed_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The fields the options give (an option left out gives none)."""
    out: dict[str, Any] = {"recorded_on": parse_day("date", args.date)}
    for name in _TEXTS:
        value = getattr(args, name)
        if value is not None:
            out[name] = None if name in ("care_place", "death_place") and value == NOT_STATED else value
    for name, flag in _DATES.items():
        value = getattr(args, name)
        if value is not None:
            out[name] = None if value == "" else parse_day(flag, value)
    if args.adrt is not None:
        out["adrt_in_place"] = args.adrt
    if args.adrt_refuses is not None:
        out["adrt_refuses"] = tuple(c for c in args.adrt_refuses.replace(",", " ").split())
    return out


def cmd_care_plan_record(args: argparse.Namespace) -> int:
    from alsdesk.services import care_plans, patients

    given = changed_fields(args)

    def record(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        current = care_plans.current_plan(session=session, patient_id=p.id)
        base = care_plans.PlanFields(recorded_on=None)
        if current is not None:
            base = care_plans.PlanFields(
                **{f.name: getattr(current, f.name) for f in dataclasses.fields(care_plans.PlanFields)}
            )
        plan, _ = care_plans.record_plan(
            session=session, patient_id=p.id, plan=dataclasses.replace(base, **given), staff_id=signed_in_staff(args)
        )
        return p, plan

    p, plan = with_session(True, record, args)
    print(f"Recorded revision {plan.revision} of the advance care plan of {printable(p.mrn)} on {plan.recorded_on}")
    return 0


def cmd_care_plan_show(args: argparse.Namespace) -> int:
    from alsdesk.services import care_plans, patients

    def read(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        found = care_plans.revisions(session=session, patient_id=p.id)
        return p, found if args.all else found[:1]

    p, shown = with_session(False, read, args)
    if args.json:
        print_json({"mrn": p.mrn, "revisions": shown})
        return 0
    if not shown:
        print(f"No advance care plan recorded for {printable(p.mrn)}.")
    for plan in shown:
        print(f"Revision {plan.revision}, recorded {plan.recorded_on}")
        for f in dataclasses.fields(care_plans.PlanFields):
            value = getattr(plan, f.name)
            if f.name != "recorded_on" and value not in ("", None, ()):
                shown_value = " ".join(value) if isinstance(value, tuple) else value
                print(f"  {f.name.replace('_', ' ')}: {printable(str(shown_value))}")
    return 0


def add_care_plan_parser(sub: Any) -> None:
    plan = sub.add_parser("care-plan", help="record and show a patient's advance care plan").add_subparsers(
        dest="care_plan_command", metavar="ACTION", required=True
    )
    rec = plan.add_parser(
        "record",
        help="record a new revision (options left out keep the current revision's values)",
        description="Record a new revision of the advance care plan. An option left out keeps what the "
        "current revision says; an empty text (--decider-phone '') clears it.",
    )
    rec.add_argument("--patient", required=True, metavar="MRN")
    rec.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day it was discussed and recorded")
    rec.add_argument("--preferences", metavar="TEXT", help="what matters to the patient, in their words")
    rec.add_argument(
        "--adrt",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="an advance decision to refuse treatment is in place (--no-adrt: none)",
    )
    rec.add_argument("--adrt-refuses", metavar="CODES", help="what it refuses: " + ", ".join(ADRT_REFUSES))
    rec.add_argument("--adrt-text", metavar="TEXT", help="its wording or conditions")
    add_choice(rec, "--resuscitation", RESUSCITATION)
    rec.add_argument("--resuscitation-date", dest="resuscitation_on", metavar="YYYY-MM-DD", help="'' clears it")
    add_choice(rec, "--care-place", (*CARE_PLACES, NOT_STATED))
    rec.add_argument("--care-place-text", metavar="TEXT", help="details (required for other)")
    add_choice(rec, "--death-place", (*CARE_PLACES, NOT_STATED))
    rec.add_argument("--death-place-text", metavar="TEXT", help="details (required for other)")
    add_choice(rec, "--decider", DECIDERS)
    rec.add_argument("--decider-name", metavar="TEXT")
    rec.add_argument("--decider-relationship", metavar="TEXT")
    rec.add_argument("--decider-phone", metavar="PHONE")
    rec.add_argument("--review-date", dest="review_on", metavar="YYYY-MM-DD", help="'' clears it")
    rec.set_defaults(func=cmd_care_plan_record)
    show = plan.add_parser("show", help="the current revision (--all: every revision, the latest first)")
    show.add_argument("--patient", required=True, metavar="MRN")
    show.add_argument("--all", action="store_true")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_care_plan_show)
