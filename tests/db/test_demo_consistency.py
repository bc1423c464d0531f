"""The demo clinic's records agree with each other, as a real clinic's would (issue: clinical state)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from alsdesk.services import demo, scoring
from alsdesk.services.assessments import items_of

ANCHOR = date(2026, 12, 1)


@pytest.fixture(scope="module")
def clinic() -> list[dict[str, Any]]:
    return list(demo.demo_document(patients=300, seed=7, anchor=ANCHOR)["patients"])


class _Row:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def latest_total(entry: dict[str, Any]) -> int | None:
    scored = [items_of(_Row(a)) for a in sorted(entry["records"]["assessment"], key=lambda a: a["assessed_on"])]
    scored = [s for s in scored if s]
    return scoring.alsfrs_total(scored[-1]) if scored else None


def test_a_genetic_counselling_referral_for_family_history_has_family_history(clinic: list[dict[str, Any]]) -> None:
    referred = [
        p["patient"]
        for p in clinic
        if any(r["to_specialty"] == "genetics_counselling" for r in p["records"]["referral"])
    ]
    assert referred, "the demo should show a genetic counselling referral"
    assert all(p["family_history"] is True for p in referred)


def test_palliative_patients_have_advanced_disease(clinic: list[dict[str, Any]]) -> None:
    totals = [latest_total(p) for p in clinic if p["patient"]["status"] == "palliative"]
    assert totals and all(t is not None for t in totals)
    assert max(t for t in totals if t is not None) <= 48 - demo.PALLIATIVE_LOSS
