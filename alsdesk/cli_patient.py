"""`alsdesk patient update MRN`: change a patient's details, status and dates through the same
service as the window's Edit details dialog (services.patients.update_patient)."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.errors import AlsdeskError
from alsdesk.limits import printable
from alsdesk.vocab import ONSET_REGION, PATIENT_STATUS, SEX

# Options taking text, as `patient add` names them, and the patient field each sets.
TEXT_OPTIONS = (
    ("family_name", "family_name"),
    ("given_name", "given_name"),
    ("phone", "phone"),
    ("name_zh", "name_zh"),
    ("sex", "sex"),
    ("status", "status"),
    ("onset_region", "onset_region"),
)
# Date options, with the field's name as the services' messages name it (a bad date is refused
# naming it, on one line, like every other refusal).
DATE_OPTIONS = (
    ("birth_date", "Birth date"),
    ("onset_date", "Symptom onset date"),
    ("diagnosis_date", "Diagnosis date"),
    ("death_date", "Date of death"),
)
YES_NO = {"yes": True, "no": False}


def add_patient_update_parser(patient: Any) -> None:
    """The `update` action of `alsdesk patient`. Values are checked by the service, not by
    argparse, so a wrong one is refused in one line naming the field (exit 1)."""
    up = patient.add_parser(
        "update", help="change a patient's details, status and dates (only the options given are changed)"
    )
    up.add_argument("mrn", metavar="MRN")
    up.add_argument("--family-name")
    up.add_argument("--given-name")
    up.add_argument("--birth-date", metavar="YYYY-MM-DD")
    up.add_argument("--sex", metavar="SEX", help=", ".join(SEX))
    up.add_argument("--phone")
    up.add_argument("--name-zh", help="name in Chinese characters")
    up.add_argument("--status", metavar="STATUS", help=", ".join(PATIENT_STATUS))
    up.add_argument("--onset-date", metavar="YYYY-MM-DD", help="symptom onset")
    up.add_argument("--onset-region", metavar="REGION", help=", ".join(ONSET_REGION))
    up.add_argument("--diagnosis-date", metavar="YYYY-MM-DD")
    up.add_argument(
        "--death-date",
        metavar="YYYY-MM-DD",
        help="date of death (needs --status deceased, or a patient already recorded as deceased); "
        "medications and therapy plans still running after it end on it",
    )
    up.add_argument("--lung-disease", metavar="yes|no", help="chronic lung disease (sets the SpO2 line)")
    up.set_defaults(func=cmd_patient_update)


def changes_from(args: argparse.Namespace) -> dict[str, Any]:
    """The fields the options given set, dates read (a bad one refused naming its field)."""
    from alsdesk.services.common import parse_date

    changes: dict[str, Any] = {}
    for option, field in TEXT_OPTIONS:
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    for option, what in DATE_OPTIONS:
        value = getattr(args, option)
        if value is not None:
            changes[option] = parse_date(value, what)
    if args.lung_disease is not None:
        if args.lung_disease.strip().lower() not in YES_NO:
            raise AlsdeskError("Lung disease must be yes or no, not {value!r}.", value=args.lung_disease)
        changes["lung_disease"] = YES_NO[args.lung_disease.strip().lower()]
    return changes


def cmd_patient_update(args: argparse.Namespace) -> int:
    from alsdesk.cli_signin import _open
    from alsdesk.services import patients

    changes = changes_from(args)
    if not changes:
        raise AlsdeskError("Nothing to update: give at least one option (see alsdesk patient update --help).")

    def update(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.mrn)
        status = changes.get("status", p.status)
        if "death_date" in changes and status != "deceased":
            raise AlsdeskError(
                "Date of death needs --status deceased: patient {mrn} is recorded as '{status}'.",
                mrn=p.mrn,
                status=status,
            )
        return patients.update_patient(session=session, patient_id=p.id, expected_version=p.version, **changes)

    db = _open(args)
    try:
        p, changed = db.run_write(update)
    finally:
        db.dispose()
    print(f"Updated {printable(p.mrn)}: {printable(p.display_name)} ({', '.join(sorted(changes))})")
    if p.death_date is not None and (changed.medications or changed.schedule):
        print(f"Medications and therapy plans still running on {p.death_date} were ended on that date.")
    return 0
