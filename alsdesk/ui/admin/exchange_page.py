"""Administration › Import / export: whole-clinic exports and imports (docs/export-format.md) run
on a worker behind a cancellable progress dialog, like the CLI's `export --all` and `import`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk import exchange
from alsdesk.errors import AlsdeskError
from alsdesk.services.common import Changes
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.progress import CancellableProgress, Cancelled
from alsdesk.ui.widgets.status import announce
from alsdesk.ui.widgets.worker import Backend


def export_patients(
    session: Session,
    path: Path,
    patient_id: uuid.UUID | None,
    progress: Callable[[int, int], None],
    export_format: str = "alsdesk",
) -> int:
    """Every patient (or the one given) into `path` in `export_format` (formats.EXPORT_FORMATS), which
    appears whole or not at all; audited."""
    from alsdesk.app.exchange_files import export_to_file
    from alsdesk.services import patients

    mrns = None if patient_id is None else [patients.get_patient(session=session, patient_id=patient_id).mrn]
    # The file appears once its audit entry commits.
    return export_to_file(session, path, mrns=mrns, progress=progress, export_format=export_format)


def run_export(
    parent: QWidget,
    backend: Backend,
    path: Path,
    patient_id: uuid.UUID | None,
    done: Callable[[int], None],
    failed: Callable[[AlsdeskError], None],
    export_format: str = "alsdesk",
) -> CancellableProgress:
    """Write the export on the writer thread behind a cancellable progress dialog (also used by the
    chart's "Export this patient…" and the referrals' patient summary); `failed` gets `Cancelled`
    when the user cancelled."""
    progress = CancellableProgress(
        QCoreApplication.translate("ExchangePage", "Exporting patients…"),
        QCoreApplication.translate("ExchangePage", "Export"),
        parent,
    )
    report = progress.report

    def finished(count: int) -> None:
        progress.finish()
        done(count)

    def refused(error: AlsdeskError) -> None:
        progress.finish()
        failed(error)

    progress.dialog.show()
    backend.write(
        lambda s: export_patients(s, path, patient_id, report, export_format), finished, refused, owner=progress
    )
    return progress


def exported_text(count: int, path: Path) -> str:
    return QCoreApplication.translate("ExchangePage", "Exported {0} patient(s) to {1}.").format(f"{count:,}", path)


def read_file(path: Path, passphrase: str | None) -> Any:
    """The document in `path`; a sealed one is unsealed with `passphrase` (in memory only)."""
    from alsdesk.app.exchange_files import read_export

    return read_export(path, passphrase)


def _left(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class ExchangePage(QWidget):
    """Buttons for the two directions, each shown only to roles that hold its permission."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.progress: CancellableProgress | None = None
        self.export_button = needs(QPushButton(self.tr("E&xport all patients…")), "export")
        self.export_button.setAccessibleName(self.tr("Export all patients"))
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = needs(QPushButton(self.tr("&Import patients…")), "import")
        self.import_button.setAccessibleName(self.tr("Import patients"))
        self.import_button.clicked.connect(self.choose_import)
        self.list_button = needs(QPushButton(self.tr("Import a patient &list…")), "import")
        self.list_button.setAccessibleName(self.tr("Import a patient list"))
        self.list_button.clicked.connect(self.open_list_wizard)
        self.wizard: QWidget | None = None
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Import and export result"))
        self.message = error_label()

        export_box = needs(QGroupBox(self.tr("Export")), "export")
        note = QLabel(
            self.tr(
                "Writes every patient with all their records to one file in the alsdesk export format; "
                "each exported patient is recorded in the audit trail. Passphrase-sealed exports are made "
                "with the command line."
            )
        )
        note.setWordWrap(True)
        column = QVBoxLayout(export_box)
        column.addWidget(note)
        column.addLayout(_left(self.export_button))

        import_box = needs(QGroupBox(self.tr("Import")), "import")
        note = QLabel(
            self.tr(
                "Adds the patients of an alsdesk export file (plain or passphrase-sealed). "
                "The whole file is checked first: if any field is wrong, or you cancel, nothing is imported."
            )
        )
        note.setWordWrap(True)
        column = QVBoxLayout(import_box)
        column.addWidget(note)
        column.addLayout(_left(self.import_button))
        note = QLabel(
            self.tr(
                "Adds the patients of a spreadsheet (.xlsx, .xls or .csv), one row per patient; "
                "every row is checked first, and any refused row means nothing is imported."
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        column.addLayout(_left(self.list_button))

        layout = QVBoxLayout(self)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addStretch(1)
        # Hidden at once (apply_role, run by the main window, would do the same for a new page).
        export_box.setVisible(backend.may("export"))
        import_box.setVisible(backend.may("import"))

    # --- export ----------------------------------------------------------------------------------

    def choose_export(self) -> None:
        name = f"alsdesk-export-{date.today().isoformat()}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export all patients"), str(Path.home() / name), self.tr("alsdesk export (*.json)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        self._busy()
        self.progress = run_export(
            self, self.backend, path, None, lambda n: self._finished(exported_text(n, path)), self._failed
        )

    # --- import ----------------------------------------------------------------------------------

    def choose_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import patients"),
            str(Path.home()),
            self.tr("alsdesk export (*.json *.sealed *.alsdesk);;All files (*)"),
        )
        if chosen:
            self.import_from(Path(chosen))

    def import_from(self, path: Path) -> None:
        from alsdesk.app.exchange_files import is_sealed

        passphrase = None
        if is_sealed(path):
            passphrase, ok = QInputDialog.getText(
                self,
                self.tr("Sealed file"),
                self.tr("Passphrase for {0}:").format(path.name),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        progress = self._start(self.tr("Checking and importing {0}…").format(path.name), self.tr("Import"))
        report = progress.report

        def done(result: tuple[exchange.ImportResult, Changes]) -> None:
            found = result[0]
            text = self.tr("Imported {0} patient(s) with {1} records and {2} new staff.").format(
                f"{found.patients:,}", f"{found.records:,}", found.staff
            )
            if found.merged:  # a newer export of patients already here (exchange.merging)
                text += " " + self.tr(
                    "Merged {0} patient(s) already here: {1} records updated, {2} in conflict for a person to resolve."
                ).format(f"{found.merged:,}", f"{found.updated:,}", f"{found.conflicts:,}")
            self._finished(text)

        db, actor = self.backend.db, self.backend.actor

        def work() -> tuple[exchange.ImportResult, Changes]:
            document = read_file(path, passphrase)  # parsed before the write lock is taken

            def load(session: Session) -> tuple[exchange.ImportResult, Changes]:
                found = exchange.import_document(session=session, document=document, progress=report)
                return found, Changes(patients=True, catalogs=found.staff > 0)  # lists and worklist refresh

            return db.run_write(load, actor=actor)  # the whole import in one transaction

        self.backend.call(work, done, self._failed, owner=self)  # serialised with the other writes

    def open_list_wizard(self) -> None:
        from alsdesk.exchange.spreadsheet.mapping import saved_mapping
        from alsdesk.ui.admin.spreadsheet_wizard import SpreadsheetWizard

        def show(saved: dict[str, str]) -> None:
            self.wizard = SpreadsheetWizard(self.backend, saved, self)
            self.wizard.show()

        self.backend.read(saved_mapping, show, self._failed, owner=self)

    # --- shared ----------------------------------------------------------------------------------

    def _busy(self) -> None:
        self.result.clear()
        self.message.hide()
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)

    def _start(self, label: str, title: str) -> CancellableProgress:
        self._busy()
        self.progress = CancellableProgress(label, title, self)
        self.progress.dialog.show()
        return self.progress

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.finish()
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)

    def _finished(self, text: str) -> None:
        self._end()
        self.result.setText(text)
        announce(self, text)

    def _failed(self, error: AlsdeskError) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.result.setText(self.tr("Cancelled; nothing was written or imported."))
            return
        self.message.setText(error_text(error))
        self.message.show()
