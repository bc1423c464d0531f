"""Therapy plans and care program enrollments → CarePlan; a program's checklist marks →
QuestionnaireResponse (one per enrollment: each item, and the days it was ticked)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from alsdesk.exchange.fhir import codes
from alsdesk.exchange.fhir.clinic import Clinic, local_moment
from alsdesk.exchange.fhir.identities import reference, resource_id

# therapy session status (vocab.SESSION_STATUS) → CarePlan.activity.detail.status; a missed
# session did not happen and will not: "cancelled", with the reason in statusReason.
SESSION_STATUS = {"scheduled": "scheduled", "attended": "completed", "missed": "cancelled", "cancelled": "cancelled"}
# enrollment status (vocab.ENROLLMENT_STATUS) → CarePlan.status (request-status).
ENROLLMENT_STATUS = {"active": "active", "completed": "completed", "stopped": "revoked"}


def _last_day(start: str, days: int) -> str:
    return (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def therapy_plan(
    clinic: Clinic, row: dict[str, Any], sessions: list[dict[str, Any]], subject: dict[str, Any]
) -> dict[str, Any]:
    discipline = codes.coding(codes.local_system(clinic.base, "discipline"), row["discipline"])
    activities = []
    for s in sessions:
        detail: dict[str, Any] = {
            "kind": "Appointment",
            "code": codes.concept(discipline, text=row["title"]),
            "status": SESSION_STATUS[s["status"]],
            "scheduledPeriod": {
                "start": local_moment(s["scheduled_on"], s["scheduled_time"])
                if s["scheduled_time"]
                else s["scheduled_on"],
                "end": s["scheduled_on"],
            },
        }
        if s["status"] == "missed":
            detail["statusReason"] = codes.text_only("missed")
        if s["note"]:
            detail["description"] = s["note"]
        activities.append({"detail": detail})
    res: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": resource_id(row["id"], "CarePlan"),
        # An ended plan was stopped by a clinician (services.therapy.stop_plan).
        "status": "active" if row["active"] else "revoked",
        "intent": "plan",
        "category": [codes.concept(discipline)],
        "title": row["title"],
        "subject": subject,
        "period": {
            "start": row["start_date"],
            "end": _last_day(row["start_date"], row["interval_days"] * (row["session_count"] - 1)),
        },
    }
    if row["goals"]:
        res["description"] = row["goals"]
    if activities:
        res["activity"] = activities
    return res


def enrollment(
    clinic: Clinic, row: dict[str, Any], marks: list[dict[str, Any]], subject: dict[str, Any]
) -> list[dict[str, Any]]:
    plan_id = resource_id(row["id"], "CarePlan")
    program = codes.coding(codes.local_system(clinic.base, "care-program"), row["template_code"], row["name_en"])
    items = [item.get("en", "") for item in json.loads(row["items_json"])]
    plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": plan_id,
        "status": ENROLLMENT_STATUS[row["status"]],
        "intent": "plan",
        "category": [codes.concept(program, text=row["name_en"])],
        "title": row["name_en"],
        "subject": subject,
        "period": {"start": row["start_date"], "end": _last_day(row["start_date"], row["duration_days"] - 1)},
        "activity": [{"detail": {"status": "not-started", "description": text}} for text in items if text],
    }
    if row["instructions"]:
        plan["description"] = row["instructions"]
    if not plan["activity"]:
        del plan["activity"]
    out = [plan]
    done: dict[int, list[int]] = defaultdict(list)
    for m in marks:
        if m["done"]:
            done[m["item_index"]].append(m["day_index"])
    if done:
        out.append(
            {
                "resourceType": "QuestionnaireResponse",
                "id": resource_id(row["id"], "QuestionnaireResponse"),
                "basedOn": [reference(plan_id)],
                "status": "in-progress" if row["status"] == "active" else "completed",
                "subject": subject,
                "item": [
                    {
                        "linkId": f"item-{i}",
                        **({"text": items[i]} if i < len(items) and items[i] else {}),
                        "item": [
                            {
                                "linkId": f"item-{i}-day-{d}",
                                "text": _last_day(row["start_date"], d),
                                "answer": [{"valueBoolean": True}],
                            }
                            for d in sorted(done[i])
                        ],
                    }
                    for i in sorted(done)
                ],
            }
        )
    return out
