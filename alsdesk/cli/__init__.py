"""The `alsdesk` command: the GUI by default, and admin subcommands on the same services.

One module per command group, each holding its commands (parse, call the services or the app
layer, print) and the `add_*_parser` function that declares them:

    common     argument types, columns and JSON output every command shares
    passwords  passwords from the environment or a prompt; unlocking an encrypted database
    signin     opening the database signed in as --user, and running one session
    db         db upgrade, db check (db encrypt in crypt, db rekey in rekey)
    crypt      db encrypt, and sealed exports and backups
    rekey      db rekey
    demo       demo
    patient    patient add, set-mrn, update, show, list, search
    worklist   worklist
    exchange   export, import
    conflicts  conflicts list, resolve (after a merge)
    spreadsheet import-patients (a patient list from xlsx, xls or csv)
    audit      audit verify, accept, export
    backup     backup, restore
    users      user add, update, passwd, disable, enable, list
    report     report KIND (the PDFs)
    medication medication add/stop, lab add
    visits     assessment add, milestone add
    plans      milestone niv-settings, tube-settings (the NIV and gastrostomy plans)
    allergy    allergy add, list, none, remove
    care_plan  care-plan record, show (the advance care plan)
    appointment appointment list, set (coming appointments with their times; booking one)

Only this package's modules and the light leaf modules (errors, limits, vocab) are
imported at the top of a command module: `--help` builds the whole parser and must not load
SQLAlchemy, the services or ReportLab, so those are imported inside the command that uses them.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import textwrap
from collections.abc import Sequence

from alsdesk import __version__
from alsdesk.cli.allergy import add_allergy_parser
from alsdesk.cli.appointment import add_appointment_parser
from alsdesk.cli.audit import add_audit_parser
from alsdesk.cli.backup import add_backup_parsers
from alsdesk.cli.care_plan import add_care_plan_parser
from alsdesk.cli.conflicts import add_conflicts_parser
from alsdesk.cli.db import add_db_parser
from alsdesk.cli.demo import add_demo_parser
from alsdesk.cli.exchange import add_export_parser, add_import_parser
from alsdesk.cli.medication import add_medication_parser
from alsdesk.cli.patient import add_patient_parser
from alsdesk.cli.report import add_report_parser
from alsdesk.cli.spreadsheet import add_import_patients_parser
from alsdesk.cli.users import add_user_parser
from alsdesk.cli.visits import add_visit_parsers
from alsdesk.cli.worklist import add_worklist_parser
from alsdesk.errors import AlsdeskError, DatabaseDamaged
from alsdesk.limits import SHOWN_CHARS, printable, shown
from alsdesk.private_files import private_umask

log = logging.getLogger(__name__)


def cmd_gui(args: argparse.Namespace) -> int:
    from alsdesk.ui.app import run  # Qt: only when the window opens

    return run(args.database)


# --- parser ----------------------------------------------------------------------------------


class WholeWordsHelp(argparse.HelpFormatter):
    """Wraps help between words only: a choice such as "alert-card" is never split at its hyphen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        flat = " ".join(text.split())
        return textwrap.fill(flat, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def _whole_words(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`parser` and every parser below it wrap help by WholeWordsHelp (subparsers do not inherit it)."""
    parser.formatter_class = WholeWordsHelp
    for action in parser._actions:  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _whole_words(child)
    return parser


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
    add_db_parser(sub)
    add_demo_parser(sub)
    add_patient_parser(sub)
    add_worklist_parser(sub)
    add_export_parser(sub)
    add_audit_parser(sub)
    add_backup_parsers(sub)
    add_user_parser(sub)
    add_import_parser(sub)
    add_conflicts_parser(sub)
    add_import_patients_parser(sub)
    add_report_parser(sub)
    add_medication_parser(sub)
    add_visit_parsers(sub)
    add_allergy_parser(sub)
    add_care_plan_parser(sub)
    add_appointment_parser(sub)
    return _whole_words(parser)


def _backup_hint(args: argparse.Namespace) -> str:
    """For a damaged clinic database: the latest good backup and the command that restores it."""
    from alsdesk.app.files import clinic_file, restore_hint  # loads SQLAlchemy: only on this path

    try:
        path = clinic_file(args.database)
        return restore_hint(path) if path is not None else ""
    except Exception:  # the hint is a courtesy; the refusal itself must still be printed
        log.info("no backup hint", exc_info=True)
        return ""


# Arguments naming files: any bytes the file system allows, so not checked as text.
PATH_ARGUMENTS = frozenset(("database", "file", "output", "mapping", "errors", "template"))


def _undecodable(args: argparse.Namespace) -> str | None:
    """The first text argument holding bytes this system's encoding cannot read (Python keeps them
    as lone surrogates, which no database stores), named for the message; None if all are text."""
    for name, value in vars(args).items():
        if isinstance(value, str) and name not in PATH_ARGUMENTS and re.search("[\ud800-\udfff]", value):
            return f"{name.replace('_', '-')} {shown(value)} is not valid text in this system's encoding"
    return None


def main(argv: Sequence[str] | None = None) -> int:
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
