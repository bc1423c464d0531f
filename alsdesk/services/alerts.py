"""Guideline alerts from measurements and lab values, and the drug monitoring schedule.

Each threshold is a clinic setting (services.settings) whose default and source are listed there.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.i18n import Msg
from alsdesk.i18n.values import Code, Codes, Days, Name, decode, encode
from alsdesk.models import Alert
from alsdesk.services import messages as msg
from alsdesk.services import scoring
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, RecordRules, Text, fetch
from alsdesk.vocab import NIV_CRITERIA


@dataclass(frozen=True)
class AlertSpec:
    kind: str
    message: Msg
    # What fired it: vocab.NIV_CRITERIA codes for NIV, the rule's one criterion for other kinds.
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlertView:
    id: uuid.UUID
    patient_id: uuid.UUID
    kind: str
    raised_on: date
    message: Msg
    status: str
    criteria: tuple[str, ...] = ()
    closed_reason: str | None = None
    closed_on: date | None = None


@dataclass(frozen=True)
class VisitFacts:
    """What the visit rules read: one visit, the patient, and the record before the visit."""

    on: date
    sex: str = "unknown"
    lung_disease: bool = False  # the patient's flag
    items: dict[str, int] | None = None
    symptoms: tuple[str, ...] = ()  # vocab.RESPIRATORY_SYMPTOMS codes recorded at the visit
    fvc_percent: float | None = None
    snip_cmh2o: float | None = None
    spo2_percent: float | None = None
    weight_kg: float | None = None
    baseline_weight_kg: float | None = None  # services.alerts.baseline_weight
    earlier_snips: tuple[tuple[date, float], ...] = ()  # SNIPs of earlier visits
    previous_scored: tuple[date, int] | None = None  # the scored visit before this one: (date, total)
    in_place: frozenset[str] = frozenset()  # services.interventions.KINDS in place on the day
    fvc_at_niv_start: tuple[date, float] | None = None  # the FVC at or just before NIV started


def baseline_weight(weights: list[tuple[date, float]], diagnosis_date: date | None) -> float | None:
    """Weight at diagnosis: the last weight on or before diagnosis, else the first one recorded."""
    ordered = sorted(weights)
    if not ordered:
        return None
    if diagnosis_date is not None:
        before = [w for d, w in ordered if d <= diagnosis_date]
        if before:
            return before[-1]
    return ordered[0][1]


def respiratory_symptoms(v: VisitFacts) -> bool:
    """Symptoms of respiratory impairment (NICE NG42 1.11): ALSFRS-R item 10 (dyspnoea) or 11
    (orthopnoea) below 4, or an NG42 symptom recorded at the visit."""
    items = v.items or {}
    return any(items.get(k, 4) < 4 for k in ("10", "11")) or bool(v.symptoms)


def snip_fall(v: VisitFacts, settings: dict[str, float]) -> bool:
    """A fall in SNIP (NICE NG42 1.11.5): this visit's SNIP at least `snip_fall_cmh2o` below the
    highest SNIP of the preceding `snip_fall_days` days (visits dated on-days..on-1)."""
    if v.snip_cmh2o is None:
        return False
    since = v.on - timedelta(days=int(settings["snip_fall_days"]))
    window = [snip for day, snip in v.earlier_snips if since <= day < v.on]
    return bool(window) and max(window) - v.snip_cmh2o >= settings["snip_fall_cmh2o"]


def niv_criteria(v: VisitFacts, settings: dict[str, float]) -> tuple[str, ...]:
    """Which NICE NG42 criteria for discussing NIV this visit meets (vocab.NIV_CRITERIA, in order).

    With respiratory symptoms: FVC < 80 % predicted (`fvc_symptomatic`), SNIP < 65 cmH2O for men,
    other and unknown sex, < 55 for women (`snip_symptomatic`). Whatever the symptoms: FVC < 50 %
    (`fvc_50`), SNIP < 40 cmH2O (`snip_40`), and a fall in SNIP (`snip_fall_10`, see snip_fall).
    NICE NG42 (2016, updated 2019) 1.11.5, carried from CG105.
    """
    s, fvc, snip = settings, v.fvc_percent, v.snip_cmh2o
    symptomatic = respiratory_symptoms(v)
    snip_line = s["snip_niv_symptomatic_women_cmh2o"] if v.sex == "female" else s["snip_niv_symptomatic_cmh2o"]
    fired = {
        "fvc_symptomatic": symptomatic and fvc is not None and fvc < s["fvc_niv_symptomatic_percent"],
        "snip_symptomatic": symptomatic and snip is not None and snip < snip_line,
        "fvc_50": fvc is not None and fvc < s["fvc_niv_percent"],
        "snip_40": snip is not None and snip < s["snip_niv_cmh2o"],
        "snip_fall_10": snip_fall(v, s),
    }
    return tuple(code for code in NIV_CRITERIA if fired[code])


def niv_alert(v: VisitFacts, settings: dict[str, float]) -> AlertSpec | None:
    """One "discuss NIV" alert listing every NG42 criterion met (niv_criteria); none while NIV or a
    tracheostomy is in place (services.interventions; NICE NG42: the advice follows what is done)."""
    if v.in_place & {"niv", "tracheostomy"}:
        return None
    criteria = niv_criteria(v, settings)
    if not criteria:
        return None
    fvc = f"{v.fvc_percent:g}" if v.fvc_percent is not None else ""
    snip = f"{v.snip_cmh2o:g}" if v.snip_cmh2o is not None else ""
    template = msg.NIV_NG42_BOTH if fvc and snip else msg.NIV_NG42_FVC if fvc else msg.NIV_NG42_SNIP
    listed = Codes(tuple(Code(c, c) for c in criteria))  # English lists the codes themselves
    return AlertSpec("niv", msg.text(template, criteria=listed, fvc=fvc, snip=snip), criteria)


def niv_review_alert(v: VisitFacts, settings: dict[str, float]) -> AlertSpec | None:
    """On NIV (not a tracheostomy): FVC fallen `fvc_fall_niv_review_points` percentage points or
    more below the FVC at or just before NIV started (the latest FVC dated on or before the start)
    → respiratory review of NIV settings and hours. A clinic default (domain: "Interventions in
    place change the advice"); NICE NG42 1.12 asks for regular review of ventilation."""
    if "niv" not in v.in_place or "tracheostomy" in v.in_place:
        return None
    if v.fvc_percent is None or v.fvc_at_niv_start is None:
        return None
    started, baseline = v.fvc_at_niv_start
    fall = baseline - v.fvc_percent
    if fall < settings["fvc_fall_niv_review_points"]:
        return None
    message = msg.text(
        msg.NIV_REVIEW, fvc=f"{v.fvc_percent:g}", fall=f"{fall:g}", baseline=f"{baseline:g}", date=started.isoformat()
    )
    return AlertSpec("niv_review", message, ("fvc_fall_10",))


def abg_alert(v: VisitFacts, settings: dict[str, float]) -> AlertSpec | None:
    """SpO2 < 94 % without lung disease, < 92 % with → arterial blood gas (NICE CG105, kept in NG42).
    Lung disease is the patient's flag."""
    if v.spo2_percent is None:
        return None
    limit = settings["spo2_abg_lung_percent"] if v.lung_disease else settings["spo2_abg_percent"]
    if v.spo2_percent >= limit:
        return None
    template = msg.ABG_LUNG if v.lung_disease else msg.ABG
    criterion = "spo2_92_lung_disease" if v.lung_disease else "spo2_94"
    return AlertSpec("abg", msg.text(template, spo2=f"{v.spo2_percent:g}", limit=f"{limit:g}"), (criterion,))


def weight_loss_percent(v: VisitFacts) -> float | None:
    if v.weight_kg is None or not v.baseline_weight_kg:
        return None
    return (v.baseline_weight_kg - v.weight_kg) / v.baseline_weight_kg * 100


def nutrition_alert(v: VisitFacts, settings: dict[str, float]) -> AlertSpec | None:
    """Weight loss from the weight at diagnosis.

    Without a gastrostomy: ≥ 10 % → discuss gastrostomy; dietitian review (EFNS 2012; ProGas 2015),
    with its timing beside it (gastrostomy_timing); ≥ 5 % → dietitian review (clinic default).
    With a gastrostomy in place (services.interventions): either → dietitian review of the feed.
    """
    loss = weight_loss_percent(v)
    if loss is None or v.baseline_weight_kg is None or v.weight_kg is None:
        return None
    s = settings
    values = {"loss": f"{loss:.1f}", "baseline": f"{v.baseline_weight_kg:g}", "weight": f"{v.weight_kg:g}"}
    big = loss >= s["weight_loss_gastrostomy_percent"]
    criterion = "weight_loss_10" if big else "weight_loss_5"
    if not big and loss < s["weight_loss_dietitian_percent"]:
        return None
    if "gastrostomy" in v.in_place:
        return AlertSpec("feed_review", msg.text(msg.FEED_REVIEW, **values), (criterion,))
    if not big:
        return AlertSpec("dietitian", msg.text(msg.DIETITIAN, **values), (criterion,))
    timing = gastrostomy_timing(v.fvc_percent, s)
    if timing is None:
        return AlertSpec("gastrostomy", msg.text(msg.GASTROSTOMY, **values), (criterion,))
    template, limit = timing
    message = msg.text(template, **values, fvc=f"{v.fvc_percent:g}", fvc_limit=f"{limit:g}")
    return AlertSpec("gastrostomy", message, (criterion,))


def gastrostomy_timing(fvc_percent: float | None, settings: dict[str, float]) -> tuple[str, float] | None:
    """What FVC says about the timing of a gastrostomy being discussed: below 50 % it carries more
    risk (decide soon, consider RIG), below 30 % high risk; None at 50 % or above or unmeasured.
    AAN 1999 practice parameter (Miller et al., Neurology 1999;52:1311) and EFNS 2012 (Andersen
    et al., Eur J Neurol 2012;19:360); the AAN 2009 update found too little data to fix a timing.
    Returns the message template and the line crossed."""
    if fvc_percent is None:
        return None
    high = settings["fvc_gastrostomy_risk_percent"]
    if fvc_percent < high:
        return msg.GASTROSTOMY_HIGH_RISK, high
    more = settings["fvc_gastrostomy_timing_percent"]
    if fvc_percent < more:
        return msg.GASTROSTOMY_TIMING, more
    return None


def rapid_decline_alert(v: VisitFacts, settings: dict[str, float]) -> AlertSpec | None:
    """Rapid decline: between the two latest scored visits the ALSFRS-R fell at ≥ 1.0 point per
    month AND by ≥ 3 points → review plan. Both are clinic defaults; 1.0/month is the edge of
    Kimura's fast band (Kimura et al., Neurology 2006;66:265)."""
    if not v.items or v.previous_scored is None or v.previous_scored[0] >= v.on:
        return None
    total = scoring.alsfrs_total(v.items)
    previous_on, previous_total = v.previous_scored
    drop = previous_total - total
    rate = scoring.alsfrs_slope(previous_total, previous_on, total, v.on)
    if drop < settings["alsfrs_decline_min_points"] or rate < settings["alsfrs_decline_rate_per_month"]:
        return None
    message = msg.text(
        msg.DECLINE_RATE,
        drop=drop,
        days=Days((v.on - previous_on).days),
        previous=previous_total,
        total=total,
        rate=f"{rate:.2f}",
    )
    return AlertSpec("decline", message, ("rate_1_and_fall_3",))


VISIT_RULES = (niv_alert, niv_review_alert, abg_alert, nutrition_alert, rapid_decline_alert)


def visit_alerts(v: VisitFacts, settings: dict[str, float]) -> list[AlertSpec]:
    """Every alert one visit raises, in the order of VISIT_RULES."""
    return [a for a in (rule(v, settings) for rule in VISIT_RULES) if a is not None]


@dataclass(frozen=True)
class AltResult:
    """One ALT result as the riluzole rules read it (upper_limit None: the lab gave none)."""

    taken_on: date
    value: float
    upper_limit: float | None = None


def alt_upper_limit(upper_limit: float | None, settings: dict[str, float]) -> float:
    """The upper limit of normal (ULN) an ALT is judged by: the lab's own, else the clinic setting
    `alt_upper_limit` (40 U/L by default: a clinic default, not a guideline figure)."""
    return upper_limit if upper_limit else settings["alt_upper_limit"]


def alt_above_normal(alt: AltResult, settings: dict[str, float]) -> bool:
    """An ALT above the ULN (riluzole EU SmPC: a raised ALT is tested more often). Exactly at the
    ULN is normal."""
    return alt.value > alt_upper_limit(alt.upper_limit, settings)


def alt_alert(*, value: float, upper_limit: float | None, settings: dict[str, float]) -> AlertSpec | None:
    """ALT ≥ 5 × upper limit of normal on riluzole → stop riluzole (riluzole EU SmPC). A lab
    without its own ULN is judged by the clinic's `alt_upper_limit`."""
    limit = alt_upper_limit(upper_limit, settings)
    multiple = settings["riluzole_alt_uln_multiple"]
    if value >= multiple * limit:
        return AlertSpec(
            "riluzole_alt",
            msg.text(msg.RILUZOLE_ALT, value=f"{value:g}", multiple=f"{value / limit:.1f}", limit=f"{multiple:g}"),
            ("alt_5_uln",),
        )
    return None


def riluzole_baseline_alt(started_on: date, alts: Iterable[AltResult], settings: dict[str, float]) -> AltResult | None:
    """The baseline ALT of a riluzole course: the latest ALT taken on or before the start date and
    at most `riluzole_baseline_alt_days` (30, a clinic default) before it; None when there is none.
    Riluzole EU SmPC: transaminases are measured before starting treatment."""
    earliest = started_on - timedelta(days=int(settings["riluzole_baseline_alt_days"]))
    found = [a for a in alts if earliest <= a.taken_on <= started_on]
    return max(found, key=lambda a: (a.taken_on, a.value), default=None)


def riluzole_baseline_warning(
    *, drug: Name, started_on: date, alts: Iterable[AltResult], settings: dict[str, float]
) -> Msg | None:
    """What a new riluzole prescription must confirm about its baseline ALT, else None.

    No ALT in the `riluzole_baseline_alt_days` (30) days up to the start date → a baseline is
    needed; a baseline above `riluzole_baseline_alt_uln_multiple` (3) × ULN → riluzole is not
    for this patient (riluzole EU SmPC: not for patients with baseline transaminases above 3 × ULN).
    """
    baseline = riluzole_baseline_alt(started_on, alts, settings)
    if baseline is None:
        days = int(settings["riluzole_baseline_alt_days"])
        return msg.text(msg.BASELINE_ALT_MISSING, drug=drug, count=str(days), date=started_on.isoformat())
    limit = alt_upper_limit(baseline.upper_limit, settings)
    multiple = settings["riluzole_baseline_alt_uln_multiple"]
    if baseline.value > multiple * limit:
        return msg.text(
            msg.BASELINE_ALT_HIGH,
            drug=drug,
            value=f"{baseline.value:g}",
            last=baseline.taken_on.isoformat(),
            multiple=f"{baseline.value / limit:.1f}",
            limit=f"{multiple:g}",
        )
    return None


def months_later(d: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    year, month = divmod(d.month - 1 + months, 12)
    year += d.year
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def riluzole_alt_months() -> Iterator[int]:
    """Months after starting riluzole when ALT is due: monthly for 3 months, every 3 months to
    month 12, then yearly (EU SmPC; 'periodically' after the first year is the clinic default)."""
    yield from (1, 2, 3, 6, 9, 12)
    yield from itertools.count(24, 12)


def riluzole_alt_schedule(started_on: date, until: date) -> list[date]:
    """ALT test dates from `started_on`, through the first one after `until`."""
    due: list[date] = []
    for months in riluzole_alt_months():
        due.append(months_later(started_on, months))
        if months >= 12 and due[-1] > until:
            return due
    raise AssertionError("unreachable")


# A test taken up to this many days before a scheduled date counts for it.
ALT_EARLY_DAYS = 14
ACKNOWLEDGED_NOTE = Text("What was done", 2000)  # required when acknowledging


RULES: RecordRules = {"acknowledged_note": ACKNOWLEDGED_NOTE}


def riluzole_next_scheduled_alt(started_on: date, last_alt: date | None) -> tuple[date, int]:
    """The first scheduled ALT date that the last test (taken on or after starting) does not
    cover, and its month of the schedule (riluzole_alt_months)."""
    covered = last_alt + timedelta(days=ALT_EARLY_DAYS) if last_alt and last_alt >= started_on else started_on
    for months in riluzole_alt_months():
        due = months_later(started_on, months)
        if due > covered:
            return due, months
    raise AssertionError("unreachable")


def riluzole_next_alt_due(started_on: date, last_alt: date | None) -> date:
    """The first scheduled ALT date that the last test (taken on or after starting) does not cover."""
    return riluzole_next_scheduled_alt(started_on, last_alt)[0]


@dataclass(frozen=True)
class AltDue:
    """When a riluzole course's next ALT is due, and the rule that set the date: "baseline",
    "scheduled" (month `month` of the schedule) or "raised" (monthly recheck)."""

    due: date
    rule: str
    month: int = 0


def riluzole_alt_due(started_on: date, last: AltResult | None, settings: dict[str, float]) -> AltDue:
    """The next ALT of a running riluzole course, from the patient's latest ALT (riluzole EU SmPC).

    - No ALT since `riluzole_baseline_alt_days` (30) days before the start date: the baseline is
      due on the start date, until one is recorded.
    - The latest ALT above the ULN (the lab's, else `alt_upper_limit`): a recheck a month after it
      (monthly until one is back at or below the ULN; the SmPC says "more often", monthly is the
      clinic default), unless the schedule falls due sooner.
    - Otherwise the schedule, continuing from where it is: months 1, 2, 3, 6, 9, 12, then yearly
      (riluzole_next_scheduled_alt; a test up to 14 days early covers its date).
    """
    earliest = started_on - timedelta(days=int(settings["riluzole_baseline_alt_days"]))
    if last is None or last.taken_on < earliest:
        return AltDue(started_on, "baseline")
    due, month = riluzole_next_scheduled_alt(started_on, last.taken_on)
    if alt_above_normal(last, settings):
        recheck = months_later(last.taken_on, 1)
        if recheck < due:
            return AltDue(recheck, "raised")
    return AltDue(due, "scheduled", month)


# The "discuss" alert each intervention answers, and the reason such an alert closes with.
ANSWERED_BY = {"gastrostomy": ("gastrostomy",), "niv": ("niv",), "tracheostomy": ("niv",)}
CLOSED_BY = {"gastrostomy": "gastrostomy_in_place", "niv": "niv_in_place"}


def answered_kinds(in_place: Iterable[str]) -> set[str]:
    """Alert kinds an intervention in place makes moot: a gastrostomy answers "discuss
    gastrostomy", NIV or a tracheostomy "discuss NIV" (domain: interventions change the advice)."""
    return {kind for i in in_place for kind in ANSWERED_BY.get(i, ())}


def _close(alert: Alert, reason: str, on: date) -> None:
    alert.status = "closed"
    alert.closed_reason = reason
    alert.closed_on = max(on, alert.raised_on)


def store_alerts(
    *,
    session: Session,
    patient_id: uuid.UUID,
    raised_on: date,
    source_id: uuid.UUID,
    specs: list[AlertSpec],
    in_place: Iterable[str] = (),
) -> None:
    """Judge a source record's alerts again (a new or corrected visit, a lab): never a delete.

    An alert still raised with the same text stays as it is (open or acknowledged); an open one no
    longer raised is closed, its reason the intervention now in place that answers it, or
    "no_longer_met", or "replaced" when the same kind is raised with other values; new ones open.
    """
    held = list(
        session.scalars(
            sa.select(Alert).where(Alert.source_id == source_id, Alert.status.in_(("open", "acknowledged")))
        )
    )
    answered = answered_kinds(in_place)
    kept: set[uuid.UUID] = set()
    for spec in specs:
        english = str(spec.message)
        same = next((a for a in held if a.kind == spec.kind and a.message == english), None)
        if same is not None:
            kept.add(same.id)
            continue
        session.add(
            Alert(
                patient_id=patient_id,
                kind=spec.kind,
                raised_on=raised_on,
                **message_columns(spec.message),
                source_id=source_id,
                criteria=",".join(spec.criteria),
            )
        )
    raised = {s.kind for s in specs}
    for alert in held:
        if alert.status != "open" or alert.id in kept:
            continue
        if alert.kind in answered:
            reason = next(CLOSED_BY[i] for i in in_place if alert.kind in ANSWERED_BY.get(i, ()))
        else:
            reason = "replaced" if alert.kind in raised else "no_longer_met"
        _close(alert, reason, raised_on)
    session.flush()


def close_answered_alerts(*, session: Session, patient_id: uuid.UUID, in_place: Iterable[str], on: date) -> int:
    """Close the patient's open alerts an intervention now in place answers (answered_kinds), with
    that intervention as the reason and `on` (or the day an alert was raised, if later) as the
    date. Called when a milestone is recorded and when a visit shows the intervention. Returns how
    many closed."""
    done = list(in_place)
    kinds = answered_kinds(done)
    if not kinds:
        return 0
    open_ones = session.scalars(
        sa.select(Alert).where(Alert.patient_id == patient_id, Alert.status == "open", Alert.kind.in_(kinds))
    ).all()
    for alert in open_ones:
        _close(alert, next(CLOSED_BY[i] for i in done if alert.kind in ANSWERED_BY.get(i, ())), on)
    session.flush()
    return len(open_ones)


@requires("clinical.write")
def acknowledge_alert(
    *, session: Session, alert_id: uuid.UUID | str, note: str, staff_id: uuid.UUID | None = None
) -> Changes:
    alert = fetch(session, Alert, alert_id, "alert")
    alert.status = "acknowledged"
    alert.acknowledged_note = ACKNOWLEDGED_NOTE(note, required=True)
    alert.acknowledged_by = staff_id
    return Changes(assessments=True)


def stored_values(message: Msg) -> str:
    """An alert's values as its `message_values` column keeps them (JSON, alsdesk.i18n.values.encode)."""
    return json.dumps({k: encode(v) for k, v in message.values.items()}, ensure_ascii=False, default=str)


def message_columns(message: Msg) -> dict[str, str]:
    """What an alert row stores of its message: the English text, its key and its values."""
    return {"message": str(message), "message_key": message.key, "message_values": stored_values(message)}


def stored_message(key: str, values: str, english: str) -> Msg:
    """The message of a stored alert, from its `message_key` and `message_values` columns. Data that
    does not give back the alert's own English (an alert imported from a file older than format 4
    has no key; a file may hold anything) is shown as that English, as it is."""
    if key in msg.TEMPLATES:
        try:
            found = msg.text(key, **{k: decode(v) for k, v in json.loads(values).items()})
            if str(found) == english:
                return found
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            pass
    return msg.text(english)


def alert_view(a: Alert) -> AlertView:
    criteria = tuple(c for c in (a.criteria or "").split(",") if c)
    message = stored_message(a.message_key, a.message_values, a.message)
    return AlertView(a.id, a.patient_id, a.kind, a.raised_on, message, a.status, criteria, a.closed_reason, a.closed_on)
