"""`alsdesk db`: upgrade and check the schema; `db encrypt` and `db rekey` live in crypt and rekey.

Services, storage and the app layer are imported inside each command, never at the top: the
parser is built from every command module, and `--help` must not load SQLAlchemy."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.crypt import add_encrypt_parser
from alsdesk.cli.passwords import unlock_file, unlock_for
from alsdesk.cli.rekey import add_rekey_parser


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from alsdesk.app import SCHEMA_HEAD, open_clinic

    db = open_clinic(args.database, key=unlock_for(args)[0])
    db.dispose()
    print(f"Database is at schema {SCHEMA_HEAD} (current).")
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from alsdesk.app import check_clinic
    from alsdesk.app.files import clinic_file

    path = clinic_file(args.database)
    if path is not None:
        unlock_file(args, path)

    problems = check_clinic(args.database)
    for line in problems.report:
        print(line)
    return 0 if problems.ok else 1


def add_db_parser(sub: Any) -> None:
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
