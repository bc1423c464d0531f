"""English labels of stored codes and worklist headings, marked for lupdate (kept in sync by a test)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

CODE_TEXTS = (
    QT_TRANSLATE_NOOP("codes", "Accepted"),
    QT_TRANSLATE_NOOP("codes", "Acknowledged"),
    QT_TRANSLATE_NOOP("codes", "Active"),
    QT_TRANSLATE_NOOP("codes", "Administration"),
    QT_TRANSLATE_NOOP("codes", "Administrator"),
    QT_TRANSLATE_NOOP("codes", "Advance care plan"),
    QT_TRANSLATE_NOOP("codes", "Approved"),
    QT_TRANSLATE_NOOP("codes", "Attended"),
    QT_TRANSLATE_NOOP("codes", "Bulbar"),
    QT_TRANSLATE_NOOP("codes", "C9orf72"),
    QT_TRANSLATE_NOOP("codes", "Cancelled"),
    QT_TRANSLATE_NOOP("codes", "Cervical"),
    QT_TRANSLATE_NOOP("codes", "Clinical"),
    QT_TRANSLATE_NOOP("codes", "Clinician"),
    QT_TRANSLATE_NOOP("codes", "Communication aid"),
    QT_TRANSLATE_NOOP("codes", "Completed"),
    QT_TRANSLATE_NOOP("codes", "Coordinator"),
    QT_TRANSLATE_NOOP("codes", "Counselling"),
    QT_TRANSLATE_NOOP("codes", "Criteria not met"),
    QT_TRANSLATE_NOOP("codes", "Deceased"),
    QT_TRANSLATE_NOOP("codes", "Declined"),
    QT_TRANSLATE_NOOP("codes", "Current"),
    QT_TRANSLATE_NOOP("codes", "Definite"),
    QT_TRANSLATE_NOOP("codes", "Diagnosed"),
    QT_TRANSLATE_NOOP("codes", "Dietetics"),
    QT_TRANSLATE_NOOP("codes", "Discharged"),
    QT_TRANSLATE_NOOP("codes", "Draft"),
    QT_TRANSLATE_NOOP("codes", "Education"),
    QT_TRANSLATE_NOOP("codes", "Ended"),
    QT_TRANSLATE_NOOP("codes", "English"),
    QT_TRANSLATE_NOOP("codes", "Expert consensus"),
    QT_TRANSLATE_NOOP("codes", "FUS"),
    QT_TRANSLATE_NOOP("codes", "Fast"),
    QT_TRANSLATE_NOOP("codes", "Female"),
    QT_TRANSLATE_NOOP("codes", "Gastroenterology (gastrostomy)"),
    QT_TRANSLATE_NOOP("codes", "Gastrostomy"),
    QT_TRANSLATE_NOOP("codes", "Generalised"),
    QT_TRANSLATE_NOOP("codes", "Genetic counselling"),
    QT_TRANSLATE_NOOP("codes", "Guideline"),
    QT_TRANSLATE_NOOP("codes", "Intermediate"),
    QT_TRANSLATE_NOOP("codes", "Investigational"),
    QT_TRANSLATE_NOOP("codes", "Lower limb"),
    QT_TRANSLATE_NOOP("codes", "Lumbosacral"),
    QT_TRANSLATE_NOOP("codes", "Male"),
    QT_TRANSLATE_NOOP("codes", "Missed"),
    QT_TRANSLATE_NOOP("codes", "NIV (non-invasive ventilation)"),
    QT_TRANSLATE_NOOP("codes", "Negative"),
    QT_TRANSLATE_NOOP("codes", "Neurology"),
    QT_TRANSLATE_NOOP("codes", "Not tested"),
    QT_TRANSLATE_NOOP("codes", "Occupational therapy"),
    QT_TRANSLATE_NOOP("codes", "Off-label"),
    QT_TRANSLATE_NOOP("codes", "Open"),
    QT_TRANSLATE_NOOP("codes", "Ordered"),
    QT_TRANSLATE_NOOP("codes", "Other"),
    QT_TRANSLATE_NOOP("codes", "Palliative"),
    QT_TRANSLATE_NOOP("codes", "Palliative care"),
    QT_TRANSLATE_NOOP("codes", "Performed"),
    QT_TRANSLATE_NOOP("codes", "Physiotherapy"),
    QT_TRANSLATE_NOOP("codes", "Planned"),
    QT_TRANSLATE_NOOP("codes", "Possible"),
    QT_TRANSLATE_NOOP("codes", "Probable"),
    QT_TRANSLATE_NOOP("codes", "Probable, laboratory-supported"),
    QT_TRANSLATE_NOOP("codes", "Psychology"),
    QT_TRANSLATE_NOOP("codes", "Read only"),
    QT_TRANSLATE_NOOP("codes", "Received"),
    QT_TRANSLATE_NOOP("codes", "Regenerative medicine (investigational)"),
    QT_TRANSLATE_NOOP("codes", "Rehabilitation"),
    QT_TRANSLATE_NOOP("codes", "Respiratory"),
    QT_TRANSLATE_NOOP("codes", "Respiratory medicine"),
    QT_TRANSLATE_NOOP("codes", "Resulted"),
    QT_TRANSLATE_NOOP("codes", "Reviewed"),
    QT_TRANSLATE_NOOP("codes", "Routine"),
    QT_TRANSLATE_NOOP("codes", "SOD1"),
    QT_TRANSLATE_NOOP("codes", "Scheduled"),
    QT_TRANSLATE_NOOP("codes", "Screening"),
    QT_TRANSLATE_NOOP("codes", "Sent"),
    QT_TRANSLATE_NOOP("codes", "Shared decision"),
    QT_TRANSLATE_NOOP("codes", "Simplified Chinese"),
    QT_TRANSLATE_NOOP("codes", "Slow"),
    QT_TRANSLATE_NOOP("codes", "Social work"),
    QT_TRANSLATE_NOOP("codes", "Specialist nursing"),
    QT_TRANSLATE_NOOP("codes", "Speech and language therapy"),
    QT_TRANSLATE_NOOP("codes", "Stopped"),
    QT_TRANSLATE_NOOP("codes", "Suspected"),
    QT_TRANSLATE_NOOP("codes", "TARDBP"),
    QT_TRANSLATE_NOOP("codes", "Thoracic"),
    QT_TRANSLATE_NOOP("codes", "Tracheostomy"),
    QT_TRANSLATE_NOOP("codes", "Unknown"),
    QT_TRANSLATE_NOOP("codes", "Upcoming"),
    QT_TRANSLATE_NOOP("codes", "Upper limb"),
    QT_TRANSLATE_NOOP("codes", "Urgent"),
    QT_TRANSLATE_NOOP("codes", "Wheelchair"),
    QT_TRANSLATE_NOOP("codes", "Withdrawn"),
)

WORKLIST_HEADINGS = (
    QT_TRANSLATE_NOOP("worklist", "Guideline alerts"),
    QT_TRANSLATE_NOOP("worklist", "Workups overdue"),
    QT_TRANSLATE_NOOP("worklist", "Workups due today"),
    QT_TRANSLATE_NOOP("worklist", "Results awaiting review"),
    QT_TRANSLATE_NOOP("worklist", "Referrals awaiting a response"),
    QT_TRANSLATE_NOOP("worklist", "Reassessments due"),
    QT_TRANSLATE_NOOP("worklist", "Drug monitoring due"),
    QT_TRANSLATE_NOOP("worklist", "Therapy sessions today"),
    QT_TRANSLATE_NOOP("worklist", "Therapy attendance not recorded"),
    QT_TRANSLATE_NOOP("worklist", "Therapy sessions missed"),
    QT_TRANSLATE_NOOP("worklist", "Program sheets to collect"),
    QT_TRANSLATE_NOOP("worklist", "Restricted records"),
)


# Texts services word from templates (services/messages.py), translated by ui/texts.py.
MESSAGE_TEXTS = (
    QT_TRANSLATE_NOOP("messages", "Restricted record"),
    QT_TRANSLATE_NOOP("messages", "Died on {date}"),
    QT_TRANSLATE_NOOP("messages", "{drug} has been withdrawn from the market. {facts}"),
    QT_TRANSLATE_NOOP(
        "messages",
        "{drug} is only for {gene}-ALS, and no {gene} variant is documented for this patient (genetics: {genetics}).",
    ),
    QT_TRANSLATE_NOOP("messages", "SpO2 {spo2}% (below {limit}%, no lung disease): arterial blood gas needed"),
    QT_TRANSLATE_NOOP("messages", "SpO2 {spo2}% (below {limit}%, with lung disease): arterial blood gas needed"),
    QT_TRANSLATE_NOOP(
        "messages", "{drug} started {date}: liver test (ALT) due {due}, scheduled month {month} (last ALT {last})"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{drug} started {date}: baseline liver test (ALT) due {due} (none in the {count} days before starting)",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{drug} started {date}: liver test (ALT) due {due}, monthly recheck after a raised ALT ({value} on {last}, above the upper limit {limit})",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "No ALT in the {count} days up to {date}: a baseline liver test is needed before starting {drug}."
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Baseline ALT {value} on {last} is {multiple} × ULN (above {limit} ×): {drug} is not for patients with transaminases this high.",
    ),
    QT_TRANSLATE_NOOP("messages", "No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due"),
    QT_TRANSLATE_NOOP(
        "messages",
        "ALSFRS-R fell {drop} points since the last visit ({previous} → {total}): rapid decline: review plan",
    ),
    QT_TRANSLATE_NOOP("messages", "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): dietitian review"),
    QT_TRANSLATE_NOOP(
        "messages",
        "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. FVC {fvc}% (below {fvc_limit}%): gastrostomy riskier",
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "FVC {fvc}% predicted (below {fvc_limit}%); SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service",
    ),
    QT_TRANSLATE_NOOP(
        "messages", "FVC {fvc}% predicted (below {fvc_limit}%): discuss NIV; refer to respiratory service"
    ),
    QT_TRANSLATE_NOOP("messages", "SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service"),
    QT_TRANSLATE_NOOP(
        "messages", "Last ALSFRS-R on {date}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {count} days"
    ),
    QT_TRANSLATE_NOOP(
        "messages", "{urgency} referral to {discipline} sent {date}: received but not accepted by {due}; follow up"
    ),
    QT_TRANSLATE_NOOP(
        "messages",
        "{urgency} referral to {discipline} at {facility} sent {date}: received but not accepted by {due}; follow up",
    ),
    QT_TRANSLATE_NOOP("messages", "{urgency} referral to {discipline} sent {date}: no response by {due}; follow up"),
    QT_TRANSLATE_NOOP(
        "messages", "{urgency} referral to {discipline} at {facility} sent {date}: no response by {due}; follow up"
    ),
    QT_TRANSLATE_NOOP("messages", "ALT {value} is {multiple} × ULN (≥ {limit} ×): stop riluzole"),
    QT_TRANSLATE_NOOP("messages", "{program} sheet ended {date}: collect it and enter the ticks"),
    QT_TRANSLATE_NOOP("messages", "{discipline}: {title} missed on {date}: rebook or dismiss"),
    QT_TRANSLATE_NOOP("messages", "{discipline}: {title} today"),
    QT_TRANSLATE_NOOP("messages", "{discipline}: {title} on {date}: mark attended or missed"),
    QT_TRANSLATE_NOOP("messages", "{workup} {status}, due today"),
    QT_TRANSLATE_NOOP("messages", "{workup} {status}, due {date}, not performed ({days} overdue)"),
    QT_TRANSLATE_NOOP("messages", "{workup} resulted on {date}; not reviewed within {days}"),
    QT_TRANSLATE_NOOP("messages", "1 day"),
    QT_TRANSLATE_NOOP("messages", "{0} days"),
    QT_TRANSLATE_NOOP("messages", "Wrong user name or password."),
    QT_TRANSLATE_NOOP("messages", "This account is disabled; ask an administrator."),
    QT_TRANSLATE_NOOP("messages", "Too many failed sign-ins: this account is locked for {minutes} more minute(s)."),
    QT_TRANSLATE_NOOP("messages", "Please wait {seconds} second(s) before trying again."),
)

# The catalogue names its own language, so the window can tell which one it speaks (ui/texts.py).
LANGUAGE = QT_TRANSLATE_NOOP("language", "en")

# Measurement labels (services.assessments.MEASUREMENTS), shown by the ALSFRS-R form.
MEASUREMENT_LABELS = (
    QT_TRANSLATE_NOOP("alsfrs", "FVC (% predicted)"),
    QT_TRANSLATE_NOOP("alsfrs", "SNIP (cmH2O)"),
    QT_TRANSLATE_NOOP("alsfrs", "SpO2 (%)"),
    QT_TRANSLATE_NOOP("alsfrs", "Weight (kg)"),
    QT_TRANSLATE_NOOP("alsfrs", "Height (cm)"),
)
