"""`alsdesk patient`: add, set-mrn, update, show, list and search.

`patient update MRN` changes a patient's details, status and dates through the same service as the
window's Edit details dialog (services.patients.update_patient). Services are imported inside each
command: the parser is built at start-up, and `--help` must not load SQLAlchemy."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from alsdesk.cli.common import MAX_ROWS, iso_date, pad, print_json, whole_number
from alsdesk.cli.signin import open_signed_in, with_session
from alsdesk.cli.visits import alert_json
from alsdesk.errors import AlsdeskError, UpgradeRefused
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
    ("gp_name", "gp_name"),
    ("gp_contact", "gp_contact"),
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
    up.add_argument(
        "--key-worker", metavar="USERNAME", help="the staff member responsible for the patient ('' for nobody)"
    )
    up.add_argument("--interpreter", metavar="yes|no", help="an interpreter is needed at visits")
    up.add_argument("--gp-name", metavar="TEXT", help="the patient's GP (family doctor)")
    up.add_argument("--gp-contact", metavar="TEXT", help="the GP's practice and phone")
    up.set_defaults(func=cmd_patient_update)


# yes|no options: the option, the patient field it sets, the field's name in a refusal.
FLAG_OPTIONS = (
    ("lung_disease", "lung_disease", "Lung disease"),
    ("interpreter", "interpreter_needed", "Interpreter needed"),
)


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
    for option, field, what in FLAG_OPTIONS:
        value = getattr(args, option)
        if value is not None:
            if value.strip().lower() not in YES_NO:
                raise AlsdeskError("{what} must be yes or no, not {value!r}.", what=what, value=value)
            changes[field] = YES_NO[value.strip().lower()]
    return changes


def cmd_patient_update(args: argparse.Namespace) -> int:
    from alsdesk.services import patients

    changes = changes_from(args)
    if not changes and args.key_worker is None:
        raise AlsdeskError("Nothing to update: give at least one option (see alsdesk patient update --help).")

    def update(session: Any) -> Any:
        if args.key_worker is not None:
            changes["responsible_staff_id"] = _key_worker(session, args.key_worker)
        p = patients.get_by_mrn(session=session, mrn=args.mrn)
        status = changes.get("status", p.status)
        if "death_date" in changes and status != "deceased":
            raise AlsdeskError(
                "Date of death needs --status deceased: patient {mrn} is recorded as '{status}'.",
                mrn=p.mrn,
                status=status,
            )
        return patients.update_patient(session=session, patient_id=p.id, expected_version=p.version, **changes)

    db = open_signed_in(args)
    try:
        p, changed = db.run_write(update)
    finally:
        db.dispose()
    print(f"Updated {printable(p.mrn)}: {printable(p.display_name)} ({', '.join(sorted(changes))})")
    if p.death_date is not None and (changed.medications or changed.schedule):
        print(f"Medications and therapy plans still running on {p.death_date} were ended on that date.")
    return 0


def _key_worker(session: Any, username: str) -> Any:
    """The id of the staff member `username` names ('' for nobody); an unknown name is refused."""
    from alsdesk.services import clinic

    if not username.strip():
        return None
    found = clinic.staff_by_username(session=session, username=username)
    if found is None:
        raise AlsdeskError("Key worker: there is no staff member {username!r}.", username=username.strip())
    return found.id


def key_worker_json(staff: Any) -> dict[str, str] | None:
    """`patient show --json`'s key_worker: who to call, as a handout prints them."""
    if staff is None:
        return None
    return {
        "username": staff.username,
        "display_name": staff.display_name,
        "job_title": staff.job_title,
        "phone": staff.phone,
        "job_title_zh": staff.job_title_zh,
    }


# --- add, set-mrn, show, list, search ------------------------------------------------------------


def cmd_patient_add(args: argparse.Namespace) -> int:
    from alsdesk.services import patients

    def add(session: Any) -> Any:
        dupes = patients.possible_duplicates(
            session=session,
            family_name=args.family_name,
            given_name=args.given_name,
            birth_date=args.birth_date,
            phone=args.phone or "",
        )
        p = patients.add_patient(
            session=session,
            mrn=args.mrn,
            family_name=args.family_name,
            given_name=args.given_name,
            birth_date=args.birth_date,
            sex=args.sex,
            phone=args.phone or "",
            **({"name_zh": args.name_zh} if args.name_zh else {}),
        )
        return p, dupes

    p, dupes = with_session(True, add, args)
    from alsdesk.services.restricted import RESTRICTED_TEXT

    for d in dupes:
        born = f"born {d.birth_date}" if d.birth_date else RESTRICTED_TEXT
        print(
            f"warning: possible duplicate of {printable(d.mrn)} {printable(d.display_name)} ({born})",
            file=sys.stderr,
        )
    print(f"Added {p.mrn}: {printable(p.display_name)}")
    return 0


def cmd_patient_set_mrn(args: argparse.Namespace) -> int:
    """Give a patient a new MRN. It opens a database only as far as the schema before the
    case-folded MRN index, so it also renames the MRNs that upgrade refuses, then upgrades."""
    from alsdesk.app import BEFORE_MRN_INDEX, SCHEMA_HEAD, behind_head, open_clinic
    from alsdesk.services import patients

    def rename(session: Any) -> Any:
        patients.at_schema_0011(session)  # the database may be at 0011 (BEFORE_MRN_INDEX), or later
        p = patients.get_by_mrn(session=session, mrn=args.old)
        return patients.update_patient(session=session, patient_id=p.id, expected_version=p.version, mrn=args.new)[0]

    db = open_signed_in(args, upto=BEFORE_MRN_INDEX)
    try:
        p = db.run_write(rename)
        behind = behind_head(db)
    finally:
        db.dispose()
    print(f"MRN {args.old.strip()} is now {p.mrn}: {p.display_name}")
    if behind:
        try:
            open_clinic(args.database).dispose()
        except UpgradeRefused as err:
            print(f"Not upgraded yet. {err}")
            return 0
        print(f"The database is upgraded to schema {SCHEMA_HEAD}.")
    return 0


def cmd_patient_show(args: argparse.Namespace) -> int:
    from alsdesk.services import allergies, chart, clinic, interventions, patients, scoring, stages

    def show(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.mrn)
        found = chart.patient_chart(session=session, patient_id=p.id, audit_view=True)
        return (
            found,
            interventions.patient_interventions(session=session, patient_id=p.id, on=date.today()),
            clinic.get_staff(session=session, staff_id=p.responsible_staff_id),
            allergies.allergy_state(session=session, patient_id=p.id),
        )

    c, in_place, worker, allergy = with_session(True, show, args)  # a chart view is audited
    latest = c.latest_alsfrs
    now = stages.chart_stage_now(c, date.today())
    summary = {
        "patient": c.patient,
        "latest_alsfrs": None
        if latest is None
        else {"assessed_on": latest.assessed_on, "items": latest.items, **dataclasses.asdict(latest.scores)},
        "kings_now": now.kings,
        "mitos_now": now.mitos,
        "fvc_percent": c.latest("fvc_percent"),
        "weight_change_percent": c.weight_change_percent,
        "interventions": [{"kind": i.kind, "since": i.since, "source": i.source} for i in in_place],
        "open_alerts": [alert_json(a) for a in c.open_alerts],
        "counts": {
            name: len(getattr(c, name))
            for name in ("workups", "assessments", "medications", "plans", "referrals", "enrollments", "notes")
        },
        # For the referral letter and the handout (the patient's own fields are in "patient").
        "key_worker": key_worker_json(worker),
        "interpreter_needed": c.patient.interpreter_needed,
        "gp_name": c.patient.gp_name,
        "gp_contact": c.patient.gp_contact,
        "allergies": [
            {"substance": a.substance, "reaction": a.reaction, "severity": a.severity, "recorded_on": a.recorded_on}
            for a in allergy.allergies
        ],
        "no_known_allergies_since": allergy.no_known_since,
    }
    if args.json:
        print_json(summary)
        return 0
    p = c.patient
    print(
        f"{printable(p.display_name)}  MRN {printable(p.mrn)}  {p.sex}, born {p.birth_date} (age {p.age_on(date.today())})"
    )
    print(
        f"Status: {p.status}{' (archived)' if p.archived else ''}   Onset: {p.onset_date or '-'} "
        f"({p.onset_region or '-'})   Diagnosis: {p.diagnosis_date or '-'} ({p.el_escorial or '-'})"
    )
    if latest and latest.scores:
        s = latest.scores
        rate = f"{s.delta_fs:.2f}/month" if s.delta_fs is not None else "-"
        print(
            f"ALSFRS-R {s.total}/48 on {latest.assessed_on} (bulbar {s.subscores['bulbar']}, fine motor "
            f"{s.subscores['fine_motor']}, gross motor {s.subscores['gross_motor']}, respiratory "
            f"{s.subscores['respiratory']})  ΔFS {rate}  King's {s.kings}  MiToS {s.mitos}"
        )
    at_dx, slope = c.delta_fs_at_diagnosis(), c.latest_slope()
    print(
        "ΔFS at diagnosis: "
        + (f"{at_dx[1]:.2f}/month ({scoring.delta_fs_band(at_dx[1])}, assessed {at_dx[0]})" if at_dx else "none")
        + "   Latest slope: "
        + (f"{slope[2]:.2f} points lost/month ({slope[0]} → {slope[1]})" if slope else "none")
    )
    if now.from_death:
        print(f"Died {p.death_date}: King's stage 5, MiToS stage 5")
    elif now.kings is not None:
        print(f"Stage now: King's {now.kings}, MiToS {now.mitos} (from {now.since})")
    for i in in_place:
        print(f"In place: {i.kind} since {i.since} ({i.source})")
    if worker is not None:
        shown = worker.title("en")  # the English, else the Chinese as typed
        title = f", {printable(shown)}" if shown else ""
        phone = f", {printable(worker.phone)}" if worker.phone else ""
        print(f"Key worker: {printable(worker.display_name)}{title}{phone}")
    if p.interpreter_needed:
        print("Interpreter needed")
    if p.gp_name or p.gp_contact:
        print(f"GP: {printable(p.gp_name) or '-'} ({printable(' '.join(p.gp_contact.split())) or '-'})")
    if allergy.allergies:
        print("Allergies: " + "; ".join(f"{printable(a.substance)} ({a.severity})" for a in allergy.allergies))
    elif allergy.no_known_since:
        print(f"No known allergies (confirmed {allergy.no_known_since})")
    for a in c.open_alerts:
        print(f"ALERT: {a.message}")
    print("Records: " + ", ".join(f"{k} {v}" for k, v in summary["counts"].items()))
    return 0


def print_patients(rows: Sequence[Any], as_json: bool) -> None:
    from alsdesk.services.restricted import RESTRICTED_TEXT

    if as_json:
        print_json(
            [
                {
                    "id": r.id,
                    "mrn": r.mrn,
                    "family_name": r.family_name,
                    "given_name": r.given_name,
                    "name_zh": r.name_zh,
                    "sex": r.sex,
                    "birth_date": r.birth_date,
                    "phone": r.phone,
                    "status": r.status,
                    "archived": r.archived,
                    "restricted": r.restricted,
                }
                for r in rows
            ]
        )
        return
    for r in rows:  # a restricted record the user may not open: name and MRN only; names stored
        # before control characters were refused are printed escaped
        rest = f"{r.birth_date}  {r.status}" if r.birth_date else RESTRICTED_TEXT
        print(f"{pad(printable(r.mrn), 12)} {pad(printable(r.display_name), 36)} {rest}")


def cmd_patient_list(args: argparse.Namespace) -> int:
    from alsdesk.services import patients

    rows = with_session(
        False,
        lambda s: patients.list_patients(
            session=s, offset=args.offset, limit=args.limit, include_archived=args.archived
        ),
        args,
    )
    print_patients(rows, args.json)
    return 0


def cmd_patient_search(args: argparse.Namespace) -> int:
    from alsdesk.services import patients

    rows = with_session(
        False,
        lambda s: patients.search_patients(session=s, text=args.text, limit=args.limit, include_archived=args.archived),
        args,
    )
    print_patients(rows, args.json)
    if not rows and not args.json:
        print(f"No patient matches {args.text!r}.", file=sys.stderr)
    return 0


def add_patient_parser(sub: Any) -> None:
    patient = sub.add_parser("patient", help="register, show, list and search patients").add_subparsers(
        dest="patient_command", metavar="ACTION", required=True
    )
    add = patient.add_parser("add", help="register a patient")
    add.add_argument("--mrn", required=True)
    add.add_argument("--family-name", required=True)
    add.add_argument("--given-name", required=True)
    add.add_argument("--birth-date", required=True, type=iso_date, metavar="YYYY-MM-DD")
    add.add_argument("--sex", required=True, choices=SEX)
    add.add_argument("--phone")
    add.add_argument("--name-zh", help="name in Chinese characters")
    add.set_defaults(func=cmd_patient_add)
    set_mrn = patient.add_parser(
        "set-mrn", help="give a patient a new MRN (also when an upgrade refused MRNs differing only in case)"
    )
    set_mrn.add_argument("old", metavar="OLD")
    set_mrn.add_argument("new", metavar="NEW")
    set_mrn.set_defaults(func=cmd_patient_set_mrn)
    add_patient_update_parser(patient)
    show = patient.add_parser("show", help="one patient's chart summary")
    show.add_argument("mrn", metavar="MRN")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_patient_show)
    lst = patient.add_parser("list", help="patients in name order")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--limit", type=whole_number(0, MAX_ROWS), default=1000)
    lst.add_argument("--offset", type=whole_number(0, MAX_ROWS), default=0)
    lst.add_argument("--archived", action="store_true", help="include archived patients")
    lst.set_defaults(func=cmd_patient_list)
    find = patient.add_parser("search", help="find by name, Chinese name, pinyin, MRN or phone prefix")
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--json", action="store_true")
    find.add_argument("--limit", type=whole_number(0, MAX_ROWS), default=50)
    find.add_argument("--archived", action="store_true", help="include archived patients")
    find.set_defaults(func=cmd_patient_search)
