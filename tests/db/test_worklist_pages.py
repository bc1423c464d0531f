"""The paged worklist (counts in SQL, one kind a page at a time) lists exactly what worklist() does."""

import random
from collections import Counter
from datetime import date, timedelta

import sqlalchemy as sa

from alsdesk import demo
from alsdesk.models import Patient
from alsdesk.services import alerts, medications, patients, worklist
from alsdesk.services.settings import SPECS

ANCHOR = date(2026, 3, 31)
DAYS = (ANCHOR, ANCHOR - timedelta(days=200), ANCHOR + timedelta(days=45), date(2026, 2, 28))


def paged(s, on, kind, size, **filters):  # type: ignore[no-untyped-def]
    items, offset = [], 0
    while page := worklist.worklist_page(session=s, on=on, kind=kind, offset=offset, limit=size, **filters):
        assert len(page) <= size
        items += page
        offset += size
    return items


def test_pages_and_counts_equal_the_full_worklist_on_a_demo_clinic(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        # The mix has few workups or sessions due on a given day: this seed has at least 3 of every kind.
        demo.load_demo(session=s, patients=100, seed=2, anchor=ANCHOR)
    with db.read() as s:
        everything = worklist.worklist(session=s, on=ANCHOR)
    # A few dismissals, of different kinds, must leave the pages and the counts as they leave the list.
    dismissed = [next(i for i in everything if i.kind == k) for k in ("alert", "workup_overdue", "reassessment_due")]
    with db.write() as s:
        for item in dismissed:
            worklist.dismiss(session=s, item_key=item.key, patient_id=item.patient_id, on=ANCHOR, reason="Seen")
    staff = Counter(i.staff_id for i in everything if i.staff_id).most_common(1)[0][0]
    checked = Counter()
    for on in DAYS:
        for filters in ({}, {"discipline": "neurology"}, {"discipline": "physiotherapy"}, {"staff_id": staff}):
            with db.read() as s:
                full = worklist.worklist(session=s, on=on, **filters)
                unfiltered = worklist.worklist(session=s, on=on)
                counts = worklist.worklist_counts(session=s, on=on, **filters)
                assert list(counts) == list(worklist.KINDS)
                for kind in worklist.KINDS:
                    mine = [i for i in full if i.kind == kind]
                    assert paged(s, on, kind, 7, **filters) == mine, (on, filters, kind)
                    assert counts[kind] == len(mine), (on, filters, kind)
                    checked[kind] += len(mine)
            # The filters in SQL keep exactly the items the filter would keep from the whole list.
            discipline, staff_id = filters.get("discipline"), filters.get("staff_id")
            assert full == [
                i for i in unfiltered if discipline in (None, i.discipline) and staff_id in (None, i.staff_id)
            ]
            assert not {i.key for i in full} & {i.key for i in dismissed}
    # The demo exercised every kind (the administrator here has no closed records: test_restricted.py)
    assert all(checked[k] > 0 for k in worklist.KINDS if k != worklist.RESTRICTED), checked


def test_a_page_starts_where_the_previous_ended_and_the_kind_is_checked(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=60, anchor=ANCHOR)
    with db.read() as s:
        whole = worklist.worklist_page(session=s, on=ANCHOR, kind="workup_overdue", limit=1000)
        assert len(whole) > 3
        assert worklist.worklist_page(session=s, on=ANCHOR, kind="workup_overdue", offset=2, limit=2) == whole[2:4]
        assert worklist.worklist_page(session=s, on=ANCHOR, kind="workup_overdue", offset=len(whole)) == []
        import pytest

        from alsdesk.errors import DomainError

        with pytest.raises(DomainError, match="not a kind of worklist item"):
            worklist.worklist_page(session=s, on=ANCHOR, kind="nothing")


def test_day_arithmetic_in_sql_matches_python(db) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    days = [date(2024, 1, 31), date(2024, 2, 29), date(2025, 12, 31), date(2023, 8, 30), date(2024, 3, 1)]
    days += [date(2020, 1, 1) + timedelta(days=rng.randrange(3000)) for _ in range(60)]
    steps = list(zip(days, range(-30, 400, 7), strict=False))
    exprs = [worklist.sql_days_later(sa.literal(d, sa.Date), n).label(f"d{i}") for i, (d, n) in enumerate(steps)]
    with db.read() as s:
        row = s.execute(sa.select(*exprs)).one()
    assert [date.fromisoformat(str(v)) for v in row] == [d + timedelta(days=n) for d, n in steps]


def test_riluzole_items_follow_the_python_schedule_on_every_day(db) -> None:  # type: ignore[no-untyped-def]
    """The ALT rule in SQL agrees with alerts.riluzole_alt_due over two years of days: a course
    without a baseline, raised ALTs (with and without the lab's ULN) and normal ones."""
    starts = [date(2024, 1, 31), date(2024, 2, 29), date(2024, 5, 15), date(2024, 8, 31), date(2024, 12, 1)]
    alts = {
        0: [(date(2024, 2, 20), 30.0, 40.0)],
        1: [(date(2024, 2, 10), 45.0, 40.0)],  # a raised baseline
        2: [(date(2024, 5, 1), 30.0, 40.0)],
        3: [(date(2024, 10, 2), 90.0, None), (date(2025, 2, 27), 30.0, 40.0)],  # raised, then normal
        4: [],  # no baseline
    }
    courses = {}
    settings = {k: spec.default for k, spec in SPECS.items()}
    with db.write() as s:
        for n, start in enumerate(starts):
            p = patients.add_patient(
                session=s,
                mrn=f"R{n}",
                family_name="Course",
                given_name=str(n),
                birth_date=date(1960, 1, 1),
                sex="female",
                status="diagnosed",
                diagnosis_date=date(2023, 12, 1),
            )
            medications.prescribe(
                session=s, patient_id=p.id, drug_code="riluzole", started_on=start, acknowledge_warnings=True
            )
            for taken, value, limit in alts[n]:
                medications.record_lab(
                    session=s, patient_id=p.id, test="ALT", taken_on=taken, value=value, upper_limit=limit
                )
            last = max(alts[n], default=None)
            courses[p.mrn] = (start, alerts.AltResult(*last) if last else None)
    on = date(2024, 1, 1)
    while on < date(2026, 3, 1):
        expected = {}
        for mrn, (start, last) in courses.items():
            if start <= on and (due := alerts.riluzole_alt_due(start, last, settings).due) <= on:
                expected[mrn] = due
        with db.read() as s:
            items = worklist.worklist_page(session=s, on=on, kind="drug_monitoring", limit=100)
            assert worklist.worklist_counts(session=s, on=on)["drug_monitoring"] == len(expected)
        assert {i.patient_mrn: i.due_date for i in items} == expected, on
        assert all(i.key == f"drug_monitoring:{i.record_id}:{i.due_date}" for i in items)
        on += timedelta(days=5)
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Patient)) == len(starts)
