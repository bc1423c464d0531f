"""`alsdesk user add|update|passwd|disable|enable|list`: staff accounts from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from alsdesk.cli.common import add_choice, print_json
from alsdesk.cli.passwords import password_from
from alsdesk.cli.signin import open_signed_in, with_session
from alsdesk.errors import AlsdeskError
from alsdesk.limits import printable
from alsdesk.vocab import DISCIPLINES, ROLES


def cmd_user_add(args: argparse.Namespace) -> int:
    from alsdesk.app import grant_key
    from alsdesk.services import accounts

    db = open_signed_in(args, before_accounts=True)
    try:
        first = args.actor is None  # no accounts yet: this one must be the first administrator
        if first and args.role != "administrator":
            raise AlsdeskError(
                f"No administrator yet: the first account must be one (`alsdesk user add {args.name} "
                "--role administrator`)."
            )
        # The first administrator's password is ALSDESK_PASSWORD; later ones are the new account's.
        env = "ALSDESK_PASSWORD" if first else "ALSDESK_NEW_PASSWORD"
        password = password_from(env, f"Password for the new account {args.name}: ")
        with db.write() as session:
            made = accounts.create_account(
                session=session,
                username=args.name,
                display_name=args.display_name or args.name,
                role=args.role,
                discipline=args.discipline,
                password=password,
                phone=args.phone or "",
                job_title=args.job_title or "",
                job_title_zh=args.job_title_zh or "",
            )
            grant_key(db, session, made.username, password)  # in the transaction: no key store, no account
    finally:
        db.dispose()
    print(f"Account {made.username} ({made.role}) created.")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from alsdesk.app import grant_key
    from alsdesk.services import accounts

    db = open_signed_in(args)
    try:
        password = password_from("ALSDESK_NEW_PASSWORD", f"New password for {args.name}: ")
        with db.write() as session:
            found = accounts.account_state(session=session, username=args.name.lower())
            if found is None:
                raise AlsdeskError(f"There is no account {args.name!r}.")
            accounts.change_password(session=session, staff_id=found.staff_id, password=password)
            # An encrypted database: the same key, wrapped anew (not for a disabled account); the
            # data is not re-encrypted.
            granted = grant_key(db, session, args.name, password)
    finally:
        db.dispose()
    print(f"Password of {args.name} changed.")
    if not granted and _is_encrypted(args):
        print(
            f"{args.name} is disabled, so this password does not open the encrypted database; an administrator "
            f"enabling the account (alsdesk user enable {args.name}) gives it the key again."
        )
    return 0


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from alsdesk.app import grant_key, revoke_key
    from alsdesk.services import access, accounts

    db = open_signed_in(args)
    try:
        with db.read() as session:
            access.check(session, "admin")  # before asking anything
            row = accounts.account_state(session=session, username=args.name)
        if active and row is not None and row.active:  # (disabling again still removes a key copy)
            print(f"Account {args.name} is already enabled.")
            return 0
        # A disabled account lost its copy of an encrypted database's key, and its old password
        # must not bring it back: enabling it sets a new one and wraps the key with that.
        password = None
        if active and row is not None and _is_encrypted(args):
            password = password_from("ALSDESK_NEW_PASSWORD", f"New password for {args.name}: ")
        with db.write(actor=args.actor) as session:
            accounts.set_active(session=session, username=args.name, active=active)
            if password is not None and row is not None:
                accounts.change_password(session=session, staff_id=row.staff_id, password=password)
                grant_key(db, session, args.name, password)
            # A disabled account loses its copy of an encrypted database's key, so its password
            # no longer opens the file.
            revoked = revoke_key(db, args.name) if not active else False
    finally:
        db.dispose()
    print(f"Account {args.name} {'enabled' if active else 'disabled'}.")
    if password is not None:
        print(f"{args.name} opens the encrypted database with the new password.")
    elif revoked:
        print(f"{args.name}'s copy of the database key was removed.")
    return 0


def _is_encrypted(args: argparse.Namespace) -> bool:
    from alsdesk.app import is_encrypted

    return is_encrypted(args.database)


def cmd_user_update(args: argparse.Namespace) -> int:
    from alsdesk.services import clinic

    if args.phone is None and args.job_title is None and args.job_title_zh is None:
        raise AlsdeskError("Nothing to update: give --phone, --job-title or --job-title-zh.")
    made = with_session(
        True,
        lambda s: clinic.update_staff(
            session=s, username=args.name, phone=args.phone, job_title=args.job_title, job_title_zh=args.job_title_zh
        ),
        args,
    )
    print(f"Account {made.username}: job title {made.job_title or '-'}, phone {made.phone or '-'}.")
    if made.job_title_zh:
        print(f"Job title in Chinese: {printable(made.job_title_zh)}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from alsdesk.services import clinic

    rows: Any = with_session(False, lambda s: clinic.list_staff(session=s, include_inactive=True), args)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        state = "" if r.active else "  (disabled)"
        name = printable(r.display_name)
        print(f"{printable(r.username):<16} {r.role:<14} {r.discipline:<24} {name}{state}", file=sys.stdout)
    return 0


def _contact_options(parser: Any) -> None:
    """What handouts and letters print of a staff member (not the access role or discipline)."""
    parser.add_argument("--phone", metavar="TEXT", help="a phone number patients and colleagues may call")
    parser.add_argument("--job-title", metavar="TEXT", help='e.g. "ALS specialist nurse"')
    parser.add_argument("--job-title-zh", metavar="TEXT", help="the job title in Chinese, for documents in Chinese")


def add_user_parser(sub: Any) -> None:

    users = sub.add_parser("user", help="staff accounts").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    add = users.add_parser("add", help="create an account (the first must be an administrator)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name")
    add_choice(add, "--discipline", DISCIPLINES, default="administration")
    _contact_options(add)
    add.set_defaults(func=cmd_user_add)
    update = users.add_parser("update", help="change a staff member's phone or job title")
    update.add_argument("name", metavar="NAME")
    _contact_options(update)
    update.set_defaults(func=cmd_user_update)
    passwd = users.add_parser("passwd", help="set a new password (ALSDESK_NEW_PASSWORD or a prompt)")
    passwd.add_argument("name", metavar="NAME")
    passwd.set_defaults(func=cmd_user_passwd)
    disable = users.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("name", metavar="NAME")
    disable.set_defaults(func=lambda a: _set_active(a, False))
    enable = users.add_parser(
        "enable",
        help="let a disabled account sign in again (an encrypted database: with a new password, "
        "ALSDESK_NEW_PASSWORD or a prompt)",
    )
    enable.add_argument("name", metavar="NAME")
    enable.set_defaults(func=lambda a: _set_active(a, True))
    lst = users.add_parser("list", help="all staff accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_user_list)
