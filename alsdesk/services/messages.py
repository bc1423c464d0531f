"""Texts that services give people, as English templates (msgids in context "messages") with named values.

A service returns `text(TEMPLATE, name=value…)`, a `Msg`: the CLI, the stored alert's `message` and
the audit trail write it in English (`str(msg)`), the window and documents render it in their own
language (`msg.text(lang)`). Values that need translating are typed (alsdesk.i18n.values: a `Code`,
a catalog `Name`, `Days`), so nothing reads English back to find what a text said.
"""

from __future__ import annotations

from alsdesk.i18n import N_, Msg

CONTEXT = "messages"

# Guideline alerts (services/alerts.py builds its messages from these).
NIV_NG42_FVC = N_("FVC {fvc}% predicted; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service")
NIV_NG42_SNIP = N_("SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service")
NIV_NG42_BOTH = N_(
    "FVC {fvc}% predicted, SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: "
    "discuss NIV; refer to respiratory service"
)
NIV_REVIEW = N_(
    "FVC {fvc}% predicted, down {fall} points since NIV started ({baseline}% on {date}): "
    "respiratory review of NIV settings and hours"
)
ABG_LUNG = N_("SpO2 {spo2}% (below {limit}%, with lung disease): arterial blood gas needed")
ABG = N_("SpO2 {spo2}% (below {limit}%, no lung disease): arterial blood gas needed")
GASTROSTOMY = N_(
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review"
)
GASTROSTOMY_TIMING = N_(
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. "
    "FVC {fvc}% (below {fvc_limit}%): gastrostomy carries more risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)"
)
GASTROSTOMY_HIGH_RISK = N_(
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. "
    "FVC {fvc}% (below {fvc_limit}%): gastrostomy carries high risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)"
)
DIETITIAN = N_("Weight down {loss}% since diagnosis ({baseline} → {weight} kg): dietitian review")
FEED_REVIEW = N_(
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg) on tube feeding: dietitian review of the feed"
)
DECLINE_RATE = N_(
    "ALSFRS-R fell {drop} points in {days} ({previous} → {total}, {rate} points/month): rapid decline: review plan"
)
# Texts of alerts raised before schema 0013: no longer made, still shown in the window's language
# (migration 0015 gave those stored alerts their template and values).
OLD_NIV_FVC = N_("FVC {fvc}% predicted (below {fvc_limit}%): discuss NIV; refer to respiratory service")
OLD_NIV_SNIP = N_("SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service")
OLD_NIV_BOTH = N_(
    "FVC {fvc}% predicted (below {fvc_limit}%); SNIP {snip} cmH2O (below {snip_limit}): "
    "discuss NIV; refer to respiratory service"
)
OLD_GASTROSTOMY_RISK = N_(
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. "
    "FVC {fvc}% (below {fvc_limit}%): gastrostomy riskier"
)
OLD_DECLINE = N_("ALSFRS-R fell {drop} points since the last visit ({previous} → {total}): rapid decline: review plan")
RILUZOLE_ALT = N_("ALT {value} is {multiple} × ULN (≥ {limit} ×): stop riluzole")

# Prescription warnings from the drug catalog, quoted by the refusal in services/medications.py.
DRUG_WITHDRAWN = N_("{drug} has been withdrawn from the market. {facts}")
DRUG_FOR_GENOTYPE = N_(
    "{drug} is only for {gene}-ALS, and no {gene} variant is documented for this patient (genetics: {genetics})."
)
BASELINE_ALT_MISSING = N_(
    "No ALT in the {count} days up to {date}: a baseline liver test is needed before starting {drug}."
)
BASELINE_ALT_HIGH = N_(
    "Baseline ALT {value} on {last} is {multiple} × ULN (above {limit} ×): {drug} is not for patients with "
    "transaminases this high."
)

# The stop reason of a medication ended by death (services/death.py).
DIED = N_("Died on {date}")

# Worklist reasons (services/worklist.py).
WORKUP_REVIEW = N_("{workup} resulted on {date}; not reviewed within {days}")
WORKUP_OVERDUE = N_("{workup} {status}, due {date}, not performed ({days} overdue)")
WORKUP_DUE = N_("{workup} {status}, due today")
REFERRAL_NO_RESPONSE = N_("{urgency} referral to {discipline} sent {date}: no response by {due}; follow up")
REFERRAL_NO_RESPONSE_AT = N_(
    "{urgency} referral to {discipline} at {facility} sent {date}: no response by {due}; follow up"
)
REFERRAL_NOT_ACCEPTED = N_(
    "{urgency} referral to {discipline} sent {date}: received but not accepted by {due}; follow up"
)
REFERRAL_NOT_ACCEPTED_AT = N_(
    "{urgency} referral to {discipline} at {facility} sent {date}: received but not accepted by {due}; follow up"
)
BASELINE_DUE = N_("No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due")
REASSESSMENT_DUE = N_(
    "Last ALSFRS-R on {date}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {count} days"
)
ALT_DUE = N_("{drug} started {date}: liver test (ALT) due {due}, scheduled month {month} (last ALT {last})")
ALT_DUE_BASELINE = N_(
    "{drug} started {date}: baseline liver test (ALT) due {due} (none in the {count} days before starting)"
)
ALT_DUE_RAISED = N_(
    "{drug} started {date}: liver test (ALT) due {due}, monthly recheck after a raised ALT "
    "({value} on {last}, above the upper limit {limit})"
)
THERAPY_MISSED = N_("{discipline}: {title} missed on {date}: rebook or dismiss")
THERAPY_TODAY = N_("{discipline}: {title} today")
THERAPY_TODAY_AT = N_("{discipline}: {title} today at {time}")  # a session with its start time
THERAPY_UNRECORDED = N_("{discipline}: {title} on {date}: mark attended or missed")
SHEET_TO_COLLECT = N_("{program} sheet ended {date}: collect it and enter the ticks")
RESTRICTED_RECORD = N_("Restricted record")  # a record the reader may not open: what is due stays inside

# Lines of the printed documents (services/printing.py), in the document's language.
MEASURE_FVC = N_("FVC {value} % predicted")
MEASURE_SNIP = N_("SNIP {value} cmH2O")
MEASURE_SPO2 = N_("SpO2 {value} %")
MEASURE_WEIGHT = N_("Weight {value} kg")
MEASURE_HEIGHT = N_("Height {value} cm")
MEASURE_BMI = N_("BMI {value}")
THERAPY_PLAN = N_("{discipline}: {title}")
THERAPY_COURSE = N_("every {interval}, {attended} of {count} sessions attended")

# Sign-in refusals (services/accounts.py): returned, not raised, so their audit entry commits.
SIGNIN_WRONG = N_("Wrong user name or password.")
SIGNIN_DISABLED = N_("This account is disabled; ask an administrator.")
SIGNIN_LOCKED = N_("Too many failed sign-ins: this account is locked for {minutes} more minute(s).")
SIGNIN_WAIT = N_("Please wait {seconds} second(s) before trying again.")

# A set: a stored alert's key is looked up in it for each alert a worklist reads back.
TEMPLATES: frozenset[str] = frozenset(
    value for name, value in globals().items() if name.isupper() and name != "CONTEXT" and isinstance(value, str)
)


def text(template: str, **values: object) -> Msg:
    """One of the templates above with its values, for the front end to render in its language."""
    return Msg(template, values, CONTEXT)
