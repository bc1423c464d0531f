"""The import's fast path agrees with its validator (alsdesk/exchange/fast.py and validate.py).

The fast path checks a file a whole column at a time and gives up (None) on anything doubtful; the
validator then reads the file row by row and names the first bad field. So on any file, good or
bad: whatever the validator refuses, the fast path refuses too, and whatever the fast path accepts
it decodes to exactly the validator's values, of the same types. The files here are a small demo
clinic with fields, rows and references changed at random.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from alsdesk import demo
from alsdesk.exchange import fast, validate
from alsdesk.exchange.format import RECORD_TABLES, ImportFileError, exported_columns
from alsdesk.models import Patient, Staff
from alsdesk.models.base import UTCDateTime

DOC = json.loads(json.dumps(demo.demo_document(patients=8, seed=4, anchor=date.today() - timedelta(days=3))))
ENTRIES = [(i, name) for i, p in enumerate(DOC["patients"]) for name, rows in p["records"].items() if rows]
TABLES: dict[str, sa.Table] = {**RECORD_TABLES, "patient": Patient.__table__}
# (table, column) for every exported column of a table the file has rows of.
COLUMNS = [
    (name, c.name)
    for name, table in TABLES.items()
    if name == "patient" or any(n == name for _i, n in ENTRIES)
    for c in exported_columns(table)
]
# Every value of each column in the file: a field set to one of them is often valid, or nearly.
SEEN: dict[str, list[Any]] = {}
for entry in DOC["patients"]:
    for row in [entry["patient"], *(r for rows in entry["records"].values() for r in rows)]:
        for column, value in row.items():
            SEEN.setdefault(column, []).append(value)


def moment(d: datetime) -> str:
    return d.isoformat()


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.uuids().map(str),
    st.just([]),
    st.just({}),
)
TODAY = date.today()
# Days on both sides of the rules' edges (the demo's patients are born from 1944 to 1988).
DAYS = st.sampled_from([TODAY, TODAY + timedelta(days=1), date(1940, 1, 1), date(1989, 1, 1)]) | st.dates(
    date(1935, 1, 1), TODAY + timedelta(days=400)
)


def nasty(column: sa.Column[Any]) -> st.SearchStrategy[Any]:
    """Values near the edges of what `column` takes: just inside or just outside its type and rules."""
    t = column.type
    if isinstance(t, sa.Uuid):
        return st.uuids().map(lambda u: str(u).upper()) | st.uuids().map(lambda u: u.hex) | st.sampled_from(SEEN["id"])
    if isinstance(t, UTCDateTime):
        zoned = st.datetimes(datetime(1890, 1, 1), datetime(2110, 1, 1), timezones=st.just(UTC))
        return (zoned | st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1))).map(moment)  # the second: no zone
    if isinstance(t, sa.Date):
        return DAYS.map(date.isoformat) | st.sampled_from(["2026-02-30", "2026-1-5", "0001-01-01", "9999-12-31"])
    if isinstance(t, sa.Boolean):
        return st.sampled_from([0, 1, "true"])
    if isinstance(t, sa.Integer):
        low, high = validate.whole_range(t)
        return st.sampled_from([low - 1, low, high, high + 1, 1.0, True, -1, 0, 5, 99])
    if isinstance(t, sa.Float):
        return st.sampled_from([float("inf"), float("nan"), -1, 0, 1e300, 10**400, True]) | st.floats(-50, 500)
    if isinstance(t, sa.Enum):
        return st.sampled_from([*t.enums, "bogus", t.enums[0].upper()])
    if isinstance(t, sa.String):
        limit = t.length or 4000
        return st.sampled_from(["", " ", "  padded  ", "a\x00b", "tab\there", "line\nbreak", "\u2028"]) | st.integers(
            max(limit - 2, 0), limit + 2
        ).map(lambda n: "é" * n)
    return ANY_VALUE


def value_for(data: st.DataObject, table: str, column: str) -> Any:
    """A value for `column`: one the file holds elsewhere (valid, or valid for another row), one
    near the edges of the column and its rules, or any JSON value at all."""
    source = data.draw(st.sampled_from(["seen", "nasty", "nasty", "any"]), label="source")
    if source == "seen" and column in SEEN:
        return data.draw(st.sampled_from(SEEN[column]), label="seen value")
    if source == "nasty":
        return data.draw(nasty(TABLES[table].c[column]), label="nasty value")
    return data.draw(ANY_VALUE, label="value")


def mutate(doc: dict[str, Any], data: st.DataObject) -> None:
    """One change to the file: a field's value, a missing or unknown field, a row twice, a record
    filed under another patient, or a reference to another patient's record."""
    kind = data.draw(st.sampled_from(["field"] * 6 + ["missing", "unknown", "twice", "moved", "foreign"]))
    if kind == "field":  # each column as likely as any other, whatever its table's size
        name, column = data.draw(st.sampled_from(COLUMNS), label="column")
        i = data.draw(
            st.sampled_from([i for i, n in ENTRIES if n == name] if name != "patient" else range(len(doc["patients"])))
        )
    else:
        i, name = data.draw(st.sampled_from([*ENTRIES, *((i, "patient") for i in range(len(doc["patients"])))]))
    entry = doc["patients"][i]
    rows = [entry["patient"]] if name == "patient" else entry["records"][name]
    if not rows:  # moved away by an earlier change
        return
    j = data.draw(st.integers(0, len(rows) - 1), label="row")
    row = rows[j]
    columns = [c.name for c in exported_columns(TABLES[name])]
    if kind == "field":
        row[column] = value_for(data, name, column)
    elif kind == "missing":
        row.pop(data.draw(st.sampled_from(columns), label="column"), None)
    elif kind == "unknown":
        row["not_a_column"] = 1
    elif name == "patient":
        row["mrn"] = data.draw(st.sampled_from(SEEN["mrn"]), label="another mrn")
    elif kind == "twice":
        rows.append(copy.deepcopy(row))
    elif kind == "moved":
        other = doc["patients"][data.draw(st.integers(0, len(doc["patients"]) - 1), label="other patient")]
        other["records"][name].append(rows.pop(j))
    else:  # a reference to a record of some patient, perhaps another one
        refs = [c.name for c in TABLES[name].columns for fk in c.foreign_keys if fk.column.table.name in RECORD_TABLES]
        if refs:
            target = next(iter(TABLES[name].c[refs[0]].foreign_keys)).column.table.name
            row[refs[0]] = data.draw(
                st.sampled_from([r["id"] for p in doc["patients"] for r in p["records"][target]] or [None])
            )


def codecs() -> tuple[validate.TableCodec, dict[str, validate.TableCodec], set[uuid.UUID]]:
    """Fresh codecs (with their own memos), as one import has, and the file's staff ids."""
    memos: validate.Memos = {}
    staff_codec = validate.TableCodec(Staff.__table__, memos)
    staff = {staff_codec.decode(r, "staff")["id"] for r in DOC["staff"]}
    return (
        validate.TableCodec(Patient.__table__, memos),
        {n: validate.TableCodec(t, memos) for n, t in RECORD_TABLES.items()},
        staff,
    )


def typed(value: Any) -> Any:
    """`value` with the type of every leaf beside it: 1, 1.0 and True compare equal, but differ."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def test_the_fast_path_takes_a_file_with_nothing_wrong() -> None:
    """Agreement alone would hold for a fast path that always gave up: it does not give up here."""
    patient_codec, record_codecs, staff = codecs()
    quick = fast.decode_patients(copy.deepcopy(DOC["patients"]), patient_codec, record_codecs, staff, None)
    patient_codec, record_codecs, staff = codecs()
    assert quick is not None
    assert typed(quick) == typed(
        validate.decode_rows(copy.deepcopy(DOC["patients"]), patient_codec, record_codecs, staff, None)
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_fast_path_agrees_with_the_validator_on_changed_files(data: st.DataObject) -> None:
    doc = copy.deepcopy(DOC)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        mutate(doc, data)
    patient_codec, record_codecs, staff = codecs()
    quick = fast.decode_patients(copy.deepcopy(doc["patients"]), patient_codec, record_codecs, staff, None)
    patient_codec, record_codecs, staff = codecs()
    try:
        exact = validate.decode_rows(doc["patients"], patient_codec, record_codecs, staff, None)
    except ImportFileError as refused:
        event("refused")
        assert quick is None, f"the validator refuses ({refused}) what the fast path accepts"
        return
    event("accepted by both" if quick is not None else "accepted, the validator's way")
    if quick is not None:
        assert typed(quick) == typed(exact)
