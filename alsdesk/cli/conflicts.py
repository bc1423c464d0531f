"""`alsdesk conflicts list|resolve`: records changed here and at another clinic, kept by a merge
for a person to choose between (docs/export-format.md, "Merging")."""

from __future__ import annotations

import argparse
from typing import Any

from alsdesk.cli.common import add_choice, print_json
from alsdesk.cli.signin import with_session

KEEP = ("local", "incoming")  # exchange.conflicts.KEEP, without importing the services for --help


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from alsdesk.exchange import conflicts

    rows: Any = with_session(False, lambda s: conflicts.list_conflicts(session=s, include_resolved=args.all), args)
    if args.json:
        print_json([{**vars(c), "differing": c.differing} for c in rows])
        return 0
    if not rows:
        print("No conflicts." if args.all else "No open conflicts.")
    for c in rows:
        state = f"  ({c.kept} kept by {c.resolved_by})" if c.kept else ""
        print(f"{c.id}  {c.patient_mrn}  {c.table}  from site {c.incoming_site or '-'}{state}")
        for field in c.differing:
            print(f"    {field}: here {c.local.get(field)!r}, there {c.incoming.get(field)!r}")
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from alsdesk.exchange import conflicts

    with_session(True, lambda s: conflicts.resolve(session=s, conflict_id=args.id, keep=args.keep), args)
    print(f"Conflict {args.id}: {'this clinic' if args.keep == 'local' else 'the other clinic'}'s version kept.")
    return 0


def add_conflicts_parser(sub: Any) -> None:
    group = sub.add_parser(
        "conflicts", help="records changed here and at another clinic since a transfer, to choose between"
    ).add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    lst = group.add_parser("list", help="open conflicts, each with the fields that differ")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--all", action="store_true", help="resolved ones too")
    lst.set_defaults(func=cmd_conflicts_list)
    res = group.add_parser("resolve", help="keep one side of a conflict (audited)")
    res.add_argument("id", metavar="ID")
    add_choice(res, "--keep", KEEP, required=True)
    res.set_defaults(func=cmd_conflicts_resolve)
