"""The chart window the main window builds ahead (its spare): an opening binds it to the patient,
reads and audits that chart as a new window does, under the role of whoever opens it, and the next
spare is built once the window is idle again."""

from __future__ import annotations

import sqlalchemy as sa

from alsdesk.models import AuditEntry
from alsdesk.services.access import Actor
from tests.ui.test_ui_screens import make_window


def spare_of(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window._spare is not None, timeout=10000)
    return window._spare


def views_of(db, patient_id) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(
            s.scalars(
                sa.select(AuditEntry.action).where(AuditEntry.patient_id == patient_id, AuditEntry.action == "view")
            )
        )


def test_a_chart_opens_in_the_spare_window_and_is_audited(qtbot, backend, idle, settings, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import NO_PATIENT

    window = make_window(qtbot, backend, settings)
    idle()
    spare = spare_of(qtbot, window)
    assert spare.patient_id == NO_PATIENT and spare.data is None and not spare.isVisible()
    assert views_of(db, patient.id) == []

    chart = window.open_chart(patient.id)
    assert chart is spare and chart.isVisible() and window.charts[patient.id] is chart
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10000)
    assert chart.data.chart.patient.id == patient.id
    assert chart.print_button.patient_id == patient.id and chart.pages["overview"].patient_id == patient.id
    assert chart.windowTitle().endswith(f"MRN {patient.mrn} · alsdesk")
    idle()
    assert views_of(db, patient.id) == ["view"]  # the opening is audited once, as a new window's is

    following = spare_of(qtbot, window)  # built again once idle, for the next opening
    assert following is not chart and following.patient_id == NO_PATIENT and following.data is None


def test_the_spare_takes_the_role_of_whoever_opens_it(qtbot, backend, idle, settings, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, backend, settings)  # nobody signed in: the database's administrator
    idle()
    spare = spare_of(qtbot, window)
    assert not spare.team_button.property("alsdesk_hidden_by_role")  # built for an administrator
    backend.actor = Actor("coord", None, "coordinator")  # then a coordinator signs in
    chart = window.open_chart(patient.id)
    assert chart is spare
    assert chart.team_button.isHidden() and chart.team_button.property("alsdesk_hidden_by_role")
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10000)
    assert chart.data.chart.patient.id == patient.id
