"""`alsdesk backup` and `alsdesk restore`: checked copies of the SQLite file, plain or sealed."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from alsdesk.cli.common import file_name
from alsdesk.cli.crypt import cmd_backup_sealed, opened_backup
from alsdesk.cli.passwords import unlock_file
from alsdesk.cli.signin import open_signed_in, sqlite_file
from alsdesk.errors import AlsdeskError, DatabaseLocked, StorageError

log = logging.getLogger("alsdesk.cli")  # the logger `-v` named before the CLI became a package


def cmd_backup(args: argparse.Namespace) -> int:
    from alsdesk.app import backup_clinic
    from alsdesk.app.files import take_backup

    path = sqlite_file(args)
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
    from alsdesk.services import access

    if not target.exists() or target.stat().st_size == 0:
        return
    try:
        db = open_signed_in(args, before_accounts=True)
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

    target = sqlite_file(args)
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


def add_backup_parsers(sub: Any) -> None:
    bk = sub.add_parser("backup", help="a checked copy of the SQLite database (into backups/, thinned)")
    bk.add_argument("-o", "--output", metavar="FILE", type=file_name, help="write the copy here instead")
    bk.add_argument("--encrypt", action="store_true", help="seal the copy with a passphrase (needs -o FILE)")
    bk.set_defaults(func=cmd_backup)
    rs = sub.add_parser("restore", help="replace the SQLite database with a verified backup")
    rs.add_argument("file", metavar="FILE")
    rs.add_argument("--yes", action="store_true", help="do not ask before replacing")
    rs.set_defaults(func=cmd_restore)
