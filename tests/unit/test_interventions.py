"""Interventions in place: milestone or ALSFRS-R evidence, the earliest counting, nothing after the day."""

from __future__ import annotations

from datetime import date

from alsdesk.services.interventions import Intervention, in_place

FULL = {k: 4 for k in ("1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12")}


def items(**changes: int) -> dict[str, int]:
    scored = dict(FULL)
    if "b5" in changes:
        del scored["5a"]
        scored["5b"] = changes.pop("b5")
    scored.update({k.lstrip("i"): v for k, v in changes.items()})
    return scored


def test_nothing_in_place_for_a_full_score_and_no_milestones() -> None:
    assert in_place([], [(date(2026, 1, 1), FULL), (date(2026, 2, 1), None)], date(2026, 3, 1)) == []


def test_gastrostomy_from_its_milestone_or_from_5b_whichever_came_first() -> None:
    visits = [(date(2026, 1, 10), items(b5=3))]
    assert in_place([("gastrostomy", date(2026, 2, 1))], visits, date(2026, 3, 1)) == [
        Intervention("gastrostomy", date(2026, 1, 10), "alsfrs")
    ]
    assert in_place([("gastrostomy", date(2026, 1, 1))], visits, date(2026, 3, 1)) == [
        Intervention("gastrostomy", date(2026, 1, 1), "milestone")
    ]


def test_item_12_boundaries_niv_below_4_tracheostomy_at_0() -> None:
    day = date(2026, 5, 1)
    assert in_place([], [(day, items(i12=4))], day) == []
    assert [i.kind for i in in_place([], [(day, items(i12=3))], day)] == ["niv"]
    assert [i.kind for i in in_place([], [(day, items(i12=1))], day)] == ["niv"]
    assert [i.kind for i in in_place([], [(day, items(i12=0))], day)] == ["niv", "tracheostomy"]


def test_evidence_after_the_day_does_not_count() -> None:
    before, milestone_day, after = date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 2)
    milestones = [("niv", milestone_day), ("wheelchair", before)]
    assert in_place(milestones, [], before) == []
    assert in_place(milestones, [], milestone_day) == [Intervention("niv", milestone_day, "milestone")]
    assert in_place(milestones, [], after) == [Intervention("niv", milestone_day, "milestone")]
