"""Workbooks written for the person importing (openpyxl): the refused rows with why, and a blank
template whose headers map by themselves."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from alsdesk.exchange.spreadsheet.checking import Preview
from alsdesk.exchange.spreadsheet.mapping import FIELDS


def write_errors(preview: Preview, path: Path) -> int:
    """Every refused row as the file had it, after its row number and the problems with it;
    returns how many rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.title = "Refused rows"
    sheet.append(["Row", "Problems", *preview.sheet.headers])
    why: dict[int, list[str]] = defaultdict(list)
    for p in preview.problems:
        why[p.row].append(f"{p.header}: {p.error}")
    cells = dict(zip(preview.sheet.row_numbers, preview.sheet.rows, strict=True))
    for row in sorted(why):
        sheet.append([row, "; ".join(why[row]), *cells[row]])
    book.save(path)
    return len(why)


def write_template(path: Path) -> None:
    """A sheet with one header per field (its English label), every column text so that numbers
    keep their leading zeros."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Patients"
    sheet.append(list(FIELDS.values()))
    for i in range(1, len(FIELDS) + 1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = 18
        sheet.column_dimensions[letter].number_format = "@"
    book.save(path)
