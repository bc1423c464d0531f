"""`alsdesk demo`: fill an empty database with a synthetic clinic (alsdesk.demo, imported when run)."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.common import clinic_day, progress, whole_number
from alsdesk.cli.signin import open_signed_in


def cmd_demo(args: argparse.Namespace) -> int:
    """On a database without accounts, the demo makes them (one per role) in the same transaction;
    with accounts, an administrator loads it."""
    from alsdesk import demo

    db = open_signed_in(args, before_accounts=True)
    try:
        with db.write() as session:
            if args.actor is None:
                result, made = demo.load_demo_clinic(
                    session=session, patients=args.patients, seed=args.seed, anchor=args.anchor, progress=progress
                )
            else:
                result = demo.load_demo(
                    session=session, patients=args.patients, seed=args.seed, anchor=args.anchor, progress=progress
                )
                made = {}
    finally:
        db.dispose()
    print(
        f"Demo clinic loaded: {result.patients:,} patients, {result.records:,} records, {result.staff} staff "
        f"into {db.display_url}."
    )
    for username, (role, password) in made.items():
        print(f"  demo account {username:<8} role {role:<14} password {password}")
    return 0


def add_demo_parser(sub: Any) -> None:
    demo = sub.add_parser("demo", help="fill an empty database with a synthetic clinic")
    demo.add_argument("--patients", type=whole_number(0, 1_000_000), required=True, metavar="N")
    demo.add_argument("--seed", type=whole_number(-(2**63), 2**63 - 1), default=1, metavar="S")
    demo.add_argument(
        "--anchor",
        type=clinic_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the clinic is dated around (default: today)",
    )
    demo.set_defaults(func=cmd_demo)
