"""`alsdesk worklist`: what is due on a day (services.worklist, imported when run)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from alsdesk.cli.common import add_choice, clinic_day, pad, print_json
from alsdesk.cli.signin import with_session
from alsdesk.limits import printable
from alsdesk.vocab import DISCIPLINES


def cmd_worklist(args: argparse.Namespace) -> int:
    from alsdesk.services import worklist

    on = args.date or date.today()
    items = with_session(False, lambda s: worklist.worklist(session=s, on=on, discipline=args.discipline), args)
    if args.json:
        print_json(items)
        return 0
    current = None
    for item in items:
        if item.kind != current:
            current = item.kind
            count = sum(1 for i in items if i.kind == current)
            print(f"\n{worklist.KINDS[current]} ({count})")
        due = "" if item.kind == worklist.RESTRICTED else item.due_date.isoformat()  # not dated: as in the window
        name = printable(item.patient_name)
        print(f"  {pad(due, 10)}  {pad(printable(item.patient_mrn), 12)} {pad(name, 32)} {printable(str(item.reason))}")
    if not items:
        print(f"Nothing is due on {on}.")
    return 0


def add_worklist_parser(sub: Any) -> None:
    wl = sub.add_parser("worklist", help="what is due on a day")
    wl.add_argument("--date", type=clinic_day, metavar="YYYY-MM-DD", help="default: today")
    add_choice(wl, "--discipline", DISCIPLINES)
    wl.add_argument("--json", action="store_true")
    wl.set_defaults(func=cmd_worklist)
