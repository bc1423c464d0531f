"""The start-time field (ui/widgets/dates.py TimeEdit), driven by keystrokes: a therapy plan, a
workup and a referral appointment booked with a typed time, seen in the chart's lists and read back
from the database; a time that is not one stops the booking with the field's message."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from alsdesk.services import chart, referrals
from alsdesk.ui.widgets.dates import TimeEdit
from tests.ui.test_ui_dates import button, open_chart, type_date

SOON = date.today() + timedelta(days=7)


def type_text(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Clear the field (Ctrl+A, Delete), type and leave it (Tab), as a user does."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    field.editingFinished.emit()  # offscreen windows are not always active, so focus may not move


def stored(db, patient_id):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return chart.patient_chart(session=s, patient_id=patient_id)


def test_a_typed_time_is_read_tidied_and_refused_when_it_is_not_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TimeEdit()
    field.setAccessibleName("Appointment time")
    qtbot.addWidget(field)
    type_text(qtbot, field, "9:05")
    assert field.text() == "09:05" and field.value() == time(9, 5)
    type_text(qtbot, field, "")
    assert field.value() is None and field.problem() == ""  # blank: no time known
    for bad in ("24:00", "9:5"):
        type_text(qtbot, field, bad)
        assert field.text() == bad  # kept as typed, never turned into another time
        assert field.problem().startswith("Appointment time must be a time written HH:MM")


def test_a_plan_booked_with_a_typed_time_shows_it_on_each_session(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["therapy"]
    type_text(qtbot, tab.title, "Stretching")
    type_date(qtbot, tab.plan_start, SOON.isoformat())
    type_text(qtbot, tab.plan_time, "14:30")
    qtbot.mouseClick(button(tab, "Add plan"), Qt.MouseButton.LeftButton)
    idle()
    (plan,) = stored(db, patient.id).plans
    assert {s.scheduled_time for s in plan.sessions} == {time(14, 30)}
    assert tab.sessions.index(0, 0).data() == f"{SOON.isoformat()} 14:30"
    # Rescheduling: the field starts at the session's time; a new one is typed over it.
    tab.session_table.selectRow(0)
    assert tab.move_time.text() == "14:30"
    type_date(qtbot, tab.move_to, (SOON + timedelta(days=1)).isoformat())
    type_text(qtbot, tab.move_time, "8:15")
    qtbot.mouseClick(button(tab, "Reschedule to"), Qt.MouseButton.LeftButton)
    idle()
    moved = next(s for s in stored(db, patient.id).plans[0].sessions if s.scheduled_on == SOON + timedelta(days=1))
    assert moved.scheduled_time == time(8, 15)


def test_a_workup_is_scheduled_with_a_typed_time_and_place_and_a_bad_time_is_refused(  # type: ignore[no-untyped-def]
    qtbot, backend, idle, db, patient
) -> None:
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["workup"]
    tab.order("emg")
    idle()
    tab.table.selectRow(0)
    type_date(qtbot, tab.on, SOON.isoformat())
    type_text(qtbot, tab.at, "24:00")
    qtbot.mouseClick(tab.buttons["scheduled"], Qt.MouseButton.LeftButton)
    idle()
    assert "Appointment time must be a time written HH:MM" in tab.message.text()
    assert stored(db, patient.id).workups[0].status == "ordered"  # nothing booked
    type_text(qtbot, tab.at, "9:45")
    type_text(qtbot, tab.place, "Neurophysiology lab")
    qtbot.mouseClick(tab.buttons["scheduled"], Qt.MouseButton.LeftButton)
    idle()
    (w,) = stored(db, patient.id).workups
    assert (w.status, w.scheduled_for, w.scheduled_time, w.place) == (
        "scheduled",
        SOON,
        time(9, 45),
        "Neurophysiology lab",
    )
    assert tab.model.index(0, 4).data() == f"{SOON.isoformat()} 09:45"
    assert tab.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Neurophysiology lab"


def test_a_referral_appointment_gets_the_typed_time(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.write() as s:
        r, _ = referrals.create_referral(
            session=s, patient_id=patient.id, to_specialty="dietetics", reason="Weight loss", referral_date=today
        )
        for step in ("sent", "accepted"):
            referrals.advance_referral(session=s, referral_id=r.id, to=step, on=today)
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    tab.table.selectRow(0)
    type_date(qtbot, tab.on, SOON.isoformat())
    type_text(qtbot, tab.at, "11:00")
    qtbot.mouseClick(tab.buttons["scheduled"], Qt.MouseButton.LeftButton)
    idle()
    (got,) = stored(db, patient.id).referrals
    assert (got.status, got.appointment_on, got.appointment_time) == ("scheduled", SOON, time(11, 0))
    assert tab.model.index(0, 8).data() == f"{SOON.isoformat()} 11:00"
