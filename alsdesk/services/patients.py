"""Patients: registration, validation, editing, archiving, search and lists."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError, NotFoundError
from alsdesk.i18n import N_
from alsdesk.models import Patient, PatientIdentifier, PatientSearchKey, Referral, Staff
from alsdesk.models.patient import MRN_FOLDED_INDEX
from alsdesk.names import patient_name
from alsdesk.services import death, referrals, search, sites
from alsdesk.services.access import requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import Changes, as_uuid, check_choice, check_date, check_text, found, phone_rule
from alsdesk.services.restricted import NOBODY, check_open, fetch_patient, hidden
from alsdesk.storage.reader import Query, Reader
from alsdesk.vocab import EL_ESCORIAL, GENETICS, LANGUAGES, ONSET_REGION, PATIENT_STATUS, SEX

MRN_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$")
MRN_LENGTH = 40


@dataclass(frozen=True)
class PatientSummary:
    """A patient as lists and search show them. A restricted record its reader may not open shows
    its name and MRN only: sex, birth date, phone and status are None (JSON null)."""

    id: uuid.UUID
    mrn: str
    family_name: str
    given_name: str
    name_zh: str
    sex: str | None
    birth_date: date | None
    phone: str | None
    status: str | None
    archived: bool
    restricted: bool

    @property
    def display_name(self) -> str:
        return patient_name(self.family_name, self.given_name, self.name_zh)


@dataclass(frozen=True)
class PatientView(PatientSummary):
    # An opened record has them all (a field keeps its place when redeclared).
    sex: str
    birth_date: date
    phone: str
    status: str
    version: int
    address: str
    caregiver_name: str
    caregiver_phone: str
    caregiver_relation: str
    language: str
    onset_date: date | None
    onset_region: str | None
    diagnosis_date: date | None
    el_escorial: str | None
    awaji_applied: bool
    gold_coast_met: bool | None
    family_history: bool | None
    genetics: str
    death_date: date | None
    responsible_staff_id: uuid.UUID | None
    # The Findings dialog's answers (services.diagnosis); None until answered.
    gold_coast_progressive: bool | None = None
    gold_coast_mimics_excluded: bool | None = None
    # Known lung disease: sets the SpO2 line for a blood gas (services.alerts.abg_alert).
    lung_disease: bool = False
    interpreter_needed: bool = False
    gp_name: str = ""
    gp_contact: str = ""
    # The day "no known allergies" was confirmed (services.allergies); None: not confirmed.
    allergies_checked_on: date | None = None

    def age_on(self, on: date) -> int:
        end = self.death_date or on
        return end.year - self.birth_date.year - ((end.month, end.day) < (self.birth_date.month, self.birth_date.day))


SUMMARY_COLUMNS = (
    Patient.id,
    Patient.mrn,
    Patient.family_name,
    Patient.given_name,
    Patient.name_zh,
    Patient.sex,
    Patient.birth_date,
    Patient.phone,
    Patient.status,
    Patient.archived,
    Patient.restricted,
)


def summary_from_row(row: Any) -> PatientSummary:
    return PatientSummary(*row)


def summaries(session: Session, rows: Iterable[Any]) -> list[PatientSummary]:
    """Summaries of SUMMARY_COLUMNS rows, a restricted record the actor may not open masked."""
    found = [summary_from_row(r) for r in rows]
    shut = hidden(session, (p.id for p in found if p.restricted))
    return [
        dataclasses.replace(p, sex=None, birth_date=None, phone=None, status=None) if p.id in shut else p for p in found
    ]


def view(p: Patient) -> PatientView:
    return PatientView(
        id=p.id,
        mrn=p.mrn,
        family_name=p.family_name,
        given_name=p.given_name,
        name_zh=p.name_zh,
        sex=p.sex,
        birth_date=p.birth_date,
        phone=p.phone,
        status=p.status,
        archived=p.archived,
        restricted=p.restricted,
        version=p.version,
        address=p.address,
        caregiver_name=p.caregiver_name,
        caregiver_phone=p.caregiver_phone,
        caregiver_relation=p.caregiver_relation,
        language=p.language,
        onset_date=p.onset_date,
        onset_region=p.onset_region,
        diagnosis_date=p.diagnosis_date,
        el_escorial=p.el_escorial,
        awaji_applied=p.awaji_applied,
        gold_coast_met=p.gold_coast_met,
        family_history=p.family_history,
        genetics=p.genetics,
        death_date=p.death_date,
        responsible_staff_id=p.responsible_staff_id,
        gold_coast_progressive=p.gold_coast_progressive,
        gold_coast_mimics_excluded=p.gold_coast_mimics_excluded,
        lung_disease=_loaded_or(p, "lung_disease", False),
        interpreter_needed=_loaded_or(p, "interpreter_needed", False),
        gp_name=_loaded_or(p, "gp_name", ""),
        gp_contact=_loaded_or(p, "gp_contact", ""),
        allergies_checked_on=_loaded_or(p, "allergies_checked_on", None),
    )


_OPENED = Query(
    sa.select(*(getattr(Patient, f.name) for f in dataclasses.fields(PatientView))).where(
        Patient.id == sa.bindparam("id")
    )
)


# What the chart of restricted.NOBODY shows: no one (services.restricted says why it is read).
_NOBODY_VIEW = PatientView(
    id=NOBODY, mrn="", family_name="", given_name="", name_zh="", sex="", birth_date=date.min, phone="",
    status="", archived=False, restricted=False, version=0, address="", caregiver_name="", caregiver_phone="",
    caregiver_relation="", language="", onset_date=None, onset_region=None, diagnosis_date=None, el_escorial=None,
    awaji_applied=False, gold_coast_met=None, family_history=None, genetics="", death_date=None,
    responsible_staff_id=None,
)  # fmt: skip


def opened_view(session: Session, patient_id: uuid.UUID | str, read: Reader | None = None) -> PatientView:
    """`view(fetch_patient(...))` read as columns, without building the ORM object: the patient,
    if the session's actor may open the record (restricted.check_open). `read`: the session's
    Reader when the caller has one."""
    rows = _OPENED.rows(read or session, {"id": as_uuid(patient_id, "patient")})
    if not rows and patient_id == NOBODY:
        return _NOBODY_VIEW
    p = PatientView(*found(rows[0] if rows else None, patient_id, "patient"))
    check_open(session, p)
    return p


# Patient columns added after schema 0011 (storage.schema.BEFORE_MRN_INDEX), where `alsdesk patient
# set-mrn` opens a database to rename the MRNs that revision 0012 refuses.
NEWER_COLUMNS = (
    "lung_disease",
    "interpreter_needed",
    "gp_name",
    "gp_contact",
    "allergies_checked_on",
    "site_id",
    "synced_version",
)


def _loaded_or(p: Patient, column: str, default: Any) -> Any:
    """A column's value, or `default` where a session at schema 0011 left it unloaded (below)."""
    return default if column in sa.inspect(p).unloaded else getattr(p, column)


def at_schema_0011(session: Session) -> None:
    """Let `session` load and rename patients in a database still at schema 0011 (patient set-mrn):
    the patient columns added since (NEWER_COLUMNS) are not selected, and views show their defaults.
    Only the changed columns are written back, so nothing else needs them."""

    @sa.event.listens_for(session, "do_orm_execute")
    def _skip_newer(state: Any) -> None:
        whole = state.is_select and any(d.get("type") is Patient for d in state.statement.column_descriptions)
        if whole:  # a select of Patient rows (not of some of their columns)
            state.statement = state.statement.options(
                *(sa.orm.defer(getattr(Patient, c), raiseload=True) for c in NEWER_COLUMNS)
            )


def _mrn(v: Any) -> str:
    text = check_text(v, "MRN", max_len=40)
    if not MRN_PATTERN.match(text):
        raise DomainError("MRN may hold only letters, digits and - _ / . (up to 40 characters).")
    return text


def _past_date(what: str, optional: bool = True) -> Callable[[Any], date | None]:
    def check(v: Any) -> date | None:
        if v is None and optional:
            return None
        return check_date(v, what, not_after=date.today())

    return check


def _optional_choice(values: tuple[str, ...], what: str) -> Callable[[Any], str | None]:
    return lambda v: None if v is None else check_choice(v, values, what)


def _flag(what: str, optional: bool) -> Callable[[Any], bool | None]:
    def check(v: Any) -> bool | None:
        if v is None and optional:
            return None
        if not isinstance(v, bool):
            raise DomainError("{what} must be yes or no.", what=what)
        return v

    return check


def _staff_ref(v: Any) -> uuid.UUID | None:
    return None if v is None else as_uuid(v, "staff member")


# One rule per field, used by registration, editing and import alike.
FIELD_RULES: dict[str, Callable[[Any], Any]] = {
    "mrn": _mrn,
    "family_name": lambda v: check_text(v, "Family name", max_len=100, line=True),
    "given_name": lambda v: check_text(v, "Given name", max_len=100, line=True),
    "name_zh": lambda v: check_text(v, "Chinese name", max_len=50, required=False, line=True),
    "sex": lambda v: check_choice(v, SEX, "Sex"),
    "birth_date": _past_date("Birth date", optional=False),
    "phone": phone_rule("Phone"),
    "address": lambda v: check_text(v, "Address", max_len=500, required=False),
    "caregiver_name": lambda v: check_text(v, "Caregiver name", max_len=200, required=False, line=True),
    "caregiver_phone": phone_rule("Caregiver phone"),
    "caregiver_relation": lambda v: check_text(v, "Caregiver relation", max_len=50, required=False, line=True),
    "language": lambda v: check_choice(v, LANGUAGES, "Handout language"),
    "status": lambda v: check_choice(v, PATIENT_STATUS, "Status"),
    "onset_date": _past_date("Symptom onset date"),
    "onset_region": _optional_choice(ONSET_REGION, "Onset region"),
    "diagnosis_date": _past_date("Diagnosis date"),
    "el_escorial": _optional_choice(EL_ESCORIAL, "El Escorial category"),
    "awaji_applied": _flag("Awaji rules applied", optional=False),
    "gold_coast_met": _flag("Gold Coast criteria met", optional=True),
    "family_history": _flag("Family history", optional=True),
    "genetics": lambda v: check_choice(v, GENETICS, "Genetics"),
    "death_date": _past_date("Date of death"),
    "lung_disease": _flag("Lung disease", optional=False),
    "responsible_staff_id": _staff_ref,
    "interpreter_needed": _flag("Interpreter needed", optional=False),
    "gp_name": lambda v: check_text(v, "GP name", max_len=200, required=False, line=True),
    "gp_contact": lambda v: check_text(v, "GP contact", max_len=300, required=False),
    "allergies_checked_on": _past_date("No known allergies confirmed on"),
}


def validate_fields(values: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(values) - set(FIELD_RULES))
    if unknown:
        raise DomainError("Patients have no field {key!r}.", key=unknown[0])
    return {key: FIELD_RULES[key](value) for key, value in values.items()}


# Dates that cannot come before the birth date, with the words a message names them by.
ORDERED_DATES = (("onset_date", N_("Symptom onset")), ("diagnosis_date", N_("Diagnosis")), ("death_date", N_("Death")))


class Inconsistent(DomainError):
    """A rule between two fields broken; `field` is the one the message is about (the importer
    names it by its path)."""

    def __init__(self, template: str, /, *, field: str, **params: object) -> None:
        super().__init__(template, **params)
        self.field = field


def check_consistency(p: Patient | dict[str, Any]) -> None:
    """Rules that span fields: dates in order, and a death date exactly when deceased. Entry and
    import both call it."""
    get = p.get if isinstance(p, dict) else lambda k: getattr(p, k)
    birth = get("birth_date")
    for key, label in ORDERED_DATES:
        value = get(key)
        if value is not None and value < birth:
            raise Inconsistent(
                "{what} ({value}) cannot be before the birth date ({birth}).",
                field=key,
                what=label,
                value=value,
                birth=birth,
            )
    onset, diagnosis = get("onset_date"), get("diagnosis_date")
    if onset and diagnosis and diagnosis < onset:
        raise Inconsistent(
            "Diagnosis ({diagnosis}) cannot be before symptom onset ({onset}).",
            diagnosis=diagnosis,
            onset=onset,
            field="diagnosis_date",
        )
    if (get("status") == "deceased") != (get("death_date") is not None):
        raise Inconsistent("Record a date of death exactly when the status is 'deceased'.", field="death_date")


def _refresh_search_keys(session: Session, p: Patient) -> None:
    session.execute(sa.delete(PatientSearchKey).where(PatientSearchKey.patient_id == p.id))
    keys = search.search_keys(
        mrn=p.mrn, family_name=p.family_name, given_name=p.given_name, name_zh=p.name_zh, phone=p.phone
    )
    if _loaded_or(p, "site_id", None) is not None:  # other clinics' MRNs (none before schema 0022)
        mrns = session.scalars(sa.select(PatientIdentifier.mrn).where(PatientIdentifier.patient_id == p.id))
        keys |= {search.fold(m) for m in mrns}
    session.add_all(PatientSearchKey(patient_id=p.id, key=k) for k in sorted(keys))


def refresh_search_keys(session: Session, patient_id: uuid.UUID) -> None:
    """A patient's search keys made again (after an import changed their names, phone or MRNs)."""
    _refresh_search_keys(session, fetch_patient(session, patient_id))


def local_mrn(mrn: str, site: str, taken: Callable[[str], bool]) -> str:
    """The MRN a transferred patient gets here when their MRN at `site` is another patient's here:
    theirs, '-' and the site ID (`K12-k7q2mx`), then '-2', '-3'… until `taken` says it is free.
    Their MRN at that site stays with them as an identifier of the site, found by search."""
    n = 1
    while True:
        tail = f"-{site}" if n == 1 else f"-{site}-{n}"
        candidate = f"{mrn[: MRN_LENGTH - len(tail)]}{tail}"
        if not taken(candidate):
            return candidate
        n += 1


def mrns_taken(session: Session, mrns: Iterable[str]) -> list[Patient]:
    """Patients whose MRN equals one of `mrns` ignoring case: MRNs are unique regardless of case."""
    keys = sorted({m.lower() for m in mrns})
    found: list[Patient] = []
    for start in range(0, len(keys), 500):
        found += session.scalars(sa.select(Patient).where(sa.func.lower(Patient.mrn).in_(keys[start : start + 500])))
    return found


def _check_key_worker(session: Session, staff_id: uuid.UUID) -> None:
    """A key worker is an active staff member of this clinic (not another clinic's: services.sites)."""
    if not session.scalar(sa.select(Staff.active).where(Staff.id == staff_id, Staff.site_id == sites.HERE)):
        raise DomainError("Key worker: no active staff member has the ID {value}.", value=staff_id)


def _check_mrn_free(session: Session, mrn: str, exclude: uuid.UUID | None = None) -> None:
    other = next((p for p in mrns_taken(session, [mrn]) if p.id != exclude), None)
    if other is not None:
        raise DomainError(
            "MRN {mrn} is already used by {family}, {given} (born {birth}). Each patient needs their own MRN.",
            mrn=mrn,
            family=other.family_name.upper(),
            given=other.given_name,
            birth=other.birth_date,
        )


@contextmanager
def _mrn_decided_by_database(session: Session, mrn: str | None, exclude: uuid.UUID | None = None) -> Iterator[None]:
    """Write inside a savepoint, so that when the case-folded MRN index refuses the row (another
    workstation registered the same MRN, in any case, after our check and before our insert) the
    transaction can still read who has it, and the refusal reads as the check's own message."""
    try:
        with session.begin_nested():
            yield
    except IntegrityError as err:
        if mrn is None or MRN_FOLDED_INDEX not in str(err.orig):
            raise
        _check_mrn_free(session, mrn, exclude)
        raise DomainError(
            "MRN {mrn} is already used by another patient. Each patient needs their own MRN.", mrn=mrn
        ) from err


def with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """A new patient's checked values with what registration fills in when left out (registration
    and the spreadsheet import alike)."""
    values.setdefault("language", "zh_CN" if values.get("name_zh") else "en")
    values.setdefault("status", "screening")
    values.setdefault("genetics", "not_tested")
    for key in ("onset_date", "diagnosis_date", "death_date"):
        values.setdefault(key, None)
    return values


@requires("patient.write")
def add_patient(
    *,
    session: Session,
    mrn: str,
    family_name: str,
    given_name: str,
    birth_date: date,
    sex: str,
    **optional: Any,
) -> PatientView:
    """Register a patient; duplicates by name and birth date or phone are for the caller to warn."""
    values = with_defaults(
        validate_fields(
            dict(mrn=mrn, family_name=family_name, given_name=given_name, birth_date=birth_date, sex=sex, **optional)
        )
    )
    check_consistency(values)
    if values.get("responsible_staff_id") is not None:
        _check_key_worker(session, values["responsible_staff_id"])
    _check_mrn_free(session, values["mrn"])
    p = Patient(sort_key=search.sort_key(values["family_name"], values["given_name"]), **values)
    with _mrn_decided_by_database(session, values["mrn"]):
        session.add(p)
        session.flush()
    _refresh_search_keys(session, p)
    return view(p)


@requires("patient.write")
def update_patient(
    *, session: Session, patient_id: uuid.UUID | str, expected_version: int | None = None, **changes: Any
) -> tuple[PatientView, Changes]:
    """Change a patient's fields. Recording them as deceased (or moving the date of death) ends
    what still runs after that date (services.death.end_care_at_death)."""
    p = fetch_patient(session, patient_id)
    check_version(p, expected_version, "patient")
    values = validate_fields(changes)
    if values.get("responsible_staff_id") is not None:
        _check_key_worker(session, values["responsible_staff_id"])
    if "mrn" in values:
        _check_mrn_free(session, values["mrn"], exclude=p.id)
    with _mrn_decided_by_database(session, values.get("mrn"), exclude=p.id):
        for key, value in values.items():
            setattr(p, key, value)
        check_consistency(p)
        p.sort_key = search.sort_key(p.family_name, p.given_name)
        session.flush()
    if set(values) & {"mrn", "family_name", "given_name", "name_zh", "phone"}:
        _refresh_search_keys(session, p)
    changed = Changes(patients=True)
    if set(values) & {"status", "death_date"}:
        changed |= death.end_care_at_death(session, p)
    return view(p), changed


@requires("patient.write")
def set_archived(*, session: Session, patient_id: uuid.UUID | str, archived: bool) -> Changes:
    """Archive (hide from lists and the worklist) or restore; patients are never deleted."""
    fetch_patient(session, patient_id).archived = archived
    return Changes(patients=True)


@requires("patient.read")
def get_patient(*, session: Session, patient_id: uuid.UUID | str) -> PatientView:
    return view(fetch_patient(session, patient_id))


@requires("patient.read")
def get_by_mrn(*, session: Session, mrn: str) -> PatientView:
    p = session.scalar(sa.select(Patient).where(Patient.mrn == mrn.strip()))
    if p is None:
        raise NotFoundError("No patient has the MRN {mrn!r}.", mrn=mrn.strip())
    check_open(session, p)
    return view(p)


@requires("patient.read")
def display_names(*, session: Session, patient_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Names for lists (a restricted record's name is listed too; its contents are not)."""
    ids = set(patient_ids)
    if not ids:
        return {}
    rows = session.execute(sa.select(*SUMMARY_COLUMNS).where(Patient.id.in_(ids)))
    return {r.id: summary_from_row(r).display_name for r in rows}


@requires("patient.read")
def search_patients(
    *, session: Session, text: str, limit: int = 50, include_archived: bool = False
) -> list[PatientSummary]:
    """Patients whose name, Chinese name, pinyin, MRN or phone starts with `text`, best first; or
    for a referral's reference ("R-1A2B3C", any case), the patients with a referral of that number."""
    ref = referrals.parse_reference(text)
    if ref is not None:
        owners = sa.select(Referral.patient_id).where(Referral.reference == ref)
        stmt = sa.select(*SUMMARY_COLUMNS).where(Patient.id.in_(owners)).order_by(Patient.sort_key).limit(limit)
        if not include_archived:
            stmt = stmt.where(sa.not_(Patient.archived))
        by_reference = summaries(session, session.execute(stmt))
        if by_reference:
            return by_reference
    query = search.normalise_query(text)
    if not query:
        return list_patients(session=session, limit=limit, include_archived=include_archived)
    keys, page = _search_statements(session.get_bind().dialect.name, include_archived)
    read = Reader(session)
    ids = list(dict.fromkeys(r[0] for r in keys.rows(read, {**search.prefix_values(query), "n": limit * 4})))
    if not ids:
        return []
    found: list[PatientSummary] = []
    # Summaries for the best ids first (with room for a few archived ones to drop out); more only if needed.
    step = limit + limit // 2
    for start in range(0, len(ids), step):
        window = ids[start : start + step]
        rows = page(len(window)).rows(read, {f"id{i}": pid for i, pid in enumerate(window)})
        by_id = {row[0]: row[1:] for row in rows}
        batch = summaries(session, (by_id[i] for i in window if i in by_id))
        found.extend(p for p in batch if p.status is not None or _by_name_or_mrn(p, query))
        if len(found) >= limit:
            break
    return found[:limit]


_SEARCH: dict[tuple[str, bool], tuple[Query, Callable[[int], Query]]] = {}


def _search_statements(dialect: str, include_archived: bool) -> tuple[Query, Callable[[int], Query]]:
    """The key query of `search_patients` and its summary query for n ids, built once per backend
    and count (storage.reader: ids as bound values, one per id, not an expanding list)."""
    if (dialect, include_archived) not in _SEARCH:
        key = PatientSearchKey.key
        # Ids pass from one query to the next as the driver gives them: no UUID round trip for ~200 keys.
        raw_pid = sa.type_coerce(PatientSearchKey.patient_id, sa.String())
        # Walk the key index in order and stop early: a one-letter query must not sort 10k matches.
        keys = (
            sa.select(raw_pid)
            .where(search.prefix_match(key, dialect))
            .order_by(key, PatientSearchKey.patient_id)
            .limit(sa.bindparam("n", type_=sa.Integer()))
        )
        raw_id = sa.type_coerce(Patient.id, sa.String()).label("raw_id")
        # Typed as the driver gives the ids: hex text from SQLite, UUIDs from PostgreSQL.
        given = sa.String() if dialect == "sqlite" else sa.Uuid()
        summary = sa.select(raw_id, *SUMMARY_COLUMNS)
        if not include_archived:
            summary = summary.where(sa.not_(Patient.archived))
        pages: dict[int, Query] = {}

        def page(n: int) -> Query:
            if n not in pages:
                ids = [sa.bindparam(f"id{i}", type_=given) for i in range(n)]
                pages[n] = Query(summary.where(raw_id.in_(ids)))
            return pages[n]

        _SEARCH[dialect, include_archived] = (Query(keys), page)
    return _SEARCH[dialect, include_archived]


def _by_name_or_mrn(p: PatientSummary, query: str) -> bool:
    """Whether a masked record matches by what it shows: a phone found by its digits would say
    whose number it is."""
    keys = search.search_keys(
        mrn=p.mrn, family_name=p.family_name, given_name=p.given_name, name_zh=p.name_zh, phone=""
    )
    return any(key.startswith(query) for key in keys)


@requires("patient.read")
def list_patients(
    *, session: Session, offset: int = 0, limit: int = 100, include_archived: bool = False
) -> list[PatientSummary]:
    stmt = sa.select(*SUMMARY_COLUMNS).order_by(Patient.sort_key, Patient.id).offset(offset).limit(limit)
    if not include_archived:
        stmt = stmt.where(sa.not_(Patient.archived))
    return summaries(session, session.execute(stmt))


@requires("patient.read")
def count_patients(*, session: Session, include_archived: bool = False) -> int:
    stmt = sa.select(sa.func.count()).select_from(Patient)
    if not include_archived:
        stmt = stmt.where(sa.not_(Patient.archived))
    return int(session.scalar(stmt) or 0)


@requires("patient.read")
def possible_duplicates(
    *, session: Session, family_name: str, given_name: str, birth_date: date | None, phone: str = ""
) -> list[PatientSummary]:
    """Existing patients with the same name and birth date, or the same phone number."""
    conditions = []
    if birth_date is not None:
        conditions.append(
            sa.and_(Patient.sort_key == search.sort_key(family_name, given_name), Patient.birth_date == birth_date)
        )
    if len(search.digits(phone)) >= 5:
        conditions.append(Patient.phone == phone.strip())
    if not conditions:
        return []
    rows = session.execute(sa.select(*SUMMARY_COLUMNS).where(sa.or_(*conditions)).limit(20))
    return summaries(session, rows)


def staff_names(*, session: Session) -> dict[uuid.UUID, str]:
    return dict(session.execute(sa.select(Staff.id, Staff.display_name)).all())
