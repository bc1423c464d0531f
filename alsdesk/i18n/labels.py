"""English labels for stored codes, used in plain-language reasons; the UI and reports translate
them (context "codes" of the catalogue, where pybabel extract finds them by their N_ mark)."""

from __future__ import annotations

from alsdesk.i18n.catalogue import translate
from alsdesk.i18n.message import N_
from alsdesk.vocab import gene_symbol

DISCIPLINE = {
    "neurology": N_("Neurology"),
    "specialist_nursing": N_("Specialist nursing"),
    "physiotherapy": N_("Physiotherapy"),
    "occupational_therapy": N_("Occupational therapy"),
    "speech_language_therapy": N_("Speech and language therapy"),
    "dietetics": N_("Dietetics"),
    "respiratory_medicine": N_("Respiratory medicine"),
    "gastroenterology": N_("Gastroenterology (gastrostomy)"),
    "psychology": N_("Psychology"),
    "social_work": N_("Social work"),
    "palliative_care": N_("Palliative care"),
    "rehabilitation": N_("Rehabilitation"),
    "regenerative_medicine": N_("Regenerative medicine (investigational)"),
    "genetics_counselling": N_("Genetic counselling"),
    "administration": N_("Administration"),
}

# Every other stored code's label (vocab), where gene symbols stay as they are (vocab.gene_symbol).
CODES = {
    # vocab.ALLERGY_SEVERITY ("unknown" is SEX's) and ALLERGY_STATUS ("active" is ENROLLMENT_STATUS's)
    "mild": N_("Mild"),
    "moderate": N_("Moderate"),
    "severe": N_("Severe"),
    "resolved": N_("Resolved"),
    "entered_in_error": N_("Entered in error"),
    # vocab.ADRT_REFUSES ("niv" is MILESTONES')
    "tube_feeding": N_("Tube feeding"),
    "cpr": N_("CPR (attempts to restart the heart)"),
    "antibiotics": N_("Antibiotics"),
    # vocab.ALERT_CLOSED_REASONS
    "no_longer_met": N_("No longer met"),
    "replaced": N_("Replaced by a corrected visit's alert"),
    "gastrostomy_in_place": N_("Gastrostomy in place"),
    "niv_in_place": N_("NIV in place"),
    # vocab.ALERT_STATUS
    "open": N_("Open"),
    "acknowledged": N_("Acknowledged"),
    "closed": N_("Closed"),
    # vocab.APPROVAL
    "approved": N_("Approved"),
    "investigational": N_("Investigational"),
    "withdrawn": N_("Withdrawn"),
    "off_label": N_("Off-label"),
    # vocab.BODY_REGIONS
    "bulbar": N_("Bulbar"),
    "cervical": N_("Cervical"),
    "thoracic": N_("Thoracic"),
    "lumbosacral": N_("Lumbosacral"),
    # vocab.EL_ESCORIAL
    "definite": N_("Definite"),
    "probable": N_("Probable"),
    "probable_lab_supported": N_("Probable, laboratory-supported"),
    "possible": N_("Possible"),
    "not_met": N_("Criteria not met"),
    # vocab.CARE_PLACES ("other" is GENETICS')
    "home": N_("Home"),
    "hospice": N_("Hospice"),
    "hospital": N_("Hospital"),
    "care_home": N_("Care home"),
    # vocab.DECIDERS
    "no_one_named": N_("No one named"),
    "lpa_health": N_("Lasting power of attorney for health"),
    "nominated_person": N_("Nominated person"),
    # vocab.ENROLLMENT_STATES
    "upcoming": N_("Upcoming"),
    "current": N_("Current"),
    "ended": N_("Ended"),
    "completed": N_("Completed"),
    "stopped": N_("Stopped"),
    # vocab.ENROLLMENT_STATUS
    "active": N_("Active"),
    # vocab.EVIDENCE
    "guideline": N_("Guideline"),
    "expert-consensus": N_("Expert consensus"),
    # vocab.GENETICS
    "other": N_("Other"),
    "negative": N_("Negative"),
    "not_tested": N_("Not tested"),
    # vocab.LANGUAGES
    "en": N_("English"),
    "zh_CN": N_("Simplified Chinese"),
    # vocab.MILESTONES
    "niv": N_("NIV (non-invasive ventilation)"),
    "gastrostomy": N_("Gastrostomy"),
    "tracheostomy": N_("Tracheostomy"),
    "wheelchair": N_("Wheelchair"),
    "communication_aid": N_("Communication aid"),
    # vocab.NIV_CRITERIA
    "fvc_symptomatic": N_("FVC low, with symptoms"),
    "snip_symptomatic": N_("SNIP low, with symptoms"),
    "fvc_50": N_("FVC below 50 %"),
    "snip_40": N_("SNIP below 40 cmH2O"),
    "snip_fall_10": N_("SNIP fallen 10 cmH2O"),
    # vocab.NOTE_KIND
    "clinical": N_("Clinical"),
    "education": N_("Education"),
    "counselling": N_("Counselling"),
    "shared_decision": N_("Shared decision"),
    "advance_care_plan": N_("Advance care plan"),
    # vocab.ONSET_REGION
    "upper_limb": N_("Upper limb"),
    "lower_limb": N_("Lower limb"),
    "respiratory": N_("Respiratory"),
    "generalised": N_("Generalised"),
    # vocab.PATIENT_STATUS
    "screening": N_("Screening"),
    "suspected": N_("Suspected"),
    "diagnosed": N_("Diagnosed"),
    "palliative": N_("Palliative"),
    "deceased": N_("Deceased"),
    "discharged": N_("Discharged"),
    # vocab.REFERRAL_STATUS
    "draft": N_("Draft"),
    "sent": N_("Sent"),
    "received": N_("Received"),
    "accepted": N_("Accepted"),
    "scheduled": N_("Scheduled"),
    "declined": N_("Declined"),
    "cancelled": N_("Cancelled"),
    # vocab.RESPIRATORY_SYMPTOMS
    "breathlessness": N_("Breathlessness"),
    "orthopnoea": N_("Orthopnoea"),
    "chest_infections": N_("Recurrent chest infections"),
    "disturbed_sleep": N_("Disturbed or non-refreshing sleep"),
    "nightmares": N_("Nightmares"),
    "daytime_sleepiness": N_("Daytime sleepiness"),
    "poor_concentration": N_("Poor concentration or memory"),
    "confusion": N_("Confusion"),
    "hallucinations": N_("Hallucinations"),
    "morning_headache": N_("Morning headaches"),
    "fatigue": N_("Fatigue"),
    "poor_appetite": N_("Poor appetite"),
    # vocab.RESUSCITATION
    "not_discussed": N_("Not discussed"),
    "for_cpr": N_("For CPR"),
    "not_for_cpr": N_("Not for CPR (DNACPR)"),
    # vocab.ROLES
    "administrator": N_("Administrator"),
    "clinician": N_("Clinician"),
    "coordinator": N_("Coordinator"),
    "read_only": N_("Read only"),
    # vocab.SESSION_STATUS
    "attended": N_("Attended"),
    "missed": N_("Missed"),
    # vocab.SEX
    "male": N_("Male"),
    "female": N_("Female"),
    "unknown": N_("Unknown"),
    # vocab.URGENCY
    "routine": N_("Routine"),
    "urgent": N_("Urgent"),
    # vocab.WORKUP_STATUS
    "planned": N_("Planned"),
    "ordered": N_("Ordered"),
    "performed": N_("Performed"),
    "resulted": N_("Resulted"),
    "reviewed": N_("Reviewed"),
    # vocab.DOSE_UNITS: symbols, the same in every language but "mcg" ("μg" in Chinese)
    "mg": N_("mg"),
    "mcg": N_("mcg"),
    "g": N_("g"),
    "mL": N_("mL"),
    # vocab.DOSE_UNITS that are counted (the others, "mg" or "mL", are printed as they are), as
    # more than one; DOSE_UNIT_ONE has one of each
    "drop": N_("drops"),
    "unit": N_("units"),
    "tablet": N_("tablets"),
    "capsule": N_("capsules"),
    # vocab.DOSE_ROUTES, as a dose line says them ("50 mg by mouth twice a day")
    "oral": N_("by mouth"),
    "iv": N_("IV infusion"),
    "intrathecal": N_("intrathecal injection"),
    "sublingual": N_("under the tongue"),
    "feeding_tube": N_("via feeding tube"),
    "subcutaneous": N_("subcutaneous injection"),
    "intramuscular": N_("intramuscular injection"),
    # vocab.DOSE_FREQUENCIES
    "once_daily": N_("once a day"),
    "twice_daily": N_("twice a day"),
    "three_times_daily": N_("three times a day"),
    "four_times_daily": N_("four times a day"),
    "up_to_four_times_daily": N_("up to four times a day"),
    "at_night": N_("at night"),
    "morning_fasting": N_("each morning, fasting (nothing to eat overnight and for 1 hour after)"),
    "every_28_days": N_("every 28 days"),
    "as_needed": N_("when needed"),
    # vocab.DOSE_REGIMENS (domain.md drug catalog)
    "edaravone_cycles": N_(
        "cycle 1: daily for 14 days, then 14 days off; later cycles: 10 days within 14, then 14 days off"
    ),
    "tofersen_loading": N_("starting with 3 loading doses 14 days apart"),
    "titrate": N_("adjust the dose step by step"),
    # services.scoring.delta_fs_band
    "fast": N_("Fast"),
    "intermediate": N_("Intermediate"),
    "slow": N_("Slow"),
    # vocab.NIV_MODES, NIV_MASKS, TUBE_TYPES (the NIV and gastrostomy plans)
    "spontaneous_timed": N_("Spontaneous/timed (ST)"),
    "spontaneous": N_("Spontaneous (S)"),
    "pressure_control": N_("Pressure control (PC)"),
    "volume_assured": N_("Volume assured (AVAPS, iVAPS)"),
    "nasal": N_("Nasal mask"),
    "oronasal": N_("Nose and mouth mask"),
    "nasal_pillows": N_("Nasal pillows"),
    "full_face": N_("Full face mask"),
    "peg": N_("PEG (placed by endoscopy)"),
    "rig": N_("RIG (placed by X-ray)"),
    "balloon": N_("Balloon tube"),
    "low_profile": N_("Low-profile button"),
}

# One of a counted dose unit (vocab.DOSE_UNITS): "1 tablet", "2 tablets".
DOSE_UNIT_ONE = {"drop": N_("drop"), "unit": N_("unit"), "tablet": N_("tablet"), "capsule": N_("capsule")}
# What a dose with nothing known of it says.
AS_DIRECTED = N_("as directed")


# What each shipped drug (resources/catalog/drugs.json) is for, in a family's words: the catalog's
# purpose is a clinician's ("sialorrhoea (antimuscarinic first line)"). A drug a clinic added has
# none here, and its card shows the purpose the clinic wrote.
FAMILY_PURPOSE = {
    "riluzole": N_("to slow down the illness"),
    "edaravone_iv": N_("to slow down the illness"),
    "edaravone_oral": N_("to slow down the illness"),
    "tofersen": N_("to slow down the illness when it comes from a change in the SOD1 gene"),
    "amx0035": N_("no longer sold: ask your doctor what to take instead"),
    "dm_quinidine": N_("for sudden laughing or crying that you cannot stop"),
    "baclofen": N_("to ease stiff, tight muscles"),
    "tizanidine": N_("to ease stiff, tight muscles"),
    "dantrolene": N_("to ease stiff, tight muscles"),
    "glycopyrronium": N_("to make less spit (saliva) in the mouth"),
    "amitriptyline": N_("to make less spit (saliva) in the mouth"),
    "atropine_drops": N_("to make less spit (saliva) in the mouth"),
    "botulinum_toxin": N_("to make less spit (saliva) in the mouth"),
    "gabapentin": N_("to ease painful muscle cramps"),
}


def family_purpose(drug_code: str, lang: str) -> str | None:
    """A shipped drug's purpose in a family's words in `lang`; None for a drug a clinic added."""
    text = FAMILY_PURPOSE.get(drug_code)
    return None if text is None else translate(lang, text, "codes")


def label(code: str) -> str:
    """A stored code's English label: 'upper_limb' → 'Upper limb' (the msgid in context "codes")."""
    return DISCIPLINE.get(code) or CODES.get(code) or code.replace("_", " ").capitalize()


def code_text(code: str | None, lang: str) -> str:
    """A stored code shown to people in `lang`; a gene symbol as it is, in every language."""
    if not code:
        return "—"
    return gene_symbol(code) or translate(lang, label(code), "codes")


# How an English refusal names a role ("an account with the read-only role", services/access.py).
ROLE_LABELS = {
    "administrator": "administrator",
    "clinician": "clinician",
    "coordinator": "coordinator",
    "read_only": "read-only",
}


def discipline(code: str) -> str:
    return DISCIPLINE.get(code, code.replace("_", " ").capitalize())
