"""Patient transfer in the window: the clinic's site ID in its settings, other clinics' staff kept
out of the staff list (issue 14 item 6)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from alsdesk.models import Staff
from alsdesk.services import clinic, sites


def test_settings_show_the_site_id_and_list_only_this_clinics_staff(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    with db.write() as s:
        ours = clinic.add_staff(
            session=s, username="wxu", display_name="Xu Wen", discipline="neurology", role="clinician"
        )
        s.add(
            Staff(
                username="lchen@k7q2m9",
                display_name="Lin Chen",
                discipline="neurology",
                role="clinician",
                site_id="k7q2m9",
            )
        )
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    idle()
    listed = {admin.staff.row(i).username for i in range(admin.staff.rowCount())}
    assert "wxu" in listed and not any("@" in name for name in listed)
    assert admin.site_id.text() == "(made when the clinic profile is first saved)"
    admin.name.setText("Clinic")
    admin.save_clinic()
    idle()
    with db.read() as s:
        made = sites.local_site(s)
    assert sites.SITE_PATTERN.match(made) and made != sites.HERE
    assert admin.site_id.text() == made
    assert ours.site_id == sites.HERE


def test_a_conflict_is_resolved_in_the_window(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    """A record changed on both sides, kept as a conflict by the merge, resolved from Administration."""
    import copy

    from alsdesk import demo, exchange
    from alsdesk.ui.admin.view import AdminView

    document = demo.demo_document(patients=1, seed=4, anchor=date(2026, 3, 1))
    document["site_id"] = "k7q2mx"  # from another clinic
    with db.write() as s:
        exchange.import_document(session=s, document=copy.deepcopy(document))
    entry = document["patients"][0]
    with db.write() as s:  # changed here...
        s.execute(sa.text("UPDATE patient SET phone = '13900000001', version = version + 1"))
    entry["patient"]["phone"], entry["patient"]["version"] = (
        "13900000002",
        entry["patient"]["version"] + 1,
    )  # ...and there
    with db.write() as s:
        assert exchange.import_document(session=s, document=copy.deepcopy(document)).conflicts == 1
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    idle()
    page = admin.conflicts
    admin.tabs.setCurrentWidget(page)
    idle()
    assert page.model.rowCount() == 1 and not page.empty.isVisible()
    assert page.model.data(page.model.index(0, 4)) == "phone: '13900000001' → '13900000002'"
    page.keep_incoming.click()
    idle()
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    with db.read() as s:
        assert s.scalar(sa.text("SELECT phone FROM patient")) == "13900000002"
        assert s.scalar(sa.text("SELECT count(*) FROM audit_entry WHERE action = 'resolve_conflict'")) == 1


def test_a_transferred_patients_key_worker_from_another_clinic_is_shown_by_name_and_site(
    qtbot, backend, idle, patient, db
) -> None:  # type: ignore[no-untyped-def]
    """The key worker who came with a transferred patient is another clinic's staff member: the
    patient dialog names them with their site (not as "no longer active") and keeps them through an
    edit of another field, while only this clinic's active staff are offered to choose instead."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from alsdesk.services import patients
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

    with db.write() as s:
        ours = clinic.add_staff(
            session=s, username="wxu", display_name="Xu Wen", discipline="neurology", role="clinician"
        )
        theirs = Staff(
            username="lchen@k7q2m9", display_name="Lin Chen", discipline="neurology", role="clinician", site_id="k7q2m9"
        )
        s.add(theirs)
        s.flush()
        s.execute(sa.text("UPDATE patient SET responsible_staff_id = :sid").bindparams(sid=theirs.id))
        theirs_id = theirs.id
    with db.read() as s:
        view = patients.get_patient(session=s, patient_id=patient.id)

    def open_dialog() -> EditPatientDialog:
        dialog = EditPatientDialog(backend, view)
        qtbot.addWidget(dialog)
        dialog.show()
        idle()
        assert dialog.key_worker.isEnabled()
        return dialog

    dialog = open_dialog()
    assert dialog.key_worker.currentText() == "Lin Chen (k7q2m9)"
    assert dialog.key_worker.currentData() == str(theirs_id)
    offered = {dialog.key_worker.itemData(i): dialog.key_worker.itemText(i) for i in range(dialog.key_worker.count())}
    assert offered == {"": "— nobody named —", str(ours.id): "Xu Wen", str(theirs_id): "Lin Chen (k7q2m9)"}
    # Another field edited with the keyboard and saved: the foreign key worker stays as they were.
    gp = dialog.texts["gp_name"]
    gp.setFocus()
    QTest.keyClicks(gp, "Dr Wang")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(gp, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        view = patients.get_patient(session=s, patient_id=patient.id)
    assert view.gp_name == "Dr Wang" and view.responsible_staff_id == theirs_id
    # Choosing one of this clinic's staff with the keyboard replaces them.
    dialog = open_dialog()
    dialog.key_worker.setFocus()
    QTest.keyClick(dialog.key_worker, Qt.Key.Key_Home)
    for _ in range(dialog.key_worker.findData(str(ours.id))):
        QTest.keyClick(dialog.key_worker, Qt.Key.Key_Down)
    assert dialog.key_worker.currentText() == "Xu Wen"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.key_worker, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=patient.id).responsible_staff_id == ours.id
