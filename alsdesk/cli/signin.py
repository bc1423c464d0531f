"""Signing in on the command line: every command acts as a named staff account.

The app layer, the services and storage are imported inside these functions, not at the top:
every command module imports this one, and `--help` must not load SQLAlchemy."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alsdesk.cli.passwords import password_from, unlock_for
from alsdesk.errors import AlsdeskError

NO_ADMIN = "No administrator yet: create one with `alsdesk user add NAME --role administrator`."
SIGN_IN = "Sign in: give --user NAME (or set ALSDESK_USER); the password comes from ALSDESK_PASSWORD or a prompt."


def open_signed_in(
    args: argparse.Namespace,
    password: str | None = None,
    *,
    before_accounts: bool = False,
    upto: str | None = None,
) -> Any:
    """Open the database and sign in as --user/ALSDESK_USER: every session then acts as that account.

    Nothing is allowed until the first administrator exists; only the commands that create it
    (`user add`, `demo`) pass `before_accounts` and then run with nobody signed in. An encrypted
    database is unlocked with the same name and password first (passwords.unlock_for), asked only once.
    `upto` upgrades the schema only that far (to put right what a later revision refuses).
    """
    from alsdesk.app import open_clinic, signing_in  # lazily, for `--help`'s start-up
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


def sqlite_file(args: argparse.Namespace) -> Path:
    """The clinic's SQLite file (settled after an interrupted restore or encryption); refused for
    PostgreSQL, and for `backup` when the file is missing."""
    from alsdesk.app.files import refuse_lost, settled_file  # lazily, for `--help`'s start-up

    # A restore or encryption a crash interrupted is finished before the file is judged.
    path = settled_file(args.database)
    if path is None:
        raise AlsdeskError("Backups and restores here are for SQLite files; back up PostgreSQL with pg_dump.")
    if args.command == "backup" and not path.exists():
        refuse_lost(path)  # with backups of it: the restore offer, not just "no database"
        raise AlsdeskError(f"There is no database at {path}.")
    return path


def signed_in_staff(args: argparse.Namespace) -> Any:
    """The staff id of whoever `with_session` signed in (None before the first account exists):
    recorded as a record's author, prescriber or recorder."""
    actor = getattr(args, "actor", None)
    return actor.staff_id if actor is not None else None


def with_session(write: bool, fn: Callable[..., Any], args: argparse.Namespace) -> Any:
    """Run `fn(session)` signed in as --user: in one write transaction (retried as the database
    asks) or in a read session; the database is closed after."""
    db = open_signed_in(args)
    try:
        if write:
            return db.run_write(fn)
        with db.read() as session:
            return fn(session)
    finally:
        db.dispose()
