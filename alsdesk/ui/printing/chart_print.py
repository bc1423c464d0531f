"""The chart's Print button: each document of this patient built in a worker, then shown in a preview."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from alsdesk.errors import AlsdeskError
from alsdesk.services.interventions import PLAN_KINDS, in_place, plan_refusal
from alsdesk.ui.chart.tab import ChartTab, selected
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.worker import Backend

if TYPE_CHECKING:  # the documents (ReportLab's data and layouts) load on the first print, not with every chart
    from alsdesk.app.documents import PrintJob, Request

CHART_KINDS = (
    "summary",
    "handout",
    "medication-card",
    "alert-card",
    "appointment",
    "care-plan-summary",
    "niv-plan",
    "gastrostomy-plan",
    "checklist",
    "referral",
    "gp-letter",
    "visit",
    "alsfrs-form",
)


@dataclass(frozen=True)
class Selection:
    """What the chart has selected: the enrollment, referral and visit a document is about (None: default)."""

    enrollment_id: uuid.UUID | None = None
    referral_id: uuid.UUID | None = None
    visit_on: date | None = None


class ChartPages(Protocol):
    """The chart window as the print button reads it (ChartWindow): its tabs built so far, by key."""

    @property
    def pages(self) -> dict[str, ChartTab]: ...


def chart_selection(window: ChartPages) -> Selection:
    """Read the selected rows of the tabs already built; a tab never opened selects nothing."""
    from alsdesk.ui.chart.assessments import AssessmentsTab
    from alsdesk.ui.chart.programs import ProgramsTab
    from alsdesk.ui.chart.referrals import ReferralsTab

    pages = window.pages
    programs, referrals, visits = (dict.get(pages, key) for key in ("programs", "referrals", "assessments"))
    enrollment = programs.current_enrollment() if isinstance(programs, ProgramsTab) else None
    referral = selected(referrals.table, referrals.model) if isinstance(referrals, ReferralsTab) else None
    visit = selected(visits.table, visits.model) if isinstance(visits, AssessmentsTab) else None
    return Selection(
        enrollment.id if enrollment is not None else None,
        referral.id if referral is not None else None,
        visit.assessed_on if visit is not None else None,
    )


class PrintButton(QPushButton):
    """A menu of the patient's documents; `selection()` says which records the chart has selected."""

    def __init__(
        self,
        backend: Backend,
        patient_id: uuid.UUID,
        selection: Callable[[], Selection],
        failed: Callable[[AlsdeskError], None],
        parent: QWidget | None = None,
        mrn: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patient_id = patient_id
        self.selection = selection
        self.failed = failed
        self.preview: QWidget | None = None
        self.setText(self.tr("Print"))
        self.setAccessibleName(self.tr("Print a document for this patient"))
        self.setToolTip(self.tr("Print or save a document for this patient (Ctrl+P)"))
        self.titles = {
            "summary": self.tr("Patient summary"),
            "handout": self.tr("Family handout"),
            "medication-card": self.tr("Medication card"),
            "alert-card": self.tr("Alert card"),
            "appointment": self.tr("Appointment letter"),
            "care-plan-summary": self.tr("Advance care plan summary"),
            "niv-plan": self.tr("NIV plan"),
            "gastrostomy-plan": self.tr("Gastrostomy plan"),
            "checklist": self.tr("Program checklist sheet"),
            "referral": self.tr("Referral letter"),
            "gp-letter": self.tr("Letter to the GP"),
            "visit": self.tr("Visit report"),
            "alsfrs-form": self.tr("Blank ALSFRS-R form"),
        }
        hints = {
            "checklist": self.tr("{0} (selected or only active program)…"),
            "referral": self.tr("{0} (selected or latest referral)…"),
            "visit": self.tr("{0} (selected or latest visit)…"),
            "appointment": self.tr("{0} (next appointment)…"),
            "gp-letter": self.tr("{0} (latest visit)…"),
        }
        self.print_menu = QMenu(self)
        self.print_menu.setToolTipsVisible(True)  # a kind that does not apply says why (offer)
        self.actions_by_kind: dict[str, QAction] = {}
        for kind in CHART_KINDS:
            action = self.print_menu.addAction(hints.get(kind, "{0}…").format(self.titles[kind]))
            action.triggered.connect(lambda _=False, k=kind: self.request(k))
            self.actions_by_kind[kind] = action
        self.print_menu.addSeparator()
        # The patient's records as an alsdesk export file (docs/export-format.md), for another clinic.
        self.export_action = needs(self.print_menu.addAction(self.tr("E&xport this patient…")), "export")
        self.export_action.triggered.connect(self.export_patient)
        self.mrn = mrn
        self.export_progress: Any = None
        self.setMenu(self.print_menu)

    def offer(self, kind: str, applies: bool, why_not: str) -> None:
        """Enable a kind that applies to this patient; a disabled one says why in its tooltip."""
        action = self.actions_by_kind[kind]
        action.setEnabled(applies)
        action.setToolTip("" if applies else why_not)

    def set_chart(self, milestones: list[tuple[str, date]], visits: list[tuple[date, Any]], mrn: str) -> None:
        """Offer the NIV and gastrostomy plans only while they apply, the tooltip saying why not
        (services.printing_plans.refusal, the rule the documents refuse by)."""

        kinds = {i.kind for i in in_place(milestones, visits, date.today())}
        for kind in PLAN_KINDS:
            why = plan_refusal(kind, mrn, kinds)
            self.offer(kind, why is None, error_text(why) if why is not None else "")

    def popup(self) -> None:
        """Ctrl+P: open the menu under the button without blocking."""
        self.print_menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def export_patient(self) -> None:
        from alsdesk.ui.admin.exchange_page import exported_text, run_export
        from alsdesk.ui.widgets.progress import Cancelled

        mrn = self.mrn()
        name = f"alsdesk-export-{mrn + '-' if mrn else ''}{date.today().isoformat()}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window(), self.tr("Export this patient"), str(Path.home() / name), self.tr("alsdesk export (*.json)")
        )
        if not chosen:
            return
        path = Path(chosen)

        def done(count: int) -> None:
            QMessageBox.information(self.window(), self.tr("Export"), exported_text(count, path))

        def failed(error: AlsdeskError) -> None:
            if not isinstance(error, Cancelled):  # cancelled: nothing was written, nothing to say
                self.failed(error)

        self.export_progress = run_export(self.window(), self.backend, path, self.patient_id, done, failed)

    def request(self, kind: str) -> None:
        from alsdesk.app.documents import Request, build

        pid, chosen = self.patient_id, self.selection()
        record: uuid.UUID | None = None
        on: date | None = None
        if kind == "checklist":
            record = chosen.enrollment_id
        elif kind == "referral":
            record = chosen.referral_id
        elif kind == "visit":
            on = chosen.visit_on
        self.setEnabled(False)
        self.setText(self.tr("Preparing…"))

        request = Request(patient_id=pid, record_id=record, on=on)

        def work(session: Any) -> PrintJob:
            return build(session, kind, request)

        self.backend.read(work, lambda job: self._built(kind, job, request), self._failed, owner=self)

    def _ready(self) -> None:
        self.setEnabled(True)
        self.setText(self.tr("Print"))

    def _built(self, kind: str, job: PrintJob, request: Request) -> None:
        from alsdesk.ui.printing.preview import show_preview  # QtPdf loads on the first preview, not with the chart

        self._ready()
        self.preview = show_preview(self.backend, job, self.titles[kind], self.window(), request)

    def _failed(self, error: AlsdeskError) -> None:
        self._ready()
        self.failed(error)
