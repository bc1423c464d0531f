"""The care contacts in the window, driven with the keyboard: the key worker, interpreter and GP in
the patient dialog, the allergies tab, the referrals list's reference filter, and the clinic's
emergency numbers in the clinic profile (issue 13 items 2-3)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from alsdesk.services import allergies, clinic, patients, referrals


def ime_types(widget: QWidget, text: str) -> None:
    """Chinese as an input method gives it to the focused field: one committed string (QTest's
    key clicks can type Latin-1 only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def chart_window(qtbot, backend, idle, patient):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    idle()
    return window


def test_key_worker_interpreter_and_gp_are_chosen_with_the_keyboard(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    with db.write() as s:
        nurse = clinic.add_staff(
            session=s,
            username="wxu",
            display_name="Xu Wen",
            discipline="specialist_nursing",
            role="coordinator",
            job_title="ALS specialist nurse",
        )
    window = chart_window(qtbot, backend, idle, patient)
    dialog = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert dialog.key_worker.isEnabled()
    offered = [dialog.key_worker.itemText(i) for i in range(dialog.key_worker.count())]
    assert "Xu Wen — ALS specialist nurse" in offered  # no title in Chinese: the English in any window
    dialog.texts["gp_name"].setFocus()
    QTest.keyClicks(dialog.texts["gp_name"], "Dr Wang")
    QTest.keyClick(dialog.texts["gp_name"], Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.focusWidget(), "Harbour Practice 6100 2000")
    dialog.key_worker.setFocus()
    QTest.keyClick(dialog.key_worker, Qt.Key.Key_Home)
    for _ in range(dialog.key_worker.findData(str(nurse.id))):
        QTest.keyClick(dialog.key_worker, Qt.Key.Key_Down)
    QTest.keyClick(dialog.key_worker, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.interpreter
    QTest.keyClick(dialog.interpreter, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.interpreter, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        saved = patients.get_patient(session=s, patient_id=patient.id)
    assert saved.responsible_staff_id == nurse.id and saved.interpreter_needed is True
    assert (saved.gp_name, saved.gp_contact) == ("Dr Wang", "Harbour Practice 6100 2000")


def key_workers_offered(qtbot, backend, idle, patient) -> list[str]:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    window = chart_window(qtbot, backend, idle, patient)
    dialog = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    return [dialog.key_worker.itemText(i) for i in range(dialog.key_worker.count())]


def add_titled_staff(db) -> None:  # type: ignore[no-untyped-def]
    """One with a job title in both languages, one with the Chinese only."""
    with db.write() as s:
        clinic.add_staff(
            session=s,
            username="wxu",
            display_name="Xu Wen",
            discipline="specialist_nursing",
            role="coordinator",
            job_title="ALS specialist nurse",
            job_title_zh="渐冻症专科护士",
        )
        clinic.add_staff(
            session=s,
            username="lchen",
            display_name="Lin Chen",
            discipline="neurology",
            role="clinician",
            job_title_zh="神经内科医生",
        )


def test_key_worker_list_shows_the_job_title_in_the_english_window(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    add_titled_staff(db)
    offered = key_workers_offered(qtbot, backend, idle, patient)
    assert "Xu Wen — ALS specialist nurse" in offered
    assert "Lin Chen — 神经内科医生" in offered  # none in English: the Chinese, as typed


def test_key_worker_list_shows_the_job_title_in_the_chinese_window(qtbot, backend, idle, patient, db, chinese) -> None:  # type: ignore[no-untyped-def]
    add_titled_staff(db)
    offered = key_workers_offered(qtbot, backend, idle, patient)
    assert "Xu Wen — 渐冻症专科护士" in offered and "Lin Chen — 神经内科医生" in offered


def test_allergies_tab_adds_with_enter_and_names_a_bad_field(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    window = chart_window(qtbot, backend, idle, patient)
    window.show_tab("allergies")
    idle()
    tab = window.pages["allergies"]
    assert tab.state.text().startswith("Allergies not recorded yet")
    QTest.keyClick(tab.none_button, Qt.Key.Key_Space)  # no known allergies, confirmed today
    idle()
    assert tab.state.text() == f"No known allergies (confirmed {date.today().isoformat()})"
    tab.substance.setFocus()
    QTest.keyClicks(tab.substance, "Penicillin")
    QTest.keyClick(tab.substance, Qt.Key.Key_Tab)
    assert tab.focusWidget() is tab.reaction
    QTest.keyClicks(tab.reaction, "Rash")
    QTest.keyClick(tab.reaction, Qt.Key.Key_Tab)
    QTest.keyClick(tab.severity, Qt.Key.Key_End)  # the last: unknown → choose severe above it
    QTest.keyClick(tab.severity, Qt.Key.Key_Up)
    assert tab.severity.currentData() == "severe"
    QTest.keyClick(tab.reaction, Qt.Key.Key_Return)
    idle()
    assert tab.substance.text() == "" and tab.model.rowCount() == 1
    assert tab.state.text() == "Allergies: Penicillin"  # the confirmation of none has ended
    with db.read() as s:
        listed = allergies.list_allergies(session=s, patient_id=patient.id)
    assert [(a.substance, a.reaction, a.severity) for a in listed] == [("Penicillin", "Rash", "severe")]
    QTest.keyClick(tab.none_button, Qt.Key.Key_Space)  # refused while an allergy stands
    idle()
    assert tab.message.isVisible() and tab.message.text().startswith("No known allergies: this patient has")
    tab.substance.setFocus()
    QTest.keyClicks(tab.substance, " ")
    QTest.keyClick(tab.substance, Qt.Key.Key_Return)
    idle()
    assert tab.message.text() == "Substance is required."
    tab.table.selectRow(0)
    QTest.keyClick(tab.remove_button, Qt.Key.Key_Space)
    idle()
    assert tab.model.rowCount() == 0 and tab.state.text().startswith("Allergies not recorded yet")


def test_referrals_list_shows_and_filters_by_reference(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    made = []
    with db.write() as s:
        for to in ("dietetics", "physiotherapy"):
            made.append(
                referrals.create_referral(
                    session=s, patient_id=patient.id, to_specialty=to, reason="Review", referral_date=date.today()
                )[0]
            )
    window = chart_window(qtbot, backend, idle, patient)
    window.show_tab("referrals")
    idle()
    tab = window.pages["referrals"]
    shown = {tab.model.row(i).reference for i in range(tab.model.rowCount())}
    assert shown == {r.reference for r in made}
    column = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert column[1] == "Reference"
    tab.filter.setFocus()
    QTest.keyClicks(tab.filter, made[1].reference.lower())
    assert [tab.model.row(i).id for i in range(tab.model.rowCount())] == [made[1].id]
    tab.filter.clear()
    assert tab.model.rowCount() == 2


def test_clinic_profile_saves_the_safety_block(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    idle()
    admin.name.setText("Clinic")
    admin.address.setFocus()
    QTest.keyClicks(admin.address, "1 Demo Road")
    QTest.keyClick(admin.address, Qt.Key.Key_Tab)  # the Chinese address comes next
    assert admin.focusWidget() is admin.address_zh
    assert admin.address_zh.accessibleName() == "Address (Chinese)"
    ime_types(admin.address_zh, "示范路1号")
    admin.emergency.setFocus()
    QTest.keyClicks(admin.emergency, "12")
    QTest.keyClick(admin.emergency, Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.out_of_hours
    QTest.keyClicks(admin.out_of_hours, "+86 898 0000 0999")
    QTest.keyClick(admin.out_of_hours, Qt.Key.Key_Tab)
    QTest.keyClicks(admin.hours, "Mon-Fri 08:00-17:00")
    QTest.keyClick(admin.hours, Qt.Key.Key_Tab)  # Tab leaves the hours box
    assert admin.focusWidget() is admin.hours_zh
    assert admin.hours_zh.accessibleName() == "Opening hours (Chinese)"
    ime_types(admin.hours_zh, "周一至周五 08:00-17:00")
    QTest.keyClick(admin.hours_zh, Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.getting_here
    QTest.keyClicks(admin.getting_here, "Bus 12, east gate")
    QTest.keyClick(admin.getting_here, Qt.Key.Key_Tab)
    assert admin.getting_here_zh.accessibleName() == "Getting there (Chinese)"
    ime_types(admin.getting_here_zh, "12路公交车，东门")
    QTest.keyClick(admin.getting_here_zh, Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.letter_language
    QTest.keyClick(admin.letter_language, Qt.Key.Key_Down)
    admin.save_clinic()
    idle()
    assert admin.clinic_message.text() == "Emergency number '12' is not a phone number (digits, spaces, + - ( ) only)."
    admin.emergency.setText("120")
    admin.save_clinic()
    idle()
    with db.read() as s:
        saved = clinic.get_clinic(session=s)
    assert saved is not None
    assert (saved.emergency_phone, saved.out_of_hours_phone, saved.opening_hours, saved.letter_language) == (
        "120",
        "+86 898 0000 0999",
        "Mon-Fri 08:00-17:00",
        "zh_CN",
    )
    assert saved.opening_hours_zh == "周一至周五 08:00-17:00"
    assert (saved.address, saved.address_zh) == ("1 Demo Road", "示范路1号")
    assert (saved.getting_here, saved.getting_here_zh) == ("Bus 12, east gate", "12路公交车，东门")
    admin.hours_zh.setFocus()
    QTest.keyClicks(admin.hours_zh, "x" * 300)  # 322 characters
    admin.save_clinic()
    idle()
    assert admin.clinic_message.text().startswith("Opening hours (Chinese) is too long")


def test_a_staff_members_phone_and_job_title_are_edited_from_the_staff_list(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    with db.write() as s:
        clinic.add_staff(session=s, username="wxu", display_name="Xu Wen", discipline="neurology", role="clinician")
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    admin.tabs.setCurrentIndex(1)
    idle()
    row = next(i for i in range(admin.staff.rowCount()) if admin.staff.row(i).username == "wxu")
    admin.staff_table.setFocus()
    admin.staff_table.selectRow(row)
    QTest.keyClick(admin.staff_table, Qt.Key.Key_Return)  # Enter on a row opens it
    dialog = admin.dialog
    assert dialog.windowTitle() == "Phone and job title of Xu Wen"
    dialog.job_title.setFocus()
    QTest.keyClicks(dialog.job_title, "ALS specialist nurse")
    QTest.keyClick(dialog.job_title, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.job_title_zh
    assert dialog.job_title_zh.accessibleName() == "Job title (Chinese)"
    ime_types(dialog.job_title_zh, "渐冻症专科护士")
    QTest.keyClick(dialog.job_title_zh, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.phone
    QTest.keyClicks(dialog.phone, "ext 12")
    QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
    idle()
    assert dialog.message.text() == "Phone 'ext 12' is not a phone number (digits, spaces, + - ( ) only)."
    dialog.phone.clear()
    QTest.keyClicks(dialog.phone, "+86 898 0000 0103")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        saved = clinic.staff_by_username(session=s, username="wxu")
    assert saved is not None and (saved.job_title, saved.phone) == ("ALS specialist nurse", "+86 898 0000 0103")
    assert saved.job_title_zh == "渐冻症专科护士"
    assert "ALS specialist nurse" in [admin.staff.row(i).job_title for i in range(admin.staff.rowCount())]


def test_the_add_staff_row_takes_a_job_title_in_chinese_with_the_keyboard(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.resize(1366, 768)
    admin.show()
    admin.tabs.setCurrentIndex(1)
    idle()
    admin.display.setFocus()
    QTest.keyClicks(admin.display, "Xu Wen")
    QTest.keyClick(admin.display, Qt.Key.Key_Tab)
    QTest.keyClicks(admin.username, "wxu")
    for _ in range(3):  # discipline and role as they are, to the job title
        QTest.keyClick(admin.focusWidget(), Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.job_title
    QTest.keyClicks(admin.job_title, "ALS specialist nurse")
    QTest.keyClick(admin.job_title, Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.job_title_zh
    assert admin.job_title_zh.accessibleName() == "Job title (Chinese)"
    ime_types(admin.job_title_zh, "职" * 201)
    QTest.keyClick(admin.job_title_zh, Qt.Key.Key_Tab)
    assert admin.focusWidget() is admin.staff_phone
    QTest.keyClick(admin.staff_phone, Qt.Key.Key_Tab)
    QTest.keyClick(admin.focusWidget(), Qt.Key.Key_Space)  # the Add button
    idle()
    assert admin.staff_message.text().startswith("Job title (Chinese) is too long")
    admin.job_title_zh.setFocus()
    admin.job_title_zh.selectAll()
    ime_types(admin.job_title_zh, "渐冻症专科护士")
    QTest.keyClick(admin.job_title_zh, Qt.Key.Key_Tab)
    QTest.keyClick(admin.staff_phone, Qt.Key.Key_Tab)
    QTest.keyClick(admin.focusWidget(), Qt.Key.Key_Space)
    idle()
    with db.read() as s:
        saved = clinic.staff_by_username(session=s, username="wxu")
    assert saved is not None and (saved.job_title, saved.job_title_zh) == ("ALS specialist nurse", "渐冻症专科护士")
    assert admin.job_title_zh.text() == ""  # the row is cleared for the next one
    shown = [admin.staff.data(admin.staff.index(i, 6)) for i in range(admin.staff.rowCount())]
    assert "渐冻症专科护士" in shown  # the list's "Job title (Chinese)" column


def test_the_search_box_opens_a_patient_by_referral_number(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.view import PatientsView

    with db.write() as s:
        made, _ = referrals.create_referral(
            session=s, patient_id=patient.id, to_specialty="dietetics", reason="Weight", referral_date=date.today()
        )
        patients.add_patient(  # someone else, so the search has to choose
            session=s, mrn="T0002", family_name="Other", given_name="Ann", birth_date=date(1961, 1, 1), sex="female"
        )
    opened: list = []
    view = PatientsView(backend, lambda pid, tab: opened.append(pid))
    qtbot.addWidget(view)
    view.show()
    idle()
    view.focus_search()
    qtbot.keyClicks(view.search, made.reference.lower())  # as a reply slip is typed, in any case
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=3000)
    assert opened == [patient.id] and view.model.rowCount() == 1
