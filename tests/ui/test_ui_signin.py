"""Sign-in, the first administrator, roles in the window, the idle lock and the audit screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from alsdesk.services import accounts, audit_log, clinic
from alsdesk.services.access import Actor

PASSWORD = "correct horse battery"
ADMIN = Actor("boss", None, "administrator")


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    """The first administrator, made the way the first-run dialog makes it."""
    with db.write() as s:
        return accounts.create_account(
            session=s, username="boss", display_name="Dr Ada Boss", role="administrator", password=PASSWORD
        )


def add_account(db, username: str, role: str, name: str):  # type: ignore[no-untyped-def]
    with db.write(actor=ADMIN) as s:
        return accounts.create_account(
            session=s, username=username, display_name=name, role=role, password=PASSWORD, discipline="neurology"
        )


def sign_in_with(qtbot, panel, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    panel.username.setText(username)
    panel.password.setText(password)
    panel.submit()
    qtbot.waitUntil(lambda: panel.button.isEnabled(), timeout=10000)


def test_sign_in_shows_the_service_message_then_succeeds(qtbot, backend, admin) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.signin.dialog import SignInDialog

    dialog = SignInDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    sign_in_with(qtbot, panel, "boss", "wrong password!")
    assert not panel.message.isHidden()
    assert panel.message.text() == str(accounts.WRONG)
    assert panel.password.text() == ""  # never left in the field
    sign_in_with(qtbot, panel, "nobody", "wrong password!")
    assert panel.message.text() == str(accounts.WRONG)  # an unknown name gets the same words
    sign_in_with(qtbot, panel, "boss", "wrong again!!")  # second failure: the next try must wait
    sign_in_with(qtbot, panel, "boss", PASSWORD)
    assert panel.message.text().startswith("Please wait") and dialog.result_ is None
    qtbot.wait(2100)
    with qtbot.waitSignal(panel.signed_in, timeout=10000):
        panel.username.setText("BOSS")
        panel.password.setText(PASSWORD)
        panel.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_ is not None
    assert dialog.result_.actor == Actor("boss", admin.id, "administrator")
    assert dialog.result_.display_name == "Dr Ada Boss"
    with backend.db.read(actor=ADMIN) as s:
        actions = [r.action for r in audit_log.list_entries(session=s, username="boss", limit=10)]
        failed = audit_log.list_entries(session=s, action="signin_failed")
    assert "signin" in actions[:2]  # beside the update that resets the failure count
    assert ['"username": "boss"' in r.detail for r in failed].count(True) == 3  # two wrong, one too soon
    assert any('"username": "nobody"' in r.detail for r in failed)


def test_first_run_creates_the_administrator_and_signs_in(qtbot, backend, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "Admin")
    qtbot.keyClicks(dialog.display_name, "Mei Lin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD + "x")
    dialog.save()
    assert "differ" in dialog.message.text() and dialog.result_ is None
    dialog.again.setText(PASSWORD)
    dialog.password.setText("short")
    dialog.again.setText("short")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)
    assert "at least 10 characters" in dialog.message.text()
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10000)
    assert dialog.result_.actor.role == "administrator" and dialog.result_.actor.username == "admin"
    with db.read() as s:
        assert accounts.has_accounts(session=s)
        staff = {v.username: v for v in clinic.list_staff(session=s)}
    assert staff["admin"].display_name == "Mei Lin" and staff["admin"].role == "administrator"


def test_start_signs_in_before_the_main_window(qtbot, db_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app, first_run
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: 0)

    def fill(self) -> int:  # type: ignore[no-untyped-def]
        self.username.setText("admin")
        self.display_name.setText("Mei Lin")
        self.password.setText(PASSWORD)
        self.again.setText(PASSWORD)
        self.save()
        qtbot.waitUntil(lambda: self.result_ is not None, timeout=10000)
        return 1

    monkeypatch.setattr(FirstAdminDialog, "exec", fill)
    started = app.start(db_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    assert backend.actor is not None and backend.actor.username == "admin"
    assert window.user_label.text() == "Signed in: Mei Lin (Administrator)"
    qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
    window.close()
    backend.shutdown()


def open_chart(qtbot, backend, patient, idle, actor):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    backend.actor = actor
    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    window.show()
    idle()
    return window


def test_read_only_sees_the_chart_but_no_write_buttons(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, patient, idle, Actor("viewer", None, "read_only"))
    assert "MRN T0001" in window.header.identity.text()  # the chart itself is shown
    assert window.header.edit_button.isHidden() and window.header.findings_button.isHidden()
    tabs = {key: window.pages[key] for key in ("assessments", "therapy", "programs", "workup", "notes")}
    idle()
    assert tabs["assessments"].save_button.isHidden()
    assert not tabs["assessments"].table.isHidden()
    from PySide6.QtWidgets import QPushButton

    for key, tab in tabs.items():
        visible = [
            b.text() for b in tab.findChildren(QPushButton) if b.property("alsdesk_permission") and b.isVisibleTo(tab)
        ]
        assert visible == [], (key, visible)


def test_coordinator_may_schedule_but_not_record_clinical_findings(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, patient, idle, Actor("coord", None, "coordinator"))
    assessments, programs = window.pages["assessments"], window.pages["programs"]
    therapy = window.pages["therapy"]
    assert assessments.save_button.isHidden()
    assert not window.header.edit_button.isHidden()  # coordinators register and edit patients
    from PySide6.QtWidgets import QPushButton

    labels = {b.text(): b.isVisibleTo(therapy) for b in therapy.findChildren(QPushButton)}
    assert labels["Prescr&ibe"] is False and labels["Add p&lan"] is True
    assert any(b.text() == "Enro&ll" and b.isVisibleTo(programs) for b in programs.findChildren(QPushButton))


def test_permission_denied_is_shown_plainly(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, patient, idle, Actor("coord", None, "coordinator"))
    window.show_tab("notes")
    notes = window.pages["notes"]
    notes.kind.setCurrentIndex(notes.kind.findData("clinical"))  # a clinical note: clinicians only
    notes.text.setPlainText("Should not be saved")
    notes.add()
    idle()
    assert "coordinator role may not record clinical findings" in notes.message.text()
    assert notes.message.isVisible()


def test_read_only_gets_no_empty_entry_forms(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, patient, idle, Actor("viewer", None, "read_only"))
    a, t, n = (window.pages[key] for key in ("assessments", "therapy", "notes"))
    assert not a.form.isVisibleTo(a) and a.table.isVisibleTo(a)
    assert not t.drug.isVisibleTo(t) and t.med_table.isVisibleTo(t)
    assert not n.text.isVisibleTo(n) and n.table.isVisibleTo(n)
    w, r, p = (window.pages[key] for key in ("workup", "referrals", "programs"))
    assert not w.kind.isVisibleTo(w) and not r.reason.isVisibleTo(r) and not p.template.isVisibleTo(p)
    assert w.table.isVisibleTo(w) and r.table.isVisibleTo(r)


def make_main(qtbot, backend, settings, signed, idle_ms: int):  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings, signed_in=signed, idle_lock_ms=idle_ms)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_lock_hides_patient_data_and_keeps_unsaved_edits(
    qtbot, backend, idle, settings, db, admin, patient
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.signin.dialog import SignedIn

    nurse = add_account(db, "nurse", "clinician", "Nurse Wang")
    boss = SignedIn(Actor("boss", admin.id, "administrator"), "Dr Ada Boss")
    window = make_main(qtbot, backend, settings, boss, idle_ms=60_000)
    idle()
    chart = window.open_chart(patient.id, "notes")
    idle()
    notes = chart.pages["notes"]
    notes.text.setPlainText("Unsaved: patient reports choking on thin fluids")
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog
    from alsdesk.ui.signin.lock_screen import Curtain

    dialog = EditPatientDialog(backend, chart.data.chart.patient, chart)
    dialog.show()
    phone = next(iter(dialog.texts.values()))
    phone.setText("typed before the lock")
    window.guard.idle.set_timeout(
        300
    )  # a tiny idle time, counted from now (a slow machine may take a while to get here)
    assert not window.guard.locked
    qtbot.waitUntil(lambda: window.guard.locked, timeout=5000)
    window.guard.idle.set_timeout(60_000)  # no second idle lock while a slow machine checks what follows
    screen = window.guard.lock_screen
    assert screen.isVisible() and window.centralWidget().isHidden()
    assert not chart.isVisible()  # patient data hidden
    curtain = dialog.findChild(Curtain)  # an open dialog is covered, not closed
    assert curtain is not None and curtain.isVisible() and curtain.geometry() == dialog.rect()
    assert screen.geometry() == window.geometry() and screen.isModal()
    assert screen.panel.username.text() == "boss" and screen.panel.username.isReadOnly()
    sign_in_with(qtbot, screen.panel, "boss", "not my password")
    assert window.guard.locked and screen.panel.message.text() == str(accounts.WRONG)
    with db.read(actor=ADMIN) as s:  # a failed attempt at the locked screen is not filed as boss's own act
        assert audit_log.list_entries(session=s, action="signin_failed", limit=1)[0].username.startswith("os:")
    with qtbot.waitSignal(window.guard.user_changed, timeout=10000):
        screen.panel.password.setText(PASSWORD)
        screen.panel.submit()
    assert not window.guard.locked and not screen.isVisible()
    assert chart.isVisible() and not window.centralWidget().isHidden()
    assert notes.text.toPlainText() == "Unsaved: patient reports choking on thin fluids"
    qtbot.waitUntil(lambda: dialog.findChild(Curtain) is None)
    assert dialog.isVisible() and phone.text() == "typed before the lock"

    # Another user takes over the workstation: the unsaved chart is not theirs to see.
    window.guard.switch_user()
    assert window.guard.locked and not chart.isVisible()
    with qtbot.waitSignal(window.guard.user_changed, timeout=10000):
        sign_in_with(qtbot, screen.panel, "nurse", PASSWORD)
    assert backend.actor == Actor("nurse", nurse.id, "clinician")
    assert not dialog.isVisible()  # the previous user's open dialog was cancelled, not shown
    from alsdesk.services.common import Changes

    backend.changed.emit(Changes(notes=True))
    idle()
    with db.read(actor=ADMIN) as s:  # the parked chart did not read the record as the nurse
        assert audit_log.list_entries(session=s, username="nurse", action="view", patient_id=patient.id) == []
    assert chart._stale
    assert window.user_label.text() == "Signed in: Nurse Wang (Clinician)"
    assert not chart.isVisible() and patient.id not in window.charts
    assert chart in window.guard.parked_charts("boss")
    window.guard.lock()
    with qtbot.waitSignal(window.guard.user_changed, timeout=10000):
        screen.panel.set_user("", fixed=False)
        sign_in_with(qtbot, screen.panel, "boss", PASSWORD)
    assert window.charts[patient.id] is chart and chart.isVisible()
    assert notes.text.toPlainText() == "Unsaved: patient reports choking on thin fluids"
    notes.text.clear()


def test_audit_screen_lists_filters_verifies_and_exports(
    qtbot, backend, idle, db, admin, patient, tmp_path: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.audit_view import AuditView

    backend.actor = Actor("boss", admin.id, "administrator")
    view = AuditView(backend)
    qtbot.addWidget(view)
    view.show()
    idle()
    with db.read(actor=ADMIN) as s:
        total = audit_log.count_entries(session=s)
    assert view.total == total > 0 and view.model.rowCount() == min(total, 200)
    seqs = [view.model.row(i).seq for i in range(view.model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)
    qtmodeltester.check(view.model)
    assert view.action.findData("create") >= 0
    view.mrn.setText("T0001")
    view.apply_filters()
    idle()
    rows = view.model.rows()
    assert rows and all(r.patient_mrn == "T0001" for r in rows)
    assert view.model.index(0, 6).data() == "T0001"
    view.action.setCurrentIndex(view.action.findData("create"))
    view.apply_filters()
    idle()
    assert [r.table_name for r in view.model.rows()] == ["patient"]
    view.clear_filters()
    idle()
    view.table.sortByColumn(1, view.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    idle()
    assert view.model.row(0).seq == 1  # oldest first, from the database
    view.mrn.setText("NOPE")
    view.apply_filters()
    idle()
    assert "No patient has the MRN 'NOPE'" in view.message.text()
    view.mrn.clear()
    view.verify()
    idle()
    assert "intact" in view.result.text()
    out = tmp_path / "audit.csv"
    view.mrn.setText("T0001")
    view.export(out)
    idle()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("seq,time_utc,username") and len(lines) > 1
    assert all(f",{patient.id},T0001," in line for line in lines[1:])
    assert "Exported" in view.result.text()
    with db.read(actor=ADMIN) as s:
        exported = audit_log.list_entries(session=s, action="export", limit=1)
    assert exported and exported[0].table_name == "audit_entry"


def test_audit_screen_only_for_administrators(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    backend.actor = Actor("doc", None, "clinician")
    view = AdminView(backend)
    qtbot.addWidget(view)
    idle()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Audit trail" not in titles
    backend.actor = ADMIN
    admin_view = AdminView(backend)
    qtbot.addWidget(admin_view)
    idle()
    assert "Audit trail" in [admin_view.tabs.tabText(i) for i in range(admin_view.tabs.count())]


def test_administration_is_read_only_for_other_roles(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.signin.roles import apply_role

    backend.actor = Actor("coord", None, "coordinator")
    view = AdminView(backend)
    apply_role(view, backend)
    qtbot.addWidget(view)
    view.show()
    idle()
    assert not view.name.isEnabled() and view.username.isHidden()
    from PySide6.QtWidgets import QPushButton

    texts = [b.text() for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
    assert "&Save clinic profile" not in texts and "&Add staff member" not in texts


def test_start_with_accounts_asks_for_a_password_first(qtbot, db_url, db, admin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui import app, first_run
    from alsdesk.ui.signin.dialog import SignInDialog

    offered: list[bool] = []
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: offered.append(True) or 0)
    monkeypatch.setattr(SignInDialog, "exec", lambda self: 0)  # closed without signing in
    assert app.start(db_url) is None

    add_account(db, "viewer", "read_only", "Vi Ewer")

    def viewer_signs_in(self) -> int:  # type: ignore[no-untyped-def]
        sign_in_with(qtbot, self.panel, "viewer", PASSWORD)
        return 1

    monkeypatch.setattr(SignInDialog, "exec", viewer_signs_in)
    started = app.start(db_url)
    assert started is not None
    _qapp, window, backend = started
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not backend.busy, timeout=10000)
    assert backend.actor == Actor("viewer", backend.staff_id, "read_only")
    assert window.user_label.text() == "Signed in: Vi Ewer (Read only)"
    assert window.page("patients").new_button.isHidden()
    assert offered == []  # no clinic profile yet, but a read-only user cannot make one
    window.close()
    backend.shutdown()


def test_input_restarts_the_idle_countdown(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from alsdesk.ui.signin.lock_screen import IdleWatcher

    watcher = IdleWatcher(2000)  # generous, so a loaded CI machine's slow waits stay well inside it
    field = QLineEdit()  # a window shown after the watcher started, as the main window and dialogs are
    qtbot.addWidget(field)
    field.show()
    qtbot.waitUntil(field.hasFocus)
    fired: list[bool] = []
    watcher.timed_out.connect(lambda: fired.append(True))
    for _ in range(5):  # 2.5 s of typing, never 2 s apart
        qtbot.wait(500)
        # Typed as the system delivers it: to the window, which passes it to the focused field.
        qtbot.keyClick(field.windowHandle(), Qt.Key.Key_A)
    assert fired == [] and field.text() == "aaaaa"
    qtbot.waitUntil(lambda: fired == [True], timeout=8000)
    watcher.stop()


def test_roles_that_cannot_enter_assessments_are_told_so(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    """Where the entry form would be, a reading role sees a note instead of a blank pane."""
    from alsdesk.ui.signin.roles import apply_role

    window = open_chart(qtbot, backend, patient, idle, Actor("coord", None, "coordinator"))
    tab = window.pages["assessments"]
    idle()
    assert tab.read_only_note.isVisibleTo(tab) and not tab.form.isVisibleTo(tab)
    assert tab.read_only_note.text().startswith("Your role can read assessments but not enter them")
    backend.actor = Actor("doc", None, "clinician")  # another user signs in at the same window
    apply_role(window, backend)
    assert not tab.read_only_note.isVisibleTo(tab) and tab.form.isVisibleTo(tab)
    backend.actor = Actor("viewer", None, "read_only")
    apply_role(window, backend)
    assert tab.read_only_note.isVisibleTo(tab) and not tab.form.isVisibleTo(tab)


def test_the_read_only_note_is_translated(qtbot, backend, idle, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, patient, idle, Actor("viewer", None, "read_only"))
    tab = window.pages["assessments"]
    idle()
    assert tab.read_only_note.isVisibleTo(tab)
    assert tab.read_only_note.text() == "您的角色可以查看评估，但不能录入：新的就诊评估由临床医生录入。"
