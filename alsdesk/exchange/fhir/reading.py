"""A FHIR Bundle read back into alsdesk rows (docs/fhir.md, "Import"): each Patient with its ALS
Condition, its visits (the ALSFRS-R panel, FVC, SNIP, SpO2, weight and height Observations of one
day), its lab results (the lab Observations our export writes) and its courses
(MedicationRequest, MedicationStatement). Every resource read is checked with
its fhir.resources R4B model first; every row remembers where each field came from, so a value the
entry rules refuse is named by its entry and field. What is not read is counted, never guessed."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from alsdesk.errors import DomainError
from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import URL_ROOT
from alsdesk.exchange.fhir.clinical import UCUM_LAB_UNITS
from alsdesk.exchange.fhir.identities import NAMESPACE
from alsdesk.exchange.fhir.patient import LANGUAGE_TAGS
from alsdesk.exchange.format import ImportFileError, reason
from alsdesk.i18n import N_
from alsdesk.services.doses import dose_from_text
from alsdesk.services.medications import ALT
from alsdesk.services.scoring import ITEM_KEYS, alsfrs_total, validate_items
from alsdesk.vocab import EL_ESCORIAL, GENETICS, ONSET_REGION, SEX

BUNDLE_TYPES = ("collection", "document")  # a whole record, or an IPS
READ = ("Patient", "Condition", "Observation", "MedicationRequest", "MedicationStatement")
# Observation codes read, each into its assessment column with the units accepted.
MEASURED: dict[tuple[str, str], tuple[str, str]] = {
    (codes.LOINC, codes.FVC_PERCENT_PREDICTED[0]): ("fvc_percent", "%"),
    (codes.LOINC, codes.BODY_WEIGHT[0]): ("weight_kg", "kg"),
    (codes.LOINC, codes.BODY_HEIGHT[0]): ("height_cm", "cm"),
    (codes.LOINC, codes.SPO2[0]): ("spo2_percent", "%"),
    (codes.LOINC, codes.SPO2_PULSE_OXIMETRY[0]): ("spo2_percent", "%"),
    ("observation", "snip"): ("snip_cmh2o", "cm[H2O]"),
}
# Lab results (clinical.lab_result): ALT by its LOINC, any other test by an alsdesk clinic's
# "lab-test" code, which is the test as the clinic names it. The unit is read back as written.
LAB_LOINC = {codes.ALT[0]: ALT}
UNITS_OF_UCUM = {code: unit for unit, code in UCUM_LAB_UNITS.items()}
DERIVED = ("kings-stage", "mitos-stage")  # recomputed from the items, never stored
# Statuses of a record that did not happen or was written in error: not imported (counted).
NOT_HAPPENED = {
    "Observation": ("registered", "cancelled", "entered-in-error", "unknown"),
    "MedicationRequest": ("cancelled", "entered-in-error", "draft", "unknown"),
    "MedicationStatement": ("entered-in-error", "not-taken", "intended", "unknown"),
    "Condition": ("refuted", "entered-in-error"),
}
ENDED = ("stopped", "completed")
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NOTE_FIELDS = {"Onset region": ("onset_region", ONSET_REGION), "El Escorial": ("el_escorial", EL_ESCORIAL)}


@dataclass
class Record:
    """One row read from the Bundle: its values, where each came from, and its resources' ids."""

    row: dict[str, Any]
    at: str  # the (first) resource it came from, as a message names it
    fields: dict[str, str] = field(default_factory=dict)  # column → "entry[3] (…) Observation.valueQuantity"
    ids: set[uuid.UUID] = field(default_factory=set)

    def where(self, column: str | None) -> str:
        return self.fields.get(column or "", self.at)

    def put(self, column: str, value: Any, at: str) -> None:
        self.row[column] = value
        self.fields[column] = at


@dataclass
class PatientIn:
    """A Patient of the Bundle with the records that name it as their subject."""

    record: Record
    fhir_id: uuid.UUID
    identifiers: list[tuple[str, str, str]]  # (system, value, where)
    visits: list[Record] = field(default_factory=list)
    courses: list[Record] = field(default_factory=list)
    labs: list[Record] = field(default_factory=list)
    condition: bool = False


@dataclass
class BundleIn:
    patients: list[PatientIn]
    skipped: Counter[str]  # why → how many resources


def is_alsdesk_system(system: Any, name: str) -> bool:
    """`system` is the CodeSystem (or identifier system) `name` of an alsdesk clinic, any clinic."""
    return isinstance(system, str) and system.startswith(URL_ROOT + "/") and system.endswith("/" + name)


def resource_uuid(resource: dict[str, Any], full_url: str | None) -> uuid.UUID:
    """The resource's identity as a record id: its id when that is a UUID (ours are), else a UUID5
    of its fullUrl or type and id, so the same foreign resource always gives the same record."""
    rid = resource.get("id")
    if isinstance(rid, str):
        try:
            return uuid.UUID(rid)
        except ValueError:
            pass
    return uuid.uuid5(NAMESPACE, f"import/{full_url or ''}/{resource['resourceType']}/{rid}")


def day(value: Any, at: str) -> date:
    """A FHIR date or dateTime as the day it names; a partial date ("1960", "1960-05") is refused."""
    if not isinstance(value, str) or not FULL_DATE.match(value):
        raise ImportFileError(at, reason(N_("must be a full date (YYYY-MM-DD)")))
    try:
        return date.fromisoformat(value[:10])
    except ValueError as err:
        raise ImportFileError(at, str(err)) from None


def _loc(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


class _Reader:
    def __init__(self, document: Any, drugs: set[str]) -> None:
        self.drugs = drugs
        self.skipped: Counter[str] = Counter()
        self.entries = self._entries(document)
        self.patients: dict[str, PatientIn] = {}  # by each way a reference may name it
        self.order: list[PatientIn] = []

    @staticmethod
    def _entries(document: Any) -> list[Any]:
        if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
            raise ImportFileError("resourceType", reason(N_("must be Bundle: this is not a FHIR Bundle")))
        if document.get("type") not in BUNDLE_TYPES:
            raise ImportFileError("type", f"must be collection or document (got {document.get('type')!r})")
        entries = document.get("entry", [])
        if not isinstance(entries, list):
            raise ImportFileError("entry", reason(N_("must be a list")))
        return entries

    def read(self) -> BundleIn:
        checked: list[tuple[str, str | None, dict[str, Any]]] = []
        for i, e in enumerate(self.entries):
            resource = e.get("resource") if isinstance(e, dict) else None
            if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
                raise ImportFileError(f"entry[{i}].resource", reason(N_("must be a resource")))
            kind = resource["resourceType"]
            url = e.get("fullUrl") if isinstance(e.get("fullUrl"), str) else None
            at = f"entry[{i}]" + (f" ({url})" if url else "") + f" {kind}"
            if kind not in READ:
                self.skipped[f"{kind} (not read)"] += 1
                continue
            if kind == "Observation" and (why := observation_skipped(resource)):
                self.skipped[f"Observation ({why})"] += 1  # decided before the model's costly check
                continue
            try:
                get_fhir_model_class(kind).model_validate(resource)
            except ValidationError as err:
                first = err.errors()[0]
                raise ImportFileError(f"{at}{_loc(first['loc'])}", first["msg"]) from None
            checked.append((at, url, resource))
            if kind == "Patient":
                self._patient(at, url, resource)
        if not self.order:
            raise ImportFileError("entry", reason(N_("holds no Patient")))
        for at, url, resource in checked:
            kind = resource["resourceType"]
            if kind == "Patient":
                continue
            status = _verification(resource) if kind == "Condition" else resource.get("status")
            if status in NOT_HAPPENED.get(kind, ()):
                self.skipped[f"{kind} (status {status})"] += 1
                continue
            owner = self._owner(resource.get("subject"), f"{at}.subject")
            if kind == "Condition":
                self._condition(owner, at, resource)
            elif kind == "Observation":
                self._observation(owner, at, url, resource)
            else:
                self._course(owner, at, url, resource)
        return BundleIn(self.order, self.skipped)

    def _owner(self, ref: Any, at: str) -> PatientIn:
        target = ref.get("reference") if isinstance(ref, dict) else None
        if not isinstance(target, str):
            raise ImportFileError(at, reason(N_("must name the patient")))
        owner = self.patients.get(target)
        if owner is None:
            raise ImportFileError(f"{at}.reference", reason(N_("names no Patient of this Bundle")))
        return owner

    def _patient(self, at: str, url: str | None, res: dict[str, Any]) -> None:
        rec = Record({}, at)
        pid = resource_uuid(res, url)
        rec.put("id", pid, at)
        identifiers = [
            (i.get("system") or "", i["value"], f"{at}.identifier[{n}].value")
            for n, i in enumerate(res.get("identifier", []))
            if i.get("value")
        ]
        names = res.get("name", [])
        official = next((n for n in names if n.get("family") and n.get("given")), None)
        if official is None:
            raise ImportFileError(f"{at}.name", reason(N_("must hold a family name and a given name")))
        n = names.index(official)
        rec.put("family_name", official["family"], f"{at}.name[{n}].family")
        rec.put("given_name", " ".join(official["given"]), f"{at}.name[{n}].given")
        zh = next((k for k, m in enumerate(names) if m.get("use") == "usual" and m.get("text")), None)
        if zh is not None:
            rec.put("name_zh", names[zh]["text"], f"{at}.name[{zh}].text")
        if res.get("gender") in SEX:
            rec.put("sex", res["gender"], f"{at}.gender")
        if "birthDate" not in res:
            raise ImportFileError(f"{at}.birthDate", reason(N_("is missing")))
        rec.put("birth_date", day(res["birthDate"], f"{at}.birthDate"), f"{at}.birthDate")
        for k, t in enumerate(res.get("telecom", [])):
            if t.get("system") == "phone" and t.get("value"):
                rec.put("phone", t["value"], f"{at}.telecom[{k}].value")
                break
        if res.get("address") and res["address"][0].get("text"):
            rec.put("address", res["address"][0]["text"], f"{at}.address[0].text")
        if res.get("contact"):
            self._caregiver(rec, f"{at}.contact[0]", res["contact"][0])
        for k, c in enumerate(res.get("communication", [])):
            for coding in c["language"].get("coding", []):
                language = {tag: code for code, tag in LANGUAGE_TAGS.items()}.get(coding.get("code"))
                if language:
                    rec.put("language", language, f"{at}.communication[{k}].language")
        rec.put("archived", res.get("active") is False, f"{at}.active")
        if "deceasedDateTime" in res:
            rec.put("death_date", day(res["deceasedDateTime"], f"{at}.deceasedDateTime"), f"{at}.deceasedDateTime")
            rec.put("status", "deceased", f"{at}.deceasedDateTime")
        elif res.get("deceasedBoolean"):
            raise ImportFileError(f"{at}.deceasedBoolean", reason(N_("needs the date of death (deceasedDateTime)")))
        patient = PatientIn(rec, pid, identifiers)
        patient.record.ids.add(pid)
        for name in (url, f"Patient/{res.get('id')}"):
            if name:
                self.patients[name] = patient
        self.order.append(patient)

    @staticmethod
    def _caregiver(rec: Record, at: str, contact: dict[str, Any]) -> None:
        name = (contact.get("name") or {}).get("text")
        if name and name != "-":
            rec.put("caregiver_name", name, f"{at}.name.text")
        relation = (contact.get("relationship") or [{}])[0].get("text")
        if relation:
            rec.put("caregiver_relation", relation, f"{at}.relationship[0].text")
        for k, t in enumerate(contact.get("telecom", [])):
            if t.get("system") == "phone" and t.get("value"):
                rec.put("caregiver_phone", t["value"], f"{at}.telecom[{k}].value")
                break

    def _condition(self, owner: PatientIn, at: str, res: dict[str, Any]) -> None:
        coded = {(c.get("system"), c.get("code")) for c in res.get("code", {}).get("coding", [])}
        if not coded & {(codes.SNOMED, codes.ALS_SNOMED[0]), (codes.ICD10, codes.ALS_ICD10[0])}:
            self.skipped["Condition (not ALS)"] += 1
            return
        if owner.condition:
            self.skipped["Condition (a second ALS Condition)"] += 1
            return
        owner.condition = True
        rec = owner.record
        confirmed = _verification(res) == "confirmed"
        if rec.row.get("status") != "deceased":
            rec.put("status", "diagnosed" if confirmed else "suspected", f"{at}.verificationStatus")
        if "onsetDateTime" in res:
            rec.put("onset_date", day(res["onsetDateTime"], f"{at}.onsetDateTime"), f"{at}.onsetDateTime")
        if confirmed and "recordedDate" in res:
            rec.put("diagnosis_date", day(res["recordedDate"], f"{at}.recordedDate"), f"{at}.recordedDate")
        # Our export writes onset region, El Escorial and genetics as "Label: value; …" in a note.
        for k, note in enumerate(res.get("note", [])):
            for part in note.get("text", "").split("; "):
                label, _, value = part.partition(": ")
                column, allowed = NOTE_FIELDS.get(label, ("genetics" if label == "Genetics" else "", GENETICS))
                if column and value in allowed:
                    rec.put(column, value, f"{at}.note[{k}].text")

    def _observation(self, owner: PatientIn, at: str, url: str | None, res: dict[str, Any]) -> None:
        test = lab_test(res)
        if test is not None:
            self._lab(owner, at, url, res, test)
            return
        read = observation_read(res)
        if read is None:
            columns = self._panel(at, res)
            if not columns:
                self.skipped["Observation (ALSFRS-R panel without items read)"] += 1
                return
        else:
            column, unit = read
            columns = {column: (_quantity(res, unit, at), f"{at}.valueQuantity.value")}
        if "effectiveDateTime" not in res:
            raise ImportFileError(f"{at}.effectiveDateTime", reason(N_("is missing")))
        on = day(res["effectiveDateTime"], f"{at}.effectiveDateTime")
        # Visits are one row per day: a value joins the first visit that day not holding one yet.
        visit = next(
            (
                v
                for v in owner.visits
                if v.row["assessed_on"] == on and not any(v.row.get(c) is not None for c in columns)
            ),
            None,
        )
        if visit is None:
            visit = Record({}, at)
            visit.put("id", resource_uuid(res, url), at)
            visit.put("assessed_on", on, f"{at}.effectiveDateTime")
            owner.visits.append(visit)
        visit.ids.add(resource_uuid(res, url))
        for column, (value, where) in columns.items():
            visit.put(column, value, where)

    @staticmethod
    def _lab(owner: PatientIn, at: str, url: str | None, res: dict[str, Any], test: str) -> None:
        """A lab result: the test, the day taken, the value and its unit, the upper limit of normal
        (referenceRange.high). The entry rules (medications.LAB_RULES) check each on import."""
        rec = Record({}, at)
        rec.put("id", resource_uuid(res, url), at)
        rec.ids.add(rec.row["id"])
        rec.put("test", test, f"{at}.code")
        if "effectiveDateTime" not in res:
            raise ImportFileError(f"{at}.effectiveDateTime", reason(N_("is missing")))
        rec.put("taken_on", day(res["effectiveDateTime"], f"{at}.effectiveDateTime"), f"{at}.effectiveDateTime")
        q = res.get("valueQuantity")
        if not q or "value" not in q:
            raise ImportFileError(f"{at}.valueQuantity", reason(N_("is missing")))
        rec.put("value", _number(q["value"]), f"{at}.valueQuantity.value")
        unit = q.get("unit") or UNITS_OF_UCUM.get(q.get("code") or "", q.get("code") or "")
        rec.put("unit", unit, f"{at}.valueQuantity.unit")
        high = ((res.get("referenceRange") or [{}])[0].get("high") or {}).get("value")
        if high is not None:
            rec.put("upper_limit", _number(high), f"{at}.referenceRange[0].high.value")
        owner.labs.append(rec)

    def _panel(self, at: str, res: dict[str, Any]) -> dict[str, tuple[Any, str]]:
        """The panel's items by column; its total, when given, must be theirs."""
        items: dict[str, tuple[Any, str]] = {}
        total: tuple[Any, str] | None = None
        for k, comp in enumerate(res.get("component", [])):
            where = f"{at}.component[{k}].valueInteger"
            for c in comp["code"].get("coding", []):
                if (c.get("system"), c.get("code")) == (codes.LOINC, codes.ALSFRS_R_TOTAL[0]):
                    total = (comp.get("valueInteger"), where)
                elif is_alsdesk_system(c.get("system"), "alsfrs-r-item") and c.get("code") in ITEM_KEYS:
                    if "valueInteger" not in comp:
                        raise ImportFileError(where, reason(N_("is missing")))
                    items[f"item_{c['code']}"] = (comp["valueInteger"], where)
                else:
                    continue
                break
            else:
                self.skipped["Observation.component (code not read)"] += 1
        if not items:
            return items
        try:  # the scale's own rule; a bad item is named by its component
            scores = {k.removeprefix("item_"): v for k, (v, _) in items.items()}
            validate_items(scores)
            summed = alsfrs_total(scores)
        except DomainError as err:
            bad = items.get(f"item_{err.params.get('item')}")
            raise ImportFileError(bad[1] if bad else at, err) from None
        if total is not None and summed != total[0]:
            raise ImportFileError(total[1], f"is {total[0]!r}, but the items add up to {summed}")
        return items

    def _course(self, owner: PatientIn, at: str, url: str | None, res: dict[str, Any]) -> None:
        concept = res.get("medicationCodeableConcept") or {}
        codings = concept.get("coding", [])
        k = next(
            (k for k, c in enumerate(codings) if is_alsdesk_system(c.get("system"), "drug") and c.get("code")), None
        )
        if k is None or codings[k]["code"] not in self.drugs:
            self.skipped[f"{res['resourceType']} (drug code not in this clinic's catalogue)"] += 1
            return
        rec = Record({}, at)
        rec.put("id", resource_uuid(res, url), at)
        rec.ids.add(rec.row["id"])
        rec.put("drug_code", codings[k]["code"], f"{at}.medicationCodeableConcept.coding[{k}].code")
        if res["resourceType"] == "MedicationRequest":
            dosage, dosage_at = (res.get("dosageInstruction") or [{}])[0], f"{at}.dosageInstruction[0]"
            period = ((dosage.get("timing") or {}).get("repeat") or {}).get("boundsPeriod") or {}
            period_at = f"{dosage_at}.timing.repeat.boundsPeriod"
            start = period.get("start") or res.get("authoredOn")
            start_at = f"{period_at}.start" if period.get("start") else f"{at}.authoredOn"
            reason_text = (res.get("statusReason") or {}).get("text")
        else:
            dosage, dosage_at = (res.get("dosage") or [{}])[0], f"{at}.dosage[0]"
            period = res.get("effectivePeriod") or {}
            period_at = f"{at}.effectivePeriod"
            start = period.get("start") or res.get("effectiveDateTime")
            start_at = f"{period_at}.start" if period.get("start") else f"{at}.effectiveDateTime"
            reason_text = ((res.get("statusReason") or [{}])[0]).get("text")
        if not dosage.get("text"):
            raise ImportFileError(f"{dosage_at}.text", reason(N_("must hold the dose")))
        # The text our export writes is the dose in English words, which reads back into its fields;
        # another system's text that does not read as a dose is kept whole as the note.
        for column, value in dose_from_text(dosage["text"]).fields().items():
            rec.put(column, value, f"{dosage_at}.text")
        if start is None:
            raise ImportFileError(start_at, reason(N_("is missing")))
        rec.put("started_on", day(start, start_at), start_at)
        if period.get("end"):
            rec.put("stopped_on", day(period["end"], f"{period_at}.end"), f"{period_at}.end")
        elif res.get("status") in ENDED:
            raise ImportFileError(f"{period_at}.end", reason(N_("a stopped course needs its stop date")))
        if reason_text:
            rec.put("stop_reason", reason_text, f"{at}.statusReason")
        owner.courses.append(rec)


def _codings(res: dict[str, Any]) -> set[tuple[Any, Any]]:
    """(system, code) of the resource's code, read warily: the resource may not be checked yet."""
    code = res.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None
    if not isinstance(codings, list):
        return set()
    return {(c.get("system"), c.get("code")) for c in codings if isinstance(c, dict) and isinstance(c.get("code"), str)}


def _local(keys: set[tuple[Any, Any]]) -> set[tuple[str, Any]]:
    """Codes of an alsdesk clinic's "observation" CodeSystem, keyed as MEASURED keys them."""
    return {("observation", c) for s, c in keys if isinstance(s, str) and is_alsdesk_system(s, "observation")}


def lab_test(res: dict[str, Any]) -> str | None:
    """The test a lab result Observation names (ALT by its LOINC, another by an alsdesk clinic's
    `lab-test` code), or None when it is not one."""
    keys = _codings(res)
    for system, code in sorted(keys):
        if system == codes.LOINC and code in LAB_LOINC:
            return LAB_LOINC[code]
    return next((c for s, c in sorted(keys) if is_alsdesk_system(s, "lab-test")), None)


def observation_skipped(res: dict[str, Any]) -> str | None:
    """Why an Observation is not read (its code), or None when it is."""
    keys = _codings(res)
    if (codes.LOINC, codes.ALSFRS_R_PANEL[0]) in keys or (keys | _local(keys)) & MEASURED.keys():
        return None
    if lab_test(res) is not None:
        return None
    if {c for _s, c in _local(keys)} & set(DERIVED):
        return "stage, derived from ALSFRS-R"
    return "code not read"


def observation_read(res: dict[str, Any]) -> tuple[str, str] | None:
    """The assessment column and unit a read Observation fills; None for the ALSFRS-R panel."""
    keys = _codings(res)
    if (codes.LOINC, codes.ALSFRS_R_PANEL[0]) in keys:
        return None
    return next(MEASURED[k] for k in (*keys, *_local(keys)) if k in MEASURED)


def _verification(res: dict[str, Any]) -> str | None:
    for c in (res.get("verificationStatus") or {}).get("coding", []):
        return str(c.get("code"))
    return None


def _quantity(res: dict[str, Any], unit: str, at: str) -> Any:
    q = res.get("valueQuantity")
    if not q or "value" not in q:
        raise ImportFileError(f"{at}.valueQuantity", reason(N_("is missing")))
    given = q.get("code") or q.get("unit")
    if given is not None and given != unit:
        raise ImportFileError(f"{at}.valueQuantity.code", f"must be {unit!r} (got {given!r})")
    value = q["value"]
    return value


def _number(value: Any) -> Any:
    """A JSON number as the float a lab column holds; anything else as it is, for the rules to refuse."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def read_bundle(document: Any, drugs: set[str]) -> BundleIn:
    """The Bundle's patients and the records read for each; `drugs` are the catalogue's codes."""
    return _Reader(document, drugs).read()
