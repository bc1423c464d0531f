"""`alsdesk lab add`, `alsdesk medication add|stop`: the entries the riluzole rules read, from the
command line, through the same services as the chart's therapy tab. Every refusal is one line."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

from alsdesk.cli.common import add_choice
from alsdesk.cli.signin import signed_in_staff, with_session
from alsdesk.errors import DomainError
from alsdesk.limits import printable
from alsdesk.vocab import DOSE_FREQUENCIES, DOSE_REGIMENS, DOSE_ROUTES, DOSE_UNITS


def _day(text: str, what: str) -> Any:
    from alsdesk.services.common import parse_date

    return parse_date(text, what)  # a bad date is the service's one-line refusal naming the field


def _number(text: str | None, check: Any) -> float | None:
    """`text` as a number; anything else is refused by the service's own check (`check`)."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        check(text)  # text, not a number: raises its DomainError naming the field
    return value


def cmd_lab_add(args: argparse.Namespace) -> int:
    from alsdesk.services import medications, patients

    taken_on = _day(args.date, "Date taken")
    value = _number(args.value, medications.check_lab_value) or 0.0  # --value is required
    upper_limit = _number(args.upper_limit, medications.check_upper_limit)

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        found, _ = medications.record_lab(
            session=session,
            patient_id=p.id,
            test=args.test,
            taken_on=taken_on,
            value=value,
            unit="U/L" if args.test.strip().upper() == medications.ALT else "",
            upper_limit=upper_limit,
        )
        return p, found

    p, found = with_session(True, add, args)
    limit = f" (ULN {upper_limit:g})" if upper_limit is not None else ""
    print(f"Recorded {args.test.strip().upper()} {value:g}{limit} on {taken_on} for {printable(p.mrn)}.")
    for alert in found:
        print(f"ALERT: {alert.message}")
    return 0


# The structured dose's flags (services.doses.Dose), by the Dose field each fills.
DOSE_FLAGS = {"amount": "--amount", "unit": "--unit", "route": "--route", "frequency": "--frequency",
              "regimen": "--regimen", "note": "--note"}  # fmt: skip


def _amount(text: str) -> float:
    """--amount: a number above 0 (argparse names the flag when this refuses)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a number above 0, e.g. 50 (got {text!r})")
    return value


def _dose(args: argparse.Namespace) -> Any:
    """The dose the flags give: --dose's text, or the structured flags as a Dose, or "" (the catalog's)."""
    from alsdesk.services.doses import Dose

    given = {field: getattr(args, field) for field in DOSE_FLAGS if getattr(args, field) is not None}
    if args.dose is not None and given:
        raise DomainError(
            "Give the dose either as --dose text or with {flags}, not both.", flags=", ".join(DOSE_FLAGS.values())
        )
    return Dose(**given) if given else (args.dose or "")


def cmd_medication_add(args: argparse.Namespace) -> int:
    from alsdesk.services import medications, patients

    started_on = _day(args.start, "Start date")
    dose = _dose(args)

    def add(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        m, _ = medications.prescribe(
            session=session,
            patient_id=p.id,
            drug_code=args.drug,
            started_on=started_on,
            dose=dose,
            acknowledge_warnings=args.confirm,
            staff_id=signed_in_staff(args),
        )
        return p, m

    try:
        p, m = with_session(True, add, args)
    except DomainError as err:
        if err.template != medications.PRESCRIPTION_WARNING:
            raise
        raise DomainError(
            "Prescription warning: {warnings} Run it again with --confirm to prescribe anyway.",
            warnings=err.params["warnings"],
        ) from None
    if m.warning_acknowledged:
        print(f"warning (confirmed): {m.warning_acknowledged}", file=sys.stderr)
    print(f"Prescribed {m.drug_name} ({printable(m.dose_text('en'))}) for {printable(p.mrn)} from {m.started_on}.")
    return 0


def cmd_medication_stop(args: argparse.Namespace) -> int:
    from alsdesk.services import medications, patients

    stopped_on = _day(args.date, "Stop date")

    def stop(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.patient)
        m = medications.running_course(session=session, patient_id=p.id, drug_code=args.drug)
        medications.stop_medication(
            session=session, medication_id=m.id, stopped_on=stopped_on, reason=args.reason or NO_REASON
        )
        return p, m

    p, m = with_session(True, stop, args)
    print(f"Stopped {m.drug_name} for {printable(p.mrn)} on {stopped_on} (started {m.started_on}).")
    return 0


# What a stop without --reason records (the service needs a reason; the window asks for one).
NO_REASON = "not given (command line)"


def add_medication_parser(sub: Any) -> None:
    """`lab add`, `medication add` and `medication stop` (issue 12: their flags are a contract)."""
    lab = sub.add_parser("lab", help="record lab results").add_subparsers(
        dest="lab_command", metavar="ACTION", required=True
    )
    add = lab.add_parser("add", help="record a lab result (ALT on riluzole is checked against the stop threshold)")
    add.add_argument("--patient", required=True, metavar="MRN")
    add.add_argument("--test", required=True, metavar="TEST", help="the test, e.g. alt")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day it was taken")
    add.add_argument("--value", required=True, metavar="V")
    add.add_argument(
        "--upper-limit", metavar="U", help="the lab's upper limit of normal (default: the clinic's, 40 U/L for ALT)"
    )
    add.set_defaults(func=cmd_lab_add)

    medication = sub.add_parser("medication", help="start and stop medications").add_subparsers(
        dest="medication_command", metavar="ACTION", required=True
    )
    start = medication.add_parser(
        "add", help="prescribe a drug from the catalog (without --dose or the dose flags: the catalog's dose)"
    )
    start.add_argument("--patient", required=True, metavar="MRN")
    start.add_argument("--drug", required=True, metavar="CODE", help="a catalog drug code, e.g. riluzole")
    start.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    start.add_argument(
        "--dose",
        metavar="TEXT",
        help="the dose as text, read into the fields below where it can be, else kept as a note",
    )
    start.add_argument("--amount", type=_amount, metavar="N", help="the amount of each dose, e.g. 50 (with --unit)")
    add_choice(start, "--unit", DOSE_UNITS)
    add_choice(start, "--route", DOSE_ROUTES)
    add_choice(start, "--frequency", DOSE_FREQUENCIES)
    add_choice(start, "--regimen", DOSE_REGIMENS)
    start.add_argument(
        "--note", metavar="TEXT", help="a note on the dose; with no other dose flag, added to the catalog's dose"
    )
    start.add_argument(
        "--confirm", action="store_true", help="prescribe despite the catalog's or the baseline ALT's warnings"
    )
    start.set_defaults(func=cmd_medication_add)
    stop = medication.add_parser("stop", help="stop a patient's running course of a drug")
    stop.add_argument("--patient", required=True, metavar="MRN")
    stop.add_argument("--drug", required=True, metavar="CODE")
    stop.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    stop.add_argument("--reason", metavar="TEXT", help=f"why it was stopped (default: {NO_REASON!r})")
    stop.set_defaults(func=cmd_medication_stop)
