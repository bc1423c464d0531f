"""`alsdesk db rekey`: re-encrypt an encrypted database under a new key (storage/rekey.py)."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.passwords import administrator_password
from alsdesk.cli.signin import open_signed_in, sqlite_file
from alsdesk.errors import AlsdeskError


def cmd_db_rekey(args: argparse.Namespace) -> int:
    from alsdesk.app import open_clinic
    from alsdesk.services import access, audit
    from alsdesk.storage import encryption
    from alsdesk.storage.files import crash_point
    from alsdesk.storage.keystore import KeyStore
    from alsdesk.storage.rekey import rekey_database

    path = sqlite_file(args)
    if not encryption.is_encrypted(path):
        raise AlsdeskError(f"{path} is not encrypted; encrypt it first (alsdesk db encrypt).")
    password = administrator_password(args, "Changing the key")
    db = open_signed_in(args, password)
    try:
        with db.write(actor=args.actor) as session:  # the intent first: a kill later still leaves a trace
            access.check(session, "admin")
            audit.record(session=session, action="database_rekey_started", table="database", category="security")
        key = encryption.key_for(path)
    finally:
        db.dispose()
    assert key is not None  # an encrypted database opened
    _new, left = rekey_database(path, key, args.actor.username, password)
    crash_point("rekey:before-audit")
    db = open_clinic(args.database, backup_now=False)
    try:
        with db.write(actor=args.actor) as session:
            audit.record(session=session, action="database_rekeyed", table="database", category="security")
    finally:
        db.dispose()
    print(f"{path} and its backups are now encrypted with a new key.")
    for backup in left:
        print(f"warning: {backup} could not be read with the old key and was left as it was.")
    waiting = KeyStore.for_database(path).pending
    if waiting:
        print("These accounts get the new key at their next sign-in; the old key is dropped once they all have")
        print("(or are disabled): " + ", ".join(waiting))
    return 0


def add_rekey_parser(db_sub: Any) -> None:
    db_sub.add_parser(
        "rekey",
        help="re-encrypt the encrypted database and its backups under a new key (an administrator signs in; "
        "close alsdesk everywhere else first)",
    ).set_defaults(func=cmd_db_rekey)
