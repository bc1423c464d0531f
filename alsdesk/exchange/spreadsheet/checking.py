"""Every row of a patient list checked by the services' own field rules (services.patients), cell
by cell, and its possible duplicates found, in the file and in the database.

Cells are first read as the person meant them: Excel keeps numbers as floats (MRN 12345 arrives as
12345.0) and drops a phone number's leading zero; a choice may be its code or its label in English
or Chinese; a date may be a date cell or text YYYY-MM-DD (or YYYY/M/D)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange.spreadsheet.mapping import FIELDS
from alsdesk.exchange.spreadsheet.reading import Sheet
from alsdesk.i18n.labels import code_text
from alsdesk.models import Patient, PatientSearchKey
from alsdesk.services import patients as patient_rules
from alsdesk.services import search
from alsdesk.services.common import parse_date
from alsdesk.vocab import EL_ESCORIAL, GENETICS, LANGUAGES, ONSET_REGION, PATIENT_STATUS, SEX

DATES = frozenset({"birth_date", "onset_date", "diagnosis_date"})
PHONES = frozenset({"phone", "caregiver_phone"})
CHOICES: dict[str, tuple[str, ...]] = {
    "sex": SEX,
    "language": LANGUAGES,
    "status": PATIENT_STATUS,
    "onset_region": ONSET_REGION,
    "el_escorial": EL_ESCORIAL,
    "genetics": GENETICS,
}
# Choices left empty take registration's default (services.patients.with_defaults).
DEFAULTED = frozenset({"language", "status", "genetics"})
_CHOICE_WORDS = {
    name: {
        word: code
        for code in codes
        for w in (code, code_text(code, "en"), code_text(code, "zh_CN"))
        for word in (w, search.fold(w))
    }
    for name, codes in CHOICES.items()
}
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
BATCH = 500
PROGRESS_EVERY = 500  # rows checked between progress reports


@dataclass(frozen=True)
class Problem:
    """Why a row is refused: the cell (row number as the spreadsheet shows it, column header)
    and the services' own message."""

    row: int
    header: str
    error: DomainError

    def __str__(self) -> str:
        return f"Row {self.row}, column {self.header!r}: {self.error}"


@dataclass(frozen=True)
class Duplicate:
    """A row that may be a patient already known: `kind` is what matched (mrn, phone, name and
    birth date, pinyin), `other` the row number in the file or the MRN in the database."""

    row: int
    kind: str
    other: str
    in_database: bool


@dataclass
class Preview:
    """What an import would do: rows to add (checked values by row number), rows refused (every
    problem), possible duplicates (shown, not refused)."""

    sheet: Sheet
    columns: dict[int, str]
    rows: dict[int, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def refused_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


def preview(
    session: Session, sheet: Sheet, columns: dict[int, str], progress: Callable[[int, int], None] | None = None
) -> Preview:
    """Check every row, and find duplicates of the good ones (an MRN already used refuses its row).
    `progress(done, total)` is called every PROGRESS_EVERY rows (a window's cancel raises there)."""
    result = Preview(sheet, columns)
    headers = {name: sheet.headers[i] for i, name in columns.items()}
    for k, (number, cells) in enumerate(zip(sheet.row_numbers, sheet.rows, strict=True)):
        if progress is not None and k % PROGRESS_EVERY == 0:
            progress(k, len(sheet.rows))
        values, problems = _check_row(number, cells, columns, headers, sheet.blank_formulas)
        if problems:
            result.problems += problems
        else:
            result.rows[number] = values
    _find_duplicates(session, result, headers["mrn"])
    result.problems.sort(key=lambda p: (p.row, list(headers.values()).index(p.header)))
    return result


def _check_row(
    number: int, cells: list[Any], columns: dict[int, str], headers: dict[str, str], formulas: set[tuple[int, int]]
) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for i, name in columns.items():
        try:
            if (number, i) in formulas:
                raise DomainError(
                    "{what} is a formula saved without its value: enter the value itself.", what=FIELDS[name]
                )
            value = cell_value(name, cells[i])
            if value is not None or name not in DEFAULTED:
                values[name] = patient_rules.FIELD_RULES[name](value)
        except DomainError as err:
            problems.append(Problem(number, headers[name], err))
    if problems:
        return values, problems
    patient_rules.with_defaults(values)
    try:
        patient_rules.check_consistency(values)
    except patient_rules.Inconsistent as err:
        problems.append(Problem(number, headers.get(err.field, headers["birth_date"]), err))
    return values, problems


def cell_value(name: str, cell: Any) -> Any:
    """A cell as its field's rule takes it (a blank cell: "" for text, None otherwise)."""
    if isinstance(cell, str):
        cell = cell.strip()
    if name in DATES:
        return _date(cell, FIELDS[name])
    if name in PHONES and isinstance(cell, (int, float)) and not isinstance(cell, bool):  # an .xls may give ints
        return phone_from_number(float(cell), FIELDS[name])
    if name in CHOICES:
        if not isinstance(cell, str) or not cell:
            return None
        words = _CHOICE_WORDS[name]
        return words.get(cell) or words.get(search.fold(cell), cell)  # most cells are written as the code or label
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, (int, date)):  # bool is an int: text it, and the rule says what it must be
        return str(cell)
    return "" if cell is None else cell


def _date(cell: Any, what: str) -> Any:
    if isinstance(cell, datetime):
        return cell.date() if cell.time() == datetime.min.time() else cell
    if isinstance(cell, str):
        if not cell:
            return None
        slashed = _SLASHED.match(cell)
        text = f"{slashed[1]}-{int(slashed[2]):02d}-{int(slashed[3]):02d}" if slashed else cell
        return parse_date(text, what)
    return cell if cell != "" else None


def phone_from_number(cell: float, what: str) -> str:
    """A phone Excel kept as a number, as text. An 11-digit number starting with 1 is a mainland
    mobile and a 7- or 8-digit one a local number: both as they are. A mainland landline with its
    area code loses its trunk 0: 10 digits starting with 10 or 2 (010, 02X and 8 digits) or 10 to
    11 digits starting with 3 to 9 (0XXX and 7 or 8 digits) get it back. Anything else cannot be
    told apart, and is refused: the column must be text."""
    digits = str(int(cell)) if cell.is_integer() and cell > 0 else ""
    n = len(digits)
    if (n == 11 and digits[0] == "1") or n in (7, 8):
        return digits
    if (n == 10 and (digits.startswith("10") or digits[0] == "2")) or (n in (10, 11) and digits[0] in "3456789"):
        return "0" + digits
    raise DomainError(
        "{what} {value!r} was saved as a number, so its leading zeros may be lost: format the column as text.",
        what=what,
        value=str(int(cell)) if cell.is_integer() else repr(cell),  # as the sheet shows it, not Python's 123456.0
    )


@lru_cache(maxsize=65536)
def pinyin(name_zh: str) -> str:
    """A Chinese name's full pinyin without spaces (the search keys' own: search.pinyin_keys);
    cached, as names repeat in a list (pypinyin takes some 20 µs a name)."""
    keys = [k for k in search.pinyin_keys(name_zh) if " " not in k]
    return max(keys, key=len) if keys else ""


def _phone_key(phone: str) -> str | None:
    digits = search.digits(phone)
    return digits if len(digits) >= 5 else None


# What makes two patients possibly one: the key of a row's values for each kind.
KEYS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "mrn": lambda v: v["mrn"].lower(),
    "phone": lambda v: _phone_key(v.get("phone", "")),
    "name and birth date": lambda v: (search.sort_key(v["family_name"], v["given_name"]), v["birth_date"]),
    "pinyin": lambda v: pinyin(v.get("name_zh", "")) or None,
}


def _find_duplicates(session: Session, result: Preview, mrn_header: str) -> None:
    keyed = {kind: {n: key(v) for n, v in result.rows.items()} for kind, key in KEYS.items()}
    for kind, by_row in keyed.items():
        first: dict[Any, int] = {}
        for number, key in by_row.items():
            if key is None:
                continue
            if key in first:
                result.duplicates.append(Duplicate(number, kind, str(first[key]), False))
            else:
                first[key] = number
    for kind, number, mrn in _in_database(session, keyed):
        result.duplicates.append(Duplicate(number, kind, mrn, True))
    # An MRN is one patient's: used twice in the file or already here, the row cannot be added.
    taken = [d for d in result.duplicates if d.kind == "mrn"]
    mrns = {d.row: result.rows[d.row]["mrn"] for d in taken}
    for d in taken:
        if d.in_database:
            err = DomainError("MRN {mrn} is already used in the database.", mrn=mrns[d.row])
        else:
            err = DomainError("MRN {mrn} is already used in row {other}.", mrn=mrns[d.row], other=d.other)
        result.problems.append(Problem(d.row, mrn_header, err))
        result.rows.pop(d.row, None)
    result.duplicates = sorted((d for d in result.duplicates if d.kind != "mrn"), key=lambda d: d.row)


def _in_database(session: Session, keyed: dict[str, dict[int, Any]]) -> Iterable[tuple[str, int, str]]:
    """(kind, row number, the patient's MRN) for every row matching a patient in the database."""
    sought: dict[str, tuple[Any, Callable[[Any], Any]]] = {
        "mrn": (sa.func.lower(Patient.mrn), lambda p: p.mrn.lower()),
        "name and birth date": (Patient.sort_key, lambda p: (p.sort_key, p.birth_date)),
    }
    for kind, (column, key_of) in sought.items():
        rows_by_key = _rows_by_key(keyed[kind])
        wanted = sorted({k[0] if isinstance(k, tuple) else k for k in rows_by_key})
        for start in range(0, len(wanted), BATCH):
            stmt = sa.select(Patient.mrn, Patient.sort_key, Patient.birth_date).where(
                column.in_(wanted[start : start + BATCH])
            )
            for p in session.execute(stmt):
                for number in rows_by_key.get(key_of(p), []):
                    yield kind, number, p.mrn
    # Phone digits and pinyin are among a patient's search keys (services.search.search_keys).
    for kind in ("phone", "pinyin"):
        rows_by_key = _rows_by_key(keyed[kind])
        keys = sorted(rows_by_key)
        for start in range(0, len(keys), BATCH):
            found = (
                sa.select(PatientSearchKey.key, Patient.mrn)
                .join(Patient, Patient.id == PatientSearchKey.patient_id)
                .where(PatientSearchKey.key.in_(keys[start : start + BATCH]))
            )
            for key, mrn in session.execute(found):
                for number in rows_by_key[key]:
                    yield kind, number, mrn


def _rows_by_key(by_row: dict[int, Any]) -> dict[Any, list[int]]:
    rows: dict[Any, list[int]] = {}
    for number, key in by_row.items():
        if key is not None:
            rows.setdefault(key, []).append(number)
    return rows
