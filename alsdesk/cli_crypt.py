"""Encryption on the command line: unlocking an encrypted database, `db encrypt`, and sealed
(passphrase-encrypted) exports and backups, recognised again by `import` and `restore`."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alsdesk.errors import AlsdeskError

ENCRYPTED_NEEDS_USER = (
    "This database is encrypted; sign in with --user NAME (or ALSDESK_USER), the password from "
    "ALSDESK_PASSWORD or a prompt."
)


def _username(args: argparse.Namespace) -> str | None:
    return getattr(args, "user", None) or os.environ.get("ALSDESK_USER")


def unlock_for(args: argparse.Namespace) -> tuple[bytes | None, str | None]:
    """For an encrypted database: the key unwrapped with the user's password, and that password
    (so sign-in does not ask twice). (None, None) for any other database."""
    from alsdesk.app import is_encrypted, unlock
    from alsdesk.cli_signin import password_from

    if not is_encrypted(args.database):
        return None, None
    username = _username(args)
    if not username:
        raise AlsdeskError(ENCRYPTED_NEEDS_USER)
    password = password_from("ALSDESK_PASSWORD", f"Password for {username}: ")
    return unlock(args.database, username, password), password


def unlock_file(args: argparse.Namespace, path: Path) -> None:
    """Make the key of an encrypted SQLite file known to this process (backup, restore, check)."""
    from alsdesk.storage import encryption

    key, _password = unlock_for(args)
    if key is not None:
        encryption.remember_key(path, key)


def passphrase(confirm: bool) -> str:
    """ALSDESK_PASSPHRASE (scripts) or a prompt (typed twice when sealing), never an argument."""
    import getpass

    from alsdesk.storage.sealed import check_passphrase

    value = os.environ.get("ALSDESK_PASSPHRASE")
    if value:
        return value if not confirm else check_passphrase(value)
    if not sys.stdin.isatty():
        raise AlsdeskError("No passphrase: set ALSDESK_PASSPHRASE or run this in a terminal to be asked.")
    value = getpass.getpass("Passphrase: ")
    if confirm:
        check_passphrase(value)
        if getpass.getpass("The same passphrase again: ") != value:
            raise AlsdeskError("The two passphrases differ; nothing was written.")
    return value


@contextmanager
def private_dir(near: Path) -> Iterator[Path]:
    """A 0700 temporary folder on the destination's disk, removed with what it holds."""
    near.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".alsdesk-", dir=near))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def seal_to(output: Path, write: Any) -> Any:
    """Run `write(plain_path)` into a private temporary file, then seal that into `output`."""
    from alsdesk.storage.sealed import seal_file

    secret = passphrase(confirm=True)
    with private_dir(output.parent) as folder:
        plain = folder / output.name
        result = write(plain)
        seal_file(plain, output, secret)
    return result


@contextmanager
def opened(path: Path, suffix: str = "") -> Iterator[Path]:
    """The file itself, or for a sealed file its verified content in a private temporary file."""
    from alsdesk.storage.sealed import is_sealed, unsealed

    if not path.is_file():
        raise AlsdeskError(f"Cannot read {path}: " + ("it is a folder." if path.is_dir() else "there is no such file."))
    if not is_sealed(path):
        yield path
        return
    with unsealed(path, passphrase(confirm=False), suffix=suffix) as content:
        yield content


def cmd_db_encrypt(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from alsdesk.app import encrypt_clinic, open_clinic
    from alsdesk.cli_signin import _open, _sqlite_file, password_from
    from alsdesk.models import Staff
    from alsdesk.services import access
    from alsdesk.storage import encryption
    from alsdesk.storage.convert import plain_backups

    path = _sqlite_file(args)
    if not path.exists():
        raise AlsdeskError(f"There is no database at {path}.")
    if encryption.is_encrypted(path):
        raise AlsdeskError(f"{path} is already encrypted.")
    username = _username(args)
    if not username:
        raise AlsdeskError("Encrypting needs an administrator: sign in with --user NAME (or ALSDESK_USER).")
    password = password_from("ALSDESK_PASSWORD", f"Password for {username}: ")
    db = _open(args, password)
    try:
        with db.read(actor=args.actor) as session:
            access.check(session, "admin")
            others = session.scalars(
                sa.select(Staff.username).where(
                    Staff.password_hash.is_not(None), Staff.active, Staff.username != args.actor.username
                )
            ).all()
    finally:
        db.dispose()
    db, kept = encrypt_clinic(open_clinic(args.database), args.actor.username, password)
    db.dispose()
    print(f"{path} is now encrypted; its key store is {encryption.keystore_path(path)} (keep a copy with the backups).")
    if kept is not None:
        print(f"The copy taken first is {kept}; it and the older backups are now encrypted with the same key.")
    for plain in plain_backups(path):
        print(f"warning: {plain} could not be encrypted and still holds the records in plain form; delete it.")
    if others:
        print("These accounts open the database once an administrator sets their password (alsdesk user passwd NAME):")
        print("  " + ", ".join(sorted(others)))
    return 0


def cmd_export_sealed(args: argparse.Namespace, export: Any) -> int:
    """`export --encrypt`: the JSON export sealed with a passphrase."""
    return int(seal_to(Path(args.output), export))


def cmd_backup_sealed(args: argparse.Namespace, path: Path) -> Path:
    """`backup --encrypt -o FILE`: a checked plain copy, sealed with a passphrase (so only the
    passphrase is needed where it is restored, not this machine's key store)."""
    from alsdesk.storage.convert import plain_copy

    if not args.output:
        raise AlsdeskError("An encrypted backup goes to a file you name: add -o FILE.")
    output = Path(args.output)
    seal_to(output, lambda plain: plain_copy(path, plain))
    return output


def add_encrypt_parser(db_sub: Any) -> None:
    db_sub.add_parser(
        "encrypt",
        help="encrypt this SQLite database (an administrator signs in; a plain backup is taken first; "
        "close alsdesk everywhere else first)",
    ).set_defaults(func=cmd_db_encrypt)
