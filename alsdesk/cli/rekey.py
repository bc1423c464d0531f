"""`alsdesk db rekey`: re-encrypt an encrypted database under a new key (storage/rekey.py)."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.passwords import administrator_password
from alsdesk.cli.signin import open_signed_in, sqlite_file
from alsdesk.errors import AlsdeskError


def cmd_db_rekey(args: argparse.Namespace) -> int:
    from alsdesk.app.keys import is_encrypted_file, rekey_clinic

    path = sqlite_file(args)
    if not is_encrypted_file(path):
        raise AlsdeskError(f"{path} is not encrypted; encrypt it first (alsdesk db encrypt).")
    password = administrator_password(args, "Changing the key")
    db = open_signed_in(args, password)  # the intent is audited first: a kill later still leaves a trace
    done = rekey_clinic(db, args.database, path, args.actor, password)
    print(f"{path} and its backups are now encrypted with a new key.")
    for backup in done.left:
        print(f"warning: {backup} could not be read with the old key and was left as it was.")
    if done.waiting:
        print("These accounts get the new key at their next sign-in; the old key is dropped once they all have")
        print("(or are disabled): " + ", ".join(done.waiting))
    return 0


def add_rekey_parser(db_sub: Any) -> None:
    db_sub.add_parser(
        "rekey",
        help="re-encrypt the encrypted database and its backups under a new key (an administrator signs in; "
        "close alsdesk everywhere else first)",
    ).set_defaults(func=cmd_db_rekey)
