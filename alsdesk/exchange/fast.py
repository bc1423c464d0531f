"""The fast path of import: a file with nothing wrong checked and converted a whole column at a
time, several times faster than the validator's row by row (validate.py).

Each check here takes a column's values and returns them decoded exactly as the validator would,
or None as soon as any value is not plainly valid: the validator then reads the file again and
names the first bad field, so a file is refused with the validator's own words. A check here may
refuse what the validator accepts (that only costs time), never the reverse, and never decodes a
value differently: tests/unit/test_exchange_fast_path.py checks that on generated files.
"""

from __future__ import annotations

import itertools
import math
import operator
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.exchange import uuids
from alsdesk.exchange.format import IMPORTED_AS, RECORD_TABLES, Columns, ImportFileError, exported_columns
from alsdesk.exchange.validate import ENTRY_RULES, SEMANTIC_TABLES, Decoder, TableCodec, semantic_checks, whole_range
from alsdesk.limits import unsafe_character
from alsdesk.models.assessment import item_column
from alsdesk.models.base import UTCDateTime
from alsdesk.services import assessments, scoring
from alsdesk.services.common import Check, NotBefore, RowCheck, Text

_NONE = type(None)


def _types_within(values: tuple[Any, ...], nullable: bool, allowed: frozenset[type]) -> bool:
    types = set(map(type, values))
    return types <= allowed or (nullable and types <= allowed | {_NONE})


def _check_key(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # Primary keys: canonical text only here (then equal text means equal id); others go row by row.
    if not _types_within(values, False, frozenset((str,))) or not uuids.all_canonical(values):
        return None
    return list(map(uuids.of_canonical, values))


def _check_memoised(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # References, dates, moments and choices: text values that repeat, each decoded once.
    if memo is None:
        return _check_each(values, nullable, decode, memo)
    if not _types_within(values, nullable, frozenset((str,))):
        return None
    for v in set(values):
        if v is not None and v not in memo:
            try:
                memo[v] = decode(v)
            except ValueError:
                return None
    return list(map(memo.get, values))


def _check_text(values: tuple[Any, ...], nullable: bool, decode: Decoder, limit: Any) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((str,))):
        return None
    text = [v for v in values if v is not None] if None in values else values
    if unsafe_character("".join(text)) or (limit and max(map(len, text), default=0) > limit):
        return None
    return list(values)


def _check_whole(values: tuple[Any, ...], nullable: bool, low: int, high: int) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((int,))):  # type() is int: never a bool
        return None
    nums = [v for v in values if v is not None] if None in values else values
    if nums and not (low <= min(nums) and max(nums) <= high):
        return None
    return list(values)


def _check_number(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((int, float))):
        return None
    nums = [v for v in values if v is not None] if None in values else values
    try:
        if not all(map(math.isfinite, nums)):
            return None
    except OverflowError:
        return None
    return [None if v is None else float(v) for v in values]


def _check_flag(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    return list(values) if _types_within(values, nullable, frozenset((bool,))) else None


def _check_each(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # Numbers and flags: the decoder on every value (no memo: 1, 1.0 and True are equal keys).
    if None in values and not nullable:
        return None
    try:
        return [None if v is None else decode(v) for v in values]
    except ValueError:
        return None


def _column_check(col: sa.Column[Any]) -> Callable[..., list[Any] | None]:
    t = col.type
    if col.primary_key and isinstance(t, sa.Uuid):
        return _check_key
    if type(t) in (sa.Uuid, UTCDateTime, sa.Date, sa.Enum):
        return _check_memoised
    if isinstance(t, sa.String) and not isinstance(t, sa.Enum):
        limit = t.length
        return lambda values, nullable, decode, memo: _check_text(values, nullable, decode, limit)
    if isinstance(t, sa.Boolean):
        return _check_flag
    if isinstance(t, sa.Integer):
        low, high = whole_range(t)
        return lambda values, nullable, decode, memo: _check_whole(values, nullable, low, high)
    if isinstance(t, sa.Float):
        return _check_number
    return _check_each


_CHECKS: dict[str, list[Callable[..., list[Any] | None]]] = {}


def _checks(table: sa.Table) -> list[Callable[..., list[Any] | None]]:
    """The column checks of `table`'s exported columns, in the order of its codec's decoders."""
    if table.name not in _CHECKS:
        _CHECKS[table.name] = [_column_check(c) for c in exported_columns(table)]
    return _CHECKS[table.name]


def decode_table(codec: TableCodec, rows: list[Any]) -> list[list[Any]] | None:
    """The fields of every row, decoded column by column; None if any field at all is not plainly
    valid (the caller then decodes row by row, which names the first bad field)."""
    names = codec.names
    try:
        if not all(map(operator.eq, map(dict.keys, rows), itertools.repeat(names))):
            return None
    except TypeError:  # a row that is not an object
        return None
    if not rows:
        return [[] for _ in codec.columns]
    raw = zip(*map(operator.itemgetter(*codec.columns), rows), strict=True)
    out = []
    for (_name, nullable, decode, memo), check, values in zip(codec.decoders, _checks(codec.table), raw, strict=True):
        decoded = check(values, nullable, decode, memo)
        if decoded is None:
            return None
        out.append(decoded)
    return out


def decode_patients(
    patients_doc: list[Any],
    patient_codec: TableCodec,
    codecs: dict[str, TableCodec],
    staff_ids: set[uuid.UUID],
    progress: Callable[[int, int], None] | None,
) -> tuple[list[dict[str, Any]], dict[str, Columns]] | None:
    """The checks of validate.decode_rows, a whole column of a table at a time (several times faster).

    Returns None as soon as anything at all is wrong, without saying what: the row-by-row pass then
    finds the first bad field, so messages and paths are exactly its own. Ids are compared as their
    canonical text (the key check accepts no other form), references and owners by text equality.
    """
    raw_patients: list[Any] = []
    raw: dict[str, list[Any]] = {name: [] for name in codecs}
    owners: dict[str, list[Any]] = {name: [] for name in codecs}  # the patient's id text, per record
    patient_keys = {"patient", "records"}
    for i, entry in enumerate(patients_doc):
        if type(entry) is not dict or entry.keys() != patient_keys:
            return None
        p, recs = entry["patient"], entry["records"]
        if type(p) is not dict or type(recs) is not dict or not recs.keys() <= raw.keys():
            return None
        raw_patients.append(p)
        pid = p.get("id")
        for name, rows in recs.items():
            if type(rows) is not list:
                return None
            raw[name] += rows
            owners[name] += itertools.repeat(pid, len(rows))
        if progress and i % 1000 == 0:
            progress(i // 2, len(patients_doc))  # reading is about half the work

    columns = decode_table(patient_codec, raw_patients)
    if columns is None:
        return None
    patient_rows = [
        {**dict(zip(patient_codec.columns, values, strict=True)), **IMPORTED_AS["patient"]}
        for values in zip(*columns, strict=True)
    ]
    try:
        for p in patient_rows:
            semantic_checks("patient", p, "")
    except ImportFileError:
        return None
    if len({p["mrn"].lower() for p in patient_rows}) != len(patient_rows):
        return None
    id_texts = {"patient": [p["id"] for p in raw_patients]}
    birth_of = {raw["id"]: p["birth_date"] for raw, p in zip(raw_patients, patient_rows, strict=True)}
    # (target table, the referring rows' owners or None, the references) for each reference column.
    refs: list[tuple[str, list[Any] | None, list[Any]]] = [
        ("staff", None, [p["responsible_staff_id"] for p in raw_patients])
    ]

    records: dict[str, Columns] = {}
    for name, c in codecs.items():
        rows = raw[name]
        columns = decode_table(c, rows)
        if columns is None:
            return None
        table = dict(zip(c.columns, columns, strict=True))
        if [r["patient_id"] for r in rows] != owners[name]:
            return None
        id_texts[name] = [r["id"] for r in rows]
        if name in SEMANTIC_TABLES and not _semantic_columns_ok(name, table):
            return None
        if not _entry_columns_ok(name, table, list(map(birth_of.__getitem__, owners[name]))):
            return None
        refs += [(target, owners[name], [r[col] for r in rows]) for col, target in c.refs]
        records[name] = table
        if progress:
            progress(len(patients_doc) // 2, len(patients_doc))

    known = {name: set(texts) for name, texts in id_texts.items()}
    if any(len(known[name]) != len(texts) for name, texts in id_texts.items()):
        return None  # an id twice in one table
    known["staff"] = {str(s) for s in staff_ids}
    for target, owner_texts, texts in refs:
        if not set(texts) - {None} <= known.get(target, set()):
            return None
        if owner_texts is not None and target in RECORD_TABLES:  # a record of the same patient
            owner_of = dict(zip(id_texts[target], owners[target], strict=True))
            if any(t is not None and owner_of[t] != o for t, o in zip(texts, owner_texts, strict=True)):
                return None
    return patient_rows, records


def _semantic_columns_ok(table: str, columns: Columns) -> bool:
    """validate.semantic_checks for every row of a table; each distinct set of values checked once."""
    names = list(columns)
    if table == "assessment":
        names = [item_column(k) for k in scoring.ITEM_KEYS] + [m[0] for m in assessments.MEASUREMENTS] + ["symptoms"]
    seen = set()
    for values in zip(*(columns[n] for n in names), strict=True):
        if values in seen:
            continue
        try:
            semantic_checks(table, dict(zip(names, values, strict=True)), "")
        except ImportFileError:
            return False
        seen.add(values)
    return True


def _entry_columns_ok(table: str, columns: Columns, births: list[date]) -> bool:
    """validate.entry_checks for a whole table at once; False (then the validator names the field)
    when any value might break a rule. Never accepts what entry_checks refuses."""
    today = date.today()
    for column, rule in ENTRY_RULES.get(table, {}).items():
        values = columns[column]
        present = [v for v in values if v is not None]
        if not present:
            continue
        if isinstance(rule, Check):
            try:
                for v in present:
                    rule.fn(v)
            except DomainError:
                return False
        elif isinstance(rule, RowCheck):  # reads other fields of the row (EPAP below IPAP)
            try:
                for values_of_row in zip(*columns.values(), strict=True):
                    row = dict(zip(columns, values_of_row, strict=True))
                    if row[column] is not None:
                        rule.fn(row)
            except DomainError:
                return False
        elif isinstance(rule, Text):
            joiner = " " if rule.line else "\n"
            if max(map(len, present)) > rule.max_len or unsafe_character(joiner.join(present), line=rule.line):
                return False
            if rule.required and not all(v.strip() for v in present):
                return False
        else:
            day = rule.rule if isinstance(rule, NotBefore) else rule
            if day.past and max(present) > today:
                return False
            if day.from_birth and any(v is not None and v < b for v, b in zip(values, births, strict=True)):
                return False
            for other in rule.earlier if isinstance(rule, NotBefore) else ():
                if any(v is not None and e is not None and v < e for v, e in zip(values, columns[other], strict=True)):
                    return False
    return True
