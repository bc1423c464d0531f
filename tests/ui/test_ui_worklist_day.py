"""The worklist's day: it follows the clock past midnight, any day can be shown from the keyboard,
workups are marked performed from the list (after asking), a reschedule is confirmed and the
selection stays in place, and roles see only the controls they may use."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from alsdesk.models import Workup
from alsdesk.services import workups
from alsdesk.services.access import Actor

TODAY = date.today()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def press(widget, key, modifier=Qt.KeyboardModifier.AltModifier) -> None:  # type: ignore[no-untyped-def]
    """A key press; a button's shortcut clicks it after a short animation, so wait for that."""
    QTest.keyClick(widget, key, modifier)
    QTest.qWait(250)


def order(db, patient_id, kind: str, due: date):  # type: ignore[no-untyped-def]
    with db.write() as s:
        view, _ = workups.create_workup(
            session=s, patient_id=patient_id, kind=kind, on=TODAY - timedelta(days=40), due_date=due
        )
    return view


def group(view, kind: str):  # type: ignore[no-untyped-def]
    kinds = [view.model.kind_at(r) for r in range(view.model.rowCount())]
    return view.model.index(kinds.index(kind), 0)


def first_item(view, kind: str):  # type: ignore[no-untyped-def]
    return view.model.index(0, 0, group(view, kind))


@pytest.fixture
def worklist(qtbot, backend, idle):  # type: ignore[no-untyped-def]
    from alsdesk.ui.worklist.view import WorklistView

    def make(clock=datetime.now):  # type: ignore[no-untyped-def]
        view = WorklistView(backend, lambda *a: None, clock=clock)
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.show()
        view.activateWindow()
        qtbot.waitActive(view)  # shortcuts work in the active window only
        idle(view)
        return view

    return make


def test_the_day_rolls_over_at_midnight(worklist, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    order(db, patient.id, "emg", TODAY + timedelta(days=1))  # due tomorrow: not on today's list
    clock = Clock(datetime.combine(TODAY, time(23, 59)))
    view = worklist(clock)
    assert view.day == TODAY and TODAY.isoformat() in view.title.text()
    assert "workup_due" not in view.model.group_counts()
    assert view.day_picker.midnight.isActive() and view.day_picker.midnight.interval() == 61_000  # 00:00:01
    clock.now = datetime.combine(TODAY + timedelta(days=1), time(0, 0, 1))
    view.day_picker.midnight.timeout.emit()
    idle(view)
    assert view.day == TODAY + timedelta(days=1)
    assert (TODAY + timedelta(days=1)).isoformat() in view.title.text()
    assert view.model.group_counts().get("workup_due") == 1  # the new day's work is shown
    assert view.day_picker.midnight.isActive()  # and the next midnight is awaited
    assert view.move_to.value() == TODAY + timedelta(days=8)  # the offered new date moved on too


def test_a_typed_reschedule_date_stays_past_midnight(worklist, idle, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime.combine(TODAY, time(23, 59)))
    view = worklist(clock)
    chosen = TODAY + timedelta(days=30)
    view.move_to.selectAll()
    QTest.keyClicks(view.move_to, chosen.isoformat())
    QTest.keyClick(view.move_to, Qt.Key.Key_Tab)
    clock.now = datetime.combine(TODAY + timedelta(days=1), time(0, 0, 1))
    view.day_picker.midnight.timeout.emit()
    idle(view)
    assert view.move_to.value() == chosen


def test_a_day_chosen_by_hand_stays_past_midnight(worklist, idle, patient) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(datetime.combine(TODAY, time(23, 59)))
    view = worklist(clock)
    press(view, Qt.Key.Key_Left)
    idle(view)
    assert view.day == TODAY - timedelta(days=1)
    clock.now = datetime.combine(TODAY + timedelta(days=1), time(0, 0, 1))
    view.day_picker.midnight.timeout.emit()
    idle(view)
    assert view.day == TODAY - timedelta(days=1)


def test_any_day_from_the_keyboard(worklist, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    order(db, patient.id, "emg", TODAY + timedelta(days=2))
    view = worklist()
    assert "workup_due" not in view.model.group_counts()
    for _ in range(2):
        press(view, Qt.Key.Key_Right)
    idle(view)
    assert view.day == TODAY + timedelta(days=2)
    assert (TODAY + timedelta(days=2)).isoformat() in view.title.text()
    assert view.model.group_counts().get("workup_due") == 1
    press(view, Qt.Key.Key_T)  # &Today
    idle(view)
    assert view.day == TODAY and "workup_due" not in view.model.group_counts()
    press(view, Qt.Key.Key_Y)  # Da&y: the date itself
    assert view.day_picker.edit.hasFocus()


def test_mark_a_workup_performed_from_the_list_after_asking(worklist, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.modal import click_button, on_next_modal

    emg = order(db, patient.id, "emg", TODAY - timedelta(days=3))
    view = worklist()
    said: list[str] = []
    view.confirmed.connect(said.append)
    view.tree.setCurrentIndex(first_item(view, "workup_overdue"))
    assert view.performed_button.isEnabled() and not view.attended_button.isEnabled()
    asked = on_next_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))  # Enter: the safe default
    QTest.mouseClick(view.performed_button, Qt.MouseButton.LeftButton)
    idle(view)
    text = asked[0].text()
    assert TODAY.isoformat() in text and "TEST, Patient" in text and "EMG" in text
    with db.read() as s:
        assert s.get(Workup, emg.id).status == "ordered"  # kept as it is: nothing done
    asked = on_next_modal(lambda box: click_button(box, "Record performed"))
    QTest.mouseClick(view.performed_button, Qt.MouseButton.LeftButton)
    idle(view)
    idle(view)
    assert asked
    with db.read() as s:
        done = s.get(Workup, emg.id)
        assert done.status == "performed" and done.performed_on == TODAY
    assert "workup_overdue" not in view.model.group_counts()  # the list refreshed
    assert said and said[-1].startswith("Workup recorded as performed on")


def test_reschedule_confirms_in_the_status_bar_and_keeps_the_selection(
    qtbot, backend, idle, settings, db, patient
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    order(db, patient.id, "emg", TODAY - timedelta(days=5))
    order(db, patient.id, "ncs", TODAY - timedelta(days=4))
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    view = window.show_page("worklist")
    idle(view)
    overdue = group(view, "workup_overdue")
    assert view.model.rowCount(overdue) == 2
    view.tree.setCurrentIndex(view.model.index(0, 0, overdue))
    moved = view.selected_item()
    other = view.model.item(view.model.index(1, 0, overdue))
    QTest.mouseClick(view.reschedule_button, Qt.MouseButton.LeftButton)  # to the default: a week on
    idle(view)
    idle(view)
    assert window.statusBar().currentMessage() == (
        f"Rescheduled to {(TODAY + timedelta(days=7)).isoformat()}: {moved.patient_name}"
    )
    assert view.model.rowCount(group(view, "workup_overdue")) == 1
    assert view.selected_item() is not None and view.selected_item().key == other.key  # the next one, selected
    assert view.reschedule_button.isEnabled()  # ready for the next step at once
    window.close()


def test_an_administrator_sees_no_controls_it_cannot_use(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.signin.roles import apply_role
    from alsdesk.ui.worklist.view import WorklistView

    backend.actor = Actor("boss", role="administrator")
    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    apply_role(view, backend)
    view.show()
    idle(view)
    for control in (view.move_to, view.reschedule_button, view.attended_button, view.performed_button):
        assert not control.isVisible()
    assert view.day_picker.isVisible() and view.open_button.isVisible()
    backend.actor = Actor("mchen", role="coordinator")
    apply_role(view, backend)
    assert view.move_to.isVisible() and view.performed_button.isVisible()
