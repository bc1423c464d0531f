"""The `alsdesk` command: the GUI by default, and admin subcommands on the same services."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import re
import sys
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alsdesk import __version__
from alsdesk.cli_common import MAX_ROWS, add_choice, clinic_day, file_name, iso_date, pad, whole_number
from alsdesk.cli_crypt import add_encrypt_parser
from alsdesk.cli_medication import add_medication_parser
from alsdesk.cli_patient import add_patient_update_parser
from alsdesk.cli_rekey import add_rekey_parser
from alsdesk.cli_report import add_report_parser
from alsdesk.cli_signin import _open, _sqlite_file
from alsdesk.cli_users import add_user_parser
from alsdesk.cli_visits import add_visit_parsers, alert_json
from alsdesk.errors import AlsdeskError, DatabaseDamaged
from alsdesk.limits import SHOWN_CHARS, printable, shown
from alsdesk.vocab import DISCIPLINES, SEX

log = logging.getLogger(__name__)


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (date, datetime, uuid.UUID)):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done:,} of {total:,}", end="", file=sys.stderr, flush=True)


# --- commands --------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from alsdesk.ui.app import run

    return run(args.database)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from alsdesk.app import open_clinic
    from alsdesk.cli_crypt import unlock_for
    from alsdesk.storage import schema

    db = open_clinic(args.database, key=unlock_for(args)[0])
    db.dispose()
    print(f"Database is at schema {schema.HEAD} (current).")
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from alsdesk.cli_crypt import unlock_file
    from alsdesk.storage import check
    from alsdesk.storage.config import resolve_database_url, sqlite_path

    path = sqlite_path(resolve_database_url(args.database))
    if path is not None:
        unlock_file(args, path)

    problems = check.check_database(args.database)
    for line in problems.report:
        print(line)
    return 0 if problems.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    """On a database without accounts, the demo makes them (one per role) in the same transaction;
    with accounts, an administrator loads it."""
    from alsdesk.services import demo

    db = _open(args, before_accounts=True)
    try:
        with db.write() as session:
            if args.actor is None:
                result, made = demo.load_demo_clinic(
                    session=session, patients=args.patients, seed=args.seed, anchor=args.anchor, progress=_progress
                )
            else:
                result = demo.load_demo(
                    session=session, patients=args.patients, seed=args.seed, anchor=args.anchor, progress=_progress
                )
                made = {}
    finally:
        db.dispose()
    print(
        f"Demo clinic loaded: {result.patients:,} patients, {result.records:,} records, {result.staff} staff "
        f"into {db.display_url}."
    )
    for username, (role, password) in made.items():
        print(f"  demo account {username:<8} role {role:<14} password {password}")
    return 0


def _with_session(write: bool, fn: Callable[..., Any], args: argparse.Namespace) -> Any:
    db = _open(args)
    try:
        if write:
            return db.run_write(fn)
        with db.read() as session:
            return fn(session)
    finally:
        db.dispose()


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

    p, dupes = _with_session(True, add, args)
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
    from alsdesk.app import open_clinic
    from alsdesk.errors import UpgradeRefused
    from alsdesk.services import patients
    from alsdesk.storage import schema

    def rename(session: Any) -> Any:
        patients.at_schema_0011(session)  # the database may be at 0011 (BEFORE_MRN_INDEX), or later
        p = patients.get_by_mrn(session=session, mrn=args.old)
        return patients.update_patient(session=session, patient_id=p.id, expected_version=p.version, mrn=args.new)[0]

    db = _open(args, upto=schema.BEFORE_MRN_INDEX)
    try:
        p = db.run_write(rename)
        with db.engine.connect() as conn:
            behind = schema.current_revision(conn) != schema.HEAD
    finally:
        db.dispose()
    print(f"MRN {args.old.strip()} is now {p.mrn}: {p.display_name}")
    if behind:
        try:
            open_clinic(args.database).dispose()
        except UpgradeRefused as err:
            print(f"Not upgraded yet. {err}")
            return 0
        print(f"The database is upgraded to schema {schema.HEAD}.")
    return 0


def cmd_patient_show(args: argparse.Namespace) -> int:
    from alsdesk.services import chart, interventions, patients, scoring, stages

    def show(session: Any) -> Any:
        p = patients.get_by_mrn(session=session, mrn=args.mrn)
        found = chart.patient_chart(session=session, patient_id=p.id, audit_view=True)
        return found, interventions.patient_interventions(session=session, patient_id=p.id, on=date.today())

    c, in_place = _with_session(True, show, args)  # a chart view is audited
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
    for a in c.open_alerts:
        print(f"ALERT: {a.message}")
    print("Records: " + ", ".join(f"{k} {v}" for k, v in summary["counts"].items()))
    return 0


def _print_patients(rows: Sequence[Any], as_json: bool) -> None:
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

    rows = _with_session(
        False,
        lambda s: patients.list_patients(
            session=s, offset=args.offset, limit=args.limit, include_archived=args.archived
        ),
        args,
    )
    _print_patients(rows, args.json)
    return 0


def cmd_patient_search(args: argparse.Namespace) -> int:
    from alsdesk.services import patients

    rows = _with_session(
        False,
        lambda s: patients.search_patients(session=s, text=args.text, limit=args.limit, include_archived=args.archived),
        args,
    )
    _print_patients(rows, args.json)
    if not rows and not args.json:
        print(f"No patient matches {args.text!r}.", file=sys.stderr)
    return 0


def cmd_worklist(args: argparse.Namespace) -> int:
    from alsdesk.services import worklist

    on = args.date or date.today()
    items = _with_session(False, lambda s: worklist.worklist(session=s, on=on, discipline=args.discipline), args)
    if args.json:
        print_json(items)
        return 0
    current = None
    for item in items:
        if item.kind != current:
            current = item.kind
            count = sum(1 for i in items if i.kind == current)
            print(f"\n{worklist.KINDS[current]} ({count})")
        due = "" if item.kind == worklist.RESTRICTED else item.due_date.isoformat()  # not dated: as in the window
        name = printable(item.patient_name)
        print(f"  {pad(due, 10)}  {pad(printable(item.patient_mrn), 12)} {pad(name, 32)} {printable(item.reason)}")
    if not items:
        print(f"Nothing is due on {on}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from alsdesk.cli_crypt import passphrase
    from alsdesk.services import exchange
    from alsdesk.storage.files import exported_text

    mrns = None if args.all else [args.patient]
    secret = passphrase(confirm=True) if args.encrypt else None

    def export(session: Any) -> int:
        # The file appears once the export's audit entry has committed; sealed, nothing plain is written.
        with exported_text(session, Path(args.output), secret) as out:
            return exchange.write_export(session=session, out=out, mrns=mrns, progress=_progress)

    n = int(_with_session(True, export, args))
    print(f"Exported {n:,} patient(s) to {args.output}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from alsdesk.cli_crypt import read_document
    from alsdesk.services import exchange
    from alsdesk.storage.files import crash_point

    document = read_document(Path(args.file))
    crash_point("import:read")  # a sealed file's plain content exists only in this process's memory
    result = _with_session(True, lambda s: exchange.import_document(session=s, document=document), args)
    print(f"Imported {result.patients:,} patient(s) with {result.records:,} records and {result.staff} new staff.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from alsdesk.app import backup_clinic
    from alsdesk.cli_crypt import cmd_backup_sealed, unlock_file
    from alsdesk.storage.backup import take_backup

    path = _sqlite_file(args)
    unlock_file(args, path)
    if args.encrypt:
        made = cmd_backup_sealed(args, path)
    else:
        made = take_backup(path, "manual", Path(args.output) if args.output else None)
    backup_clinic(args.database, made, "sealed" if args.encrypt else "manual")
    print(f"Backup written: {made}")
    return 0


def _check_restore_allowed(args: argparse.Namespace, target: Path) -> None:
    """Replacing a database that has accounts needs one of its administrators. A file that cannot
    be opened (damaged, newer, not a database) is what restoring is for, so it needs no sign-in.
    A busy one is not such a file: it is refused as busy, and sign-in stays required."""
    from alsdesk.errors import DatabaseLocked, StorageError
    from alsdesk.services import access

    if not target.exists() or target.stat().st_size == 0:
        return
    try:
        db = _open(args, before_accounts=True)
    except DatabaseLocked as err:
        raise DatabaseLocked(
            "{path} is busy: another alsdesk window or command is using it. Close the other alsdesk "
            "windows and commands, then retry the restore; nothing was changed.",
            path=target,
        ) from err
    except StorageError as err:
        log.info("restoring over a database that cannot be opened: %s", err)
        return
    try:
        if args.actor is not None:
            with db.read() as session:
                access.check(session, "admin")
    finally:
        db.dispose()


def cmd_restore(args: argparse.Namespace) -> int:
    from alsdesk.app import restore_clinic
    from alsdesk.cli_crypt import opened_backup, unlock_file

    target = _sqlite_file(args)
    unlock_file(args, target)
    source = Path(args.file)
    # A sealed file is opened (and its tampering detected) before anyone signs in to the database,
    # so a refused restore leaves the database file exactly as it was.
    with opened_backup(source, target) as plain:
        _check_restore_allowed(args, target)
        if not args.yes:
            if not sys.stdin.isatty():
                raise AlsdeskError("Restoring replaces the database; confirm with --yes.")
            answer = input(f"Replace {target} with {source}? The current file is kept as a copy. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing was changed.")
                return 1
        replaced = target.exists()
        kept = restore_clinic(plain, target, actor=getattr(args, "actor", None))
    if replaced:
        print(f"Restored {target} from {source}; the database it replaced was kept as {kept}.")
    else:  # a missing clinic file: nothing was replaced, so nothing was kept
        print(f"Restored {target} from {source}.")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from alsdesk.services import access, audit

    db = _open(args)
    try:
        with db.read() as session:
            access.check(session, "audit.read")
            result = audit.verify(session=session, key=db.audit_key, anchors=db.audit_anchors())
    finally:
        db.dispose()
    if result.ok:
        print(f"Audit trail intact: {result.entries:,} entries verified.")
        return 0
    print(f"alsdesk: AUDIT TRAIL TAMPERED: {result.problem}.", file=sys.stderr)
    return 1


def cmd_audit_export(args: argparse.Namespace) -> int:
    from alsdesk.services import audit_log

    def export(session: Any) -> int:  # the file appears once the export's audit entry has committed
        return audit_log.export_csv(
            session=session, path=Path(args.output), mrn=args.patient, username=args.user_filter, action=args.action
        )

    n = int(_with_session(True, export, args))
    print(f"Exported {n:,} audit entries to {args.output}.")
    return 0


def cmd_audit_accept(args: argparse.Namespace) -> int:
    from alsdesk.services import audit
    from alsdesk.storage import anchors

    db = _open(args)
    try:
        with db.write() as session:
            was = audit.accept_trail(session=session)
        anchor = anchors.read(db.audit_location)
    finally:
        db.dispose()
    seen = f"; it had seen entry {was.seq}" if was else ""
    now = f"entry {anchor.seq}" if anchor else "its last entry"
    print(f"Audit trail accepted as it ends now: this workstation anchors at {now}{seen}.")
    return 0


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="alsdesk", description="Care coordination for an ALS clinic.")
    parser.add_argument("--version", action="version", version=f"alsdesk {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: ALSDESK_DATABASE_URL, else alsdesk.sqlite3 in the data directory)",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="act as this staff account (default: ALSDESK_USER); the password comes from ALSDESK_PASSWORD or a prompt",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the clinic window (the default)").set_defaults(func=cmd_gui)

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    db.add_parser("upgrade", help="upgrade the schema to this version (after a backup)").set_defaults(
        func=cmd_db_upgrade
    )
    db.add_parser("check", help="integrity check and schema version; exit 1 on any problem").set_defaults(
        func=cmd_db_check
    )
    add_encrypt_parser(db)
    add_rekey_parser(db)

    demo = sub.add_parser("demo", help="fill an empty database with a synthetic clinic")
    demo.add_argument("--patients", type=whole_number(0, 1_000_000), required=True, metavar="N")
    demo.add_argument("--seed", type=whole_number(-(2**63), 2**63 - 1), default=1, metavar="S")
    demo.add_argument(
        "--anchor",
        type=clinic_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the clinic is dated around (default: today)",
    )
    demo.set_defaults(func=cmd_demo)

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

    wl = sub.add_parser("worklist", help="what is due on a day")
    wl.add_argument("--date", type=clinic_day, metavar="YYYY-MM-DD", help="default: today")
    add_choice(wl, "--discipline", DISCIPLINES)
    wl.add_argument("--json", action="store_true")
    wl.set_defaults(func=cmd_worklist)

    ex = sub.add_parser("export", help="write patients with all their records to a JSON file")
    which = ex.add_mutually_exclusive_group(required=True)
    which.add_argument("--patient", metavar="MRN")
    which.add_argument("--all", action="store_true")
    ex.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    ex.add_argument(
        "--encrypt", action="store_true", help="seal the file with a passphrase (ALSDESK_PASSPHRASE or a prompt)"
    )
    ex.set_defaults(func=cmd_export)

    au = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    au.add_parser(
        "verify", help="check the HMAC chain and its anchors; exit 1 naming the first tampered entry"
    ).set_defaults(func=cmd_audit_verify)
    au.add_parser(
        "accept",
        help="accept the trail as it now ends after a rollback you know of (recorded; administrators)",
    ).set_defaults(func=cmd_audit_accept)
    ae = au.add_parser("export", help="write the entries matching the filters to a CSV file, oldest first (audited)")
    ae.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    ae.add_argument("--patient", metavar="MRN", help="only this patient's entries")
    ae.add_argument("--by", dest="user_filter", metavar="NAME", help="only this staff member's entries")
    ae.add_argument("--action", metavar="ACTION", help="only entries of this action (e.g. view, export)")
    ae.set_defaults(func=cmd_audit_export)

    bk = sub.add_parser("backup", help="a checked copy of the SQLite database (into backups/, thinned)")
    bk.add_argument("-o", "--output", metavar="FILE", type=file_name, help="write the copy here instead")
    bk.add_argument("--encrypt", action="store_true", help="seal the copy with a passphrase (needs -o FILE)")
    bk.set_defaults(func=cmd_backup)
    rs = sub.add_parser("restore", help="replace the SQLite database with a verified backup")
    rs.add_argument("file", metavar="FILE")
    rs.add_argument("--yes", action="store_true", help="do not ask before replacing")
    rs.set_defaults(func=cmd_restore)

    add_user_parser(sub)

    im = sub.add_parser("import", help="add the patients of an export file (all or nothing)")
    im.add_argument("file", metavar="FILE")
    im.set_defaults(func=cmd_import)
    add_report_parser(sub)
    add_medication_parser(sub)
    add_visit_parsers(sub)
    return parser


def _backup_hint(args: argparse.Namespace) -> str:
    """For a damaged clinic database: the latest good backup and the command that restores it."""
    from alsdesk.storage.backup import restore_hint
    from alsdesk.storage.config import resolve_database_url, sqlite_path

    try:
        path = sqlite_path(resolve_database_url(args.database))
        return restore_hint(path) if path is not None else ""
    except Exception:  # the hint is a courtesy; the refusal itself must still be printed
        log.info("no backup hint", exc_info=True)
        return ""


# Arguments naming files: any bytes the file system allows, so not checked as text.
PATH_ARGUMENTS = frozenset(("database", "file", "output"))


def _undecodable(args: argparse.Namespace) -> str | None:
    """The first text argument holding bytes this system's encoding cannot read (Python keeps them
    as lone surrogates, which no database stores), named for the message; None if all are text."""
    for name, value in vars(args).items():
        if isinstance(value, str) and name not in PATH_ARGUMENTS and re.search("[\ud800-\udfff]", value):
            return f"{name.replace('_', '-')} {shown(value)} is not valid text in this system's encoding"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from alsdesk.private_files import private_umask

    private_umask()  # before anything is written: the database, backups, exports and PDFs
    parser = build_parser()
    args = parser.parse_args(argv)
    bad = _undecodable(args)
    if bad is not None:
        print(f"alsdesk: {bad}.", file=sys.stderr)
        return 1
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    func = getattr(args, "func", cmd_gui)
    try:
        return int(func(args))
    except AlsdeskError as err:
        message = str(err)
        if isinstance(err, DatabaseDamaged) and args.command != "restore":
            message = f"{message} {_backup_hint(args)}".strip()
        # Line breaks a message is written with (a refused upgrade lists its MRN pairs) are kept;
        # every other control character is printed escaped.
        shown = "\n".join(printable(line) for line in message.split("\n"))
        print(f"alsdesk: {shown}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except OSError as err:  # a file or folder named or used cannot be read or written: not a bug
        where = f"cannot use {err.filename}: " if err.filename else ""
        print(printable(f"alsdesk: {where}{err.strerror or err}."), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("alsdesk: interrupted; nothing more was written.", file=sys.stderr)
        return 1
    except Exception as err:  # a bug: one line for the user, the traceback with --verbose
        log.info("unexpected error", exc_info=True)
        what = printable(str(err))[: SHOWN_CHARS * 2]
        print(f"alsdesk: unexpected error ({type(err).__name__}: {what}); run with -v for details.", file=sys.stderr)
        return 3
