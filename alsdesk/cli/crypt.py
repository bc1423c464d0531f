"""Encryption on the command line: unlocking an encrypted database, `db encrypt`, and sealed
(passphrase-encrypted) exports and backups, recognised again by `import` and `restore`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alsdesk.cli.passwords import ENCRYPTED_NEEDS_USER, administrator_password
from alsdesk.cli.signin import open_signed_in, sqlite_file
from alsdesk.errors import AlsdeskError


def passphrase(confirm: bool) -> str:
    """ALSDESK_PASSPHRASE (scripts) or a prompt (typed twice when sealing), never an argument."""
    import getpass

    from alsdesk.app.exchange_files import check_passphrase

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


def read_document(path: Path) -> Any:
    """An import file's document; a sealed file is unsealed in memory only (nothing plain on disk)."""
    from alsdesk.app.exchange_files import read_export

    _require_file(path)
    return read_export(path, lambda: passphrase(confirm=False))


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise AlsdeskError(f"Cannot read {path}: " + ("it is a folder." if path.is_dir() else "there is no such file."))


@contextmanager
def opened_backup(path: Path, db_path: Path) -> Iterator[Path]:
    """A backup file itself, or for a sealed one its verified content in the database's private work
    folder (swept at the next start if this process is killed)."""
    from alsdesk.app import keys

    _require_file(path)
    with keys.opened_backup(path, db_path, lambda: passphrase(confirm=False)) as opened:
        yield opened


def cmd_db_encrypt(args: argparse.Namespace) -> int:
    from alsdesk.app import encrypt_clinic, open_clinic
    from alsdesk.app.keys import is_encrypted_file, keystore_path, plain_backups
    from alsdesk.services import access, accounts

    path = sqlite_file(args)
    if not path.exists():
        raise AlsdeskError(f"There is no database at {path}.")
    if is_encrypted_file(path):
        return _encrypt_left_backups(args, path)
    password = administrator_password(args, "Encrypting")
    db = open_signed_in(args, password)
    try:
        with db.read(actor=args.actor) as session:
            access.check(session, "admin")
            others = accounts.other_active_accounts(session=session, username=args.actor.username)
    finally:
        db.dispose()
    db, kept = encrypt_clinic(open_clinic(args.database), args.actor.username, password)
    db.dispose()
    print(f"{path} is now encrypted; its key store is {keystore_path(path)} (keep a copy with the backups).")
    if kept is not None:
        print(f"The copy taken first is {kept}; it and the older backups are now encrypted with the same key.")
    for plain in plain_backups(path):
        print(f"warning: {plain} could not be encrypted and still holds the records in plain form; delete it.")
    if others:
        print("These accounts open the database once an administrator sets their password (alsdesk user passwd NAME):")
        print("  " + ", ".join(sorted(others)))
    return 0


def cmd_backup_sealed(args: argparse.Namespace, path: Path) -> Path:
    """`backup --encrypt -o FILE`: a checked plain copy in the database's private work folder,
    sealed with a passphrase into FILE (so only the passphrase is needed where it is restored,
    not this machine's key store)."""
    from alsdesk.app.keys import sealed_backup

    if not args.output:
        raise AlsdeskError("An encrypted backup goes to a file you name: add -o FILE.")
    return sealed_backup(path, Path(args.output), passphrase(confirm=True))


def _encrypt_left_backups(args: argparse.Namespace, path: Path) -> int:
    """`db encrypt` again on an encrypted clinic: encrypts any backup still plain beside it (one an
    earlier run could not encrypt), after the same sign-in as any command."""
    from alsdesk.app.keys import encrypt_left_backups, plain_backups
    from alsdesk.services import access

    if not plain_backups(path):
        raise AlsdeskError(f"{path} is already encrypted, and so are its backups.")
    db = open_signed_in(args)
    try:
        with db.read() as session:
            access.check(session, "admin")
    finally:
        db.dispose()
    left = encrypt_left_backups(path)
    if left is None:  # open_signed_in unlocked it; a plain database never gets here
        raise AlsdeskError(ENCRYPTED_NEEDS_USER)
    for plain in left:
        print(f"warning: {plain} could not be encrypted and still holds the records in plain form; delete it.")
    print(f"{path} was already encrypted; its plain backups are now encrypted with its key ({len(left)} left plain).")
    return 1 if left else 0


def add_encrypt_parser(db_sub: Any) -> None:
    db_sub.add_parser(
        "encrypt",
        help="encrypt this SQLite database and its backups (an administrator signs in; an encrypted "
        "pre-encrypt backup is kept; close alsdesk everywhere else first). On an encrypted database: "
        "encrypt any backup still plain",
    ).set_defaults(func=cmd_db_encrypt)
