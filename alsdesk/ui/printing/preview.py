"""Print preview: a PDF on screen, printed through the system dialog or saved as a file, each logged."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.app import documents
from alsdesk.app.documents import PrintJob
from alsdesk.errors import AlsdeskError
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import language_combo
from alsdesk.ui.widgets.geometry import restore_geometry, save_geometry
from alsdesk.ui.widgets.worker import Backend

log = logging.getLogger(__name__)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MAX_DPI = 600  # a 1200 dpi A4 page is a 560 MB image; 600 dpi is beyond what paper shows
INFO_STYLE = "background:#eef2ff; color:#1e3a8a; padding:6px; border-radius:4px;"
WARN_STYLE = "background:#fef3c7; color:#78350f; padding:6px; border-radius:4px;"


class PrintPreviewDialog(QDialog):
    """Shows `job.pdf`; Print… and Save as PDF… never lose the document: a refusal only says why.

    Given the `request` that built it, the preview offers the document in another language (it opens
    in the default: the patient's, the clinic's letter language for a letter, services.printing) and a
    handout in large print, and builds it again."""

    def __init__(
        self,
        backend: Backend,
        job: PrintJob,
        title: str,
        parent: QWidget | None = None,
        request: documents.Request | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.backend = backend
        self.job = job
        self.request = request
        self.logged: list[str] = []  # destinations written to the print log, for the caller and tests
        self.setWindowTitle(self.tr("Print preview: {0}").format(title))
        self.document = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(job.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Document pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("QPdfView { background: #6b7280; }")
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page_label())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Printing message"))
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        restore_geometry(self, "preview/geometry", QSize(900, 1000))
        self._update_page_label()

    def done(self, result: int) -> None:
        save_geometry(self, "preview/geometry")  # Close, Esc and the title bar all end here
        super().done(result)

    def _build_toolbar(self) -> QHBoxLayout:
        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("◀ Previous"))
        self.prev_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel()
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"))
        self.zoom.addItem(self.tr("Whole page"))
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}")
        self.zoom.currentIndexChanged.connect(self.set_zoom)
        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        self.large_print = QCheckBox(self.tr("&Large print"))
        self.large_print.setToolTip(self.tr("Set the handout in large type, for a reader with low vision"))
        self.large_print.setVisible(self.job.kind == "handout" and self.request is not None)
        self.large_print.toggled.connect(lambda _on: self.rebuild())
        bar.addWidget(self.large_print)
        self.language = language_combo(self.job.language)
        self.language.setAccessibleName(self.tr("Document language"))
        self.language.setToolTip(self.tr("Print this document in another language"))
        self.language.currentIndexChanged.connect(lambda _index: self.rebuild())
        language_label = QLabel(self.tr("Lan&guage:"))
        language_label.setBuddy(self.language)
        for widget in (language_label, self.language):
            widget.setVisible(self.request is not None)
            bar.addWidget(widget)
        bar.addWidget(QLabel(self.tr("Zoom:")))
        bar.addWidget(self.zoom)
        return bar

    def _build_buttons(self) -> QHBoxLayout:
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        self.summary = QLabel(self.tr("{0} page(s)").format(self.page_count()))
        self.summary.setStyleSheet("color:#6b7280;")
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        return buttons

    # --- viewing ---------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    def _update_page_label(self) -> None:
        if not shiboken6.isValid(self.document) or not shiboken6.isValid(self.page_label):
            return  # the view announces a last page change while the dialog is being deleted
        page, count = self.current_page(), self.page_count()
        self.page_label.setText(self.tr("Page {0} of {1}").format(page + 1, count))
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    def set_zoom(self, index: int) -> None:
        if index == 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif index == 1:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(ZOOMS[index - 2])

    def rebuild(self) -> None:
        """Build the document again in the chosen language and print size; printing waits until it is shown."""
        if self.request is None:
            return
        request = dataclasses.replace(
            self.request, large_print=self.large_print.isChecked(), lang=self.language.currentData()
        )
        kind = self.job.kind
        self._busy(True)
        self.backend.read(
            lambda s: documents.build(s, kind, request),
            lambda job: self._rebuilt(job, request),
            self._rebuild_failed,
            owner=self,
        )

    def _rebuilt(self, job: PrintJob, request: documents.Request) -> None:
        self.job, self.request = job, request
        old = self.buffer
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(job.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        old.deleteLater()
        self.summary.setText(self.tr("{0} page(s)").format(self.page_count()))
        self._update_page_label()
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.large_print, self.language, self.print_button, self.save_button):
            widget.setEnabled(not busy)

    def _rebuild_failed(self, error: AlsdeskError) -> None:
        # back to what the preview shows, without building again
        for widget in (self.large_print, self.language):
            widget.blockSignals(True)
        self.large_print.setChecked(self.request is not None and self.request.large_print)
        self.language.setCurrentIndex(max(0, self.language.findData(self.job.language)))
        for widget in (self.large_print, self.language):
            widget.blockSignals(False)
        self._busy(False)
        self.say(error_text(error), warning=True)

    def say(self, text: str, *, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(WARN_STYLE if warning else INFO_STYLE)
        self.message.show()

    # --- printing --------------------------------------------------------------------------

    def print_document(self) -> None:
        if not QPrinterInfo.availablePrinters():
            self.say(
                self.tr(
                    "No printer is set up on this computer, so nothing was printed. The document is still "
                    "here: use Save as PDF… to keep it, or ask for a printer to be installed."
                ),
                warning=True,
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.file_name)
        # Start from the document's own paper and orientation; the dialog may still change them.
        printer.setPageSize(
            QPageSize(QPageSize.PageSizeId.Letter if self.job.paper == "letter" else QPageSize.PageSizeId.A4)
        )
        first = self.document.pagePointSize(0)
        if first.width() > first.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.say(self.tr("Printing was cancelled; nothing was sent to the printer."))
            return
        pages = self.page_range(printer)
        printed = self.render_to(printer)
        if printed is None:
            return
        name = printer.printerName() or self.tr("(unnamed printer)")
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            destination = printer.outputFileName()
        else:
            destination = f"printer: {name}"
        self._log(destination, pages)
        self.say(self.tr("Sent {0} page(s) to {1}.").format(printed, name))

    def page_range(self, printer: QPrinter) -> range:
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            return range(self.page_count())
        return range(first - 1, min(last, self.page_count()))

    def render_to(self, printer: QPrinter) -> int | None:
        """Draw each page at the printer's resolution; returns the pages sent, None when it failed."""
        pages = self.page_range(printer)
        painter = QPainter()
        if not painter.begin(printer):
            self.say(self.tr("The printer could not be opened; nothing was printed."), warning=True)
            return None
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Stop"), 0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)
        dpi = min(printer.resolution(), MAX_DPI)
        sent = 0
        try:
            for n, page in enumerate(pages):
                if progress.wasCanceled():
                    printer.abort()
                    self.say(self.tr("Printing was stopped after {0} page(s).").format(sent), warning=True)
                    return None
                if n:
                    printer.newPage()
                self._draw_page(painter, page, dpi)
                sent += 1
                progress.setValue(n + 1)
        finally:
            painter.end()
            progress.close()
        return sent

    def _draw_page(self, painter: QPainter, page: int, dpi: int) -> None:
        target = QRectF(painter.viewport())
        points = self.document.pagePointSize(page)
        landscape_page = points.width() > points.height()
        landscape_paper = target.width() > target.height()
        painter.save()
        if landscape_page != landscape_paper:
            # A landscape checklist in a portrait job: turn it a quarter so it fills the sheet.
            painter.translate(target.width(), 0)
            painter.rotate(90)
            target = QRectF(0, 0, target.height(), target.width())
        scale = min(target.width() / points.width(), target.height() / points.height())
        box = QRectF(0, 0, points.width() * scale, points.height() * scale)
        box.moveCenter(target.center())
        size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        painter.drawImage(box, self.document.render(page, size))
        painter.restore()

    # --- saving ----------------------------------------------------------------------------

    def save_as(self) -> None:
        folder = Path(str(QSettings().value("print/folder", "") or Path.home()))
        path_text, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(folder / self.job.file_name), self.tr("PDF documents (*.pdf)")
        )
        if not path_text:
            self.say(self.tr("Not saved: the save dialog was closed without choosing a file."))
            return
        path = Path(path_text)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        job = self.job
        self.save_button.setEnabled(False)
        self.backend.write(
            lambda s: documents.save(s, job, path, str(path)),
            lambda _r: self._saved(path),
            self._save_failed,
            owner=self,
        )

    def _saved(self, path: Path) -> None:
        QSettings().setValue("print/folder", str(path.parent))  # the next save starts in the same folder
        self.save_button.setEnabled(True)
        self.logged.append(str(path))
        self.say(self.tr("Saved to {0}.").format(path))

    def _save_failed(self, error: AlsdeskError) -> None:
        self.save_button.setEnabled(True)
        self.say(error_text(error), warning=True)

    def _log(self, destination: str, pages: range) -> None:
        def failed(error: AlsdeskError) -> None:
            self.say(
                self.tr("Printed, but the print log could not be written: {0}").format(error_text(error)), warning=True
            )

        job = self.job
        self.backend.write(
            lambda s: documents.log(s, job, destination, pages),
            lambda _r: self.logged.append(destination),
            failed,
            owner=self,
        )


def show_preview(
    backend: Backend,
    job: PrintJob,
    title: str,
    parent: QWidget | None = None,
    request: documents.Request | None = None,
) -> PrintPreviewDialog:
    """Open a preview window for `job` (not modal: the chart stays usable beside it)."""
    dialog = PrintPreviewDialog(backend, job, title, parent, request)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
