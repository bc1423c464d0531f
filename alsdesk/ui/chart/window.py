"""A patient's chart window: the header and one tab per part of the record."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from alsdesk.app.chart import ChartData, load_chart_data, record_chart_view
from alsdesk.errors import AlsdeskError, RestrictedRecord
from alsdesk.services.common import Changes
from alsdesk.ui.chart.header import ChartHeader
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.printing.chart_print import PrintButton, chart_selection
from alsdesk.ui.signin.roles import apply_role, needs
from alsdesk.ui.widgets.geometry import restore_geometry, save_geometry, scrolling
from alsdesk.ui.widgets.worker import Backend, Latest

if TYPE_CHECKING:
    from alsdesk.ui.chart.tab import ChartTab


class _Pages(dict[str, "ChartTab"]):
    """Chart tabs by key, each built on first use."""

    def __init__(self, build: Callable[[str], ChartTab]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> ChartTab:
        page = self[key] = self._build(key)
        return page


# A spare window's patient until `bind` gives it one (MainWindow builds a spare ahead of the next opening).
NO_PATIENT = uuid.UUID(int=0)

TABS = ("overview", "workup", "assessments", "therapy", "referrals", "programs", "notes", "allergies", "care_plan")


class ChartWindow(QWidget):
    """Reloads the whole chart after any write: one read of a few ms (architecture.md)."""

    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backend = backend
        self.patient_id = patient_id
        self.data: ChartData | None = None
        self._latest = Latest()
        self._opened = False
        self.discard_on_close = False  # set by Quit on the lock screen, which has warned already
        self._stale = False
        if patient_id != NO_PATIENT:
            self.reload()  # first: the worker reads the chart while the widgets below are built
        self.setWindowTitle(self.tr("Chart"))
        self.header = ChartHeader()
        self.header.edit_button.clicked.connect(self.edit_patient)
        self.header.findings_button.clicked.connect(self.edit_findings)
        self.print_button = PrintButton(
            backend,
            patient_id,
            lambda: chart_selection(self),
            self._failed,
            mrn=lambda: self.data.chart.patient.mrn if self.data is not None else None,
        )
        self.header.add_button(self.print_button)
        self.team_button = needs(QPushButton(self.tr("Care team…")), "admin")
        self.team_button.setToolTip(self.tr("Restrict this record and choose its care team"))
        self.team_button.clicked.connect(self.edit_care_team)
        self.header.add_button(self.team_button)
        self.restricted_panel = self._make_restricted_panel()
        self.break_glass_dialog: Any = None
        self._asked_break_glass = False
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        self.message.hide()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Chart sections"))
        # Tabs are built when first shown (or asked for): opening a chart builds one, not seven.
        self.pages: _Pages = _Pages(self._build_page)
        self._holders: dict[str, QWidget] = {}
        for key, title in (
            ("overview", self.tr("&Overview")),
            ("workup", self.tr("&Workup")),
            ("assessments", self.tr("&Assessments")),
            ("therapy", self.tr("&Therapies && medications")),
            ("referrals", self.tr("&Referrals")),
            ("programs", self.tr("Care &programs")),
            ("notes", self.tr("&Notes")),
            ("allergies", self.tr("Allergies")),  # every letter of it answers another tab (Ctrl+Tab reaches it)
            ("care_plan", self.tr("Advance care plan")),  # no letter left free: Ctrl+Tab reaches it too
        ):
            holder = QWidget()
            holder.setObjectName(f"tab_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.tabs.addTab(holder, title)
        self.tabs.currentChanged.connect(lambda index: self.pages[TABS[index]])
        self.pages["overview"]
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.restricted_panel)
        layout.addWidget(self.tabs, 1)
        # Save confirmations (ui/widgets/status.announce) at the end of the tab row: a status line that
        # costs no height on a 768-pixel screen.
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setStyleSheet("color: #166534; padding: 0 8px;")
        self.tabs.setCornerWidget(self.status_label, Qt.Corner.TopRightCorner)
        self._status_timer = QTimer(self, singleShot=True, interval=8000)
        self._status_timer.timeout.connect(self.status_label.clear)
        restore_geometry(self, "chart/geometry", QSize(1200, 820))
        close = QAction(self.tr("Close chart"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.addAction(close)
        print_action = QAction(self.tr("Print"), self)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_button.popup)
        self.addAction(print_action)
        apply_role(self, backend)
        self._role_of = backend.actor  # whose role the controls were shown or hidden for
        backend.changed.connect(self._on_changed)

    def bind(self, patient_id: uuid.UUID) -> None:
        """Give a spare window its patient and read the chart: an opening then costs no widget
        building. The spare has shown nobody and holds nothing of anyone; it takes the saved size
        and the signed-in user's role now, as a new window would."""
        assert self.patient_id == NO_PATIENT and self.data is None
        self.patient_id = self.print_button.patient_id = patient_id
        for page in self.pages.values():
            page.patient_id = patient_id
        self.reload()
        restore_geometry(self, "chart/geometry", QSize(1200, 820))
        if self.backend.actor != self._role_of:  # someone else signed in since it was built
            apply_role(self, self.backend)
            self._role_of = self.backend.actor

    def _make_restricted_panel(self) -> QWidget:
        """Shown instead of the tabs when the record is restricted and this user may not open it."""
        panel = QWidget()
        panel.setObjectName("restrictedPanel")
        self.restricted_title = QLabel(self.tr("Restricted record"))
        self.restricted_title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #b45309;")
        self.restricted_text = QLabel()
        self.restricted_text.setWordWrap(True)
        self.break_glass_button = QPushButton(self.tr("&Emergency access…"))
        self.break_glass_button.clicked.connect(self.ask_break_glass)
        box = QVBoxLayout(panel)
        box.addWidget(self.restricted_title)
        box.addWidget(self.restricted_text)
        box.addWidget(self.break_glass_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        panel.hide()
        return panel

    def _show_restricted(self, error: RestrictedRecord) -> None:
        self._opened = False  # the refused opening wrote nothing; the next one is the audited view
        self._restricted_mrn = error.mrn
        self.data = None
        self.setWindowTitle(self.tr("Restricted record · MRN {0} · alsdesk").format(error.mrn))
        text = self.tr("Only its care team and the clinic's administrators may open this record ({0}).").format(
            error.mrn
        )
        if error.may_break_glass:
            text += " " + self.tr("In an emergency you may open it, giving a reason; this is audited.")
        self.restricted_text.setText(text)
        self.break_glass_button.setVisible(error.may_break_glass)
        self.header.hide()
        self.tabs.hide()
        self.message.hide()
        self.restricted_panel.show()
        if error.may_break_glass and not self._asked_break_glass:
            self._asked_break_glass = True  # asked once on opening; the button asks again
            self.ask_break_glass()

    def ask_break_glass(self) -> None:
        from alsdesk.ui.chart.break_glass_dialog import BreakGlassDialog

        dialog = BreakGlassDialog(self.backend, self.patient_id, getattr(self, "_restricted_mrn", ""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        self.break_glass_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def edit_care_team(self) -> None:
        from alsdesk.ui.chart.care_team_dialog import CareTeamDialog

        CareTeamDialog(self.backend, self.patient_id, self).exec()

    def _build_page(self, key: str) -> ChartTab:
        from alsdesk.ui.chart import (
            allergies,
            assessments,
            care_plan,
            notes,
            overview,
            programs,
            referrals,
            therapy,
            workups,
        )

        cls = {
            "overview": overview.OverviewTab,
            "workup": workups.WorkupsTab,
            "assessments": assessments.AssessmentsTab,
            "therapy": therapy.TherapyTab,
            "referrals": referrals.ReferralsTab,
            "programs": programs.ProgramsTab,
            "notes": notes.NotesTab,
            "allergies": allergies.AllergiesTab,
            "care_plan": care_plan.CarePlanTab,
        }[key]
        page = cls(self.backend, self.patient_id)
        # A tab taller or wider than a small screen scrolls; the header and tabs stay in view.
        holder_layout = self._holders[key].layout()
        assert holder_layout is not None  # each holder was given one in __init__
        holder_layout.addWidget(scrolling(page))
        apply_role(page, self.backend)
        if self.data is not None:
            page.set_data(self.data)
        return page

    def show_tab(self, key: str, record_id: uuid.UUID | None = None) -> None:
        """Bring a tab forward and, when given, select the record it is about."""
        if key in self._holders:
            self.tabs.setCurrentWidget(self._holders[key])
            if record_id is not None:
                self.pages[key].show_record(record_id)

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def reload(self) -> None:
        pid, today, opening = self.patient_id, date.today(), not self._opened
        self._opened = True

        def load(session: Any) -> ChartData:
            return load_chart_data(session, pid, today)

        show = self._latest(self._loaded)

        def loaded(data: ChartData) -> None:
            if opening:
                # The first load is the person opening the chart: audited, in a write queued once it
                # has been read (even if a newer read shows instead), so the chart waits for no write.
                self.backend.write(lambda s: record_chart_view(s, pid), None, self._failed, owner=self)
            show(data)

        self.backend.read(load, loaded, self._failed, owner=self)

    def _loaded(self, data: ChartData) -> None:
        self.data = data
        self.message.hide()
        self.restricted_panel.hide()  # after emergency access, or a care team change
        self.header.show()
        self.tabs.show()
        p = data.chart.patient
        self.setWindowTitle(self.tr("{0} · MRN {1} · alsdesk").format(p.display_name, p.mrn))
        self.header.set_chart(data.chart, data.today)
        self.print_button.offer("care-plan-summary", bool(data.care_plans), self.tr("No advance care plan recorded"))
        c = data.chart
        visits = [(a.assessed_on, a.items) for a in c.assessments]
        self.print_button.set_chart([(m.kind, m.occurred_on) for m in c.milestones], visits, p.mrn)
        for page in self.pages.values():
            page.set_data(data)

    def _failed(self, error: AlsdeskError) -> None:
        if isinstance(error, RestrictedRecord) and error.patient_id == self.patient_id:
            self._show_restricted(error)
            return
        self.message.setText(error_text(error))
        self.message.show()

    def edit_patient(self) -> None:
        if self.data is None:
            return
        from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog

        dialog = EditPatientDialog(self.backend, self.data.chart.patient, self)
        if dialog.exec() and dialog.saved is None:
            return  # nothing changed

    def edit_findings(self) -> None:
        if self.data is None:
            return
        from alsdesk.ui.chart.findings_dialog import FindingsDialog

        p = self.data.chart.patient
        FindingsDialog(
            self.backend,
            self.patient_id,
            self.data.chart.findings,
            self,
            progressive=p.gold_coast_progressive,
            mimics_excluded=p.gold_coast_mimics_excluded,
        ).exec()

    def unsaved_tabs(self) -> list[str]:
        titles = []
        for key, page in self.pages.items():
            if page.has_unsaved():
                text = self.tabs.tabText(self.tabs.indexOf(self._holders[key]))
                titles.append(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
        return titles

    def closeEvent(self, event: QCloseEvent) -> None:
        # Quitting from the lock screen has already warned (without naming the patient).
        unsaved = [] if self.discard_on_close else self.unsaved_tabs()
        if unsaved:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Close this chart and lose what was typed in: {0}?").format(", ".join(unsaved)),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        save_geometry(self, "chart/geometry")
        super().closeEvent(event)

    def statusMessage(self, text: str) -> None:
        self.status_label.setText(text)
        self._status_timer.start()

    def _on_changed(self, changes: Changes) -> None:
        if self.patient_id == NO_PATIENT:
            return  # a spare: nobody to read yet
        shown = (changes.patients, changes.workups, changes.assessments, changes.schedule, changes.medications)
        if changes.worklist or any(shown) or changes.referrals or changes.programs or changes.notes:
            # Anything a chart shows (a write that leaves the worklist alone, as the NIV settings
            # do, is still on the therapy tab); only the catalogs' own changes are not.
            if self.isHidden():
                # Locked, or parked for a user who is away: reading now would record a chart view
                # by whoever is signed in. Read when it is shown to its own user again.
                self._stale = True
            else:
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()
