"""`alsdesk export` and `alsdesk import`: patients with all their records, as JSON (sealed or plain)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from alsdesk.cli.common import add_choice, file_name, progress
from alsdesk.cli.crypt import passphrase, read_document
from alsdesk.cli.signin import with_session
from alsdesk.formats import EXPORT_FORMATS, IMPORT_FORMATS


def cmd_export(args: argparse.Namespace) -> int:
    from alsdesk.app.exchange_files import check_export_format, export_to_file

    mrns = None if args.all else [args.patient]
    check_export_format(args.format, mrns)  # refused before a passphrase is asked for
    secret = passphrase(confirm=True) if args.encrypt else None

    def export(session: Any) -> int:
        # The file appears once the export's audit entry has committed; sealed, nothing plain is written.
        return export_to_file(
            session, Path(args.output), mrns=mrns, passphrase=secret, progress=progress, export_format=args.format
        )

    n = int(with_session(True, export, args))
    print(f"Exported {n:,} patient(s) to {args.output}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from alsdesk import exchange
    from alsdesk.app.exchange_files import import_format

    document = read_document(Path(args.file))  # a sealed file's plain content only in this process's memory
    if (args.format or import_format(document)) == "fhir":
        return _import_fhir(args, document)
    result = with_session(True, lambda s: exchange.import_document(session=s, document=document), args)
    print(f"Imported {result.patients:,} patient(s) with {result.records:,} records and {result.staff} new staff.")
    for there, here in result.renumbered:
        print(f"  MRN {there} is another patient's here: given the MRN {here} (both find the patient).")
    if result.merged:
        print(
            f"Also merged {result.merged:,} patient(s) already here: {result.updated:,} records updated, "
            f"{result.conflicts:,} in conflict (see `alsdesk conflicts list`)."
        )
    return 0


def _import_fhir(args: argparse.Namespace, document: Any) -> int:
    from alsdesk.exchange.fhir.importing import import_bundle

    result = with_session(True, lambda s: import_bundle(session=s, document=document, accept_name_match=args.yes), args)
    by_id = sum(m.by == "identifier" for m in result.matched)
    print(
        f"Imported {result.created + len(result.matched):,} patient(s) from FHIR ({result.created:,} new, "
        f"{by_id:,} found by identifier, {len(result.matched) - by_id:,} by name and birth date) "
        f"with {result.records:,} new records; {result.present:,} already here were not added again."
    )
    for m in result.matched:
        if m.by != "identifier":
            print(f"  matched by name and birth date: {m.mrn} ({m.name}, born {m.birth_date})")
    if result.skipped:
        print(f"Not read ({sum(result.skipped.values()):,}):")
        for why, n in sorted(result.skipped.items()):
            print(f"  {n:,} {why}")
    return 0


def add_export_parser(sub: Any) -> None:
    ex = sub.add_parser(
        "export", help="write patients with all their records to a JSON file (alsdesk, FHIR R4 or an IPS)"
    )
    add_choice(ex, "--format", EXPORT_FORMATS, default="alsdesk")
    which = ex.add_mutually_exclusive_group(required=True)
    which.add_argument("--patient", metavar="MRN")
    which.add_argument("--all", action="store_true")
    ex.add_argument("-o", "--output", required=True, metavar="FILE", type=file_name)
    ex.add_argument(
        "--encrypt", action="store_true", help="seal the file with a passphrase (ALSDESK_PASSPHRASE or a prompt)"
    )
    ex.set_defaults(func=cmd_export)


def add_import_parser(sub: Any) -> None:
    im = sub.add_parser(
        "import", help="add the patients of an export file, alsdesk's own or a FHIR Bundle (all or nothing)"
    )
    im.add_argument("file", metavar="FILE")
    im.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        metavar="FORMAT",
        help=", ".join(IMPORT_FORMATS) + " (default: found from the file; a FHIR resourceType means fhir)",
    )
    im.add_argument(
        "--yes",
        action="store_true",
        help="FHIR: add the records to a patient found only by name and birth date (shown first without it)",
    )
    im.set_defaults(func=cmd_import)
