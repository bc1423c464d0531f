"""ALSFRS-R totals and subscores, ΔFS, King's and MiToS staging: the clinic's scoring rules.

This module is a stable API: the UI, reports, CLI and outside checks all call these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from alsdesk.errors import DomainError

ITEM_KEYS: tuple[str, ...] = ("1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "11", "12")
_COMMON = ("1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12")
_ITEM_SET = frozenset(ITEM_KEYS)

SUBSCORES: dict[str, tuple[str, ...]] = {
    "bulbar": ("1", "2", "3"),
    "fine_motor": ("4", "5", "6"),
    "gross_motor": ("7", "8", "9"),
    "respiratory": ("10", "11", "12"),
}

DAYS_PER_MONTH = 30.4375
MAX_TOTAL = 48


def validate_items(items: Mapping[str, object]) -> dict[str, int]:
    """Check an ALSFRS-R item map and return it normalised with a single key "5".

    Cedarbaum et al., J Neurol Sci 1999;169:13–21: twelve items scored 4 (normal) to 0,
    item 5 scored as 5a (no gastrostomy) or 5b (with gastrostomy), never both.
    Raises ValueError naming the bad item (a DomainError, so the window can show it translated).
    """
    if type(items) is not dict and not isinstance(items, Mapping):  # a dict first: a chart checks many
        raise DomainError("ALSFRS-R items must be a mapping of item keys to scores")
    if not _ITEM_SET.issuperset(items):
        unknown = sorted(set(items) - _ITEM_SET, key=str)
        raise DomainError("ALSFRS-R item {item!r} is not an item of the scale", item=unknown[0])
    for key in _COMMON:
        if key not in items:
            raise DomainError("ALSFRS-R item {item} is missing", item=key)
    has_a, has_b = "5a" in items, "5b" in items
    if has_a == has_b:
        raise DomainError("ALSFRS-R item 5: score exactly one of 5a (no gastrostomy) or 5b (gastrostomy)")
    normalised: dict[str, int] = {}
    for key, value in items.items():
        if not (type(value) is int and 0 <= value <= 4):  # the usual case asked first: a chart has many
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
                raise DomainError(
                    "ALSFRS-R item {item} must be a whole number from 0 to 4, not {value!r}", item=key, value=value
                )
        normalised["5" if key in ("5a", "5b") else key] = value
    return normalised


def uses_gastrostomy_item(items: Mapping[str, object]) -> bool:
    """True when item 5b (cutting food with gastrostomy) was scored."""
    return "5b" in items


def alsfrs_total(items: Mapping[str, object]) -> int:
    """ALSFRS-R total, 0–48 (Cedarbaum et al. 1999)."""
    return sum(validate_items(items).values())


def alsfrs_subscores(items: Mapping[str, object]) -> dict[str, int]:
    """Bulbar 1–3, fine motor 4–6, gross motor 7–9, respiratory 10–12; each 0–12."""
    return _subscores(validate_items(items))


def _subscores(norm: dict[str, int]) -> dict[str, int]:
    return {name: norm[a] + norm[b] + norm[c] for name, (a, b, c) in SUBSCORES.items()}  # three items each


def alsfrs_scores(items: Mapping[str, object]) -> tuple[int, dict[str, int], str, int]:
    """(total, subscores, King's stage, MiToS stage) of one visit's items, checked once: what
    alsfrs_total, alsfrs_subscores, kings_stage and mitos_stage give (a chart shows every visit's)."""
    norm = validate_items(items)
    return sum(norm.values()), _subscores(norm), _kings(norm, uses_gastrostomy_item(items)), _mitos(norm)


def delta_fs(total: int, onset: date, at: date) -> float:
    """ΔFS progression rate in points per month (Kimura et al., Neurology 2006;66:265–7).

    ΔFS = (48 − total) / months from symptom onset to the assessment, months = days / 30.4375.
    Onset on or after the assessment date is an error.
    """
    if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"ALSFRS-R total must be a whole number from 0 to 48, not {total!r}")
    days = (at - onset).days
    if days <= 0:
        raise ValueError(f"symptom onset ({onset.isoformat()}) must be before the assessment ({at.isoformat()})")
    return (MAX_TOTAL - total) / (days / DAYS_PER_MONTH)


DIAGNOSIS_WINDOW_DAYS = 30  # ΔFS at diagnosis: the assessment nearest the diagnosis date within ± this


def delta_fs_at_diagnosis(
    visits: Iterable[tuple[date, int]], onset: date | None, diagnosis: date | None
) -> tuple[date, float] | None:
    """ΔFS at diagnosis, the prognostic figure (Kimura et al., Neurology 2006;66:265–7: the
    pre-diagnostic progression rate; domain.md "Monitoring and alerts").

    `visits` are (assessment date, ALSFRS-R total). The assessment used is the one nearest the
    diagnosis date within ±30 days (DIAGNOSIS_WINDOW_DAYS; 30 days away counts, 31 does not);
    between two equally near, the earlier one (the one nearer the pre-diagnostic course). Returns
    (that assessment's date, its ΔFS), or None without an onset or diagnosis date, without an
    assessment in the window, or when onset is not before that assessment.
    """
    if onset is None or diagnosis is None:
        return None
    near = [(abs((on - diagnosis).days), on, total) for on, total in visits]
    near = [v for v in near if v[0] <= DIAGNOSIS_WINDOW_DAYS]
    if not near:
        return None
    _distance, on, total = min(near)  # ties: the earlier date sorts first
    if on <= onset:
        return None
    return on, delta_fs(total, onset, on)


def alsfrs_slope(earlier_total: int, earlier_date: date, later_total: int, later_date: date) -> float:
    """ALSFRS-R slope between two scored visits in points lost per month, positive for a decline:
    (earlier − later) / months between them, months = days / 30.4375 (Kimura et al. 2006; the
    rapid-decline rule and the chart's "latest slope" read it). The later visit must be after the
    earlier one."""
    for total in (earlier_total, later_total):
        if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= MAX_TOTAL:
            raise ValueError(f"ALSFRS-R total must be a whole number from 0 to 48, not {total!r}")
    days = (later_date - earlier_date).days
    if days <= 0:
        raise ValueError(
            f"the later visit ({later_date.isoformat()}) must be after the earlier one ({earlier_date.isoformat()})"
        )
    return (earlier_total - later_total) / (days / DAYS_PER_MONTH)


def latest_slope(visits: Iterable[tuple[date, int]]) -> tuple[date, date, float] | None:
    """The slope between the two latest scored visits (alsfrs_slope), with their dates; None with
    fewer than two. `visits` are (assessment date, ALSFRS-R total), one per date."""
    latest = sorted(visits)[-2:]
    if len(latest) < 2:
        return None
    (d1, t1), (d2, t2) = latest
    return d1, d2, alsfrs_slope(t1, d1, t2, d2)


def delta_fs_band(rate: float) -> str:
    """Bands used in the literature: < 0.5 slow, 0.5–1.0 intermediate, ≥ 1.0 fast."""
    if rate < 0.5:
        return "slow"
    if rate < 1.0:
        return "intermediate"
    return "fast"


def kings_stage(items: Mapping[str, object]) -> str:
    """King's clinical stage estimated from ALSFRS-R items.

    Roche et al., Brain 2012;135:847; estimation from ALSFRS-R by Balendra et al.,
    ALS FTD 2014;15:279–84. In order: item 10 = 0 or item 12 < 4 → 4B; else 5b scored → 4A;
    else the number of regions involved (bulbar: 1–3 < 4; upper limb: 4 or 5a < 4; lower
    limb: 8 < 4), with a count of 0 reported as 1. Stage 5 (death) comes from patient status.
    """
    return _kings(validate_items(items), uses_gastrostomy_item(items))


def _kings(norm: dict[str, int], gastrostomy: bool) -> str:
    if norm["10"] == 0 or norm["12"] < 4:
        return "4B"
    if gastrostomy:
        return "4A"
    regions = sum(
        (
            any(norm[k] < 4 for k in ("1", "2", "3")),
            norm["4"] < 4 or norm["5"] < 4,
            norm["8"] < 4,
        )
    )
    return str(max(regions, 1))


def mitos_domains_lost(items: Mapping[str, object]) -> dict[str, bool]:
    """MiToS functional domains lost (Chiò et al., JNNP 2015;86:38–44, Table 1).

    Walking/self-care: item 8 ≤ 1 or item 6 ≤ 1. Swallowing: item 3 ≤ 1.
    Communicating: item 1 ≤ 1 and item 4 ≤ 1 (both). Breathing: item 10 ≤ 1 or item 12 ≤ 2.
    """
    return _domains_lost(validate_items(items))


def _domains_lost(norm: dict[str, int]) -> dict[str, bool]:
    return {
        "walking_selfcare": norm["8"] <= 1 or norm["6"] <= 1,
        "swallowing": norm["3"] <= 1,
        "communicating": norm["1"] <= 1 and norm["4"] <= 1,
        "breathing": norm["10"] <= 1 or norm["12"] <= 2,
    }


def mitos_stage(items: Mapping[str, object]) -> int:
    """MiToS stage 0–4: the number of domains lost; stage 5 (death) comes from patient status."""
    return _mitos(validate_items(items))


def _mitos(norm: dict[str, int]) -> int:
    return sum(_domains_lost(norm).values())
