"""Advance care plans → Consent (scope `adr`), with the person named to decide as a RelatedPerson;
NIV settings → DeviceRequest for the home ventilator with its settings as parameters; gastrostomy
(tube) settings → NutritionOrder for the tube feed.

Each is kept as a history of rows (a plan's revisions, the settings from each day), so each row is
a resource of its own: the current one `active`, the ones it replaced `inactive` (Consent) or
`completed` (the requests, the day the next began ending a ventilator's period). What a resource
has no element for (preferences, preferred places of care and death, the review date, the tube
and whom to call) is said in its narrative text or instructions, in English like every display text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic
from alsdesk.exchange.fhir.identities import reference, resource_id
from alsdesk.exchange.fhir.narrative import narrative
from alsdesk.i18n.labels import label

Resource = dict[str, Any]
CURRENT_CONSENT = {True: "active", False: "inactive"}  # consent-state-codes
CURRENT_REQUEST = {True: "active", False: "completed"}  # request-status


def _local(clinic: Clinic, system: str, code: str, text: str | None = None) -> dict[str, Any]:
    return codes.concept(codes.coding(codes.local_system(clinic.base, system), code), text=text)


def _ucum(value: float, code: str, unit: str | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit or code, "system": codes.UCUM, "code": code}


def _history(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> list[tuple[dict[str, Any], Any]]:
    """The rows oldest first, each with the row that replaced it (None for the current one)."""
    ordered = sorted(rows, key=key)
    return list(zip(ordered, [*ordered[1:], None], strict=False))


def _by_day(row: dict[str, Any]) -> tuple[str, str, str]:
    # services.plan_settings: the latest day is in use; of two on one day, the one recorded later.
    return row["set_on"], row["created_at"] or "", row["id"]


def _place(code: str | None, text: str) -> str:
    return "not stated" if code is None else label(code) + (f" ({text})" if text else "")


def plan_lines(r: dict[str, Any]) -> list[str]:
    """The plan in words: what the Consent's narrative and the IPS section say."""
    refuses = ", ".join(label(c) for c in r["adrt_refuses"].split())
    adrt = "none in place"
    if r["adrt_in_place"]:
        adrt = "; ".join(x for x in (f"refuses {refuses}" if refuses else "", r["adrt_text"]) if x)
    lines = [f"Advance care plan, revision {r['revision']}, recorded {r['recorded_on']}"]
    if r["preferences"]:
        lines.append(f"Preferences and wishes: {r['preferences']}")
    lines.append(f"Advance decision to refuse treatment: {adrt}")
    resuscitation = label(r["resuscitation"])
    if r["resuscitation_on"]:
        resuscitation += f", decided {r['resuscitation_on']}"
    lines.append(f"Resuscitation: {resuscitation}")
    lines.append(f"Preferred place of care: {_place(r['care_place'], r['care_place_text'])}")
    lines.append(f"Preferred place of death: {_place(r['death_place'], r['death_place_text'])}")
    decider = label(r["decider"])
    if r["decider"] != "no_one_named":
        who = ", ".join(x for x in (r["decider_relationship"], r["decider_phone"]) if x)
        decider += f": {r['decider_name']}" + (f" ({who})" if who else "")
    lines.append(f"Person with authority to decide: {decider}")
    if r["review_on"]:
        lines.append(f"Review by {r['review_on']}")
    return lines


def advance_care_plan(clinic: Clinic, r: dict[str, Any], current: bool, subject: dict[str, Any]) -> list[Resource]:
    """One revision → Consent: the ADRT's refusals and a "not for CPR" decision as `deny`
    provisions (a "for CPR" one as `permit`), the person named to decide as the actor of a
    `permit` provision and a RelatedPerson; the whole plan in words as its narrative."""
    provisions: list[dict[str, Any]] = [
        {"type": "deny", "code": [_local(clinic, "adrt-refuses", c, text=label(c))]} for c in r["adrt_refuses"].split()
    ]
    if r["adrt_in_place"] and r["adrt_text"]:
        provisions.append({"type": "deny", "code": [codes.text_only(r["adrt_text"])]})
    if r["resuscitation"] != "not_discussed":
        provisions.append(
            {
                "type": "deny" if r["resuscitation"] == "not_for_cpr" else "permit",
                "period": {"start": r["resuscitation_on"]},
                "code": [_local(clinic, "resuscitation", r["resuscitation"], text=label(r["resuscitation"]))],
            }
        )
    out: list[Resource] = []
    decider = _local(clinic, "decider", r["decider"], text=label(r["decider"]))
    if r["decider"] != "no_one_named":
        person: Resource = {
            "resourceType": "RelatedPerson",
            "id": resource_id(r["id"], "RelatedPerson"),
            "active": current,
            "patient": subject,
            "relationship": [decider]
            + ([codes.text_only(r["decider_relationship"])] if r["decider_relationship"] else []),
            "name": [{"text": r["decider_name"]}],
        }
        if r["decider_phone"]:
            person["telecom"] = [{"system": "phone", "value": r["decider_phone"]}]
        out.append(person)
        provisions.append({"type": "permit", "actor": [{"role": decider, "reference": reference(person["id"])}]})
    consent: Resource = {
        "resourceType": "Consent",
        "id": resource_id(r["id"], "Consent"),
        "text": narrative(plan_lines(r), status="additional"),
        "status": CURRENT_CONSENT[current],
        "scope": codes.concept(codes.coding(codes.CONSENT_SCOPE, *codes.ADVANCE_DIRECTIVE_SCOPE)),
        "category": [codes.concept(codes.coding(codes.CONSENT_CATEGORY, *codes.ADVANCE_DIRECTIVE_CATEGORY))],
        "patient": subject,
        "dateTime": r["recorded_on"],
        "organization": [reference(clinic.organization_id)],
        # R4 asks for a policy (ppc-1): the clinic's own advance-care-planning policy, under its URL.
        "policy": [{"uri": f"{clinic.base}/policy/advance-care-plan"}],
        "provision": {"period": {"start": r["recorded_on"]}},
    }
    if provisions:
        consent["provision"]["provision"] = provisions
    return [consent, *out]


def advance_care_plans(clinic: Clinic, rows: list[dict[str, Any]], subject: dict[str, Any]) -> list[Resource]:
    """Every revision, oldest first; the highest is the current plan."""
    out: list[Resource] = []
    for r, later in _history(rows, lambda r: r["revision"]):
        out += advance_care_plan(clinic, r, later is None, subject)
    return out


def niv_settings(clinic: Clinic, rows: list[dict[str, Any]], subject: dict[str, Any]) -> list[Resource]:
    """Each NIV settings row → DeviceRequest for the home ventilator; a later row names the one it
    replaced as its priorRequest, and ends that one's period on its own day."""
    out: list[Resource] = []
    previous: str | None = None
    for r, later in _history(rows, _by_day):

        def setting(name: str, **value: Any) -> dict[str, Any]:
            return {"code": _local(clinic, "niv-setting", name), **value}

        parameters = [
            setting("mode", valueCodeableConcept=_local(clinic, "niv-mode", r["mode"], text=label(r["mode"]))),
            setting("ipap", valueQuantity=_ucum(r["ipap"], "cm[H2O]", "cmH2O")),
            setting("epap", valueQuantity=_ucum(r["epap"], "cm[H2O]", "cmH2O")),
        ]
        if r["backup_rate"] is not None:
            parameters.append(setting("backup-rate", valueQuantity=_ucum(r["backup_rate"], "/min")))
        parameters += [
            setting("mask", valueCodeableConcept=_local(clinic, "niv-mask", r["mask"], text=label(r["mask"]))),
            setting("overnight", valueBoolean=bool(r["overnight"])),
        ]
        if r["hours_per_day"] is not None:
            parameters.append(setting("hours-per-day", valueQuantity=_ucum(r["hours_per_day"], "h/d")))
        period = {"start": r["set_on"], **({"end": later["set_on"]} if later else {})}
        res: Resource = {
            "resourceType": "DeviceRequest",
            "id": resource_id(r["id"], "DeviceRequest"),
            "status": CURRENT_REQUEST[later is None],
            "intent": "order",
            "codeCodeableConcept": _local(
                clinic, "device", "niv-ventilator", text=r["machine"] or "Home non-invasive ventilator"
            ),
            "parameter": parameters,
            "subject": subject,
            "occurrencePeriod": period,
            "authoredOn": r["set_on"],
        }
        if previous:
            res["priorRequest"] = [reference(previous)]
        if r["supplier_phone"]:
            res["note"] = [{"text": f"Supplier phone: {r['supplier_phone']}"}]
        previous = res["id"]
        out.append(res)
    return out


def tube_lines(r: dict[str, Any]) -> list[str]:
    tube = label(r["tube_type"]) + (f", {r['tube_size']} Fr" if r["tube_size"] is not None else "")
    lines = [f"Tube: {tube}" + (f", placed {r['placed_on']}" if r["placed_on"] else "")]
    if r["feed_times"]:
        lines.append(f"Feed times: {r['feed_times']}")
    if r["flush_volume"] is not None:
        lines.append(f"Water flush: {r['flush_volume']} mL each time")
    if r["contact_name"] or r["contact_phone"]:
        lines.append("Whom to call: " + ", ".join(x for x in (r["contact_name"], r["contact_phone"]) if x))
    return lines


def gastrostomy_settings(clinic: Clinic, rows: list[dict[str, Any]], subject: dict[str, Any]) -> list[Resource]:
    """Each tube settings row → NutritionOrder: the feed by gastrostomy route, its daily volume as
    maxVolumeToDeliver, the pump rate; the tube, feed times, flush and whom to call as instructions."""
    out: list[Resource] = []
    for r, later in _history(rows, _by_day):
        formula: dict[str, Any] = {
            "routeofAdministration": codes.concept(
                codes.coding(codes.SNOMED, *codes.GASTROSTOMY_ROUTE), text=label(r["tube_type"])
            ),
            "administrationInstruction": "; ".join(tube_lines(r)),
        }
        if r["feed_name"]:
            formula["baseFormulaProductName"] = r["feed_name"]
        if r["feed_rate"] is not None:
            formula["administration"] = [{"rateQuantity": _ucum(r["feed_rate"], "mL/h")}]
        if r["feed_volume"] is not None:
            formula["maxVolumeToDeliver"] = _ucum(r["feed_volume"], "mL/d")
        out.append(
            {
                "resourceType": "NutritionOrder",
                "id": resource_id(r["id"], "NutritionOrder"),
                "status": CURRENT_REQUEST[later is None],
                "intent": "order",
                "patient": subject,
                "dateTime": r["set_on"],
                "enteralFormula": formula,
            }
        )
    return out


def plan_records(clinic: Clinic, records: dict[str, list[dict[str, Any]]], subject: dict[str, Any]) -> list[Resource]:
    return [
        *advance_care_plans(clinic, records["advance_care_plan"], subject),
        *niv_settings(clinic, records["niv_setting"], subject),
        *gastrostomy_settings(clinic, records["gastrostomy_setting"], subject),
    ]
