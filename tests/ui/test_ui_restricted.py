"""Restricted records in the window: the badge, care team editing, the emergency-access dialog
a clinician outside the care team gets, and break-glass entries highlighted in the audit trail."""

from __future__ import annotations

import pytest

from alsdesk.services import accounts, restricted
from alsdesk.services.access import Actor

PASSWORD = "correct horse battery"
REASON = "Patient collapsed in the waiting room"


@pytest.fixture
def people(db):  # type: ignore[no-untyped-def]
    with db.write() as s:
        boss = accounts.create_account(
            session=s, username="boss", display_name="Dr Ada Boss", role="administrator", password=PASSWORD
        )
    made = {"boss": Actor("boss", boss.id, "administrator")}
    with db.write(actor=made["boss"]) as s:
        for name, role in (("inside", "clinician"), ("outside", "clinician"), ("coord", "coordinator")):
            row = accounts.create_account(
                session=s,
                username=name,
                display_name=name.title(),
                role=role,
                password=PASSWORD,
                discipline="neurology",
            )
            made[name] = Actor(name, row.id, role)
    return made


def open_chart(qtbot, backend, patient, idle, actor):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    backend.actor = actor
    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    window.show()
    idle()
    return window


def test_administrator_restricts_the_record_and_picks_its_care_team(qtbot, backend, idle, db, patient, people) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from alsdesk.ui.chart.care_team_dialog import CareTeamDialog

    window = open_chart(qtbot, backend, patient, idle, people["boss"])
    assert window.team_button.isVisible()
    assert window.header.findChild(object, "restrictedBadge") is None
    dialog = CareTeamDialog(backend, patient.id, window)
    qtbot.addWidget(dialog)
    idle()
    assert not dialog.restricted.isChecked() and dialog.save_button.isEnabled()
    dialog.restricted.setChecked(True)
    names = [dialog.team.item(i).text() for i in range(dialog.team.count())]
    dialog.team.item(names.index(next(n for n in names if n.startswith("Inside")))).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    idle()
    assert dialog.saved
    with db.read(actor=people["boss"]) as s:
        state = restricted.restriction(session=s, patient_id=patient.id)
    assert state.restricted and state.team == (people["inside"].staff_id,)
    idle()  # the chart reloads on the change and shows the badge
    badge = window.header.findChild(object, "restrictedBadge")
    assert badge is not None and badge.text() == "Restricted"

    other = open_chart(qtbot, backend, patient, idle, people["inside"])  # the care team opens it as usual
    assert not other.team_button.isVisible() and other.data is not None
    assert other.restricted_panel.isHidden()


def test_clinician_outside_the_team_takes_emergency_access_with_a_reason(
    qtbot, backend, idle, db, patient, people
) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from alsdesk.models import AuditEntry

    with db.write(actor=people["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[people["inside"].staff_id])
    window = open_chart(qtbot, backend, patient, idle, people["outside"])
    assert window.data is None and not window.restricted_panel.isHidden() and window.tabs.isHidden()
    assert "T0001" in window.restricted_text.text()
    dialog = window.break_glass_dialog  # asked as the chart opens
    assert dialog is not None and dialog.isVisible()
    assert not dialog.open_button.isEnabled()  # no reason, no access
    dialog.reason.setPlainText("   ")
    assert not dialog.open_button.isEnabled()
    dialog.reason.setPlainText("x")
    dialog.take()
    idle()
    assert dialog.isVisible() and "at least a few words" in dialog.message.text()  # the service's own check
    dialog.reason.setPlainText(REASON)
    assert dialog.open_button.isEnabled()
    dialog.take()
    idle()
    qtbot.waitUntil(lambda: window.data is not None, timeout=10000)
    assert window.restricted_panel.isHidden() and not window.tabs.isHidden()
    assert window.data.chart.patient.mrn == "T0001"
    with db.read(actor=people["boss"]) as s:
        actions = s.execute(
            sa.select(AuditEntry.action, AuditEntry.username, AuditEntry.detail)
            .where(AuditEntry.patient_id == patient.id)
            .order_by(AuditEntry.seq.desc())
            .limit(2)
        ).all()
    # the grant, then the audited view of the chart it opened
    assert [a.action for a in actions] == ["view", "break_glass"]
    assert actions[1].username == "outside" and REASON in actions[1].detail


def test_coordinator_outside_the_team_is_not_offered_emergency_access(
    qtbot, backend, idle, db, patient, people
) -> None:  # type: ignore[no-untyped-def]
    with db.write(actor=people["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    window = open_chart(qtbot, backend, patient, idle, people["coord"])
    assert not window.restricted_panel.isHidden() and window.data is None
    assert window.break_glass_dialog is None and window.break_glass_button.isHidden()


def test_audit_trail_highlights_and_filters_emergency_access(qtbot, backend, idle, db, patient, people) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from alsdesk.ui.admin.audit_view import AuditView

    with db.write(actor=people["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    with db.write(actor=people["outside"]) as s:
        restricted.break_glass(session=s, patient_id=patient.id, reason=REASON)
    backend.actor = people["boss"]
    view = AuditView(backend)
    qtbot.addWidget(view)
    view.show()
    idle()
    rows = view.model.rows()
    assert len(rows) > 1
    flagged = [i for i, r in enumerate(rows) if r.action == "break_glass"]
    assert len(flagged) == 1
    colour = view.model.index(flagged[0], 0).data(Qt.ItemDataRole.BackgroundRole)
    plain = view.model.index(next(i for i, r in enumerate(rows) if r.action == "create"), 0).data(
        Qt.ItemDataRole.BackgroundRole
    )
    assert colour is not None and colour != plain
    view.emergency.setChecked(True)  # filters at once
    idle()
    (row,) = view.model.rows()
    assert (row.action, row.username, row.patient_mrn) == ("break_glass", "outside", "T0001")
    assert REASON in row.detail
    view.clear_filters()
    idle()
    assert not view.emergency.isChecked() and len(view.model.rows()) == len(rows)


def test_a_refused_chart_is_audited_and_the_list_shows_name_and_mrn_only(
    qtbot, backend, idle, db, patient, people
) -> None:  # type: ignore[no-untyped-def]
    import json

    import sqlalchemy as sa

    from alsdesk.models import AuditEntry
    from alsdesk.ui.patients.view import PatientsView

    with db.write(actor=people["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[people["inside"].staff_id])
    window = open_chart(qtbot, backend, patient, idle, people["coord"])
    assert not window.restricted_panel.isHidden()
    with db.read(actor=people["boss"]) as s:
        refused = s.execute(
            sa.select(AuditEntry.username, AuditEntry.patient_id, AuditEntry.detail).where(
                AuditEntry.action == "access_refused"
            )
        ).all()
    assert [(r.username, r.patient_id, json.loads(r.detail)["why"]) for r in refused] == [
        ("coord", patient.id, "restricted record")
    ]

    view = PatientsView(backend, lambda *a: None)  # still the coordinator
    qtbot.addWidget(view)
    idle()
    row = [view.model.index(0, c).data() for c in range(view.model.columnCount())]
    assert row == ["TEST, Patient 张伟", "T0001", "", "", "", "Restricted record"]
    backend.actor = people["inside"]  # the care team sees the record
    view.run_search()
    qtbot.waitUntil(lambda: view.model.index(0, 2).data() == "1960-05-17", timeout=5000)
    assert view.model.index(0, 4).data() == "13800000001"


def test_the_worklist_lists_a_closed_record_once_without_its_work(qtbot, backend, idle, db, patient, people) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from alsdesk.services import workups
    from alsdesk.ui.worklist.view import WorklistView

    today = date.today()
    with db.write(actor=people["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[people["inside"].staff_id])
    with db.write(actor=people["inside"]) as s:
        workups.create_workup(
            session=s,
            patient_id=patient.id,
            kind="emg",
            on=today - timedelta(days=40),
            due_date=today - timedelta(days=5),
        )

    def shown(actor: Actor) -> tuple[WorklistView, dict[str, list[list[str]]]]:
        backend.actor = actor
        opened: list[object] = []
        view = WorklistView(backend, lambda pid, *a: opened.append(pid))
        view.opened = opened  # type: ignore[attr-defined]
        qtbot.addWidget(view)
        view.show()
        idle(view)
        groups = {}
        for r in range(view.model.rowCount()):
            group = view.model.index(r, 0)
            groups[view.model.kind_at(r)] = [
                [view.model.index(i, c, group).data() for c in range(5)] for i in range(view.model.rowCount(group))
            ]
        return view, groups

    _, team = shown(people["inside"])
    assert "workup_overdue" in team and "restricted" not in team  # the care team sees the work
    view, groups = shown(people["coord"])
    assert [k for k in groups if any("T0001" in row for row in groups[k])] == ["restricted"]
    assert groups["restricted"] == [["", "TEST, Patient 张伟", "T0001", "—", "Restricted record"]]
    heading = view.model.index(list(groups).index("restricted"), 0).data()
    assert heading == "Restricted records (1)"
    line = view.model.index(0, 0, view.model.index(list(groups).index("restricted"), 0))
    view.tree.setCurrentIndex(line)
    assert view.open_button.isEnabled() and not view.dismiss_button.isEnabled()
    view.tree.setFocus()
    QTest.keyClick(view.tree, Qt.Key.Key_Return)  # opens the chart, where the restricted panel explains
    idle(view)
    assert view.opened == [patient.id]  # type: ignore[attr-defined]
