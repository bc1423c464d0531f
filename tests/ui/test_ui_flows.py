"""End-to-end clinic flows through the chart window, as a coordinator would do them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from alsdesk.services import chart, clinic, patients, scoring, worklist
from alsdesk.services.access import Actor

WORKED_EXAMPLE = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}


def open_chart(qtbot, backend, idle, patient_id):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient_id)
    qtbot.addWidget(window)
    window.show()
    idle()
    assert window.data is not None
    return window


def test_new_patient_then_emg_and_ncs_to_review(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="wxu", display_name="Dr Wei Xu", discipline="neurology", role="clinician"
        )
    backend.actor = Actor("wxu", staff.id, "clinician")
    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.mrn, "N100")
    qtbot.keyClicks(dialog.family, "Li")
    qtbot.keyClicks(dialog.phone, "12ab")
    dialog.check()
    assert "'12ab' is not a phone number" in dialog.field_errors["phone"].text()  # the service's rule
    assert dialog.field_errors["given_name"].text() == ""  # untouched fields stay quiet while typing
    dialog.save()
    assert dialog.field_errors["given_name"].text() == "Given name is required."
    assert dialog.field_errors["birth_date"].text() == "Birth date is required."
    qtbot.keyClicks(dialog.given, "Hua")
    dialog.phone.clear()
    dialog.birth.set_value(date(1958, 3, 2))
    dialog.onset.set_value(date(1950, 1, 1))
    dialog.status.setCurrentIndex(dialog.status.findData("suspected"))
    dialog.check()
    assert all(not label.text() for label in dialog.field_errors.values())
    assert "cannot be before the birth date" in dialog.message.text()  # a rule across fields
    dialog.onset.set_value(None)
    dialog.check()
    assert dialog.message.isHidden()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    assert dialog.created is not None and dialog.created.mrn == "N100"

    window = open_chart(qtbot, backend, idle, dialog.created.id)
    assert "LI, Hua" in window.header.name.text()
    tab = window.pages["workup"]
    tab.order("emg")
    tab.order("ncs")
    # Each order's reload is a separate read; wait for the one that sees both rows.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=15000)
    idle()
    names = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert names == ["Electromyography (EMG)", "Nerve conduction studies"]
    today = date.today()
    for step, extra in (
        ("performed", {}),
        ("resulted", {"result": "Active denervation in 3 regions"}),
        ("reviewed", {}),
    ):
        for row in range(2):
            w = tab.model.row(row)
            tab.advance(w, step, today, **extra)
            idle()
    statuses = [w.status for w in window.data.chart.workups]
    assert statuses == ["reviewed", "reviewed"]
    assert all(w.reviewer_id == backend.staff_id for w in window.data.chart.workups)
    assert tab.model.index(0, 1).data() == "Reviewed"
    assert tab.model.index(0, 8).data() == "Active denervation in 3 regions"


def test_illegal_workup_step_shows_the_service_message(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["workup"]
    tab.order("mri_brain")
    idle()
    tab.advance(tab.model.row(0), "reviewed", date.today())
    idle()
    assert "cannot become 'reviewed'" in tab.message.text()
    assert not tab.message.isHidden()


def test_alsfrs_entry_shows_live_scores_then_stages_in_header(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("assessments")
    tab = window.pages["assessments"]
    form = tab.form
    assert not tab.save_button.isEnabled()
    for key, score in WORKED_EXAMPLE.items():
        form.set_item(key, score)
    assert form.items() == WORKED_EXAMPLE
    live = form.scores.text()
    assert "total 41/48" in live and "bulbar 10, fine motor 10, gross motor 9, respiratory 12" in live
    assert "King's 3" in live and "MiToS 0" in live
    form.measure["fvc_percent"].setText("45")
    form.measure["weight_kg"].setText("61.5")
    assert tab.save_button.isEnabled()
    tab.save()
    idle()
    idle()
    header = window.header.fields
    assert header["alsfrs"].text().startswith("41/48")
    assert header["kings"].text() == scoring.kings_stage(WORKED_EXAMPLE) == "3"
    assert header["mitos"].text() == "0"
    # Diagnosed 2025-06-01: a visit today is far outside ±30 days, so there is no ΔFS at diagnosis;
    # with one scored visit there is no slope yet.
    assert header["dfs"].text() == "none within 30 days" and header["slope"].text() == "—"
    assert header["fvc"].text().startswith("45%")
    assert [a.kind for a in tab.alerts_raised] == ["niv"]  # FVC below 50 %: discuss NIV
    assert window.findChild(type(window.header.name), "alertBadge") is not None
    assert tab.model.index(0, 1).data() == "41"
    assert tab.table.currentIndex().row() == 0  # the visit just saved is selected


def test_program_enrollment_keyboard_marks_and_adherence(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("programs")
    tab = window.pages["programs"]
    start = date.today() - timedelta(days=9)  # day 10 of 15
    tab.enroll("low_glutamate_diet", start)
    idle()
    idle()
    assert window.data.chart.investigational_on(date.today())
    assert window.findChild(type(window.header.name), "investigationalBadge") is not None
    assert not tab.warning.isHidden()
    tab.template.setCurrentIndex(tab.template.findData("daily_routine"))
    tab.enroll("daily_routine", start)
    idle()
    idle()
    routine = next(e for e in window.data.chart.enrollments if e.template_code == "daily_routine")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).id == routine.id)
    tab.table.selectRow(row)
    grid = tab.grid
    grid.setFocus()
    grid.setCurrentIndex(tab.grid_model.index(0, 0))
    for key in (Qt.Key.Key_X, Qt.Key.Key_1, Qt.Key.Key_X):
        qtbot.keyClick(grid, key)
    qtbot.keyClick(grid, Qt.Key.Key_0)  # clears day 4 (already empty) and moves on
    grid.setCurrentIndex(tab.grid_model.index(1, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert tab.grid_model.ticks() == {(0, 0), (0, 1), (0, 2), (1, 0)}
    tab.returned.set_value(None)
    tab.save_sheet()
    idle()
    idle()
    saved = next(e for e in window.data.chart.enrollments if e.id == routine.id)
    assert saved.marks == frozenset({(0, 0), (0, 1), (0, 2), (1, 0)})
    expected = saved.adherence(date.today())
    assert expected == 4 / (5 * 10)
    assert f"adherence {expected:.0%}" in tab.summary.text()
    assert tab.model.index(row, 5).data() == f"{expected:.0%}"


def test_referral_follow_up_reaches_worklist_then_response_clears_it(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import referrals
    from alsdesk.ui.worklist.view import WorklistView

    sent = date.today() - timedelta(days=20)
    with db.write() as s:
        referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="respiratory_medicine",
            reason="NIV assessment",
            referral_date=sent,
        )
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    draft = tab.model.row(0)
    tab.advance(draft, "sent", sent)
    idle()
    idle()
    assert tab.model.row(0).follow_up_on == sent + timedelta(days=14)
    opened: list[tuple[object, ...]] = []
    view = WorklistView(backend, lambda pid, t, rid: opened.append((pid, t, rid)))
    qtbot.addWidget(view)
    idle(view)
    counts = view.model.group_counts()
    assert counts.get("referral_followup") == 1
    group = next(r for r in range(view.model.rowCount()) if "Referrals awaiting" in view.model.index(r, 0).data())
    item_index = view.model.index(0, 0, view.model.index(group, 0))
    view._open(item_index)
    assert opened == [(patient.id, "referrals", draft.id)]  # the chart opens at the referral itself
    tab.advance(tab.model.row(0), "accepted", date.today(), findings="Seen; NIV trial at night")
    idle(view)
    idle(view)
    assert tab.model.row(0).status == "accepted" and tab.model.row(0).findings.startswith("Seen")
    assert "referral_followup" not in view.model.group_counts()


def test_worklist_dismiss_with_reason(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.worklist.view import WorklistView

    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    assert view.model.group_counts() == {"reassessment_due": 1}  # diagnosed, no ALSFRS-R yet
    item = view.model.item(view.model.index(0, 0, view.model.index(0, 0)))
    view.dismiss(item, "Seen at home visit; form pending")
    idle(view)
    idle(view)
    assert view.model.total() == 0
    with db.read() as s:
        assert worklist.worklist(session=s, on=date.today()) == []
    view.discipline.setCurrentIndex(view.discipline.findData("dietetics"))
    idle(view)
    assert "0 items" in view.title.text()


def test_chart_loads_everything_for_the_header(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    with db.read() as s:
        expected = chart.patient_chart(session=s, patient_id=patient.id)
    assert window.data.chart == expected
    assert "MRN T0001" in window.header.identity.text()
    assert "张伟" in window.header.name.text()
    assert window.header.fields["onset"].text().startswith("2025-01-01")


def test_closing_a_chart_with_unsaved_entry_asks(qtbot, backend, idle, patient, messages) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.pages["assessments"].form.set_item("1", 3)
    assert window.unsaved_tabs() == ["Assessments"]
    window.close()
    assert messages and messages[-1][0] == "question" and "Assessments" in messages[-1][1]
    assert window.isVisible()  # the (fake) answer was not "Discard": the chart stays open
    window.pages["assessments"].form.clear()
    assert window.unsaved_tabs() == []


def test_unsaved_ticks_survive_a_reload(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.common import CHECK, CHECKED

    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["programs"]
    tab.enroll("daily_routine", date.today())
    idle()
    idle()
    tab.grid_model.setData(tab.grid_model.index(2, 0), CHECKED, CHECK)
    window.reload()
    idle()
    assert tab.grid_model.ticks() == {(2, 0)}
    assert window.unsaved_tabs() == ["Care programs"]


def test_conflict_reloads_the_chart(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups

    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["workup"]
    tab.order("emg")
    idle()
    idle()
    stale = tab.model.row(0)
    with db.write() as s:  # another workstation moves it on first
        workups.advance_workup(session=s, workup_id=stale.id, to="scheduled", on=date.today())
    tab.advance(stale, "performed", date.today())
    idle()
    idle()
    assert "changed on another workstation" in tab.message.text()
    assert tab.model.row(0).status == "scheduled"  # the other workstation's change is now shown


def test_worklist_actions_attend_and_reschedule(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import therapy, workups
    from alsdesk.ui.worklist.view import WorklistView

    yesterday = date.today() - timedelta(days=1)
    with db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="ROM",
            start_date=yesterday,
            interval_days=30,
            session_count=1,
        )
        workups.create_workup(
            session=s, patient_id=patient.id, kind="emg", on=yesterday - timedelta(days=40), due_date=yesterday
        )
    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    counts = view.model.group_counts()
    assert counts["therapy_unrecorded"] == 1 and counts["workup_overdue"] == 1

    def item_of(kind: str):  # type: ignore[no-untyped-def]
        root = view.model.index(0, 0).parent()
        row = next(r for r in range(view.model.rowCount(root)) if view.model.kind_at(r) == kind)
        return view.model.item(view.model.index(0, 0, view.model.index(row, 0)))

    view.tree.setCurrentIndex(view.model.index(0, 0, view.model.index(0, 0)))
    view.mark_attended(item_of("therapy_unrecorded"))
    idle(view)
    idle(view)
    view.reschedule(item_of("workup_overdue"), date.today() + timedelta(days=5))
    idle(view)
    idle(view)
    counts = view.model.group_counts()
    assert "therapy_unrecorded" not in counts and "workup_overdue" not in counts
    with db.read() as s:
        assert therapy.sessions_between(session=s, start=yesterday, end=yesterday)[0][0].status == "attended"


def test_alsfrs_form_5b_gives_kings_4a(qtbot) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.alsfrs_form import AlsfrsForm

    form = AlsfrsForm()
    qtbot.addWidget(form)
    items = {**{k: v for k, v in WORKED_EXAMPLE.items() if k != "5a"}, "5b": 2}
    for key, score in items.items():
        form.set_item(key, score)
    assert form.items() == items
    assert form.titles["5"].text().startswith("5b.")
    assert form.combos["5"].itemText(4).endswith("Unable to perform any aspect of task")
    assert f"King's {scoring.kings_stage(items)}" in form.scores.text() and "King's 4A" in form.scores.text()


def test_edit_patient_diagnosis_updates_header(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    window = open_chart(qtbot, backend, idle, patient.id)
    dialog = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(dialog)
    dialog.el_escorial.setCurrentIndex(dialog.el_escorial.findData("probable"))
    dialog.onset_region.setCurrentIndex(dialog.onset_region.findData("bulbar"))
    assert dialog.changes() == {"el_escorial": "probable", "onset_region": "bulbar"}
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    idle()
    assert window.header.fields["diagnosis"].text().startswith("Probable")
    assert "(Bulbar)" in window.header.fields["onset"].text()
    stale = EditPatientDialog(backend, patient, window)  # the version from before the edit
    qtbot.addWidget(stale)
    stale.texts["phone"].setText("13900000000")
    stale.save()
    idle()
    assert "changed on another workstation" in stale.message.text()


def test_alt_on_riluzole_raises_alert_then_acknowledged(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications

    with db.write() as s:
        code = next(
            d.code
            for d in __import__("alsdesk.services.catalogs", fromlist=["x"]).drugs(session=s)
            if d.monitoring == "riluzole_alt"
        )
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code=code,
            started_on=date.today() - timedelta(days=60),
            acknowledge_warnings=True,
        )
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["therapy"]
    tab.lab_value.setText("250")
    tab.lab_uln.setText("40")
    tab.record_lab()
    idle()
    idle()
    assert "ALT 250 U/L (ULN 40)" in tab.labs.text()
    overview = window.pages["overview"]
    assert overview.alerts.rowCount() == 1 and "riluzole" in str(overview.alerts.row(0).message).lower()
    overview.acknowledge(overview.alerts.row(0), "Riluzole stopped; LFTs in 1 week")
    idle()
    idle()
    assert overview.alerts.rowCount() == 0
    assert not window.data.chart.open_alerts


def test_findings_dialog_records_gold_coast(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.findings_dialog import FindingsDialog

    window = open_chart(qtbot, backend, idle, patient.id)
    dialog = FindingsDialog(backend, patient.id, window.data.chart.findings, window)
    qtbot.addWidget(dialog)
    dialog.boxes[("cervical", "umn")].setChecked(True)
    dialog.boxes[("cervical", "lmn")].setChecked(True)
    dialog.progressive.setChecked(True)
    assert dialog.verdict.text().endswith("not met")  # other diseases not yet excluded
    dialog.mimics.setChecked(True)
    assert dialog.verdict.text().endswith(": met")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    idle()
    assert dialog.criteria_met is True
    assert "Gold Coast met" in window.header.fields["diagnosis"].text()
    assert [(f.region, f.umn, f.lmn) for f in window.data.chart.findings] == [("cervical", True, True)]
    assert window.status_label.text().startswith("Saved at")  # confirmed in the chart it belongs to


def test_stop_program_and_therapy_plan(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    programs_tab = window.pages["programs"]
    programs_tab.enroll("respiratory_home", date.today())
    idle()
    from tests.ui.modal import click_button, on_next_modal

    asked = on_next_modal(lambda box: click_button(box, "Stop program"))  # it asks first
    programs_tab.stop_selected()
    idle()
    assert asked
    assert [e.status for e in window.data.chart.enrollments] == ["stopped"]
    therapy_tab = window.pages["therapy"]
    therapy_tab.title.setText("Breathing exercises")
    therapy_tab.plan_start.set_value(date.today() - timedelta(days=7))
    therapy_tab.add_plan()
    idle()
    assert therapy_tab.sessions.rowCount() == 6
    therapy_tab.stop_selected_plan()
    idle()
    plan = window.data.chart.plans[0]
    assert not plan.active
    assert [s.status for s in plan.sessions].count("cancelled") == 5  # the past one is kept


def test_record_milestone(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["therapy"]
    tab.milestone_kind.setCurrentIndex(tab.milestone_kind.findData("niv"))
    tab.milestone_on.set_value(date(2025, 9, 1))
    tab.record_milestone()
    idle()
    assert [(m.kind, m.occurred_on) for m in window.data.chart.milestones] == [("niv", date(2025, 9, 1))]
    assert "NIV (non-invasive ventilation) 2025-09-01" in tab.milestones.text()


def test_archive_patient_from_chart(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    window = open_chart(qtbot, backend, idle, patient.id)
    dialog = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(dialog)
    assert dialog.archive_button.text() == "Archive patient…"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.set_archived(True)
    idle()
    assert window.data.chart.patient.archived
    assert "Archived" in [b.text() for b in window.header.findChildren(type(window.header.name))]
    with db.read() as s:
        assert patients.count_patients(session=s) == 0
        assert patients.count_patients(session=s, include_archived=True) == 1


def test_correct_a_recorded_visit(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("assessments")
    tab = window.pages["assessments"]
    for key, score in WORKED_EXAMPLE.items():
        tab.form.set_item(key, score)
    tab.form.assessed_on.set_value(date.today() - timedelta(days=3))
    (save,) = [
        a
        for a in tab.actions()
        if a.shortcut().matches(QKeySequence("Ctrl+S")) == QKeySequence.SequenceMatch.ExactMatch
    ]
    save.trigger()  # Ctrl+S (offscreen windows are never active, so trigger the action itself)
    idle()
    assert window.header.fields["alsfrs"].text().startswith("41/48")
    tab.correct(tab.model.row(0))
    assert tab.form.items() == WORKED_EXAMPLE and not tab.form.assessed_on.isEnabled()
    tab.form.set_item("1", 2)  # speech was 2, not 4
    tab.save()
    idle()
    assert window.header.fields["alsfrs"].text().startswith("39/48")
    assert len(window.data.chart.assessments) == 1  # corrected, not added
    assert tab.correcting is None and tab.form.unanswered() == 12


def test_draft_referral_with_details_and_cancel_new_patient_asks(qtbot, backend, idle, patient, messages) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    tab.to.setCurrentIndex(tab.to.findData("dietetics"))
    tab.reason.setText("Weight loss 7%")
    tab.requested.setText("Dietitian review")
    tab.questions.setText("Supplements?")
    tab.create()
    idle()
    r = tab.model.row(0)
    assert (r.to_specialty, r.status, r.requested_service, r.questions) == (
        "dietetics",
        "draft",
        "Dietitian review",
        "Supplements?",
    )
    assert tab.reason.text() == ""
    assert tab.table.currentIndex().row() == 0  # the new draft is selected, ready to send
    assert tab.buttons["sent"].isEnabled() and not tab.buttons["completed"].isEnabled()

    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.family, "Wang")
    dialog.reject()
    assert messages[-1][0] == "question" and dialog.isVisible()  # the (fake) answer was not Discard


def test_worklist_item_opens_chart_with_its_record_selected(qtbot, backend, idle, patient, db, settings) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import workups
    from alsdesk.ui.main_window import MainWindow

    with db.write() as s:
        for kind in ("mri_brain", "emg", "ncs"):
            w, _ = workups.create_workup(
                session=s,
                patient_id=patient.id,
                kind=kind,
                on=date.today() - timedelta(days=60),
                due_date=date.today() - timedelta(days=5),
            )
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    idle()
    chart = window.open_chart(patient.id, "workup", w.id)  # the last one, NCS
    qtbot.addWidget(chart)
    idle()
    tab = chart.pages["workup"]
    assert chart.current_tab() == "workup"
    assert tab.model.row(tab.table.currentIndex().row()).id == w.id
    assert tab.buttons["performed"].isEnabled()  # its lifecycle actions are ready
    assert tab.model.index(0, 1).data() == "Ordered (overdue)"


def test_chart_opens_at_a_therapy_session(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import therapy

    with db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="dietetics",
            title="Diet",
            start_date=date.today(),
            interval_days=7,
            session_count=2,
        )
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="ROM",
            start_date=date.today(),
            interval_days=7,
            session_count=4,
        )
    third = plan.sessions[2]
    window = open_chart(qtbot, backend, idle, patient.id)
    window.show_tab("therapy", third.id)
    idle()
    tab = window.pages["therapy"]
    assert selected_title(tab) == "ROM"
    assert tab.sessions.row(tab.session_table.currentIndex().row()).id == third.id


def selected_title(tab) -> str:  # type: ignore[no-untyped-def]
    return tab.plans.row(tab.plan_table.currentIndex().row()).title


def test_lost_race_names_who_changed_what_and_offers_reload(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    """Two workstations edit one patient: the later save is refused with who changed which
    fields (from the audit trail) and a Reload that shows the saved record."""
    from alsdesk.errors import ConflictError
    from alsdesk.services.access import Actor
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    with db.write() as s:
        xu = clinic.add_staff(
            session=s, username="wxu", display_name="Xu Wen", discipline="specialist_nursing", role="coordinator"
        )
    mine = EditPatientDialog(backend, patient, None)  # this workstation loads the patient…
    qtbot.addWidget(mine)
    with db.write(actor=Actor("wxu", xu.id, "coordinator")) as s:  # …another one saves first
        patients.update_patient(
            session=s, patient_id=patient.id, expected_version=patient.version, phone="13811112222", address="2 Road"
        )
    with db.write() as s, pytest.raises(ConflictError) as refused:
        patients.update_patient(session=s, patient_id=patient.id, expected_version=patient.version, phone="1")
    assert "Xu Wen (wxu)" in str(refused.value) and "address, phone" in str(refused.value)
    assert [c.fields for c in refused.value.changes] == [("address", "phone")]

    mine.texts["phone"].setText("13900000000")
    mine.save()
    idle()
    assert "changed on another workstation" in mine.message.text()
    assert "Xu Wen (wxu) changed address, phone at 20" in mine.message.text()
    dialog = mine.conflict
    assert dialog.isVisible()
    assert "Xu Wen (wxu) changed address, phone at" in dialog.informativeText()
    dialog.reload_button.click()
    idle()
    assert mine.texts["phone"].text() == "13811112222" and mine.texts["address"].text() == "2 Road"
    assert mine.patient.version == patient.version + 1
    mine.texts["caregiver_name"].setText("Li Na")
    with qtbot.waitSignal(mine.accepted, timeout=5000):  # after Reload the edit saves
        mine.save()
    with db.read() as s:
        saved = patients.get_patient(session=s, patient_id=patient.id)
    assert (saved.phone, saved.caregiver_name) == ("13811112222", "Li Na")


def test_worklist_groups_page_in_as_the_user_scrolls_off_the_gui_thread(
    qtbot, backend, idle, patient, db, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from alsdesk.services import workups
    from alsdesk.ui.worklist import view as worklist_view
    from alsdesk.ui.worklist.view import WorklistView

    with db.write() as s:
        for n in range(45):
            workups.create_workup(
                session=s,
                patient_id=patient.id,
                kind="emg",
                on=date.today() - timedelta(days=90),
                due_date=date.today() - timedelta(days=60 - n),
            )
    monkeypatch.setattr(worklist_view, "PAGE", 5)
    monkeypatch.setattr(worklist_view, "EXPAND_UP_TO", 10)
    read_on: list[bool] = []
    page = worklist.worklist_page

    def spy(**kw):  # type: ignore[no-untyped-def]
        read_on.append(threading.current_thread() is threading.main_thread())
        return page(**kw)

    monkeypatch.setattr(worklist, "worklist_page", spy)
    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    idle(view)
    assert view.model.group_counts()["workup_overdue"] == 45 and "46 items" in view.title.text()
    row = next(r for r in range(view.model.rowCount()) if view.model.kind_at(r) == "workup_overdue")
    group = view.model.index(row, 0)
    assert view.model.rowCount(group) == 0  # a long list opens as headings only
    view.tree.expand(group)
    idle(view)
    shown = view.model.rowCount(group)
    assert 5 <= shown < 45  # pages until the screen is full, not the whole group
    loaded = [view.model.item(view.model.index(r, 0, group)) for r in range(shown)]
    with db.read() as s:
        everything = worklist.worklist(session=s, on=date.today())
    assert loaded == [i for i in everything if i.kind == "workup_overdue"][:shown]
    for _ in range(20):
        view.tree.verticalScrollBar().setValue(view.tree.verticalScrollBar().maximum())
        idle(view)
    assert view.model.rowCount(group) == 45
    assert read_on and not any(read_on)  # every page was read by a worker
    # A dismissal reloads the counts and reads the open group again as far as it had been read.
    item = view.model.item(view.model.index(0, 0, group))
    view.dismiss(item, "Done elsewhere")
    idle(view)
    idle(view)
    group = view.model.index(row, 0)
    assert view.model.group_counts()["workup_overdue"] == 44 and view.model.rowCount(group) == 44
