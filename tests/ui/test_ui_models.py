"""Every custom item model passes pytest-qt's model tester, with real rows in it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from alsdesk.services import programs
from alsdesk.services.worklist import WorklistItem


def _item(kind: str, n: int, due: date) -> WorklistItem:
    return WorklistItem(
        f"{kind}:{n}", kind, uuid.uuid4(), f"M{n}", f"DOE, Jane{n}", due, "why", "neurology", None, None
    )


def test_record_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.record_model import Column, RecordTableModel

    model = RecordTableModel(
        [Column("A", lambda r: r[0]), Column("B", lambda r: r[1], lambda r: "tip")],
        colour=lambda r: "#ff0000" if r[0] == "x" else None,
    )
    model.set_rows([("x", "1"), ("y", "2"), ("z", "3")])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3 and model.index(1, 1).data() == "2"
    assert model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "A"


def test_worklist_model_groups_with_counts(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.worklist.model import WorklistModel

    today = date(2026, 1, 10)
    model = WorklistModel()
    items = [_item("workup_overdue", 1, today - timedelta(days=3)), _item("workup_overdue", 2, today)]
    items.append(_item("alert", 3, today - timedelta(days=1)))
    model.set_items(items, today)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2  # alert group first, then overdue workups
    assert model.index(0, 0).data() == "Guideline alerts (1)"
    group = model.index(1, 0)
    assert group.data() == "Workups overdue (2)"
    assert model.rowCount(group) == 2
    assert model.item(model.index(0, 1, group)).patient_name == "DOE, Jane1"
    assert model.parent(model.index(1, 3, group)) == group


def test_worklist_model_pages_groups_in(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.worklist.model import WorklistModel

    today = date(2026, 1, 10)
    model = WorklistModel()
    asked: list[tuple[int, str, int]] = []
    model.page_wanted.connect(lambda *a: asked.append(a))
    model.set_counts({"alert": 3, "program_sheet": 0, "therapy_missed": 1}, today)
    assert model.rowCount() == 2 and model.index(0, 0).data() == "Guideline alerts (3)"
    alerts = model.index(0, 0)
    assert model.rowCount(alerts) == 0 and model.hasChildren(alerts) and model.can_load_more(alerts)
    model.load_more(alerts)
    model.load_more(alerts)  # already asked: not asked twice
    assert asked == [(model.generation, "alert", 0)]
    model.add_page(model.generation, "alert", 0, [_item("alert", n, today) for n in (1, 2)])
    assert model.rowCount(alerts) == 2 and model.can_load_more(alerts)
    model.add_page(model.generation - 1, "alert", 2, [_item("alert", 9, today)])  # from before a reload
    assert model.rowCount(alerts) == 2
    model.load_more(alerts)
    assert asked[-1] == (model.generation, "alert", 2)
    model.add_page(model.generation, "alert", 2, [_item("alert", 3, today)])
    assert [model.item(model.index(r, 0, alerts)).patient_mrn for r in range(3)] == ["M1", "M2", "M3"]
    assert not model.can_load_more(alerts) and model.total() == 4
    qtmodeltester.check(model, force_py=True)
    model.set_counts({"alert": 1}, today)
    assert model.group_counts() == {"alert": 1} and model.rowCount(model.index(0, 0)) == 0


def test_patient_model_pages(qtbot, qtmodeltester, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.model import PatientTableModel

    model = PatientTableModel(backend)
    model.browse()
    idle()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "T0001"
    qtmodeltester.check(model, force_py=True)


def test_program_grid_model(qtmodeltester, db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.programs.grid import ProgramGridModel
    from alsdesk.ui.widgets.common import CHECK, CHECKED

    with db.write() as s:
        enrollment, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date(2026, 1, 1)
        )
    model = ProgramGridModel()
    model.set_enrollment(enrollment)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == enrollment.duration_days == 15
    assert model.setData(model.index(1, 2), CHECKED, CHECK)
    assert model.ticks() == {(1, 2)} and model.dirty


def test_week_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.schedule.model import Booking, WeekModel

    monday = date(2026, 1, 5)
    bookings = [
        Booking(uuid.uuid4(), uuid.uuid4(), "LI, Wei 李伟", monday, "physiotherapy", "ROM", "scheduled", 1),
        Booking(uuid.uuid4(), uuid.uuid4(), "DOE, Jane", monday + timedelta(days=2), "dietetics", "Diet", "missed", 1),
    ]
    model = WeekModel()
    model.set_week(monday, bookings)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.columnCount() == 7
    assert "LI" in model.index(1, 0).data()  # rows sorted by discipline label: Dietetics, Physiotherapy
    assert [b.title for b in model.bookings(model.index(0, 2))] == ["Diet"]
