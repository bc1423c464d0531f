"""Closed vocabularies stored in the database; one place, shared by models, services, UI and CLI.

Plain tuples and no imports, so the command line can offer them as choices (`alsdesk --help`)
without loading SQLAlchemy and every model."""

SEX = ("male", "female", "other", "unknown")
LANGUAGES = ("en", "zh_CN")
PATIENT_STATUS = ("screening", "suspected", "diagnosed", "palliative", "deceased", "discharged")
ONSET_REGION = ("bulbar", "upper_limb", "lower_limb", "respiratory", "generalised")
EL_ESCORIAL = ("definite", "probable", "probable_lab_supported", "possible", "not_met")
# Official gene symbols (HGNC) a genetic result can name: printed exactly as written, never re-cased.
GENE_SYMBOLS = ("C9orf72", "SOD1", "TARDBP", "FUS")
GENETICS = (*GENE_SYMBOLS, "other", "negative", "not_tested")


def gene_symbol(code: str | None) -> str | None:
    """`code` when it is an official gene symbol ("SOD1", "C9orf72", "TARDBP", "FUS"), else None.
    Every place that turns a stored code into words asks this first: a gene symbol's case is
    part of its name (HGNC: "C9orf72", never "C9ORF72" or "Sod1")."""
    return code if code in GENE_SYMBOLS else None


BODY_REGIONS = ("bulbar", "cervical", "thoracic", "lumbosacral")
ROLES = ("administrator", "clinician", "coordinator", "read_only")
DISCIPLINES = (
    "neurology",
    "specialist_nursing",
    "physiotherapy",
    "occupational_therapy",
    "speech_language_therapy",
    "dietetics",
    "respiratory_medicine",
    "gastroenterology",
    "psychology",
    "social_work",
    "palliative_care",
    "rehabilitation",
    "regenerative_medicine",
    "genetics_counselling",
    "administration",
)
WORKUP_STATUS = ("planned", "ordered", "scheduled", "performed", "resulted", "reviewed", "cancelled")
REFERRAL_STATUS = (
    "draft",
    "sent",
    "received",
    "accepted",
    "scheduled",
    "completed",
    "declined",
    "cancelled",
)
URGENCY = ("routine", "urgent")
# An allergy record (FHIR AllergyIntolerance): its criticality as the clinic words it, and its
# state; a record entered in error is kept, marked, never deleted.
ALLERGY_SEVERITY = ("mild", "moderate", "severe", "unknown")
ALLERGY_STATUS = ("active", "resolved", "entered_in_error")
SESSION_STATUS = ("scheduled", "attended", "missed", "cancelled")
MILESTONES = ("niv", "gastrostomy", "tracheostomy", "wheelchair", "communication_aid")
# NIV settings and gastrostomy details (models.plans): the ventilator's mode, the mask, the tube.
NIV_MODES = ("spontaneous_timed", "spontaneous", "pressure_control", "volume_assured")
NIV_MASKS = ("nasal", "oronasal", "nasal_pillows", "full_face")
TUBE_TYPES = ("peg", "rig", "balloon", "low_profile")
APPROVAL = ("approved", "investigational", "withdrawn", "off_label")
EVIDENCE = ("guideline", "expert-consensus", "investigational")
ENROLLMENT_STATUS = ("active", "completed", "stopped")
# How an enrollment stands on a day (services.programs.enrollment_state): the stored status, or for
# an active one what its dates say. Derived, never stored.
ENROLLMENT_STATES = ("upcoming", "current", "ended", "completed", "stopped")
NOTE_KIND = ("clinical", "education", "counselling", "shared_decision", "advance_care_plan")
ALERT_STATUS = ("open", "acknowledged", "closed")
# Why an alert closed by itself (never deleted): the rule no longer met when its visit was judged
# again, the same kind raised again with other values, or the intervention it asked about in place.
ALERT_CLOSED_REASONS = ("no_longer_met", "replaced", "gastrostomy_in_place", "niv_in_place")
# What fired an NIV alert (NICE NG42), in the order an alert lists them.
NIV_CRITERIA = ("fvc_symptomatic", "snip_symptomatic", "fvc_50", "snip_40", "snip_fall_10")
# The NG42 symptoms of respiratory impairment, recorded at a visit as codes.
RESPIRATORY_SYMPTOMS = (
    "breathlessness",
    "orthopnoea",
    "chest_infections",
    "disturbed_sleep",
    "nightmares",
    "daytime_sleepiness",
    "poor_concentration",
    "confusion",
    "hallucinations",
    "morning_headache",
    "fatigue",
    "poor_appetite",
)
# A prescription's dose (services.doses): the unit of its amount, the route, how often, and a
# regimen the catalog gives a drug whose doses follow a pattern over weeks. Each may be empty.
DOSE_UNITS = ("mg", "mcg", "g", "mL", "drop", "unit", "tablet", "capsule")
DOSE_ROUTES = ("oral", "iv", "intrathecal", "sublingual", "feeding_tube", "subcutaneous", "intramuscular")
DOSE_FREQUENCIES = (
    "once_daily",
    "twice_daily",
    "three_times_daily",
    "four_times_daily",
    "up_to_four_times_daily",
    "at_night",
    "morning_fasting",
    "every_28_days",
    "as_needed",
)
DOSE_REGIMENS = ("edaravone_cycles", "tofersen_loading", "titrate")
# The advance-care-plan record (services.care_plans; NICE NG42): what an advance decision to refuse
# treatment (ADRT) refuses, the resuscitation decision, a preferred place of care or of death, and
# who has the authority to decide when the patient cannot.
ADRT_REFUSES = ("niv", "tube_feeding", "cpr", "antibiotics")
RESUSCITATION = ("not_discussed", "for_cpr", "not_for_cpr")
CARE_PLACES = ("home", "hospice", "hospital", "care_home", "other")
DECIDERS = ("no_one_named", "lpa_health", "nominated_person")
