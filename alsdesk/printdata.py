"""Plain data the printed documents take: filled by services.printing, drawn by alsdesk.reports."""

# Why a module of its own: the import contracts keep alsdesk.reports and alsdesk.services
# independent of each other, yet both must agree on these shapes. This module imports nothing
# from alsdesk but the plain vocabularies, so either side may use it without breaking a contract.

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, time

from alsdesk.names import patient_name

QR_PREFIX = "alsdesk:enrollment:"
PAGE = re.compile(rb"/Type /Page[^s]")  # a page object of a PDF (not the /Pages tree)


def page_count(pdf: bytes) -> int:
    """Pages of a rendered document, for the print log (the window and `alsdesk report` alike)."""
    return len(PAGE.findall(pdf))


def enrollment_qr(enrollment_id: str) -> str:
    """What a checklist sheet's QR code holds."""
    return f"{QR_PREFIX}{enrollment_id}"


SHEET_ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.IGNORECASE)


def parse_enrollment_qr(text: str) -> uuid.UUID | None:
    """The enrollment a scanned sheet names, or the sheet ID printed beside its code typed in (for
    a damaged code); None for anything else a scanner may type."""
    text = text.strip()
    if text.lower().startswith(QR_PREFIX):
        text = text[len(QR_PREFIX) :]
    elif not SHEET_ID.fullmatch(text):
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def in_language(lang: str, en: str, zh: str) -> str:
    """Of a text the clinic keeps in English and Chinese (its opening hours, a job title), the one
    a page or the window in `lang` shows: the Chinese for zh_CN and the English for en when it is
    set, else the other one, so a text typed in one language only is shown as typed."""
    first, other = (zh, en) if lang == "zh_CN" else (en, zh)
    return first or other


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str = ""
    phone: str = ""
    paper: str = "a4"
    logo_png: bytes | None = None
    # What a handout's safety block prints (issue 13): empty when the clinic has not set it.
    emergency_phone: str = ""
    out_of_hours_phone: str = ""
    opening_hours: str = ""
    opening_hours_zh: str = ""
    address_zh: str = ""
    getting_here: str = ""  # transport, parking, a step-free way in
    getting_here_zh: str = ""

    def way_in(self, lang: str) -> str:
        """How to get to the clinic, as a page in `lang` prints it (in_language)."""
        return in_language(lang, self.getting_here, self.getting_here_zh)

    def address_in(self, lang: str) -> str:
        """The address a page in `lang` prints (in_language)."""
        return in_language(lang, self.address, self.address_zh)

    def hours(self, lang: str) -> str:
        """The opening hours a page in `lang` prints (in_language)."""
        return in_language(lang, self.opening_hours, self.opening_hours_zh)


@dataclass(frozen=True)
class Person:
    """The identity printed on every page, so pages of two patients cannot be mixed up."""

    id: str
    mrn: str
    family_name: str
    given_name: str
    name_zh: str
    birth_date: date
    sex: str = "unknown"

    def display_name(self, lang: str) -> str:
        return patient_name(self.family_name, self.given_name, self.name_zh, chinese_first=lang == "zh_CN")


@dataclass(frozen=True)
class Header:
    """Page chrome: clinic, patient (None for clinic-wide lists), language, print date and printer."""

    clinic: Clinic
    patient: Person | None
    lang: str = "en"
    printed_on: date = date(2000, 1, 1)
    printed_by: str = ""
    paper: str = "a4"


@dataclass(frozen=True)
class Line:
    """One dated line of a list (a medication, workup, referral, appointment, milestone)."""

    on: date | None
    text: str
    detail: str = ""


@dataclass(frozen=True)
class AlertLine:
    """An alert a visit raised, with where it stands: open, acknowledged, or closed and why."""

    on: date
    text: str
    status: str  # vocab.ALERT_STATUS
    closed_reason: str | None = None  # vocab.ALERT_CLOSED_REASONS, for a closed alert
    closed_on: date | None = None


@dataclass(frozen=True)
class Measure:
    on: date
    value: float


@dataclass(frozen=True)
class AlsfrsScore:
    """One scored ALSFRS-R with the derived values services.scoring computed."""

    on: date
    items: dict[str, int]
    total: int
    subscores: dict[str, int]
    delta_fs: float | None
    delta_fs_band: str | None
    kings: str
    mitos: int


@dataclass(frozen=True)
class Progression:
    """ΔFS at diagnosis (the prognostic figure) and the latest slope, each with its dates
    (services.scoring.delta_fs_at_diagnosis and latest_slope); None where there is none."""

    at_diagnosis: float | None = None
    at_diagnosis_band: str | None = None
    at_diagnosis_on: date | None = None  # the assessment it was computed from
    slope: float | None = None  # points lost per month between the two latest scored visits
    slope_from: date | None = None
    slope_to: date | None = None


@dataclass(frozen=True)
class Diagnosis:
    status: str
    onset_date: date | None
    onset_region: str | None
    diagnosis_date: date | None
    el_escorial: str | None
    awaji_applied: bool
    gold_coast_met: bool | None
    family_history: bool | None
    genetics: str
    findings: tuple[Line, ...] = ()
    death_date: date | None = None  # documents show it in place of a current stage


@dataclass(frozen=True)
class SummaryData:
    header: Header
    diagnosis: Diagnosis
    alsfrs: tuple[AlsfrsScore, ...]
    fvc: tuple[Measure, ...]
    weight: tuple[Measure, ...]
    weight_change_percent: float | None
    latest_measures: tuple[Line, ...]
    alerts: tuple[Line, ...]
    medications: tuple[Line, ...]
    therapies: tuple[Line, ...]
    workups: tuple[Line, ...]
    referrals: tuple[Line, ...]
    appointments: tuple[Appointment, ...]
    milestones: tuple[Line, ...]
    programs: tuple[Line, ...]
    progression: Progression | None = None
    # The stage on the print day (services.stages.stage_now): 5 and 5 from the date of death.
    kings_now: str | None = None
    mitos_now: int | None = None


@dataclass(frozen=True)
class StaffMember:
    """A named member of staff as a document prints them: a key worker or a letter's signer."""

    name: str
    job_title: str = ""
    phone: str = ""
    discipline: str = ""  # a vocab.DISCIPLINES code the report words
    job_title_zh: str = ""

    def title(self, lang: str) -> str:
        """The job title a page in `lang` prints (in_language)."""
        return in_language(lang, self.job_title, self.job_title_zh)


@dataclass(frozen=True)
class PatientContacts:
    """What a receiving doctor needs to reach and treat the patient (referral letter)."""

    address: str = ""
    phone: str = ""
    carer_name: str = ""
    carer_relation: str = ""
    carer_phone: str = ""
    language: str = "en"  # vocab.LANGUAGES
    interpreter_needed: bool = False
    gp_name: str = ""
    gp_contact: str = ""


@dataclass(frozen=True)
class AllergyLine:
    substance: str
    reaction: str = ""
    severity: str = "unknown"  # vocab.ALLERGY_SEVERITY


@dataclass(frozen=True)
class Allergies:
    """The allergy state (services.allergies.allergy_state): the active allergies, else the day
    "no known allergies" was confirmed, else nothing recorded (both empty)."""

    items: tuple[AllergyLine, ...] = ()
    no_known_since: date | None = None


@dataclass(frozen=True)
class Weighed:
    on: date
    kg: float


@dataclass(frozen=True)
class ReferralData:
    header: Header
    referral_date: date
    urgency: str
    from_specialty: str
    to_specialty: str
    to_facility: str
    to_person: str
    reason: str
    requested_service: str
    questions: str
    diagnosis: Diagnosis
    latest_alsfrs: AlsfrsScore | None
    latest_measures: tuple[Line, ...]
    medications: tuple[Line, ...]
    signed_by: str
    referral_id: str = ""
    progression: Progression | None = None
    reference: str = ""  # R-XXXXXX, on the letter and its reply slip (referrals.reference)
    signer: StaffMember | None = None
    contacts: PatientContacts = PatientContacts()
    allergies: Allergies = Allergies()
    # services.interventions.KINDS in place on the referral date, with the day each started.
    in_place: tuple[tuple[str, date], ...] = ()
    first_weight: Weighed | None = None
    latest_weight: Weighed | None = None
    labs: tuple[Line, ...] = ()  # the latest result of each test up to the referral date


@dataclass(frozen=True)
class ProgramSheet:
    """An enrolled care program as the family sees it, already in the handout's language."""

    enrollment_id: str
    name: str
    instructions: str
    diet_restrictions: str
    items: tuple[str, ...]
    start_date: date
    dates: tuple[date, ...]
    investigational: bool
    warning: str = ""
    readings: tuple[str, ...] = ()  # per item: the unit of the reading it asks for, or ""


@dataclass(frozen=True)
class Appointment:
    """A coming appointment; `discipline` is a code the report translates, `detail` is free text."""

    on: date
    discipline: str
    detail: str = ""
    record_id: str = ""  # the therapy session, referral or workup: `report appointment --appointment`
    source: str = ""  # "therapy", "referral" or "workup"
    at: time | None = None  # its start, when known
    # Where, when recorded apart from `detail` (a workup's place); a referral's place is its detail
    # (the facility), a therapy session is at the clinic.
    place: str = ""


@dataclass(frozen=True)
class HandoutData:
    header: Header
    appointments: tuple[Appointment, ...]
    therapies: tuple[Appointment, ...]
    medications: tuple[Line, ...]
    education: tuple[Line, ...]
    programs: tuple[ProgramSheet, ...]
    clinic_phone: str
    on_riluzole: bool = False
    key_worker: StaffMember | None = None
    in_place: tuple[str, ...] = ()  # services.interventions.KINDS in place on the print day
    nil_by_mouth: bool = False  # services.interventions.nil_by_mouth: no advice about eating
    due: tuple[Due, ...] = ()  # tests falling due within the handout's weeks


@dataclass(frozen=True)
class Due:
    """A test or review falling due; `kind` is "reassessment" or "alt" (the report words it)."""

    on: date
    kind: str
    detail: str = ""  # the drug an ALT test watches


@dataclass(frozen=True)
class ChecklistData:
    header: Header
    program: ProgramSheet


@dataclass(frozen=True)
class VisitData:
    header: Header
    score: AlsfrsScore | None
    previous: AlsfrsScore | None
    measures: tuple[Line, ...]
    note: str
    alerts: tuple[AlertLine, ...]
    assessed_on: date
    progression: Progression | None = None
    death_date: date | None = None


@dataclass(frozen=True)
class FormData:
    """A blank ALSFRS-R form; patient optional (outreach days print a stack of blank ones)."""

    header: Header
    visit_date: date | None = None


@dataclass(frozen=True)
class WorkRow:
    due: date
    mrn: str
    name: str
    reason: str
    discipline: str


@dataclass(frozen=True)
class WorklistData:
    header: Header
    on: date
    groups: tuple[tuple[str, tuple[WorkRow, ...]], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CardMedicine:
    """One current medicine on the medication card, already in the card's language."""

    name: str
    purpose: str  # the catalog's purpose; "" when the catalog has none
    dose: str  # services.doses.dose_text
    by_tube: bool  # a gastrostomy is in place (services.interventions): the card says to ask before using it
    alt_due: date | None = None  # Medication.alt_due_on: the next liver blood test (riluzole)


@dataclass(frozen=True)
class MedicationCardData:
    header: Header
    medicines: tuple[CardMedicine, ...]


@dataclass(frozen=True)
class AlertCardData:
    """The wallet-size emergency card (issue 13 item 7): what a paramedic needs in the first minute."""

    header: Header
    in_place: tuple[tuple[str, date], ...]  # services.interventions.KINDS in place on the print day, since when
    allergies: Allergies
    key_worker: StaffMember | None = None
    care_plan_noted: date | None = None  # the latest note of the advance-care-plan kind; None: not recorded
    care_plan: CarePlan | None = None  # the structured record, printed before the note's day


@dataclass(frozen=True)
class CarePlan:
    """The current advance care plan as a document prints it; codes (vocab) the report words."""

    recorded_on: date
    recorded_by: str  # a staff member's name, "" when not known
    preferences: str
    adrt_in_place: bool
    adrt_refuses: tuple[str, ...]  # vocab.ADRT_REFUSES
    adrt_text: str
    resuscitation: str  # vocab.RESUSCITATION
    resuscitation_on: date | None
    care_place: str | None  # vocab.CARE_PLACES
    care_place_text: str
    death_place: str | None
    death_place_text: str
    decider: str  # vocab.DECIDERS
    decider_name: str
    decider_relationship: str
    decider_phone: str
    review_on: date | None


@dataclass(frozen=True)
class CarePlanData:
    """The care-plan summary (issue 13 item 7): the current plan and the days it was talked about."""

    header: Header
    plan: CarePlan
    history: tuple[tuple[date, bool], ...]  # (day, a revision of the record; else a note), latest first


@dataclass(frozen=True)
class Change:
    """One value at the visit before and at this visit (None: not measured by then)."""

    before: float | None
    now: float | None
    before_on: date | None = None
    now_on: date | None = None


@dataclass(frozen=True)
class GpLetterData:
    """The clinic letter to the GP after a visit (issue 13 item 7), and the patient's plain copy
    (`plain_header`: the same chrome in the patient's language)."""

    header: Header
    plain_header: Header
    visit_on: date
    previous_on: date | None  # the visit before; None at a first visit
    diagnosis: Diagnosis
    contacts: PatientContacts
    allergies: Allergies
    in_place: tuple[tuple[str, date], ...]  # on the visit day, since when
    first_weight: Weighed | None
    latest_weight: Weighed | None
    score: AlsfrsScore | None  # the latest scored ALSFRS-R up to the visit
    previous_score: AlsfrsScore | None  # the latest up to the visit before
    fvc: Change
    weight: Change
    started: tuple[Line, ...]  # medicines started since the visit before (all, at a first visit)
    stopped: tuple[Line, ...]
    new_interventions: tuple[str, ...]  # services.interventions.KINDS in place now, not at the visit before
    latest_measures: tuple[Line, ...]
    labs: tuple[Line, ...]
    medications: tuple[Line, ...]  # current on the visit day
    alerts: tuple[Line, ...]  # guideline alerts open on the print day, raised by the visit
    due: tuple[Due, ...]  # liver tests (ALT) due within 8 weeks of the visit, as the worklist will list them
    next_review: date | None  # the reassessment (services.worklist.next_reassessment)
    signer: StaffMember | None = None
    # The plain copy, in the patient's language: appointments after the visit, tests due, drugs started and stopped.
    coming: tuple[Appointment, ...] = ()
    plain_due: tuple[Due, ...] = ()
    plain_started: tuple[str, ...] = ()
    plain_stopped: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppointmentData:
    """A letter for one coming appointment (issue 13 item 7), in the family's language."""

    header: Header
    appointment: Appointment
    place: str
    language: str  # vocab.LANGUAGES: the patient's, for the interpreter line
    interpreter_needed: bool = False


@dataclass(frozen=True)
class NivSettings:
    """The NIV settings in use from `set_on` (services.plan_settings records them; a change is a new one)."""

    set_on: date
    mode: str  # vocab.NIV_MODES
    ipap: float  # cmH2O
    epap: float  # cmH2O
    mask: str  # vocab.NIV_MASKS
    backup_rate: int | None = None  # breaths a minute
    overnight: bool = True
    hours_per_day: int | None = None  # in all, the night included
    machine: str = ""
    supplier_phone: str = ""


@dataclass(frozen=True)
class GastrostomySettings:
    """The tube and feed in use from `set_on` (services.plan_settings records them)."""

    set_on: date
    tube_type: str  # vocab.TUBE_TYPES
    tube_size: int | None = None  # French gauge
    placed_on: date | None = None
    feed_name: str = ""
    feed_volume: int | None = None  # ml a day
    feed_rate: int | None = None  # ml an hour, by pump
    feed_times: str = ""
    flush_volume: int | None = None  # ml of water each flush
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class NivPlanData:
    """The family's NIV plan (issue 13 item 7): settings (None: not recorded yet), failures, whom to call."""

    header: Header
    since: date  # NIV in place since (services.interventions)
    settings: NivSettings | None
    key_worker: StaffMember | None = None


@dataclass(frozen=True)
class GastrostomyPlanData:
    """The family's gastrostomy plan: the tube and feed (None: not recorded yet), medicines through
    the tube, what to do if it is blocked or comes out, whom to call."""

    header: Header
    since: date  # gastrostomy in place since (services.interventions)
    settings: GastrostomySettings | None
    medicines: tuple[CardMedicine, ...] = ()
    key_worker: StaffMember | None = None
