"""The Printing screen: the day's worklist, a day's family papers in one job, scanned sheets, the print log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.app.documents import PrintJob, Request, build
from alsdesk.errors import AlsdeskError
from alsdesk.printdata import parse_enrollment_qr
from alsdesk.services import printlog, programs
from alsdesk.services.common import Changes
from alsdesk.services.printlog import PrintLogEntry
from alsdesk.ui.chart.tab import make_table
from alsdesk.ui.i18n.texts import catalog_name, error_text, window_language
from alsdesk.ui.widgets.common import MUTED_COLOUR, code_label, error_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend, Latest
from alsdesk.vocab import LANGUAGES

OpenChart = Callable[..., Any]
LOG_LIMIT = 200


def workstation_language() -> str | None:
    """The language this workstation's window speaks (Administration), for clinic-wide lists."""
    lang = str(QSettings().value("ui/language", "") or window_language())
    return lang if lang in LANGUAGES else None


class PrintingView(QWidget):
    """Everything printed for the clinic as a whole; a patient's own documents print from the chart."""

    def __init__(self, backend: Backend, open_chart: OpenChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.open_chart = open_chart
        self._latest = Latest()
        self.preview: QWidget | None = None
        self.batch: Any = None
        self.kinds = {
            "summary": self.tr("Patient summary"),
            "handout": self.tr("Family handout"),
            "medication-card": self.tr("Medication card"),
            "alert-card": self.tr("Alert card"),
            "gp-letter": self.tr("Letter to the GP"),
            "appointment": self.tr("Appointment letter"),
            "care-plan-summary": self.tr("Advance care plan summary"),
            "niv-plan": self.tr("NIV plan"),
            "gastrostomy-plan": self.tr("Gastrostomy plan"),
            "checklist": self.tr("Checklist sheet"),
            "referral": self.tr("Referral letter"),
            "visit": self.tr("Visit report"),
            "alsfrs-form": self.tr("ALSFRS-R form"),
            "worklist": self.tr("Clinic worklist"),
            "day-batch": self.tr("Day's handouts and checklists"),
        }
        self.message = error_label()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background:#eef2ff; color:#1e3a8a; padding:6px; border-radius:4px;")
        self.notice.hide()
        top = QGridLayout()
        top.addWidget(self._worklist_box(), 0, 0)
        top.addWidget(self._batch_box(), 0, 1)
        top.addWidget(self._scan_box(), 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self._log_box(), 1)
        backend.changed.connect(self._on_changed)

    # --- building the screen -------------------------------------------------------------------

    def _worklist_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Clinic worklist"))
        self.worklist_day = DateEdit(date.today())
        self.worklist_day.setAccessibleName(self.tr("Worklist day"))
        self.worklist_button = QPushButton(self.tr("Preview &worklist…"))
        self.worklist_button.clicked.connect(self.preview_worklist)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day:")))
        row.addWidget(self.worklist_day)
        row.addStretch(1)
        row.addWidget(self.worklist_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self._hint(self.tr("The day's work grouped as on the Worklist screen, for the team.")))
        inner.addLayout(row)
        return box

    def _batch_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Family papers for a clinic day"))
        self.batch_day = DateEdit(date.today() + timedelta(days=1))
        self.batch_day.setAccessibleName(self.tr("Appointment day"))
        self.batch_button = QPushButton(self.tr("Prepare &handouts and checklists…"))
        self.batch_button.clicked.connect(self.prepare_batch)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Appointments on:")))
        row.addWidget(self.batch_day)
        row.addStretch(1)
        row.addWidget(self.batch_button)
        inner = QVBoxLayout(box)
        inner.addWidget(
            self._hint(
                self.tr(
                    "Every patient with an appointment that day: the family handout, then a checklist "
                    "sheet for each active care program, in one print job."
                )
            )
        )
        inner.addLayout(row)
        return box

    def _scan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Returned checklist sheets"))
        self.scan = QLineEdit()
        self.scan.setAccessibleName(self.tr("Scanned checklist code"))
        self.scan.setPlaceholderText(self.tr("Click here, then scan the QR code in the corner of a returned sheet"))
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(lambda: self.scanned(self.scan.text()))
        # Some scanners send no Enter: a complete code opens the chart by itself.
        self.scan.textChanged.connect(self._typed)
        inner = QHBoxLayout(box)
        inner.addWidget(QLabel(self.tr("Sheet code:")))
        inner.addWidget(self.scan, 1)
        return box

    def _log_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Print log (most recent first)"))
        kinds = self.kinds
        self.log_model = RecordTableModel(
            [
                Column(self.tr("When"), lambda e: e.printed_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("Document"), lambda e: kinds.get(e.kind, e.kind)),
                Column(self.tr("Patient"), lambda e: e.patient_mrn or "—"),
                Column(self.tr("Pages"), lambda e: str(e.pages)),
                Column(self.tr("Language"), lambda e: code_label(e.language)),
                Column(self.tr("Paper"), lambda e: e.paper.upper()),
                Column(self.tr("By"), lambda e: e.printed_by or "—"),
                Column(self.tr("Printed to"), lambda e: e.destination, lambda e: e.destination),
            ],
            parent=self,
        )
        self.log_table = make_table(self.log_model, self.tr("Print log"), (130, 190, 110, 50, 130, 55, 90))
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.reload_log)
        self.log_count = QLabel()
        self.log_count.setStyleSheet(f"color:{MUTED_COLOUR};")
        row = QHBoxLayout()
        row.addWidget(self.log_count, 1)
        row.addWidget(refresh)
        inner = QVBoxLayout(box)
        inner.addWidget(self.log_table, 1)
        inner.addLayout(row)
        return box

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color:{MUTED_COLOUR};")
        return label

    # --- actions ---------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.message.hide()
        self.notice.setText(text)
        self.notice.show()

    def _failed(self, error: AlsdeskError) -> None:
        self.notice.hide()
        self.message.setText(error_text(error))
        self.message.show()

    def _show(self, job: PrintJob, title: str, request: Request | None = None) -> None:
        from alsdesk.ui.printing.preview import show_preview  # QtPdf loads when something is first previewed

        self.preview = show_preview(self.backend, job, title, self.window(), request)

    @reads_dates
    def preview_worklist(self) -> None:
        day = self.worklist_day.value() or date.today()
        self.worklist_button.setEnabled(False)

        def done(job: PrintJob) -> None:
            self.worklist_button.setEnabled(True)
            self.message.hide()
            self._show(job, self.tr("Clinic worklist {0}").format(day.isoformat()), request)

        def failed(error: AlsdeskError) -> None:
            self.worklist_button.setEnabled(True)
            self._failed(error)

        request = Request(on=day, lang=workstation_language())

        def work(session: Any) -> PrintJob:
            return build(session, "worklist", request)

        self.backend.read(work, done, failed, owner=self)

    @reads_dates
    def prepare_batch(self) -> None:
        from alsdesk.ui.printing.batch import BatchBuilder

        day = self.batch_day.value() or date.today()
        self.batch_button.setEnabled(False)
        self.message.hide()
        self.batch = BatchBuilder(self.backend, day, self)

        def done(job: PrintJob | None) -> None:
            self.batch_button.setEnabled(True)
            if job is None:
                self.say(self.tr("Preparing the papers for {0} was cancelled; nothing was printed.").format(day))
                return
            self.say(self.tr("{0} pages ready for {1}: check them, then print.").format(job.pages, day))
            self._show(job, self.tr("Handouts and checklists for {0}").format(day.isoformat()))

        def failed(error: AlsdeskError) -> None:
            self.batch_button.setEnabled(True)
            self._failed(error)

        self.batch.start(done, failed)

    def _typed(self, text: str) -> None:
        if parse_enrollment_qr(text) is not None:
            self.scanned(text)

    def scanned(self, text: str) -> None:
        """Open the chart of the sheet's patient on the Care programs tab, that program selected."""
        if not text.strip():
            return
        enrollment_id = parse_enrollment_qr(text)
        self.scan.clear()
        if enrollment_id is None:
            self._failed(AlsdeskError(self.tr("“{0}” is not the code of an alsdesk checklist sheet.").format(text)))
            return
        self.backend.read(
            lambda s: programs.get_enrollment(session=s, enrollment_id=enrollment_id),
            self._open_enrollment,
            self._failed,
            owner=self,
        )

    def _open_enrollment(self, enrollment: programs.EnrollmentView) -> None:
        self.open_chart(enrollment.patient_id, "programs", enrollment.id)
        self.say(
            self.tr("Opened the sheet for {0} ({1}).").format(
                catalog_name(enrollment.name_en, enrollment.name_zh), enrollment.start_date
            )
        )

    # --- the log ---------------------------------------------------------------------------------

    def reload_log(self) -> None:
        self.backend.read(
            lambda s: printlog.print_log(session=s, limit=LOG_LIMIT), self._latest(self._fill_log), owner=self
        )

    def _fill_log(self, entries: list[PrintLogEntry]) -> None:
        self.log_model.set_rows(entries)
        if not entries:
            self.log_count.setText(self.tr("Nothing has been printed or saved yet."))
        elif len(entries) >= LOG_LIMIT:
            self.log_count.setText(self.tr("The latest {0} entries.").format(len(entries)))
        else:
            self.log_count.setText(self.tr("{0} entries.").format(len(entries)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_log()
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, _changes: Changes) -> None:
        if self.isVisible():  # a print or save anywhere in the window writes a log entry
            self.reload_log()
