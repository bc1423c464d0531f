"""The Findings dialog keeps both Gold Coast answers; one-click lifecycle steps ask first, and a
clinician reverts a mistaken step from the record's history. Driven with clicks and keystrokes."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from alsdesk.models import AuditEntry, DiagnosticFinding, Enrollment, Patient, Referral, Workup, WorkupEvent
from alsdesk.services import clinic
from alsdesk.services.access import Actor
from tests.ui.modal import click_button, on_next_modal

LEFT = Qt.MouseButton.LeftButton


def open_chart(qtbot, backend, idle, patient_id):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient_id)
    qtbot.addWidget(window)
    window.show()
    idle()
    assert window.data is not None
    return window


def as_clinician(db, backend) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="lchen", display_name="Dr Lin Chen", discipline="neurology", role="clinician"
        )
    backend.actor = Actor("lchen", staff.id, "clinician")


def button(parent, text: str) -> QPushButton:  # type: ignore[no-untyped-def]
    (found,) = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text and b.isVisible()]
    return found


def run_findings(window, idle, clicks) -> list:  # type: ignore[no-untyped-def]
    """Open Findings… with a click, tick the boxes named ((region, sign), 'progressive' or
    'mimics'), click Save; returns what the dialog showed on opening and before saving."""
    seen: list = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append((dialog.progressive.isChecked(), dialog.mimics.isChecked(), dialog.verdict.text()))
        for what in clicks:  # Space on a focused check box, as the keyboard ticks it
            QTest.keyClick(getattr(dialog, what) if isinstance(what, str) else dialog.boxes[what], Qt.Key.Key_Space)
        seen.append(dialog.verdict.text())
        QTest.mouseClick(button(dialog, "Save"), LEFT)

    on_next_modal(fill)
    QTest.mouseClick(window.header.findings_button, LEFT)
    idle()
    return seen


def test_findings_reopen_with_both_answers_and_one_region_keeps_the_diagnosis(  # type: ignore[no-untyped-def]
    qtbot, backend, idle, db, patient
) -> None:
    as_clinician(db, backend)
    window = open_chart(qtbot, backend, idle, patient.id)
    first = run_findings(window, idle, [("cervical", "umn"), ("cervical", "lmn"), "progressive", "mimics"])
    assert first[0][:2] == (False, False) and first[1] == "Gold Coast criteria: met"
    assert "Gold Coast met" in window.header.fields["diagnosis"].text()
    with db.read() as s:
        first_id = s.scalars(sa.select(DiagnosticFinding.id)).one()
    # Reopened: both answers ticked and the verdict met; saving one more region keeps the diagnosis.
    second = run_findings(window, idle, [("bulbar", "lmn")])
    assert second == [(True, True, "Gold Coast criteria: met"), "Gold Coast criteria: met"]
    assert "Gold Coast met" in window.header.fields["diagnosis"].text()
    with db.read() as s:
        p = s.get(Patient, patient.id)
        assert (p.gold_coast_met, p.gold_coast_progressive, p.gold_coast_mimics_excluded) == (True, True, True)
        rows = {f.region: f for f in s.scalars(sa.select(DiagnosticFinding))}
        assert rows["cervical"].id == first_id and rows["bulbar"].lmn
        kinds = s.scalars(sa.select(AuditEntry.action).where(AuditEntry.table_name == "diagnostic_finding")).all()
    assert sorted(kinds) == ["create", "create"]  # cervical unchanged: untouched, nothing deleted


def revert_in_history(window, idle, history_button, reason: str) -> list:  # type: ignore[no-untyped-def]
    """Click History…, type the reason and press Enter; returns the dialog's note and rows."""
    seen: list = []

    def revert(dialog) -> None:  # type: ignore[no-untyped-def]
        QTest.qWait(1)
        deadline = 200
        while dialog.history is None and deadline:
            QTest.qWait(20)
            deadline -= 1
        seen.append(dialog.note.text())
        seen.append(dialog.table.rowCount())
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason yet: refused, the dialog stays
        for _ in range(200):
            if dialog.message.isVisible():
                break
            QTest.qWait(20)
        seen.append(dialog.message.text())
        QTest.keyClicks(dialog.reason, reason)
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)

    on_next_modal(revert)
    QTest.mouseClick(history_button, LEFT)
    idle()
    return seen


def test_record_performed_asks_first_and_a_clinician_reverts_it(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    as_clinician(db, backend)
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["workup"]
    window.tabs.setCurrentWidget(window._holders["workup"])
    tab.order("emg")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    idle()
    tab.table.selectRow(0)
    # Enter on the question keeps the workup as it is: the safe answer is the default.
    asked = on_next_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))
    QTest.mouseClick(tab.buttons["performed"], LEFT)
    idle()
    assert asked and "as performed on" in asked[0].text()
    assert window.data.chart.workups[0].status == "ordered"
    on_next_modal(lambda box: click_button(box, "Record performed"))
    QTest.mouseClick(tab.buttons["performed"], LEFT)
    idle()
    assert window.data.chart.workups[0].status == "performed"

    seen = revert_in_history(window, idle, tab.history, "Clicked the wrong patient's EMG")
    assert seen == [
        "Revert the last step: from Performed back to Ordered. The step stays in the history.",
        2,
        "Reason is required.",
    ]
    assert window.data.chart.workups[0].status == "ordered"
    with db.read() as s:
        w = s.scalars(sa.select(Workup)).one()
        events = s.execute(sa.select(WorkupEvent.to_status, WorkupEvent.reason).order_by(WorkupEvent.at)).all()
        entry = s.scalars(sa.select(AuditEntry).where(AuditEntry.action == "revert")).one()
    assert w.performed_on is None
    assert [tuple(e) for e in events] == [
        ("ordered", ""),
        ("performed", ""),
        ("ordered", "Clicked the wrong patient's EMG"),
    ]
    assert json.loads(entry.detail)["reason"] == "Clicked the wrong patient's EMG" and entry.username == "lchen"


def test_cancel_referral_and_stop_program_ask_then_revert(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    as_clinician(db, backend)
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    window.tabs.setCurrentWidget(window._holders["referrals"])
    QTest.keyClicks(tab.reason, "Falling FVC")
    QTest.mouseClick(button(tab, "Draft referral"), LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    idle()
    tab.table.selectRow(0)
    on_next_modal(lambda box: click_button(box, "Cancel referral"))
    QTest.mouseClick(tab.buttons["cancelled"], LEFT)
    idle()
    assert window.data.chart.referrals[0].status == "cancelled"
    seen = revert_in_history(window, idle, tab.history, "Meant the other referral")
    assert seen[1] == 2 and "from Cancelled back to Draft" in seen[0]
    with db.read() as s:
        assert s.scalars(sa.select(Referral.status)).one() == "draft"

    programs_tab = window.pages["programs"]
    window.tabs.setCurrentWidget(window._holders["programs"])
    programs_tab.enroll("respiratory_home", date.today())
    idle()
    on_next_modal(lambda box: click_button(box, "Stop program"))
    QTest.mouseClick(button(programs_tab, "Stop program"), LEFT)
    idle()
    assert [e.status for e in window.data.chart.enrollments] == ["stopped"]
    seen = revert_in_history(window, idle, button(programs_tab, "History…"), "Family is continuing")
    assert "from Stopped back to Active" in seen[0]
    with db.read() as s:
        assert s.scalars(sa.select(Enrollment.status)).one() == "active"
        assert s.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "revert")) == 2


def test_a_coordinator_sees_the_history_but_cannot_revert(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups
    from alsdesk.ui.chart.lifecycle import HistoryDialog

    with db.write() as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=date.today())
        workups.advance_workup(session=s, workup_id=w.id, to="cancelled", on=date.today())
    backend.actor = Actor("wxu", None, "coordinator")
    dialog = HistoryDialog(backend, "workup", w.id, "EMG")
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert dialog.table.rowCount() == 2
    assert dialog.note.text() == "A clinician can revert the last step."
    assert not dialog.reason.isVisible() and not dialog.revert_button.isVisible()
