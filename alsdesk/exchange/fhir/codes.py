"""Every code the FHIR export writes, with its source (docs/fhir.md lists them in one table).

A code that could not be verified in its published source is never guessed: it goes under the
clinic's own CodeSystem (`local`), whose URL is made from the clinic's identity.
"""

from __future__ import annotations

from typing import Any

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
UCUM = "http://unitsofmeasure.org"
BCP47 = "urn:ietf:bcp:47"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
IPS_ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
# FHIR R4 Consent.scope (consent-scope, extensible) and Consent.category (consent-category, extensible).
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/consentcategorycodes"
ADVANCE_DIRECTIVE_SCOPE = ("adr", "Advanced Care Directive")  # the CodeSystem's own display
ADVANCE_DIRECTIVE_CATEGORY = ("acd", "Advance Directive")
NO_KNOWN_ALLERGIES = ("no-known-allergies", "No known allergies")

# SNOMED CT International: 86044005 |Amyotrophic lateral sclerosis (disorder)|.
ALS_SNOMED = ("86044005", "Amyotrophic lateral sclerosis")
# ICD-10 (WHO) G12.2 Motor neuron disease, the class ALS is coded in.
ALS_ICD10 = ("G12.2", "Motor neuron disease")

# LOINC (loinc.org), as named in issue 14 and the FHIR vital-signs profiles.
ALSFRS_R_PANEL = ("82954-9", "ALSFRS-R panel")
ALSFRS_R_TOTAL = ("82953-1", "ALSFRS-R total score")
FVC_PERCENT_PREDICTED = ("19872-1", "FVC measured/predicted")  # not 19869-7: predicted litres
BODY_WEIGHT = ("29463-7", "Body weight")  # FHIR bodyweight profile
BODY_HEIGHT = ("8302-2", "Body height")  # FHIR bodyheight profile
# FHIR oxygensat profile (2708-6) and US Core pulse oximetry (59408-5, by pulse oximetry).
SPO2 = ("2708-6", "Oxygen saturation in Arterial blood")
SPO2_PULSE_OXIMETRY = ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")

# LOINC, as published in FHIR IG value sets of ALT tests (e.g. CH EPREG's example Observation).
ALT = ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma")
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"  # FHIR R4: "clinical"

# IPS (HL7 International Patient Summary IG, hl7.org/fhir/uv/ips): document and section codes.
IPS_DOCUMENT = ("60591-5", "Patient summary Document")
IPS_PROBLEMS = ("11450-4", "Problem list - Reported")
IPS_ALLERGIES = ("48765-2", "Allergies and adverse reactions Document")
IPS_MEDICATIONS = ("10160-0", "History of Medication use Narrative")
IPS_FUNCTIONAL_STATUS = ("47420-5", "Functional status assessment note")
IPS_ADVANCE_DIRECTIVES = ("42348-3", "Advance directives")  # entries: Consent

# SNOMED CT 127490009 |Gastrostomy route|, the route of a tube's feed and of drugs given by tube.
GASTROSTOMY_ROUTE = ("127490009", "Gastrostomy route")

# What the clinic's "observation" CodeSystem names.
LOCAL_OBSERVATIONS = {
    "early-sign-screening": "Early-sign screening",
    "motor-neuron-signs": "Motor neuron signs in a body region",
    "snip": "Sniff nasal inspiratory pressure (SNIP)",
    "kings-stage": "King's clinical stage",
    "mitos-stage": "MiToS stage",
}

# The clinic's own CodeSystems (names under its URL): what no verified public code covers.
LOCAL = {
    "alsfrs-r-item": "ALSFRS-R items (Cedarbaum 1999), by item number; no item LOINC verified here",
    "observation": "What is observed where no LOINC was verified: snip, kings-stage, mitos-stage, "
    "early-sign-screening, motor-neuron-signs",
    "kings-stage": "King's clinical stage (Roche 2012; from ALSFRS-R, Balendra 2014): 1, 2, 3, 4A, 4B",
    "mitos-stage": "MiToS stage (Chiò 2015): 0 to 4",
    "workup-type": "The clinic's workup catalogue (resources/catalog/workup_types.json)",
    "drug": "The clinic's drug catalogue (resources/catalog/drugs.json)",
    "milestone": "Disease milestones (vocab.MILESTONES)",
    "discipline": "Clinical disciplines (vocab.DISCIPLINES)",
    "care-program": "The clinic's care programs (resources/catalog/programs.json)",
    "lab-test": "Laboratory tests as the clinic names them, where no LOINC was verified (ALT has one)",
    "alert-kind": "The guideline alerts alsdesk raises (services/alerts.py)",
    "note-kind": "Kinds of clinical note (vocab.NOTE_KIND)",
    "early-sign": "Early signs of the seed paper's screening and NICE NG42's recognition list",
    "motor-neuron-sign": "Upper and lower motor neuron signs and EMG evidence in a body region",
    "adrt-refuses": "Treatments an advance decision refuses (vocab.ADRT_REFUSES)",
    "resuscitation": "The resuscitation decision of an advance care plan (vocab.RESUSCITATION)",
    "decider": "Who has authority to decide for the patient (vocab.DECIDERS)",
    "device": "Devices the clinic sets up at home: niv-ventilator",
    "niv-setting": "What an NIV prescription sets: mode, ipap, epap, backup-rate, mask, overnight, hours-per-day",
    "niv-mode": "Ventilator modes (vocab.NIV_MODES)",
    "niv-mask": "Mask types (vocab.NIV_MASKS)",
}


def local_system(base: str, name: str) -> str:
    """The URL of the clinic's own CodeSystem `name` (one of LOCAL)."""
    assert name in LOCAL, name
    return f"{base}/CodeSystem/{name}"


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    c: dict[str, Any] = {"system": system, "code": code}
    if display:
        c["display"] = display
    return c


def concept(*codings: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """A CodeableConcept of `codings` (and a text)."""
    cc: dict[str, Any] = {"coding": list(codings)} if codings else {}
    if text:
        cc["text"] = text
    return cc


def loinc(code: tuple[str, str]) -> dict[str, Any]:
    return coding(LOINC, code[0], code[1])


def text_only(text: str) -> dict[str, Any]:
    return {"text": text}


def category(code: str) -> list[dict[str, Any]]:
    """Observation.category from the FHIR observation-category CodeSystem."""
    return [concept(coding(OBSERVATION_CATEGORY, code))]
