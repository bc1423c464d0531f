"""A patient list read from a workbook (xlsx, xls: python-calamine) or a CSV file (its encoding
detected): a header row and the rows under it, each cell as the file typed it."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from alsdesk.errors import DomainError

WORKBOOK_SUFFIXES = (".xlsx", ".xls")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
# Tried in this order: a BOM says UTF-8 outright; GB18030 (a superset of GBK and GB2312, what
# Excel and WPS save "CSV" as on a Chinese Windows) is the fallback when the bytes are not UTF-8.
ENCODINGS = (("utf-8-sig", "UTF-8 with BOM"), ("utf-8", "UTF-8"), ("gb18030", "GB18030"))
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class Sheet:
    """The header row and the rows under it; `row_numbers[i]` is rows[i]'s number as the
    spreadsheet shows it (1 is the header), `blank_formulas` the (row number, column index) of
    formula cells saved without a value, `encoding` a CSV file's (None for a workbook)."""

    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    blank_formulas: set[tuple[int, int]] = field(default_factory=set)
    encoding: str | None = None


def read_sheet(path: Path) -> Sheet:
    """The first sheet of a workbook, or a CSV file; refused in words if it is neither."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError("{path}: a patient list is an .xlsx, .xls or .csv file.", path=path.name)
    try:
        if suffix == ".csv":
            text, encoding = decode(path.read_bytes())
            return _sheet(list(csv.reader(io.StringIO(text, newline=""))), encoding=encoding)
        from python_calamine import CalamineError, CalamineWorkbook

        try:
            with CalamineWorkbook.from_path(str(path)) as book:
                cells = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except CalamineError as err:
            raise DomainError("{path} cannot be read as a workbook ({reason}).", path=path.name, reason=err) from err
        sheet = _sheet(cells)
        if suffix == ".xlsx":
            sheet.blank_formulas = _blank_formulas(path)
        return sheet
    except OSError as err:
        raise DomainError("Cannot read {path}: {reason}.", path=path, reason=err.strerror or err) from err


def decode(data: bytes) -> tuple[str, str]:
    """A CSV file's text and the name of the encoding it was read with."""
    for codec, name in ENCODINGS:
        if codec == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise DomainError("The CSV file is not UTF-8 or GB18030 text: save it from the spreadsheet as CSV UTF-8.")


def _sheet(cells: list[list[Any]], encoding: str | None = None) -> Sheet:
    if not cells or not any(_filled(c) for c in cells[0]):
        raise DomainError("The first row of the sheet must hold the column headers; it is empty.")
    headers = [_header(c) for c in cells[0]]
    rows, numbers = [], []
    for number, row in enumerate(cells[1:], start=2):
        if any(_filled(c) for c in row):  # a blank line is no patient
            rows.append(row + [""] * (len(headers) - len(row)))
            numbers.append(number)
    return Sheet(headers, rows, numbers, encoding=encoding)


def _filled(cell: Any) -> bool:
    return not (cell is None or (isinstance(cell, str) and not cell.strip()))


def _header(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def _blank_formulas(path: Path) -> set[tuple[int, int]]:
    """Formula cells of the first sheet saved with no value (a workbook written by a program that
    does not calculate): calamine reads them as empty, so they are found in the sheet's XML."""
    with zipfile.ZipFile(path) as z:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        first = book.find(f"{_MAIN}sheets/{_MAIN}sheet")
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        if first is None:
            return set()
        rel_id = first.get(f"{_REL}id")
        target = next((r.get("Target", "") for r in rels if r.get("Id") == rel_id), "")
        name = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        data = z.read(name)
    if b"<f" not in data and b":f" not in data:
        return set()
    found = set()
    for _event, cell in ElementTree.iterparse(io.BytesIO(data)):
        if cell.tag != f"{_MAIN}c":
            continue
        value = cell.find(f"{_MAIN}v")
        if cell.find(f"{_MAIN}f") is not None and (value is None or not (value.text or "").strip()):
            ref = _CELL.match(cell.get("r", ""))
            if ref:
                found.add((int(ref[2]), _column_index(ref[1])))
        cell.clear()
    return found


def _column_index(letters: str) -> int:
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1
