"""Signing in on the command line: every command acts as a named staff account."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from alsdesk.errors import AlsdeskError


def password_from(env_name: str, prompt: str) -> str:
    """A password from the environment (scripts) or typed at a prompt (people), never an argument."""
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin.isatty():
        raise AlsdeskError(f"No password: set {env_name} or run this in a terminal to be asked.")
    return getpass.getpass(prompt)


NO_ADMIN = "No administrator yet: create one with `alsdesk user add NAME --role administrator`."
SIGN_IN = "Sign in: give --user NAME (or set ALSDESK_USER); the password comes from ALSDESK_PASSWORD or a prompt."


def _open(
    args: argparse.Namespace,
    password: str | None = None,
    *,
    before_accounts: bool = False,
    upto: str | None = None,
) -> Any:
    """Open the database and sign in as --user/ALSDESK_USER: every session then acts as that account.

    Nothing is allowed until the first administrator exists; only the commands that create it
    (`user add`, `demo`) pass `before_accounts` and then run with nobody signed in. An encrypted
    database is unlocked with the same name and password first (cli_crypt), asked only once.
    `upto` upgrades the schema only that far (to put right what a later revision refuses).
    """
    from alsdesk.app import open_clinic, signing_in
    from alsdesk.cli_crypt import unlock_for
    from alsdesk.services import accounts

    key, unlocked_with = unlock_for(args)
    password = unlocked_with or password
    db = open_clinic(args.database, key=key, upto=upto)
    args.actor = None
    try:
        with db.read() as session:
            has_accounts = accounts.has_accounts(session=session)
        if not has_accounts:
            if before_accounts:
                return db
            raise AlsdeskError(NO_ADMIN)
        username = args.user or os.environ.get("ALSDESK_USER")
        if not username:
            raise AlsdeskError(SIGN_IN)
        with signing_in(db, username) as session:
            result = accounts.sign_in(
                session=session,
                username=username,
                password=password or password_from("ALSDESK_PASSWORD", f"Password for {username}: "),
            )
        args.actor = db.actor = result.actor_or_raise()
    except BaseException:
        db.dispose()
        raise
    return db


def _sqlite_file(args: argparse.Namespace) -> Path:
    from alsdesk.storage.backup import refuse_lost_database
    from alsdesk.storage.config import resolve_database_url, sqlite_path

    path = sqlite_path(resolve_database_url(args.database))
    if path is None:
        raise AlsdeskError("Backups and restores here are for SQLite files; back up PostgreSQL with pg_dump.")
    from alsdesk.storage.files import settle

    settle(path)  # a restore or encryption a crash interrupted is finished before the file is judged
    if args.command == "backup" and not path.exists():
        refuse_lost_database(path)  # with backups of it: the restore offer, not just "no database"
        raise AlsdeskError(f"There is no database at {path}.")
    return path
