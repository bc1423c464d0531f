"""The main window: navigation between screens, open charts, and the status bar."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from alsdesk.services import clinic
from alsdesk.services.common import Changes
from alsdesk.storage.backup import backup_dir_for
from alsdesk.storage.config import sqlite_path
from alsdesk.ui.common import show_error
from alsdesk.ui.worker import Backend, Latest

log = logging.getLogger(__name__)

PAGES = ("worklist", "patients", "schedule", "programs", "printing", "admin")


class MainWindow(QMainWindow):
    """Pages are built on first visit; each refreshes itself from `backend.changed`."""

    def __init__(self, backend: Backend, settings: QSettings | None = None) -> None:
        super().__init__()
        self.backend = backend
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("alsdesk: ALS clinic"))
        self.charts: dict[uuid.UUID, QWidget] = {}
        self._latest = Latest()
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
        self._build_shortcuts()
        backend.error.connect(lambda message: show_error(self, message))
        backend.changed.connect(self._on_changed)
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = self.settings.value("main/page", "worklist")
        self.show_page(last if last in PAGES else "worklist")
        self._load_staff()

    # --- pages -----------------------------------------------------------------------------

    def _make_page(self, key: str) -> QWidget:
        if key == "worklist":
            from alsdesk.ui.worklist_view import WorklistView

            return WorklistView(self.backend, self.open_chart)
        if key == "patients":
            from alsdesk.ui.patients_view import PatientsView

            return PatientsView(self.backend, self.open_chart)
        if key == "schedule":
            from alsdesk.ui.schedule_view import ScheduleView

            return ScheduleView(self.backend, self.open_chart)
        if key == "programs":
            from alsdesk.ui.programs_view import ProgramsView

            return ProgramsView(self.backend)
        if key == "admin":
            from alsdesk.ui.admin_view import AdminView

            return AdminView(self.backend)
        from alsdesk.ui.printing_view import PrintingView

        return PrintingView(self.backend, self.open_chart)

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            widget = self._make_page(key)
            widget.setObjectName(f"page_{key}")
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

    def current_page_key(self) -> str:
        return PAGES[self.nav.currentRow()]

    def open_chart(self, patient_id: uuid.UUID, tab: str | None = None, record_id: uuid.UUID | None = None) -> QWidget:
        """Open (or raise) the chart window for a patient, at `tab` when given."""
        from alsdesk.ui.chart_window import ChartWindow

        window = self.charts.get(patient_id)
        if window is None:
            window = ChartWindow(self.backend, patient_id)
            window.destroyed.connect(lambda *_: self.charts.pop(patient_id, None))
            self.charts[patient_id] = window
        if tab:
            window.show_tab(tab, record_id)  # type: ignore[attr-defined]
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    # --- status bar ------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(self.tr("Database: {0}").format(self.backend.db.display_url))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.staff_box = QComboBox()
        self.staff_box.setAccessibleName(self.tr("Signed-in staff member"))
        self.staff_box.setToolTip(self.tr("Who is working: recorded on reviews and changes (sign-in comes later)"))
        self.staff_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff_box.currentIndexChanged.connect(self._staff_chosen)
        self.backup_label = QLabel(self._backup_text())
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(QLabel(self.tr("Signed in:")))
        bar.addPermanentWidget(self.staff_box)
        bar.addPermanentWidget(self.backup_label)

    def _backup_text(self) -> str:
        path = sqlite_path(self.backend.db.url)
        if path is None:
            return self.tr("Last backup: managed by the server")
        folder = backup_dir_for(path)
        files = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
        if not files:
            return self.tr("Last backup: none yet")
        when = datetime.fromtimestamp(files[-1].stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        return self.tr("Last backup: {0}").format(when)

    def _load_staff(self) -> None:
        self.backend.read(lambda s: clinic.list_staff(session=s), self._latest(self._fill_staff), owner=self)

    def _fill_staff(self, staff: list[clinic.StaffView]) -> None:
        remembered = str(self.settings.value("main/staff", ""))
        self.staff_box.blockSignals(True)
        self.staff_box.clear()
        self.staff_box.addItem(self.tr("(nobody)"), "")
        for s in staff:
            self.staff_box.addItem(s.display_name, str(s.id))
        index = max(0, self.staff_box.findData(remembered))
        self.staff_box.setCurrentIndex(index)
        self.staff_box.blockSignals(False)
        self._staff_chosen(index)

    def _staff_chosen(self, index: int) -> None:
        value = str(self.staff_box.itemData(index) or "") if index >= 0 else ""
        self.backend.staff_id = uuid.UUID(value) if value else None
        self.settings.setValue("main/staff", value)

    def _on_changed(self, changes: Changes) -> None:
        if changes.catalogs or changes.patients:
            self._load_staff()

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
        new = QAction(self.tr("New patient"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self._new_patient)
        self.addAction(new)

    def _find_patient(self) -> None:
        self.show_page("patients").focus_search()  # type: ignore[attr-defined]

    def _new_patient(self) -> None:
        self.show_page("patients").new_patient()  # type: ignore[attr-defined]

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.charts.values()):
            if not window.close():  # a chart with unsaved entries was kept open by the user
                event.ignore()
                return
        self.settings.setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)

    def statusMessage(self, text: str, *args: Any) -> None:
        self.statusBar().showMessage(text, 8000)
