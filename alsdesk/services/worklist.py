"""The coordinator's worklist: everything due or overdue on a day, with a plain-language reason."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any, TypeAlias

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from alsdesk.errors import DomainError
from alsdesk.i18n import N_, Msg, labels
from alsdesk.i18n.values import Code, Days, Name
from alsdesk.models import (
    Alert,
    Assessment,
    Drug,
    Enrollment,
    LabResult,
    Medication,
    Patient,
    Referral,
    TherapyPlan,
    TherapySession,
    WorklistDismissal,
    Workup,
    WorkupType,
)
from alsdesk.names import patient_name
from alsdesk.services import alerts, medications, messages, restricted
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, RecordRules, Text
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.setting_values import load_settings
from alsdesk.storage.reader import Query, bulk
from alsdesk.vocab import PATIENT_STATUS

# Kinds in the order the worklist groups them, with the heading each group shows.
KINDS: dict[str, str] = {
    "alert": N_("Guideline alerts"),
    "workup_overdue": N_("Workups overdue"),
    "workup_due": N_("Workups due today"),
    "workup_review": N_("Results awaiting review"),
    "referral_followup": N_("Referrals awaiting a response"),
    "reassessment_due": N_("Reassessments due"),
    "drug_monitoring": N_("Drug monitoring due"),
    "therapy_due": N_("Therapy sessions today"),
    "therapy_unrecorded": N_("Therapy attendance not recorded"),
    "therapy_missed": N_("Therapy sessions missed"),
    "program_sheet": N_("Program sheets to collect"),
    # Records the user may not open: one neutral line each, whatever is due and whatever the
    # filters (they look inside the record), so no kind of work, date or discipline leaks out;
    # opening it offers emergency access, and its care team sees the items themselves.
    "restricted": N_("Restricted records"),
}
RESTRICTED = "restricted"
ALERT_DISCIPLINE = {
    "niv": "respiratory_medicine",
    "niv_review": "respiratory_medicine",
    "abg": "respiratory_medicine",
    "gastrostomy": "gastroenterology",
    "dietitian": "dietetics",
    "feed_review": "dietetics",
    "decline": "neurology",
    "riluzole_alt": "neurology",
}
ACTIVE_STATUSES = ("screening", "suspected", "diagnosed", "palliative")
REASSESSED_STATUSES = ("diagnosed", "palliative")
MISSED_WINDOW_DAYS = 30
MAX_PROGRAM_DAYS = 366  # the longest a program may last (catalogs.check_duration)
DISMISS_REASON = Text("Reason for dismissing", 300, required=True)
DISMISSAL_RULES: RecordRules = {"reason": DISMISS_REASON}


@dataclass(frozen=True)
class WorklistItem:
    key: str
    kind: str
    patient_id: uuid.UUID
    patient_mrn: str
    patient_name: str
    due_date: date
    reason: Msg  # str(reason) is the English the CLI prints; the window renders it in its language
    discipline: str
    record_id: uuid.UUID | None
    staff_id: uuid.UUID | None


_Column: TypeAlias = sa.SQLColumnExpression[Any]  # a column, an ORM attribute or an expression
_Query: TypeAlias = sa.Select[*tuple[Any, ...]]


# --- Date and text arithmetic in SQL, one rendering per dialect ---------------------------------


class _AddDays(FunctionElement[date]):
    """A date plus an integer number of days, as a date."""

    type = sa.Date()
    name = "add_days"
    inherit_cache = True


@compiles(_AddDays)
def _add_days(element: _AddDays, compiler: Any, **kw: Any) -> str:
    day, n = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(({day} + CAST({n} AS INTEGER)) AS DATE)"


@compiles(_AddDays, "sqlite")
def _add_days_sqlite(element: _AddDays, compiler: Any, **kw: Any) -> str:
    day, n = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({day}, CAST({n} AS TEXT) || ' days')"


def sql_days_later(day: Any, n: Any) -> sa.ColumnElement[date]:
    return _AddDays(day, n)


class _Text(FunctionElement[str]):
    """A UUID or a date as Python's str() writes it (the form item keys use)."""

    type = sa.String()
    name = "as_text"
    inherit_cache = True


@compiles(_Text)
def _as_text(element: _Text, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


@compiles(_Text, "sqlite")
def _as_text_sqlite(element: _Text, compiler: Any, **kw: Any) -> str:
    (value,) = element.clauses
    text: str = compiler.process(value, **kw)
    if isinstance(value.type, sa.Uuid):  # stored as 32 hex digits
        return f"(substr({text}, 1, 8) || '-' || substr({text}, 9, 4) || '-' || substr({text}, 13, 4) || '-' || substr({text}, 17, 4) || '-' || substr({text}, 21))"
    return text  # dates are stored as ISO text


def _text(value: Any) -> sa.ColumnElement[str]:
    return _Text(value)


def _raw(col: _Column, name: str) -> sa.ColumnElement[str]:
    """`col` as the driver returns it (text on SQLite), for the reader's memoised conversion."""
    return sa.type_coerce(col, sa.String()).label(name)


# --- The rules: one per kind, each a query the counts, the pages and the full list share -------


@dataclass(frozen=True)
class _Rule:
    kind: str
    query: _Query  # FROM, joins and conditions; no columns
    patient: _Column  # the patient id the item is for
    due: _Column
    key: _Column  # the item key after "kind:"
    tie: _Column  # orders equal due dates and names as the key does
    reason: Callable[[_Reader, Any], Msg]
    discipline: _Column | str
    record: _Column | None = None
    staff: _Column | None = None  # the item's own; else the patient's
    columns: tuple[_Column, ...] = ()  # what the reason reads
    joined: bool = False  # the query reads Patient itself and keeps only active patients
    # A many-to-one join (on a required foreign key: it never drops a row) that only the
    # items' columns and the filters read; a count without filters leaves it out.
    detail: tuple[Any, sa.ColumnElement[bool]] | None = None


class _Reader:
    """Converts rows to values once per distinct value.

    A day's worklist at a large clinic has tens of thousands of rows, most sharing patients and
    dates: the dates a reason quotes are read as the driver returns them and converted once per
    value, each patient's name written once (ids are converted once per value by storage.reader).
    """

    def __init__(self) -> None:
        self._dates: dict[object, date] = {}
        self._names: dict[tuple[str, str, str], str] = {}

    def day(self, value: object) -> date:
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = value if isinstance(value, date) else date.fromisoformat(str(value))
        return found

    @staticmethod
    def clock(value: object) -> str:
        """A start time as the driver returns it ("09:30:00.000000" on SQLite) as HH:MM."""
        return value.isoformat(timespec="minutes") if isinstance(value, time) else str(value)[:5]

    def name(self, row: Any) -> str:
        parts = (row.family_name, row.given_name, row.name_zh)  # hashed faster than a UUID
        name = self._names.get(parts)
        if name is None:
            name = self._names[parts] = patient_name(*parts)
        return name


def _active(patient: sa.TableClause) -> sa.ColumnElement[bool]:
    """Whose items the worklist shows."""
    return sa.and_(patient.c.status.in_(ACTIVE_STATUSES), sa.not_(patient.c.archived))


_OTHER = sa.alias(Patient.__table__, "other_patient")  # not correlated with a query's own patient


def _inactive_ids() -> sa.CompoundSelect[uuid.UUID]:
    """Exactly the patients not _active() (status is one of PATIENT_STATUS), as two index seeks."""
    # "Not one of these" reads a small in-memory set (about 1 patient in 10) per row instead of
    # looking each row's patient up in the patient table: several times faster over 100k rows.
    inactive = tuple(s for s in PATIENT_STATUS if s not in ACTIVE_STATUSES)
    return sa.union_all(
        sa.select(_OTHER.c.id).where(_OTHER.c.status.in_(inactive)),
        sa.select(_OTHER.c.id).where(_OTHER.c.status.in_(ACTIVE_STATUSES), _OTHER.c.archived),
    )


def _name_order(dialect: str) -> sa.ColumnElement[str]:
    """The patient's name as names.patient_name spells it (ASCII upper case), for ordering in SQL;
    tests/db/test_patient_name_order.py checks the two agree."""
    zh = sa.case((sa.func.coalesce(Patient.name_zh, "") == "", ""), else_=sa.literal(" ", sa.String) + Patient.name_zh)
    name = sa.func.upper(Patient.family_name, type_=sa.String) + ", " + Patient.given_name + zh
    return sa.collate(name, "C") if dialect == "postgresql" else name  # code-point order, as Python sorts


class _Context:
    """What the rules of one day need: the day, the clinic's settings, the dialect."""

    def __init__(self, session: Session, on: date) -> None:
        self.session = session
        self.on = on
        self.dialect = session.get_bind().dialect.name
        self._settings: dict[str, Any] | None = None
        self._dismissed: set[str] | None = None
        self._closed: set[uuid.UUID] | None = None

    def closed(self) -> set[uuid.UUID]:
        """Restricted records the actor may not open: left out of every kind but RESTRICTED."""
        if self._closed is None:
            self._closed = restricted.closed(self.session)
        return self._closed

    def settings(self) -> dict[str, Any]:
        if self._settings is None:
            self._settings = load_settings(session=self.session)
        return self._settings

    def setting(self, name: str) -> int:
        return int(self.settings()[name])

    def dismissed_kinds(self) -> set[str]:
        """Kinds with at least one dismissed item (dismissals are few: one a coordinator's click)."""
        if self._dismissed is None:
            keys = self.session.scalars(sa.select(WorklistDismissal.item_key))
            self._dismissed = {key.split(":", 1)[0] for key in keys}
        return self._dismissed


def _alert(ctx: _Context) -> _Rule:
    query = sa.select().select_from(Alert)
    query = query.where(Alert.status == "open", Alert.raised_on <= ctx.on)
    return _Rule(
        "alert",
        query,
        patient=Alert.patient_id,
        due=Alert.raised_on,
        key=_text(Alert.id),
        tie=Alert.id,
        reason=lambda c, r: alerts.stored_message(r.message_key, r.message_values, r.message),
        discipline=sa.case(ALERT_DISCIPLINE, value=Alert.kind, else_="neurology"),
        record=Alert.id,
        columns=(Alert.message_key, Alert.message_values, Alert.message),
    )


def _workup(ctx: _Context, kind: str, condition: sa.ColumnElement[bool]) -> _Rule:
    on = ctx.on
    query = sa.select().select_from(Workup).join(WorkupType, WorkupType.code == Workup.type_code).where(condition)
    if kind == "workup_review":
        days = ctx.setting("workup_review_days")
        due: _Column = sql_days_later(Workup.resulted_on, days)

        def reason(c: _Reader, r: Any) -> Msg:
            workup = Name(r.name_en, r.type_zh)
            return messages.text(messages.WORKUP_REVIEW, workup=workup, date=c.day(r.resulted_on), days=Days(days))

    else:
        due = Workup.due_date

        def reason(c: _Reader, r: Any) -> Msg:
            workup, status = Name(r.name_en, r.type_zh), Code(r.status, r.status)
            if kind == "workup_due":
                return messages.text(messages.WORKUP_DUE, workup=workup, status=status)
            due_date = c.day(r.due)
            overdue = Days((on - due_date).days)
            return messages.text(messages.WORKUP_OVERDUE, workup=workup, status=status, date=due_date, days=overdue)

    return _Rule(
        kind,
        query,
        patient=Workup.patient_id,
        due=due,
        key=_text(Workup.id),
        tie=Workup.id,
        reason=reason,
        discipline=WorkupType.discipline,
        record=Workup.id,
        columns=(
            WorkupType.name_en,
            WorkupType.name_zh.label("type_zh"),
            Workup.status,
            _raw(Workup.resulted_on, "resulted_on"),
        ),
    )


_PENDING_WORKUP = Workup.status.in_(("ordered", "scheduled"))


def _workup_overdue(ctx: _Context) -> _Rule:
    return _workup(ctx, "workup_overdue", sa.and_(_PENDING_WORKUP, Workup.due_date < ctx.on))


def _workup_due(ctx: _Context) -> _Rule:
    return _workup(ctx, "workup_due", sa.and_(_PENDING_WORKUP, Workup.due_date == ctx.on))


def _workup_review(ctx: _Context) -> _Rule:
    cutoff = ctx.on - timedelta(days=ctx.setting("workup_review_days"))
    return _workup(ctx, "workup_review", sa.and_(Workup.status == "resulted", Workup.resulted_on <= cutoff))


def _referral(ctx: _Context) -> _Rule:
    query = sa.select().select_from(Referral)
    query = query.where(Referral.status.in_(("sent", "received")), Referral.follow_up_on <= ctx.on)

    def reason(c: _Reader, r: Any) -> Msg:
        sent = r.status == "sent"
        if r.to_facility:
            template = messages.REFERRAL_NO_RESPONSE_AT if sent else messages.REFERRAL_NOT_ACCEPTED_AT
        else:
            template = messages.REFERRAL_NO_RESPONSE if sent else messages.REFERRAL_NOT_ACCEPTED
        return messages.text(
            template,
            urgency=Code(r.urgency, r.urgency.capitalize()),
            discipline=Code(r.to_specialty, labels.discipline(r.to_specialty).lower()),
            facility=r.to_facility,
            date=c.day(r.sent_on),
            due=c.day(r.due),
        )

    return _Rule(
        "referral_followup",
        query,
        patient=Referral.patient_id,
        due=Referral.follow_up_on,
        key=_text(Referral.id),
        tie=Referral.id,
        reason=reason,
        discipline=Referral.to_specialty,
        record=Referral.id,
        staff=Referral.staff_id,
        columns=(
            Referral.to_specialty,
            Referral.to_facility,
            _raw(Referral.sent_on, "sent_on"),
            Referral.urgency,
            Referral.status,
        ),
    )


def _reassessment(ctx: _Context) -> _Rule:
    interval = ctx.setting("reassessment_days")

    def scored(*conditions: sa.ColumnElement[bool]) -> _Query:
        return sa.select(Assessment.patient_id).where(
            Assessment.patient_id == Patient.id, Assessment.item_1.is_not(None), *conditions
        )

    # Due when no scored visit is recent: the last one is older than the interval, or there has
    # been none since a diagnosis on or before the day. Each is an index seek per patient.
    query = (
        sa.select()
        .select_from(Patient)
        .where(
            Patient.status.in_(REASSESSED_STATUSES),
            ~scored(Assessment.assessed_on > ctx.on - timedelta(days=interval)).exists(),
            sa.or_(scored().exists(), Patient.diagnosis_date <= ctx.on),
        )
    )
    last_on = (
        sa.select(sa.func.max(Assessment.assessed_on))
        .where(Assessment.patient_id == Patient.id, Assessment.item_1.is_not(None))
        .correlate(Patient)  # also from inside the key's dismissal lookup
        .scalar_subquery()
    )

    def reason(c: _Reader, r: Any) -> Msg:
        if r.last_on is None:
            return messages.text(messages.BASELINE_DUE)
        return messages.text(messages.REASSESSMENT_DUE, date=c.day(r.last_on), count=interval)

    return _Rule(
        "reassessment_due",
        query.where(_active(Patient.__table__)),
        patient=Patient.id,
        joined=True,
        due=sa.case((last_on.is_(None), Patient.diagnosis_date), else_=sql_days_later(last_on, interval)),
        key=_text(Patient.id) + ":" + sa.func.coalesce(_text(last_on), "none"),
        tie=Patient.id,
        reason=reason,
        discipline="neurology",
        columns=(_raw(last_on, "last_on"),),
    )


def next_reassessment(status: str, diagnosis_date: date | None, last_scored: date | None, interval: int) -> date | None:
    """The day `_reassessment` lists one patient's reassessment from, read from their chart: the
    last scored visit + `interval` days, or the diagnosis date before any scored visit; None for
    a patient not reassessed (not diagnosed, or no date to count from)."""
    if status not in REASSESSED_STATUSES:
        return None
    if last_scored is not None:
        return last_scored + timedelta(days=interval)
    return diagnosis_date


def _drug_monitoring(ctx: _Context) -> _Rule:
    """Riluzole liver tests (ALT): a running course whose next test date has come. Each course
    keeps that date (Medication.alt_due_on, alerts.riluzole_alt_due), so the count reads an index;
    the drug's name and the latest ALT are read only for the items listed, and the reason says
    which rule set the date (baseline, scheduled month N, or monthly recheck after a raised ALT)."""
    drug = sa.select(Drug.name).where(Drug.code == Medication.drug_code).scalar_subquery()
    drug_zh = sa.select(Drug.name_zh).where(Drug.code == Medication.drug_code).scalar_subquery()
    due = Medication.alt_due_on

    def reason(c: _Reader, r: Any) -> Msg:
        settings = ctx.settings()
        started = c.day(r.started_on)
        last = medications.alt_result(c.day(r.last_alt) if r.last_alt else None, r.last_value, r.last_limit)
        found = alerts.riluzole_alt_due(started, last, settings)
        values = {"drug": Name(r.name, r.drug_zh or ""), "date": started, "due": c.day(r.due)}
        if found.rule == "baseline" or last is None:
            return messages.text(messages.ALT_DUE_BASELINE, **values, count=int(settings["riluzole_baseline_alt_days"]))
        if found.rule == "raised":
            limit = alerts.alt_upper_limit(last.upper_limit, settings)
            return messages.text(
                messages.ALT_DUE_RAISED, **values, value=f"{last.value:g}", last=last.taken_on, limit=f"{limit:g}"
            )
        return messages.text(messages.ALT_DUE, **values, month=found.month, last=last.taken_on)

    return _Rule(
        "drug_monitoring",
        sa.select().select_from(Medication).where(due <= ctx.on),
        patient=Medication.patient_id,
        due=due,
        key=_text(Medication.id) + ":" + _text(due),
        tie=Medication.id,
        reason=reason,
        discipline="neurology",
        record=Medication.id,
        columns=(
            sa.func.coalesce(drug, Medication.drug_code).label("name"),
            drug_zh.label("drug_zh"),  # not "name_zh": the patient's Chinese name is read too
            _raw(Medication.started_on, "started_on"),
            _raw(medications.latest_alt(LabResult.taken_on, Medication.patient_id), "last_alt"),
            medications.latest_alt(LabResult.value, Medication.patient_id).label("last_value"),
            medications.latest_alt(LabResult.upper_limit, Medication.patient_id).label("last_limit"),
        ),
    )


def _therapy(ctx: _Context, kind: str, condition: sa.ColumnElement[bool]) -> _Rule:
    query = sa.select().select_from(TherapySession).where(condition)
    template = {
        "therapy_due": messages.THERAPY_TODAY,
        "therapy_unrecorded": messages.THERAPY_UNRECORDED,
        "therapy_missed": messages.THERAPY_MISSED,
    }[kind]

    def reason(c: _Reader, r: Any) -> Msg:
        discipline = Code(r.discipline, labels.discipline(r.discipline))
        if kind == "therapy_due" and r.starts_at is not None:  # today's session at its time
            return messages.text(
                messages.THERAPY_TODAY_AT, discipline=discipline, title=r.title, time=c.clock(r.starts_at)
            )
        return messages.text(template, discipline=discipline, title=r.title, date=c.day(r.due))

    return _Rule(
        kind,
        query,
        patient=TherapySession.patient_id,
        detail=(TherapyPlan, TherapyPlan.id == TherapySession.plan_id),
        due=TherapySession.scheduled_on,
        key=_text(TherapySession.id),
        tie=TherapySession.id,
        reason=reason,
        discipline=TherapyPlan.discipline,
        record=TherapySession.id,
        staff=TherapyPlan.staff_id,
        columns=(TherapyPlan.discipline, TherapyPlan.title, _raw(TherapySession.scheduled_time, "starts_at")),
    )


def _therapy_due(ctx: _Context) -> _Rule:
    return _therapy(
        ctx, "therapy_due", sa.and_(TherapySession.status == "scheduled", TherapySession.scheduled_on == ctx.on)
    )


def _therapy_unrecorded(ctx: _Context) -> _Rule:
    return _therapy(
        ctx, "therapy_unrecorded", sa.and_(TherapySession.status == "scheduled", TherapySession.scheduled_on < ctx.on)
    )


def _therapy_missed(ctx: _Context) -> _Rule:
    since = ctx.on - timedelta(days=MISSED_WINDOW_DAYS)
    return _therapy(
        ctx, "therapy_missed", sa.and_(TherapySession.status == "missed", TherapySession.scheduled_on >= since)
    )


def _program_sheet(ctx: _Context) -> _Rule:
    """The "collect the sheet" item: an active enrollment whose sheet is not entered (no return date),
    from the day after its last day (programs.enrollment_last_day) to `program_sheet_collect_days`
    (clinic default 14) after it: on last day + 14 it is listed, on last day + 15 it is gone
    (domain.md "Care programs over time"). The start date is bounded on both sides (a program lasts
    at most 366 days), so the count seeks ix_enrollment_status_start instead of reading every
    enrollment ever made. A deceased patient is no active patient: nothing of theirs is listed."""
    window = ctx.setting("program_sheet_collect_days")
    due = sql_days_later(Enrollment.start_date, Enrollment.duration_days)  # the day after the sheet's last day
    query = sa.select().select_from(Enrollment)
    query = query.where(
        Enrollment.status == "active",
        Enrollment.sheet_returned_on.is_(None),
        Enrollment.start_date < ctx.on,
        Enrollment.start_date >= ctx.on - timedelta(days=window + MAX_PROGRAM_DAYS),
        due <= ctx.on,
        due >= ctx.on - timedelta(days=window - 1),
    )

    def reason(c: _Reader, r: Any) -> Msg:
        ended = c.day(r.due) - timedelta(days=1)
        return messages.text(messages.SHEET_TO_COLLECT, program=Name(r.name_en, r.program_zh), date=ended)

    return _Rule(
        "program_sheet",
        query,
        patient=Enrollment.patient_id,
        due=due,
        key=_text(Enrollment.id),
        tie=Enrollment.id,
        reason=reason,
        discipline="specialist_nursing",
        record=Enrollment.id,
        columns=(Enrollment.name_en, Enrollment.name_zh.label("program_zh")),
    )


_RULES: dict[str, Callable[[_Context], _Rule]] = {
    "alert": _alert,
    "workup_overdue": _workup_overdue,
    "workup_due": _workup_due,
    "workup_review": _workup_review,
    "referral_followup": _referral,
    "reassessment_due": _reassessment,
    "drug_monitoring": _drug_monitoring,
    "therapy_due": _therapy_due,
    "therapy_unrecorded": _therapy_unrecorded,
    "therapy_missed": _therapy_missed,
    "program_sheet": _program_sheet,
}
assert [*_RULES, RESTRICTED] == list(KINDS)


def _select(
    ctx: _Context,
    rule: _Rule,
    columns: list[Any],
    discipline: str | None,
    staff_id: uuid.UUID | None,
    *,
    with_patient: bool,
    closed: bool = False,
) -> _Query | None:
    """The rule's rows of active patients for the filters, without dismissed items; None when the
    filter rules the kind out. `with_patient` joins the patient's row, for its columns. Rows of
    records the actor may not open are left out, or (`closed`) are the only ones kept."""
    stmt = rule.query
    shut = ctx.closed()
    if shut:
        stmt = stmt.where(rule.patient.in_(shut) if closed else rule.patient.not_in(shut))
    elif closed:
        return None
    if rule.detail is not None and (with_patient or discipline is not None or staff_id is not None):
        stmt = stmt.join(*rule.detail)
    if not rule.joined:
        stmt = stmt.where(rule.patient.not_in(_inactive_ids()))
        if with_patient or staff_id is not None:
            stmt = stmt.join(Patient, Patient.id == rule.patient)
    stmt = stmt.add_columns(*columns)
    if discipline is not None:
        if isinstance(rule.discipline, str):
            if rule.discipline != discipline:
                return None
        else:
            stmt = stmt.where(rule.discipline == discipline)
    if staff_id is not None:
        staff = (
            Patient.responsible_staff_id
            if rule.staff is None
            else sa.func.coalesce(rule.staff, Patient.responsible_staff_id)
        )
        stmt = stmt.where(staff == staff_id)
    if rule.kind in ctx.dismissed_kinds():  # most kinds have none: no lookup per row then
        dismissed = sa.select(WorklistDismissal.id).where(
            WorklistDismissal.item_key == sa.literal(f"{rule.kind}:", sa.String) + rule.key
        )
        stmt = stmt.where(~dismissed.exists())
    return stmt


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DomainError("{kind!r} is not a kind of worklist item.", kind=kind)


@requires("patient.read")
def worklist_counts(
    *, session: Session, on: date, discipline: str | None = None, staff_id: uuid.UUID | None = None
) -> dict[str, int]:
    """How many items of each kind (every kind, in KINDS order) are due on or before `on`.

    Counted in SQL: no item is built, so this stays fast however long the day's list is.
    """
    ctx = _Context(session, on)
    counts = dict.fromkeys(KINDS, 0)
    for kind, build in _RULES.items():
        stmt = _select(ctx, build(ctx), [sa.func.count()], discipline, staff_id, with_patient=False)
        if stmt is not None:
            counts[kind] = session.execute(stmt).scalar_one()
    counts[RESTRICTED] = len(_closed_with_work(ctx))
    return counts


def _closed_with_work(ctx: _Context) -> set[uuid.UUID]:
    """Restricted records the actor may not open that have anything due (no filter applies)."""
    found: set[uuid.UUID] = set()
    for build in _RULES.values():
        rule = build(ctx)
        stmt = _select(ctx, rule, [rule.patient], None, None, with_patient=False, closed=True)
        if stmt is not None:
            found |= set(ctx.session.scalars(stmt.distinct()))
    return found


def _restricted_items(ctx: _Context, offset: int, limit: int | None) -> list[WorklistItem]:
    """One neutral line per closed record with work due: name and MRN, dated the day shown."""
    ids = _closed_with_work(ctx)
    if not ids:
        return []
    stmt = (
        sa.select(Patient.id.label("pid"), Patient.mrn, Patient.family_name, Patient.given_name, Patient.name_zh)
        .where(Patient.id.in_(ids))
        .order_by(_name_order(ctx.dialect), Patient.id)
        .offset(offset)
        .limit(limit)
    )
    reader = _Reader()
    return [
        WorklistItem(
            f"{RESTRICTED}:{r.pid}",
            RESTRICTED,
            r.pid,
            r.mrn,
            reader.name(r),
            ctx.on,
            messages.text(restricted.RESTRICTED_TEXT),
            "",
            None,
            None,
        )
        for r in ctx.session.execute(stmt)
    ]


def _items(
    ctx: _Context,
    reader: _Reader,
    kind: str,
    discipline: str | None,
    staff_id: uuid.UUID | None,
    offset: int,
    limit: int | None,
) -> list[WorklistItem]:
    if kind == RESTRICTED:
        return _restricted_items(ctx, offset, limit)
    rule = _RULES[kind](ctx)
    discipline_column = (
        rule.discipline if not isinstance(rule.discipline, str) else sa.literal(rule.discipline, sa.String)
    )
    stmt = _select(
        ctx,
        rule,
        [
            # Ids and dates typed: storage.reader converts them column by column (each id once).
            Patient.id.label("pid"),
            Patient.mrn,
            Patient.family_name,
            Patient.given_name,
            Patient.name_zh,
            Patient.responsible_staff_id.label("patient_staff_id"),
            rule.due.label("due"),
            rule.key.label("key"),
            discipline_column.label("discipline"),
            (rule.record if rule.record is not None else sa.null()).label("record"),
            (rule.staff if rule.staff is not None else sa.null()).label("staff"),
            *rule.columns,
        ],
        discipline,
        staff_id,
        with_patient=True,
    )
    if stmt is None:
        return []
    stmt = stmt.order_by(rule.due, _name_order(ctx.dialect), rule.tie).offset(offset).limit(limit)
    return [
        WorklistItem(
            f"{kind}:{r.key}",
            kind,
            r.pid,
            r.mrn,
            reader.name(r),
            r.due,
            rule.reason(reader, r),
            r.discipline,
            r.record,
            r.staff or r.patient_staff_id,
        )
        for r in Query(stmt).rows(ctx.session)  # at the driver's speed: a day has tens of thousands
    ]


@requires("patient.read")
def worklist_page(
    *,
    session: Session,
    on: date,
    kind: str,
    offset: int = 0,
    limit: int = 100,
    discipline: str | None = None,
    staff_id: uuid.UUID | None = None,
) -> list[WorklistItem]:
    """Items `offset` to `offset + limit` of one kind, in the order worklist() lists them."""
    _check_kind(kind)
    if offset < 0 or limit < 0:
        raise DomainError("A worklist page needs a non-negative offset and limit.")
    return _items(_Context(session, on), _Reader(), kind, discipline, staff_id, offset, limit)


@requires("patient.read")
def worklist(
    *, session: Session, on: date, discipline: str | None = None, staff_id: uuid.UUID | None = None
) -> list[WorklistItem]:
    """Every item due on or before `on`, grouped by kind, oldest first within a kind (then by
    patient name and item key).

    Rules and defaults: domain.md (workup and referral follow-up, NICE NG42 reassessment every
    90 days, riluzole SmPC liver tests, guideline alerts); each threshold is a clinic setting.
    """
    ctx, reader = _Context(session, on), _Reader()
    with bulk():
        return [item for kind in KINDS for item in _items(ctx, reader, kind, discipline, staff_id, 0, None)]


@requires("care.write")
def dismiss(
    *,
    session: Session,
    item_key: str,
    patient_id: uuid.UUID | str,
    on: date,
    reason: str,
    staff_id: uuid.UUID | None = None,
) -> Changes:
    """Take an item off the worklist with a reason; the dismissal is kept as a record."""
    kind = item_key.split(":", 1)[0]
    if kind not in KINDS:
        raise DomainError("{key!r} is not a worklist item.", key=item_key)
    patient = fetch_patient(session, patient_id)
    if session.scalar(sa.select(WorklistDismissal.id).where(WorklistDismissal.item_key == item_key)):
        raise DomainError("This item was already dismissed.")
    session.add(
        WorklistDismissal(
            patient_id=patient.id,
            item_key=item_key,
            dismissed_on=on,
            reason=DISMISS_REASON(reason),
            staff_id=staff_id,
        )
    )
    return Changes()
