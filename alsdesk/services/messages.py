"""Texts that services build for people, as English templates with named parameters.

Services render them in English (the CLI, the stored alert, the audit trail); the window finds
the template a text was made from with `parse` and shows its translation with the same values
(ui/i18n/texts.py), so a service never needs Qt to be translated. Parameter names say what a value is
(workup, program, status, discipline, urgency, days…) so the window can translate values too.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Guideline alerts (services/alerts.py builds its messages from these).
NIV_NG42_FVC = "FVC {fvc}% predicted; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service"
NIV_NG42_SNIP = "SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service"
NIV_NG42_BOTH = (
    "FVC {fvc}% predicted, SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: "
    "discuss NIV; refer to respiratory service"
)
NIV_REVIEW = (
    "FVC {fvc}% predicted, down {fall} points since NIV started ({baseline}% on {date}): "
    "respiratory review of NIV settings and hours"
)
ABG_LUNG = "SpO2 {spo2}% (below {limit}%, with lung disease): arterial blood gas needed"
ABG = "SpO2 {spo2}% (below {limit}%, no lung disease): arterial blood gas needed"
GASTROSTOMY = "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review"
GASTROSTOMY_TIMING = (
    GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy carries more risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)"
)
GASTROSTOMY_HIGH_RISK = (
    GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy carries high risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)"
)
DIETITIAN = "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): dietitian review"
FEED_REVIEW = (
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg) on tube feeding: dietitian review of the feed"
)
DECLINE_RATE = (
    "ALSFRS-R fell {drop} points in {days} ({previous} → {total}, {rate} points/month): rapid decline: review plan"
)
# Texts of alerts raised before schema 0013: no longer made, still shown in the window's language.
OLD_NIV_FVC = "FVC {fvc}% predicted (below {fvc_limit}%): discuss NIV; refer to respiratory service"
OLD_NIV_SNIP = "SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service"
OLD_NIV_BOTH = (
    "FVC {fvc}% predicted (below {fvc_limit}%); SNIP {snip} cmH2O (below {snip_limit}): "
    "discuss NIV; refer to respiratory service"
)
OLD_GASTROSTOMY_RISK = GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy riskier"
OLD_DECLINE = "ALSFRS-R fell {drop} points since the last visit ({previous} → {total}): rapid decline: review plan"
RILUZOLE_ALT = "ALT {value} is {multiple} × ULN (≥ {limit} ×): stop riluzole"

# Prescription warnings from the drug catalog, quoted by the refusal in services/medications.py.
DRUG_WITHDRAWN = "{drug} has been withdrawn from the market. {facts}"
DRUG_FOR_GENOTYPE = (
    "{drug} is only for {gene}-ALS, and no {gene} variant is documented for this patient (genetics: {genetics})."
)
BASELINE_ALT_MISSING = (
    "No ALT in the {count} days up to {date}: a baseline liver test is needed before starting {drug}."
)
BASELINE_ALT_HIGH = (
    "Baseline ALT {value} on {last} is {multiple} × ULN (above {limit} ×): {drug} is not for patients with "
    "transaminases this high."
)

# The stop reason of a medication ended by death (services/death.py).
DIED = "Died on {date}"

# Worklist reasons, exactly as services/worklist.py words them (a test checks every kind parses).
WORKUP_REVIEW = "{workup} resulted on {date}; not reviewed within {days}"
WORKUP_OVERDUE = "{workup} {status}, due {date}, not performed ({days} overdue)"
WORKUP_DUE = "{workup} {status}, due today"
REFERRAL_NO_RESPONSE = "{urgency} referral to {discipline} sent {date}: no response by {due}; follow up"
REFERRAL_NO_RESPONSE_AT = (
    "{urgency} referral to {discipline} at {facility} sent {date}: no response by {due}; follow up"
)
REFERRAL_NOT_ACCEPTED = "{urgency} referral to {discipline} sent {date}: received but not accepted by {due}; follow up"
REFERRAL_NOT_ACCEPTED_AT = (
    "{urgency} referral to {discipline} at {facility} sent {date}: received but not accepted by {due}; follow up"
)
BASELINE_DUE = "No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due"
REASSESSMENT_DUE = "Last ALSFRS-R on {date}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {count} days"
ALT_DUE = "{drug} started {date}: liver test (ALT) due {due}, scheduled month {month} (last ALT {last})"
ALT_DUE_BASELINE = (
    "{drug} started {date}: baseline liver test (ALT) due {due} (none in the {count} days before starting)"
)
ALT_DUE_RAISED = (
    "{drug} started {date}: liver test (ALT) due {due}, monthly recheck after a raised ALT "
    "({value} on {last}, above the upper limit {limit})"
)
THERAPY_MISSED = "{discipline}: {title} missed on {date}: rebook or dismiss"
THERAPY_TODAY = "{discipline}: {title} today"
THERAPY_UNRECORDED = "{discipline}: {title} on {date}: mark attended or missed"
SHEET_TO_COLLECT = "{program} sheet ended {date}: collect it and enter the ticks"
RESTRICTED_RECORD = "Restricted record"  # a record the reader may not open: what is due stays inside

# Sign-in refusals (services/accounts.py): returned as text, not raised, so their audit entry commits.
SIGNIN_WRONG = "Wrong user name or password."
SIGNIN_DISABLED = "This account is disabled; ask an administrator."
SIGNIN_LOCKED = "Too many failed sign-ins: this account is locked for {minutes} more minute(s)."
SIGNIN_WAIT = "Please wait {seconds} second(s) before trying again."

TEMPLATES: tuple[str, ...] = tuple(
    value for name, value in sorted(globals().items()) if name.isupper() and isinstance(value, str)
)

_FIELD = re.compile(r"\\\{(\w+)\\\}")
_DATE = r"\d{4}-\d\d-\d\d"
# What a value can look like, where that is narrower than "anything" (so names with spaces parse).
_VALUE = {
    "minutes": r"\d+",
    "seconds": r"\d+",
    "status": r"[a-z_]+",
    "date": _DATE,
    "due": _DATE,
    "last": _DATE,
    "days": r"\d+ days?",
    "count": r"\d+",
    "month": r"\d+",
}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    # Most literal text first, so a template that is the start of a longer one never wins early.
    ordered = sorted(TEMPLATES, key=lambda t: len(re.sub(r"\{\w+\}", "", t)), reverse=True)

    def pattern(template: str) -> re.Pattern[str]:
        seen: set[str] = set()

        def group(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in seen:  # a value named twice is the same text both times
                return f"(?P={name})"
            seen.add(name)
            return f"(?P<{name}>{_VALUE.get(name, '.+?')})"

        return re.compile(_FIELD.sub(group, re.escape(template)), re.DOTALL)

    return [(t, pattern(t)) for t in ordered]


@lru_cache(maxsize=4096)
def parse(text: str) -> tuple[str, dict[str, str]] | None:
    """The template `text` was rendered from and its values, or None for any other text."""
    for template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match:
            return template, match.groupdict()
    return None


def days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
