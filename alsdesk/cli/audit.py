"""`alsdesk audit`: verify, accept and export the audit trail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from alsdesk.cli.common import file_name
from alsdesk.cli.signin import open_signed_in, with_session


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from alsdesk.services import access, audit

    db = open_signed_in(args)
    try:
        with db.read() as session:
            access.check(session, "audit.read")
            result = audit.verify(session=session, key=db.audit_key, anchors=db.audit_anchors())
    finally:
        db.dispose()
    if result.ok:
        print(f"Audit trail intact: {result.entries:,} entries verified.")
        return 0
    print(f"alsdesk: AUDIT TRAIL TAMPERED: {result.problem}.", file=sys.stderr)
    return 1


def cmd_audit_export(args: argparse.Namespace) -> int:
    from alsdesk.services import audit_log

    def export(session: Any) -> int:  # the file appears once the export's audit entry has committed
        return audit_log.export_csv(
            session=session, path=Path(args.output), mrn=args.patient, username=args.user_filter, action=args.action
        )

    n = int(with_session(True, export, args))
    print(f"Exported {n:,} audit entries to {args.output}.")
    return 0


def cmd_audit_accept(args: argparse.Namespace) -> int:
    from alsdesk.app import audit_anchor
    from alsdesk.services import audit

    db = open_signed_in(args)
    try:
        with db.write() as session:
            was = audit.accept_trail(session=session)
        anchor = audit_anchor(db)
    finally:
        db.dispose()
    seen = f"; it had seen entry {was.seq}" if was else ""
    now = f"entry {anchor.seq}" if anchor else "its last entry"
    print(f"Audit trail accepted as it ends now: this workstation anchors at {now}{seen}.")
    return 0


def add_audit_parser(sub: Any) -> None:
    au = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    au.add_parser(
        "verify", help="check the HMAC chain and its anchors; exit 1 naming the first tampered entry"
    ).set_defaults(func=cmd_audit_verify)
    au.add_parser(
        "accept",
        help="accept the trail as it now ends after a rollback you know of (recorded; administrators)",
    ).set_defaults(func=cmd_audit_accept)
    ae = au.add_parser("export", help="write the entries matching the filters to a CSV file, oldest first (audited)")
    ae.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    ae.add_argument("--patient", metavar="MRN", help="only this patient's entries")
    ae.add_argument("--by", dest="user_filter", metavar="NAME", help="only this staff member's entries")
    ae.add_argument("--action", metavar="ACTION", help="only entries of this action (e.g. view, export)")
    ae.set_defaults(func=cmd_audit_export)
