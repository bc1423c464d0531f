"""The main window: navigation between screens, open charts, and the status bar."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from alsdesk.app import files
from alsdesk.ui.signin.dialog import SignedIn
from alsdesk.ui.signin.roles import apply_role, needs
from alsdesk.ui.signin.session_guard import SessionGuard
from alsdesk.ui.widgets.common import show_error
from alsdesk.ui.widgets.geometry import fit_on_screen, restore_geometry, save_geometry
from alsdesk.ui.widgets.worker import Backend

if TYPE_CHECKING:
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.daily_backup import DailyBackup

log = logging.getLogger(__name__)

PAGES = ("worklist", "patients", "schedule", "programs", "printing", "admin")
CASCADE = 28  # pixels each further chart window opens down and right of the last one


class MainWindow(QMainWindow):
    """Pages are built on first visit; each refreshes itself from `backend.changed`."""

    closed = Signal()  # the window has closed for good (the app is quitting): time for the exit backup

    def __init__(
        self,
        backend: Backend,
        settings: QSettings | None = None,
        signed_in: SignedIn | None = None,
        idle_lock_ms: int | None = None,
        daily_backup: DailyBackup | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("alsdesk: ALS clinic"))
        self.charts: dict[uuid.UUID, ChartWindow] = {}
        self._spare: ChartWindow | None = None  # built at idle for the next chart opening
        self._spare_wanted = True  # _preload_chart is connected to backend.idle
        self._chart_reads_prepared = False  # app.chart.prepare_chart_reads has been asked for
        self.titles = {
            "worklist": self.tr("Worklist"),
            "patients": self.tr("Patients"),
            "schedule": self.tr("Schedule"),
            "programs": self.tr("Care programs"),
            "printing": self.tr("Printing"),
            "admin": self.tr("Administration"),
        }
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for key in PAGES:
            self.nav.addItem(QListWidgetItem(self.titles[key]))
        self.nav.currentRowChanged.connect(self._show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        if daily_backup is not None:
            daily_backup.finished.connect(self._backup_finished)
            if daily_backup.running:
                self.backup_label.setText(self.tr("Backing up the database…"))
                self.backup_label.setToolTip(self.tr("Today's first backup is being taken; you can work meanwhile."))
        self._build_shortcuts()
        self.guard = SessionGuard(self, signed_in, idle_lock_ms)
        self.guard.user_changed.connect(self._show_user)
        self._show_user(signed_in)
        backend.error.connect(lambda message: show_error(self, message))
        restore_geometry(self, "main/geometry", QSize(1280, 800), self.settings)
        last = self.settings.value("main/page", "worklist")
        self.show_page(last if last in PAGES else "worklist")
        backend.idle.connect(self._preload_chart)

    def _preload_chart(self) -> None:
        """Once the start page has its data (and after each chart opening, once its read and audit
        entry are done), build a spare chart window after the paint that follows: opening a chart
        then binds it to the patient instead of building its ~200 widgets first. The first time
        this also imports the chart's modules, which were most of the first opening (~200 of ~270 ms)."""
        self.backend.idle.disconnect(self._preload_chart)
        self._spare_wanted = False

        def preload() -> None:
            # The tabs ChartWindow._build_page imports on the first opening, then the spare window.
            from alsdesk.app.chart import prepare_chart_reads
            from alsdesk.ui.chart import assessments, notes, overview, programs, referrals, therapy, workups
            from alsdesk.ui.chart.window import NO_PATIENT, ChartWindow

            del assessments, notes, overview, programs, referrals, therapy, workups
            if self._spare is None and self.isVisible():  # not once the window has closed
                self._spare = ChartWindow(self.backend, NO_PATIENT)
            if not self._chart_reads_prepared:
                # Compiles a chart's statements on a worker (once a process); a failure here has
                # nobody to tell: a person's own opening reads, and reports, for itself.
                self._chart_reads_prepared = True
                self.backend.read(prepare_chart_reads, None, lambda _error: None, owner=self)

        QTimer.singleShot(0, self, preload)

    def _new_chart(self, patient_id: uuid.UUID) -> ChartWindow:
        from alsdesk.ui.chart.window import ChartWindow

        window, self._spare = self._spare, None
        if not self._spare_wanted:
            self._spare_wanted = True
            self.backend.idle.connect(self._preload_chart)
        if window is None:
            return ChartWindow(self.backend, patient_id)
        window.bind(patient_id)
        return window

    # --- pages -----------------------------------------------------------------------------

    def _make_page(self, key: str) -> QWidget:
        if key == "worklist":
            from alsdesk.ui.worklist.view import WorklistView

            return WorklistView(self.backend, self.open_chart)
        if key == "patients":
            from alsdesk.ui.patients.view import PatientsView

            return PatientsView(self.backend, self.open_chart)
        if key == "schedule":
            from alsdesk.ui.schedule.view import ScheduleView

            return ScheduleView(self.backend, self.open_chart)
        if key == "programs":
            from alsdesk.ui.programs.view import ProgramsView

            return ProgramsView(self.backend)
        if key == "admin":
            from alsdesk.ui.admin.view import AdminView

            return AdminView(self.backend)
        from alsdesk.ui.printing.view import PrintingView

        return PrintingView(self.backend, self.open_chart)

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            widget = self._make_page(key)
            widget.setObjectName(f"page_{key}")
            apply_role(widget, self.backend)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(PAGES.index(key))
        return self.page(key)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row]
        self.stack.setCurrentWidget(self.page(key))
        self.settings.setValue("main/page", key)

    def reset_pages(self) -> None:
        """Rebuild the screens for a newly signed-in user: nothing of the previous user's view stays."""
        key = self.current_page_key() if self.nav.currentRow() >= 0 else "worklist"
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()
        self.stack.setCurrentWidget(self.page(key))
        QTimer.singleShot(0, self.focus_page)  # the new user starts at the screen's search box or list

    def focus_page(self) -> None:
        """Put the keyboard where work starts on the current screen: its search box, else its
        first list (the worklist's items, the patients table…)."""
        page = self.stack.currentWidget()
        if page is None:
            return
        search = getattr(page, "search", None)
        if isinstance(search, QWidget) and search.isVisible():
            search.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        lists = [v for v in page.findChildren(QAbstractItemView) if v.isVisible()]
        if lists:
            lists[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page_key(self) -> str:
        return PAGES[self.nav.currentRow()]

    def open_chart(
        self, patient_id: uuid.UUID, tab: str | None = None, record_id: uuid.UUID | None = None
    ) -> ChartWindow:
        """Open (or raise) the chart window for a patient, at `tab` when given."""
        window = self.charts.get(patient_id)
        if window is None:
            window = self._new_chart(patient_id)
            open_charts = [w for w in self.charts.values() if w.isVisible()]
            if open_charts:  # cascade: a second chart must not hide the first exactly
                last = open_charts[-1]
                window.move(last.x() + CASCADE, last.y() + CASCADE)
                fit_on_screen(window)
            window.destroyed.connect(lambda *_, w=window: self._forget_chart(patient_id, w))
            self.charts[patient_id] = window
        if tab:
            window.show_tab(tab, record_id)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _forget_chart(self, patient_id: uuid.UUID, window: QWidget) -> None:
        # Only if it is this user's: another user's parked chart for the same patient is not.
        if self.charts.get(patient_id) is window:
            del self.charts[patient_id]

    # --- status bar ------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        db = self.backend.db
        if db.sslmode is None:
            self.db_label = QLabel(self.tr("Database: {0}").format(db.display_url))
        else:
            self.db_label = QLabel(self.tr("Database: {0} (SSL: {1})").format(db.display_url, db.sslmode))
            if db.security_warning:  # the full advice is logged and in `alsdesk db check`
                self.db_label.setToolTip(
                    self.tr(
                        "The server's certificate and name are not checked (sslmode {0}); "
                        "ask your IT support to set sslmode=verify-full."
                    ).format(db.sslmode)
                )
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in staff member"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Hide patient data until you sign in again (Ctrl+L)"))
        self.lock_button.clicked.connect(lambda: self.guard.lock())
        self.switch_button = QPushButton(self.tr("Sign out / switch user"))
        self.switch_button.clicked.connect(lambda: self.guard.switch_user())
        self.backup_label: QLabel = QLabel(self._backup_text())
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.lock_button)
        bar.addPermanentWidget(self.switch_button)
        bar.addPermanentWidget(self.backup_label)

    def _backup_text(self) -> str:
        path = files.database_file(self.backend.db.url)
        if path is None:
            return self.tr("Last backup: managed by the server")
        last = files.last_backup_time(path)
        if last is None:
            return self.tr("Last backup: none yet")
        return self.tr("Last backup: {0}").format(last.strftime("%Y-%m-%d %H:%M"))

    def _backup_finished(self, error: str) -> None:
        if error:
            self.backup_label.setText(self.tr("Backup failed: see the tooltip"))
            self.backup_label.setToolTip(error)
            self.backup_label.setStyleSheet("color: #b91c1c;")
        else:
            self.backup_label.setText(self._backup_text())
            self.backup_label.setToolTip("")

    def _show_user(self, signed: SignedIn | None) -> None:
        if signed is None:
            self.user_label.setText(self.tr("Not signed in (no staff accounts yet)"))
        else:
            self.user_label.setText(self.tr("Signed in: {0} ({1})").format(signed.display_name, signed.role_label))
        self.lock_button.setVisible(signed is not None)
        self.switch_button.setVisible(signed is not None)

    # --- keyboard and closing --------------------------------------------------------------

    def _build_shortcuts(self) -> None:
        for number, key in enumerate(PAGES, start=1):
            action = QAction(self.titles[key], self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)
        find = QAction(self.tr("Find patient"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find_patient)
        self.addAction(find)
        lock = QAction(self.tr("Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(lambda: self.guard.lock())
        self.addAction(lock)
        new = needs(QAction(self.tr("New patient"), self), "patient.write")
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self._new_patient)
        self.addAction(new)

    def _find_patient(self) -> None:
        self.show_page("patients").focus_search()  # type: ignore[attr-defined]  # the patients page is a PatientsView

    def _new_patient(self) -> None:
        self.show_page("patients").new_patient()  # type: ignore[attr-defined]  # the patients page is a PatientsView

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and not getattr(self, "_focused_once", False):
            self._focused_once = True  # after sign-in: not the navigation list, the screen's own work
            QTimer.singleShot(0, self.focus_page)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.guard.locked and not self.guard.quitting:
            # Closed from the title bar while locked: the same warning as the lock screen's Quit,
            # never a chart's own prompt (it would show whose chart it is).
            event.ignore()
            self.guard.quit_locked()
            return
        for window in list(self.charts.values()):
            if not window.close():  # a chart with unsaved entries was kept open by the user
                event.ignore()
                return
        if self._spare is not None:
            self._spare.deleteLater()
            self._spare = None
        save_geometry(self, "main/geometry", self.settings)
        super().closeEvent(event)
        self.closed.emit()

    def statusMessage(self, text: str, *args: Any) -> None:
        self.statusBar().showMessage(text, 8000)
