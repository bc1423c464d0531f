"""The import validator: every field of an imported file checked against its column and against
the rules the services apply on entry (their own rule objects, not copies), the first bad field
named by its path. fast.py takes files with nothing wrong through the same checks faster."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.exchange import versions
from alsdesk.exchange.format import (
    FORMAT,
    IMPORTED_AS,
    READABLE,
    RECORD_TABLES,
    VERSION,
    WRITTEN_FROM,
    Columns,
    ImportFileError,
    exported_columns,
    reason,
)
from alsdesk.i18n import N_, Msg
from alsdesk.limits import EARLIEST_DATE, LATEST_DATE, shown, unsafe_character
from alsdesk.models.base import UTCDateTime
from alsdesk.services import (
    alerts,
    allergies,
    assessments,
    care_plans,
    clinic,
    diagnosis,
    lifecycle,
    medications,
    notes,
    plan_settings,
    programs,
    referrals,
    scoring,
    sites,
    therapy,
    worklist,
    workups,
)
from alsdesk.services import patients as patient_rules
from alsdesk.services.assessments import items_of
from alsdesk.services.common import RecordRules

# The rules each service applies on entry, by table and column: an imported row meets the same ones.
ENTRY_RULES: dict[str, RecordRules] = {
    "diagnostic_finding": diagnosis.FINDING_RULES,
    "screening": diagnosis.SCREENING_RULES,
    "workup": workups.RULES,
    "workup_event": lifecycle.EVENT_RULES,
    "assessment": assessments.RULES,
    "alert": alerts.RULES,
    "medication": medications.MEDICATION_RULES,
    "lab_result": medications.LAB_RULES,
    "milestone": medications.MILESTONE_RULES,
    "therapy_plan": therapy.PLAN_RULES,
    "therapy_session": therapy.SESSION_RULES,
    "referral": referrals.RULES,
    "referral_event": lifecycle.EVENT_RULES,
    "enrollment": programs.RULES,
    "enrollment_mark": programs.MARK_RULES,
    "enrollment_event": lifecycle.EVENT_RULES,
    "clinical_note": notes.RULES,
    "worklist_dismissal": worklist.DISMISSAL_RULES,
    "allergy": allergies.RULES,
    "advance_care_plan": care_plans.RULES,
    "niv_setting": plan_settings.NIV_RULES,
    "gastrostomy_setting": plan_settings.GASTROSTOMY_RULES,
}

# A time of day as the file writes it (format.encode): two-digit hours and minutes.
TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

Decoder = Callable[[Any], Any]
# Decoded values shared by the codecs of one import, by column type (an Enum by its own values).
Memos = dict[type | sa.types.TypeEngine[Any], dict[str, Any]]


def whole_range(t: sa.Integer) -> tuple[int, int]:
    """The values an integer column holds on every database (16, 32 or 64 bits, signed)."""
    bits = 16 if isinstance(t, sa.SmallInteger) else 64 if isinstance(t, sa.BigInteger) else 32
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def decoder(col: sa.Column[Any]) -> Decoder:
    """The field's check and conversion from JSON; a bad value raises ValueError with the reason."""
    t = col.type
    if isinstance(t, sa.Uuid):
        return lambda v: uuid.UUID(_str(v))
    if isinstance(t, UTCDateTime):

        def moment(v: Any) -> datetime:
            d = _iso(datetime.fromisoformat, v, "must be a moment written YYYY-MM-DDTHH:MM:SS+00:00")
            if d.tzinfo is None:
                raise ValueError("must carry a time zone (UTC)")
            if not EARLIEST_DATE.year <= d.year <= LATEST_DATE.year:
                raise ValueError(f"must be from {EARLIEST_DATE.year} to {LATEST_DATE.year}")
            return d

        return moment
    if isinstance(t, sa.Date):

        def day(v: Any) -> date:
            d = _iso(date.fromisoformat, v, "must be a date written YYYY-MM-DD")
            if not EARLIEST_DATE <= d <= LATEST_DATE:
                raise ValueError(f"must be from {EARLIEST_DATE} to {LATEST_DATE}")
            return d

        return day
    if isinstance(t, sa.Time):

        def clock(v: Any) -> time:
            text = _str(v)
            if not TIME_PATTERN.fullmatch(text):
                raise ValueError("must be a time written HH:MM (00:00 to 23:59)")
            return time(int(text[:2]), int(text[3:]))

        return clock
    if isinstance(t, sa.Boolean):
        return lambda v: v if isinstance(v, bool) else _fail("must be true or false")
    if isinstance(t, sa.Integer):
        low, high = whole_range(t)

        def whole(v: Any) -> int:
            if not isinstance(v, int) or isinstance(v, bool):
                raise ValueError("must be a whole number")
            if not low <= v <= high:
                raise ValueError("is out of range")
            return v

        return whole
    if isinstance(t, sa.Float):

        def number(v: Any) -> float:
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                raise ValueError("must be a number")
            try:
                if math.isfinite(v):
                    return float(v)
            except OverflowError:  # a whole number too large for a float (JSON has no limit)
                pass
            raise ValueError("must be a number")

        return number
    if isinstance(t, sa.Enum):
        allowed = set(t.enums)
        return lambda v: (
            v if isinstance(v, str) and v in allowed else _fail(f"must be one of {', '.join(sorted(allowed))}")
        )
    if isinstance(t, sa.String):
        limit = t.length

        def text(v: Any) -> str:
            s = _str(v)
            if limit and len(s) > limit:
                raise ValueError(f"is longer than {limit} characters")
            return s

        return text
    raise TypeError(f"no decoder for {t!r}")


_Parsed = TypeVar("_Parsed")


def _iso(parse: Callable[[str], _Parsed], v: Any, what: str) -> _Parsed:
    """`parse(v)`; Python's reason ("day is out of range for month"), or `what` where that
    reason would quote the whole value back ("Invalid isoformat string: '…'")."""
    text = _str(v)
    try:
        return parse(text)
    except ValueError as err:
        raise ValueError(what if text in str(err) else str(err)) from None


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be text")
    bad = unsafe_character(v)
    if bad is not None:
        raise ValueError(f"contains a control or invalid character ({bad!r})")
    return v


def _fail(message: str) -> Any:
    raise ValueError(message)


# Tables a reference can point at whose "not found" reason has its own wording in the catalogue.
_NOT_FOUND = {"staff": N_("refers to a staff that is not in the file or the database")}


def _not_found(target: str) -> Msg | str:
    found = _NOT_FOUND.get(target)
    return reason(found) if found else f"refers to a {target} that is not in the file or the database"


class _Bad(ValueError):
    """A bad field inside one row: where below the row (".name" or ""), and what is wrong."""

    def __init__(self, suffix: str, message: str | Msg) -> None:
        super().__init__(str(message))
        self.suffix = suffix
        self.message = message


class TableCodec:
    """A table's fields read from a file: each checked and converted by its column's decoder."""

    def __init__(self, table: sa.Table, memos: Memos | None = None) -> None:
        self.table = table
        self.columns = [c.name for c in exported_columns(table)]
        # (name, nullable, decoder, memo): a memo remembers decoded text values that repeat across
        # rows (references, dates, moments, choices); primary keys never repeat, so they get none.
        self.decoders = [(c.name, c.nullable, decoder(c), self._memo(c, memos)) for c in exported_columns(table)]
        # A row may also carry what the export wrote from its columns (format.WRITTEN_FROM): not read.
        self.names = set(self.columns) | set(WRITTEN_FROM.get(table.name, {}))
        # References checked once the whole file is read (the patient itself is checked per row).
        self.refs = [
            (c.name, fk.column.table.name)
            for c in table.columns
            for fk in c.foreign_keys
            if fk.column.table.name != "patient"
        ]

    @staticmethod
    def _memo(col: sa.Column[Any], memos: Memos | None) -> dict[str, Any] | None:
        if memos is None or col.primary_key:
            return None
        kind = type(col.type)
        if kind in (sa.Uuid, UTCDateTime, sa.Date):
            return memos.setdefault(kind, {})
        if kind is sa.Enum:
            return memos.setdefault(col.type, {})
        return None

    def decode(self, raw: Any, path: str) -> dict[str, Any]:
        try:
            return self.decode_row(raw)
        except _Bad as bad:
            raise ImportFileError(f"{path}{bad.suffix}", bad.message) from None

    def decode_row(self, raw: Any) -> dict[str, Any]:
        """Every field checked and converted, in column order; the first bad one raises _Bad."""
        if not isinstance(raw, dict):
            raise _Bad("", reason(N_("must be an object")))
        complete = raw.keys() == self.names
        if not complete:
            extra = set(raw) - self.names
            if extra:
                raise _Bad(f".{sorted(extra)[0]}", f"is not a field of {self.table.name}")
        out: dict[str, Any] = {}
        for name, nullable, decode, memo in self.decoders:
            if not complete and name not in raw:
                raise _Bad(f".{name}", reason(N_("is missing")))
            value = raw[name]
            if value is None:
                if not nullable:
                    raise _Bad(f".{name}", reason(N_("must not be null")))
                out[name] = None
                continue
            if memo is not None and type(value) is str:
                hit = memo.get(value)
                if hit is not None:
                    out[name] = hit
                    continue
            try:
                out[name] = decoded = decode(value)
            except ValueError as err:
                raise _Bad(f".{name}", f"{err} (got {shown(value)})") from None
            if memo is not None and type(value) is str:
                memo[value] = decoded
        return out


def semantic_checks(table: str, row: dict[str, Any], path: str) -> None:
    """The clinical rules services apply on entry, applied to imported rows too."""
    try:
        if table == "patient":
            fields = {k: row[k] for k in patient_rules.FIELD_RULES}
            patient_rules.validate_fields(fields)
            patient_rules.check_consistency(fields)
        elif table == "assessment":
            items = items_of(_Attrs(row))
            if items is not None:
                scoring.validate_items(items)
    except patient_rules.Inconsistent as err:  # kept whole, named by the field's path
        raise ImportFileError(f"{path}.{err.field}", err) from None
    except ValueError as err:
        raise ImportFileError(path, str(err)) from None
    if table == "assessment":
        for field, *_range in assessments.MEASUREMENTS:
            try:
                assessments.validate_measurements({field: row[field]})
            except DomainError as err:
                raise ImportFileError(f"{path}.{field}", err) from None
        try:
            assessments.check_symptoms(assessments.symptoms_of(row["symptoms"]))
        except DomainError as err:
            raise ImportFileError(f"{path}.symptoms", err) from None


def entry_checks(table: str, row: dict[str, Any], path: str, birth: date) -> None:
    """The services' rules for each field of an imported record (ENTRY_RULES), the first broken
    one named by its path; `birth` is the patient's birth date."""
    for column, rule in ENTRY_RULES.get(table, {}).items():
        try:
            rule.check_row(row, column, birth)
        except DomainError as err:  # kept whole: the window words it in its own language
            raise ImportFileError(f"{path}.{column}", err) from None


class _Attrs:
    def __init__(self, row: dict[str, Any]) -> None:
        self.__dict__.update(row)


def decode_rows(
    patients_doc: list[Any],
    patient_codec: TableCodec,
    codecs: dict[str, TableCodec],
    staff_ids: set[uuid.UUID],
    progress: Callable[[int, int], None] | None,
) -> tuple[list[dict[str, Any]], dict[str, Columns]]:
    """Every patient and record checked row by row, field by field; the first bad field raises."""
    patient_rows: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    ids: dict[str, set[uuid.UUID]] = {t: set() for t in (*RECORD_TABLES, "patient", "staff")}
    ids["staff"] = staff_ids
    owner: dict[uuid.UUID, int] = {}  # each record's patient (its index in the file), by record id
    mrns: set[str] = set()
    # References to resolve after reading all: (patient index, table, row index, column, target, id).
    refs: list[tuple[int, str | None, int, str, str, uuid.UUID]] = []
    for i, entry in enumerate(patients_doc):
        path = f"patients[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"patient", "records"}:
            raise ImportFileError(path, reason(N_('must be an object with "patient" and "records"')))
        p = {**patient_codec.decode(entry["patient"], f"{path}.patient"), **IMPORTED_AS["patient"]}
        semantic_checks("patient", p, f"{path}.patient")
        if p["mrn"].lower() in mrns:
            raise ImportFileError(f"{path}.patient.mrn", f"{p['mrn']!r} appears twice in the file")
        mrns.add(p["mrn"].lower())
        pid = p["id"]
        if pid in ids["patient"]:
            raise ImportFileError(f"{path}.patient.id", reason(N_("appears twice in the file")))
        ids["patient"].add(pid)
        if p["responsible_staff_id"] is not None:
            refs.append((i, None, 0, "responsible_staff_id", "staff", p["responsible_staff_id"]))
        patient_rows.append(p)
        recs = entry["records"]
        if not isinstance(recs, dict):
            raise ImportFileError(f"{path}.records", reason(N_("must be an object")))
        unknown = set(recs) - set(RECORD_TABLES)
        if unknown:
            raise ImportFileError(f"{path}.records.{sorted(unknown)[0]}", reason(N_("is not a record table")))
        for name, c in codecs.items():
            rows = recs.get(name, [])
            if not isinstance(rows, list):
                raise ImportFileError(f"{path}.records.{name}", reason(N_("must be a list")))
            seen, out, table_refs = ids[name], records[name], c.refs
            semantic = name in SEMANTIC_TABLES
            for j, raw in enumerate(rows):
                try:
                    row = c.decode_row(raw)
                except _Bad as bad:
                    raise ImportFileError(f"{path}.records.{name}[{j}]{bad.suffix}", bad.message) from None
                if row["patient_id"] != pid:
                    raise ImportFileError(
                        f"{path}.records.{name}[{j}].patient_id", "does not match the patient it is filed under"
                    )
                if row["id"] in seen:
                    raise ImportFileError(f"{path}.records.{name}[{j}].id", reason(N_("appears twice in the file")))
                seen.add(row["id"])
                owner[row["id"]] = i
                if semantic:
                    semantic_checks(name, row, f"{path}.records.{name}[{j}]")
                entry_checks(name, row, f"{path}.records.{name}[{j}]", p["birth_date"])
                for col, target in table_refs:
                    ref = row[col]
                    if ref is not None:
                        refs.append((i, name, j, col, target, ref))
                out.append(row)
        if progress and i % 200 == 0:
            progress(i, len(patients_doc))

    for i, table, j, col, target, ref in refs:
        where = f"patients[{i}].patient" if table is None else f"patients[{i}].records.{table}[{j}]"
        if ref not in ids[target]:
            raise ImportFileError(f"{where}.{col}", _not_found(target))
        if table is not None and target in RECORD_TABLES and owner[ref] != i:
            raise ImportFileError(f"{where}.{col}", f"refers to a {target} of another patient (patients[{owner[ref]}])")
    return patient_rows, {
        name: {col: [r[col] for r in rows] for col in codecs[name].columns} for name, rows in records.items()
    }


SEMANTIC_TABLES = frozenset(("patient", "assessment"))


def document_parts(document: Any) -> tuple[str, list[Any], list[Any]]:
    """The site that wrote an export document (services.sites; "" for none) and its staff and
    patient entries, of any readable version read as the current version; a document that is no
    export, or of another version, is refused."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("format", f"must be {FORMAT!r}: this is not an alsdesk export")
    if document.get("version") not in READABLE:
        raise ImportFileError("version", f"must be 1 to {VERSION} (this alsdesk reads versions 1 to {VERSION})")
    document = versions.current(document)
    extra = set(document) - {"format", "version", "site_id", "staff", "patients"}
    if extra:
        raise ImportFileError(sorted(extra)[0], reason(N_("is not part of the format")))
    site = document.get("site_id", "")  # optional: a file may name no site
    if not isinstance(site, str) or not sites.SITE_PATTERN.match(site):
        raise ImportFileError("site_id", reason(SITE_ID_REASON))
    staff_doc, patients_doc = document.get("staff"), document.get("patients")
    if not isinstance(staff_doc, list):
        raise ImportFileError("staff", reason(N_("must be a list")))
    if not isinstance(patients_doc, list):
        raise ImportFileError("patients", reason(N_("must be a list")))
    return site, staff_doc, patients_doc


SITE_ID_REASON = N_("must be a site ID: six letters and digits")


def decode_staff(staff_doc: list[Any], codec: TableCodec) -> list[dict[str, Any]]:
    """The file's staff rows, each field checked, and the rules of adding a staff member met."""
    rows = [codec.decode(r, f"staff[{i}]") for i, r in enumerate(staff_doc)]
    for i, r in enumerate(rows):
        for field, rule in (
            ("username", clinic.check_username),
            ("display_name", clinic.STAFF_NAME),
            ("phone", clinic.STAFF_PHONE),
            ("job_title", clinic.JOB_TITLE),
            ("job_title_zh", clinic.JOB_TITLE_ZH),
        ):
            try:
                rule(r[field])
            except DomainError as err:
                raise ImportFileError(f"staff[{i}].{field}", err) from None
        if not sites.SITE_PATTERN.match(r["site_id"]):
            raise ImportFileError(f"staff[{i}].site_id", reason(SITE_ID_REASON))
    return rows
