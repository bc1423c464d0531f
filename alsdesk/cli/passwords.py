"""Passwords a command is given (the environment for scripts, a prompt for people, never an
argument) and the unlocking of an encrypted database with them: what signing in (signin) and the
key operations (crypt, rekey, users) share, kept below both."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from alsdesk.errors import AlsdeskError


def password_from(env_name: str, prompt: str) -> str:
    """A password from the environment (scripts) or typed at a prompt (people), never an argument."""
    value = os.environ.get(env_name)
    if value:
        return value
    if not sys.stdin.isatty():
        raise AlsdeskError(f"No password: set {env_name} or run this in a terminal to be asked.")
    return getpass.getpass(prompt)


ENCRYPTED_NEEDS_USER = (
    "This database is encrypted; sign in with --user NAME (or ALSDESK_USER), the password from "
    "ALSDESK_PASSWORD or a prompt."
)


def username_of(args: argparse.Namespace) -> str | None:
    return getattr(args, "user", None) or os.environ.get("ALSDESK_USER")


def administrator_password(args: argparse.Namespace, doing: str) -> str:
    """The password of the account a key operation signs in as (it must name one: the key is
    wrapped for it), from ALSDESK_PASSWORD or a prompt; the services then check it is an administrator."""
    username = username_of(args)
    if not username:
        raise AlsdeskError(f"{doing} needs an administrator: sign in with --user NAME (or ALSDESK_USER).")
    return password_from("ALSDESK_PASSWORD", f"Password for {username}: ")


def unlock_for(args: argparse.Namespace) -> tuple[bytes | None, str | None]:
    """For an encrypted database: the key unwrapped with the user's password, and that password
    (so sign-in does not ask twice). (None, None) for any other database."""
    from alsdesk.app import is_encrypted, unlock  # lazily: the app layer loads SQLAlchemy

    if not is_encrypted(args.database):
        return None, None
    username = username_of(args)
    if not username:
        raise AlsdeskError(ENCRYPTED_NEEDS_USER)
    password = password_from("ALSDESK_PASSWORD", f"Password for {username}: ")
    return unlock(args.database, username, password), password


def unlock_file(args: argparse.Namespace, path: Path) -> None:
    """Make the key of an encrypted SQLite file known to this process (backup, restore, check)."""
    from alsdesk.app.files import remember_key  # lazily, for `--help`'s start-up

    key, _password = unlock_for(args)
    if key is not None:
        remember_key(path, key)
