"""Rescheduling from the worklist screen records who did it, as the schedule screen does."""

from __future__ import annotations

import json
from datetime import date, timedelta

import sqlalchemy as sa

from alsdesk.models import AuditEntry, WorkupEvent
from alsdesk.services import clinic, therapy, workups
from alsdesk.services.access import Actor


def test_worklist_reschedule_audits_the_signed_in_staff_member(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.worklist.view import WorklistView

    today = date.today()
    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="mchen", display_name="Mei Chen", discipline="physiotherapy", role="coordinator"
        )
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Home exercise",
            start_date=today,
            interval_days=7,
            session_count=2,
        )
        emg, _ = workups.create_workup(
            session=s,
            patient_id=patient.id,
            kind="emg",
            on=today - timedelta(days=40),
            due_date=today - timedelta(days=5),
        )
    backend.actor = Actor("mchen", staff.id, "coordinator")
    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    groups = {view.model.kind_at(r): view.model.index(r, 0) for r in range(view.model.rowCount())}
    session_item = view.model.item(view.model.index(0, 0, groups["therapy_due"]))
    workup_item = view.model.item(view.model.index(0, 0, groups["workup_overdue"]))
    assert (session_item.record_id, workup_item.record_id) == (plan.sessions[0].id, emg.id)
    moved_to = today + timedelta(days=3)
    view.reschedule(session_item, moved_to)
    idle(view)
    view.reschedule(workup_item, moved_to)
    idle(view)
    assert not view.message.isVisible(), view.message.text()
    with db.read() as s:
        entries = {
            e.table_name: e
            for e in s.scalars(
                sa.select(AuditEntry).where(
                    AuditEntry.action == "update",
                    AuditEntry.record_id.in_([str(plan.sessions[0].id), str(emg.id)]),
                )
            )
        }
        event = s.scalars(
            sa.select(WorkupEvent).where(WorkupEvent.workup_id == emg.id, WorkupEvent.to_status == "scheduled")
        ).one()
    assert set(entries) == {"therapy_session", "workup"}
    for entry in entries.values():
        assert (entry.username, entry.staff_id) == ("mchen", staff.id)
        assert moved_to.isoformat() in json.dumps(json.loads(entry.detail))
    # The workup's own lifecycle says who moved it, as the schedule screen records it.
    assert event.staff_id == staff.id
