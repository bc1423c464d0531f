"""Administration › Import / export › "Import a patient list…": the spreadsheet onboarding of
docs/spreadsheet-import.md in four steps (file, columns, preview, import). Front end only: the
reading, checking and loading are alsdesk.app.spreadsheet's, as the CLI's import-patients."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from alsdesk.errors import AlsdeskError
from alsdesk.exchange.spreadsheet import mapping, reading
from alsdesk.exchange.spreadsheet.checking import Preview
from alsdesk.exchange.spreadsheet.reading import Sheet
from alsdesk.services.common import Changes
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.progress import CancellableProgress, Cancelled
from alsdesk.ui.widgets.worker import Backend

BAD = QColor("#f8d0d0")
MARK = "⚠ "  # bad cells are marked in text too, readable without colour


def field_label(name: str) -> str:
    return QCoreApplication.translate("fields", mapping.FIELDS[name])


class FilePage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the patient list"))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("Patient list file"))
        self.choose = QPushButton(self.tr("&Choose file…"))
        self.choose.clicked.connect(self.choose_file)
        self.encoding = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("An .xlsx, .xls or .csv file; the first row holds the column headers.")))
        layout.addLayout(row)
        layout.addWidget(self.encoding)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a patient list"), str(Path.home()), self.tr("Patient lists (*.xlsx *.xls *.csv)")
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read the file on a worker (a list of 20,000 rows takes a second or more); only the
        file last chosen is shown, should an earlier one finish after it."""
        self.wiz.sheet = None
        self.encoding.clear()
        self.message.setText(self.tr("Reading the file…"))
        self.path.setText(str(path))
        self.completeChanged.emit()
        self.wiz.backend.call(
            lambda: reading.read_sheet(path),
            lambda sheet: self.loaded(path, sheet),
            lambda error: self.refused(path, error),
            writes=False,
            owner=self,
        )

    def loaded(self, path: Path, sheet: reading.Sheet) -> None:
        if self.path.text() != str(path):
            return  # another file was chosen meanwhile
        self.wiz.sheet, self.wiz.path = sheet, path
        self.message.clear()
        if sheet.encoding:
            self.encoding.setText(self.tr("Text encoding: {0}").format(sheet.encoding))
        self.completeChanged.emit()

    def refused(self, path: Path, error: AlsdeskError) -> None:
        if self.path.text() == str(path):
            self.message.setText(error_text(error))

    def isComplete(self) -> bool:
        return self.wiz.sheet is not None


class MappingPage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Which field is each column?"))
        self.form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        sheet = self.wiz.sheet
        assert sheet is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        start = mapping.guess(sheet.headers, self.wiz.saved)
        for i, header in enumerate(sheet.headers):
            combo = QComboBox()
            combo.setAccessibleName(header)
            combo.addItem(self.tr("(not imported)"), None)
            for name in mapping.FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(combo.findData(start.get(i)), 0))
            self.form.addRow(header, combo)
            self.combos[header] = combo

    def chosen(self) -> dict[str, str]:
        """Every column's choice: "(not imported)" is said too, or the header's own words would map it."""
        return {h: c.currentData() or mapping.NOT_IMPORTED for h, c in self.combos.items()}


class PreviewPage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid = QTableWidget()
        self.grid.setAccessibleName(self.tr("Rows of the patient list"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Refused rows"))
        self.duplicates = QListWidget()
        self.duplicates.setAccessibleName(self.tr("Possible duplicates"))
        self.errors_button = QPushButton(self.tr("Save the &errors workbook…"))
        self.errors_button.clicked.connect(self.save_errors)
        self.template_button = QPushButton(self.tr("Save a blank &template…"))
        self.template_button.clicked.connect(self.save_template)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        lists = QHBoxLayout()
        lists.addWidget(self.problems)
        lists.addWidget(self.duplicates)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.grid, 3)
        layout.addLayout(lists, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        from alsdesk.app.spreadsheet import preview_file

        self.wiz.preview = None
        self.grid.clear()
        self.problems.clear()
        self.duplicates.clear()
        self.summary.setText(self.tr("Checking…"))
        path, given = self.wiz.path, self.wiz.mapping_page.chosen()
        self.completeChanged.emit()
        self.wiz.backend.read(lambda s: preview_file(session=s, path=path, given=given), self.show_preview, self.failed)

    def failed(self, error: AlsdeskError) -> None:
        self.summary.setText(error_text(error))

    def show_preview(self, found: Preview) -> None:
        self.wiz.preview = found
        sheet = found.sheet
        bad = {(p.row, p.header): str(p.error) for p in found.problems}
        self.grid.setColumnCount(len(sheet.headers))
        self.grid.setRowCount(len(sheet.rows))
        self.grid.setHorizontalHeaderLabels(sheet.headers)
        self.grid.setVerticalHeaderLabels([str(n) for n in sheet.row_numbers])
        for r, (number, cells) in enumerate(zip(sheet.row_numbers, sheet.rows, strict=True)):
            for c, header in enumerate(sheet.headers):
                value = cells[c] if c < len(cells) else ""
                item = QTableWidgetItem("" if value is None else str(value))
                reason = bad.get((number, header))
                if reason is not None:
                    item.setText(MARK + item.text())
                    item.setBackground(QBrush(BAD))
                    item.setToolTip(reason)
                self.grid.setItem(r, c, item)
        for p in found.problems:
            self.problems.addItem(self.tr("Row {0}, column {1}: {2}").format(p.row, p.header, error_text(p.error)))
        # What matched, in words (checking.KEYS names the kinds)
        kinds = {
            "mrn": self.tr("same MRN"),
            "phone": self.tr("same phone"),
            "name and birth date": self.tr("same name and birth date"),
            "pinyin": self.tr("same pinyin"),
        }
        for d in found.duplicates:
            where = self.tr("patient {0}") if d.in_database else self.tr("row {0}")
            matched = kinds.get(d.kind, d.kind)
            self.duplicates.addItem(self.tr("Row {0} may be {1} ({2})").format(d.row, where.format(d.other), matched))
        if found.problems:
            text = self.tr(
                "{0} row(s) refused: fix them in the file; nothing will be imported until every row is good."
            )
            self.summary.setText(text.format(len(found.refused_rows)))
        else:
            self.summary.setText(self.tr("{0} row(s) to add.").format(len(found.rows)))
        self.errors_button.setEnabled(bool(found.problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        # All or nothing: Import stays disabled while any row is refused.
        return self.wiz.preview is not None and not self.wiz.preview.problems

    def save_errors(self) -> None:
        from alsdesk.app.spreadsheet import write_errors

        chosen = self._save_path("refused-rows.xlsx")
        if chosen is not None and self.wiz.preview is not None:
            write_errors(self.wiz.preview, chosen)

    def save_template(self) -> None:
        from alsdesk.app.spreadsheet import write_template

        chosen = self._save_path("patient-list-template.xlsx")
        if chosen is not None:
            write_template(chosen)

    def _save_path(self, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save workbook"), str(Path.home() / name), self.tr("Workbook (*.xlsx)")
        )
        return Path(chosen) if chosen else None


class ImportPage(QWizardPage):
    def __init__(self, wizard: SpreadsheetWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Import result"))
        self.done = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def initializePage(self) -> None:
        from alsdesk.app.spreadsheet import import_patients

        self.done = False
        self.result.setText(self.tr("Importing…"))
        path, given = self.wiz.path, self.wiz.mapping_page.chosen()
        progress = CancellableProgress(self.tr("Importing {0}…").format(path.name), self.tr("Import"), self)
        self.wiz.progress = progress
        report = progress.report

        def load(session: Session) -> tuple[int, Changes]:
            found = import_patients(session=session, path=path, given=given, progress=report)
            return len(found.rows), Changes(patients=True)

        progress.dialog.show()
        self.wiz.backend.write(load, self.finished, self.failed, owner=self)
        self.completeChanged.emit()

    def finished(self, result: tuple[int, Changes]) -> None:
        self.wiz.progress_done()
        self.result.setText(self.tr("Imported {0} patient(s).").format(f"{result[0]:,}"))
        self.done = True
        self.completeChanged.emit()

    def failed(self, error: AlsdeskError) -> None:
        self.wiz.progress_done()
        if isinstance(error, Cancelled):
            self.result.setText(self.tr("Cancelled; nothing was imported."))
        else:
            self.result.setText(error_text(error))
        self.done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class SpreadsheetWizard(QWizard):
    """Opened from the exchange page; `saved` is the clinic's saved column mapping."""

    def __init__(self, backend: Backend, saved: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.saved = saved
        self.sheet: Sheet | None = None
        self.path = Path()
        self.preview: Preview | None = None
        self.progress: CancellableProgress | None = None
        self.setWindowTitle(self.tr("Import a patient list"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
        self.preview_page.setCommitPage(True)  # no going back over an import
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def progress_done(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
