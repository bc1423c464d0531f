"""`alsdesk import-patients`: a clinic's patient list from a spreadsheet (xlsx, xls, csv), all
rows or none; `--dry-run` shows what would happen, `--errors` writes the refused rows, and
`--template` writes a blank workbook to fill in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from alsdesk.cli.common import file_name
from alsdesk.cli.signin import with_session


def cmd_import_patients(args: argparse.Namespace) -> int:
    from alsdesk.app import spreadsheet

    if args.template:
        spreadsheet.write_template(Path(args.template))
        print(f"Wrote a blank patient list to {args.template}.")
        return 0
    if not args.file:
        print("alsdesk: import-patients needs a FILE (.xlsx, .xls or .csv), or --template FILE.", file=sys.stderr)
        return 1
    path = Path(args.file)
    given = spreadsheet.read_mapping(Path(args.mapping)) if args.mapping else None

    errors = Path(args.errors) if args.errors else None

    def run(session: Any) -> Any:
        if args.dry_run:
            return spreadsheet.preview_file(session=session, path=path, given=given)
        return spreadsheet.import_patients(session=session, path=path, given=given, errors=errors)

    found = with_session(not args.dry_run, run, args)
    sheet = found.sheet
    read_as = f" (CSV, {sheet.encoding})" if sheet.encoding else ""
    print(f"Read {len(sheet.rows):,} row(s) from {path.name}{read_as}.")
    if errors is not None and found.problems:
        spreadsheet.write_errors(found, errors)
    if not args.dry_run:
        print(f"Imported {len(found.rows):,} patient(s).")
    else:
        print(f"Rows to add: {len(found.rows):,}")
        for number, v in found.rows.items():
            print(f"  row {number}: {v['mrn']}  {v['family_name'].upper()}, {v['given_name']}  {v['birth_date']}")
        print(f"Rows refused: {len(found.refused_rows):,}")
        for problem in found.problems:
            print(f"  {problem}")
    print(f"Possible duplicates: {len(found.duplicates):,}")
    for d in found.duplicates:
        where = f"patient {d.other} in the database" if d.in_database else f"row {d.other}"
        print(f"  row {d.row}: same {d.kind} as {where}")
    if found.problems:
        print(f"alsdesk: nothing would be imported; first bad cell: {found.problems[0]}", file=sys.stderr)
        return 1
    return 0


def workbook_name(text: str) -> str:
    """A workbook to write (the refused rows, the template): an .xlsx name, so that a spreadsheet
    program opens it as what it is (an .xlsx written as `refused.csv` opens as garbage)."""
    name = file_name(text)
    if not name.lower().endswith(".xlsx"):
        raise argparse.ArgumentTypeError(f"{name!r} is written as an Excel workbook: give it a name ending in .xlsx")
    return name


def add_import_patients_parser(sub: Any) -> None:
    ip = sub.add_parser(
        "import-patients", help="add a clinic's patient list from a spreadsheet (.xlsx, .xls, .csv; all or nothing)"
    )
    ip.add_argument("file", metavar="FILE", nargs="?", help="the patient list (its first sheet; the first row headers)")
    ip.add_argument(
        "--mapping",
        metavar="FILE.json",
        help="a JSON object from column header to field name (saved for the clinic; default: the saved one)",
    )
    ip.add_argument("--dry-run", action="store_true", help="show rows to add, rows refused and possible duplicates")
    ip.add_argument("--errors", metavar="FILE.xlsx", type=workbook_name, help="write every refused row and why")
    ip.add_argument("--template", metavar="FILE.xlsx", type=workbook_name, help="write a blank patient list and stop")
    ip.set_defaults(func=cmd_import_patients)
