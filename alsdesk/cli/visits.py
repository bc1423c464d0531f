"""`alsdesk assessment add` and `alsdesk milestone add`: the entries the clinical rules read.

They go through the same services as the window (services.assessments.record_assessment,
services.medications.record_milestone), so the same alerts are raised and closed; every refusal
is one line on stderr with exit 1 (cli.main).
"""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.common import add_choice, parse_day, print_json
from alsdesk.cli.plans import add_plan_parsers
from alsdesk.cli.signin import signed_in_staff, with_session
from alsdesk.errors import AlsdeskError
from alsdesk.limits import printable, shown
from alsdesk.vocab import MILESTONES, RESPIRATORY_SYMPTOMS

# --fvc, --snip… and the measurement each gives record_assessment.
MEASUREMENT_FLAGS = (
    ("fvc", "fvc_percent", "PCT", "FVC, % predicted"),
    ("snip", "snip_cmh2o", "CMH2O", "SNIP, cmH2O"),
    ("spo2", "spo2_percent", "PCT", "SpO2, %"),
    ("weight", "weight_kg", "KG", "weight, kg"),
)


def parse_items(text: str) -> dict[str, int]:
    """`1=4,2=3,…,5a=4,…,12=4` as an item map; the scale's own rules (scoring.validate_items,
    in the service) then check the keys and scores."""
    items: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",")):
        key, equals, score = part.partition("=")
        key, score = key.strip(), score.strip()
        if not equals or not key or not score.isdigit() or not score.isascii():
            raise AlsdeskError(f"--items: {shown(part)} is not ITEM=SCORE (for example 1=4 or 5a=3).")
        if key in items:
            raise AlsdeskError(f"--items: item {shown(key)} is given twice.")
        items[key] = int(score)
    return items


def parse_number(flag: str, text: str) -> float:
    """A measurement as typed; its range is the service's to check (assessments.MEASUREMENTS)."""
    try:
        value = float(text)
    except ValueError:
        raise AlsdeskError(f"--{flag}: {shown(text)} is not a number.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise AlsdeskError(f"--{flag}: {shown(text)} is not a number.")
    return value


def parse_symptoms(text: str) -> list[str]:
    codes = [c.strip() for c in text.split(",") if c.strip()]
    for code in codes:
        if code not in RESPIRATORY_SYMPTOMS:
            raise AlsdeskError(
                f"--symptoms: {shown(code)} is not a respiratory symptom; use {', '.join(RESPIRATORY_SYMPTOMS)}."
            )
    return codes


def alert_json(a: Any) -> dict[str, Any]:
    """An alert as `patient show --json` and `assessment add --json` print it: `criterion` is the
    list of NICE NG42 criteria for an NIV alert, the rule's one criterion (or null) for others."""
    return {
        "kind": a.kind,
        "criterion": list(a.criteria) if a.kind == "niv" else (a.criteria[0] if a.criteria else None),
        "raised_on": getattr(a, "raised_on", None),
        "text": str(a.message),
    }


def cmd_assessment_add(args: argparse.Namespace) -> int:
    from alsdesk.services import assessments, patients

    on = parse_day("date", args.date)
    items = parse_items(args.items) if args.items is not None else None
    symptoms = parse_symptoms(args.symptoms) if args.symptoms is not None else []
    measurements: dict[str, Any] = {
        field: parse_number(flag, getattr(args, flag))
        for flag, field, *_ in MEASUREMENT_FLAGS
        if getattr(args, flag) is not None
    }

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        return assessments.record_assessment(
            session=session,
            patient_id=p.id,
            assessed_on=on,
            items=items,
            symptoms=symptoms,
            staff_id=signed_in_staff(args),
            **measurements,
        )

    view, found, _changes = with_session(True, add, args)
    if args.json:
        print_json(
            {
                "assessment_id": view.id,
                "assessed_on": view.assessed_on,
                "total": view.scores.total if view.scores else None,
                "alerts": [{**alert_json(a), "raised_on": view.assessed_on} for a in found],
            }
        )
        return 0
    total = f"ALSFRS-R {view.scores.total}/48" if view.scores else "measurements only"
    print(f"Recorded the visit of {printable(args.patient)} on {view.assessed_on}: {total}")
    for a in found:
        print(f"ALERT: {a.message}")
    return 0


def cmd_milestone_add(args: argparse.Namespace) -> int:
    from alsdesk.services import medications, patients

    on = parse_day("date", args.date)

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        return medications.record_milestone(
            session=session, patient_id=p.id, kind=args.kind, occurred_on=on, note=args.note or ""
        )

    with_session(True, add, args)
    print(f"Recorded {args.kind} for {printable(args.patient)} on {on}")
    return 0


def add_visit_parsers(sub: Any) -> None:
    """`assessment add` and `milestone add` (issue 12 item 12: flags and JSON keys are contracts)."""
    assessment = sub.add_parser("assessment", help="record clinic visits (ALSFRS-R and measurements)")
    actions = assessment.add_subparsers(dest="assessment_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="record a visit; prints the alerts it raised")
    add.add_argument("--patient", required=True, metavar="MRN")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--items", metavar="1=4,2=3,…,5a=4,…,12=4", help="all twelve items; 5a or 5b for item 5")
    for flag, _field, metavar, text in MEASUREMENT_FLAGS:
        add.add_argument(f"--{flag}", metavar=metavar, help=text.replace("%", "%%"))  # argparse formats help with %
    add.add_argument(
        "--symptoms", metavar="CODE,CODE,…", help="NICE NG42 respiratory symptoms: " + ", ".join(RESPIRATORY_SYMPTOMS)
    )
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_assessment_add)

    milestone = sub.add_parser("milestone", help="record milestones (gastrostomy, NIV, tracheostomy…)")
    m_actions = milestone.add_subparsers(dest="milestone_command", metavar="ACTION", required=True)
    m_add = m_actions.add_parser("add", help="record a milestone; closes the alerts it answers")
    m_add.add_argument("--patient", required=True, metavar="MRN")
    add_choice(m_add, "--kind", MILESTONES, required=True)
    m_add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    m_add.add_argument("--note")
    m_add.set_defaults(func=cmd_milestone_add)
    add_plan_parsers(m_actions)
