"""First-run dialog: the clinic profile, and an offer to fill an empty database with a demo clinic."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alsdesk.errors import AlsdeskError
from alsdesk.services import clinic, demo
from alsdesk.ui.common import error_label
from alsdesk.ui.texts import error_text
from alsdesk.ui.worker import Backend


class DemoLoader(QObject):
    """Loads the demo clinic in the writer thread, with a cancellable progress dialog."""

    progressed = Signal(int, int)
    finished = Signal(str)

    def __init__(self, backend: Backend, patients: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patients = patients
        self._cancel = threading.Event()
        self.dialog = QProgressDialog(self.tr("Creating demo patients…"), self.tr("Cancel"), 0, patients, parent)
        self.dialog.setWindowTitle(self.tr("Demo clinic"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel.set)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        self.dialog.setValue(0)

        def progress(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise AlsdeskError(self.tr("Loading the demo clinic was cancelled; nothing was saved."))
            self.progressed.emit(done, total)

        actor = self.backend.actor

        def work() -> Any:
            with self.backend.db.write(actor=actor) as session:
                return demo.load_demo(session=session, patients=self.patients, progress=progress)

        self.backend.call(work, self._done, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _done(self, result: Any) -> None:
        self.dialog.reset()
        from alsdesk.services.common import Changes

        self.backend.changed.emit(Changes(patients=True, workups=True, schedule=True, programs=True, catalogs=True))
        self.finished.emit(
            self.tr("Demo clinic loaded: {0} patients, {1} records.").format(result.patients, result.records)
        )

    def _failed(self, error: AlsdeskError) -> None:
        self.dialog.reset()
        self.finished.emit(error_text(error))


class FirstRunDialog(QDialog):
    """Shown when the database has no clinic profile yet."""

    def __init__(self, backend: Backend, *, empty: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("Welcome to alsdesk"))
        intro = QLabel(
            self.tr(
                "This database has no clinic profile yet. Enter your clinic's details; they appear on "
                "letters and printed sheets. You can change them later under Administration."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Clinic name"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.demo = QCheckBox(
            self.tr("Fill this empty database with a demo clinic (synthetic patients) to try alsdesk")
        )
        self.demo_count = QSpinBox()
        self.demo_count.setRange(10, 100_000)
        self.demo_count.setValue(300)
        self.demo_count.setSuffix(self.tr(" patients"))
        self.demo_count.setEnabled(False)
        self.demo.toggled.connect(self.demo_count.setEnabled)
        self.demo.setVisible(empty)
        self.demo_count.setVisible(empty)
        form = QFormLayout()
        form.addRow(self.tr("Clinic &name"), self.name)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("Paper &size"), self.paper)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_count)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    @property
    def wants_demo(self) -> bool:
        return not self.demo.isHidden() and self.demo.isChecked()

    def save(self) -> None:
        values = dict(
            name=self.name.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            paper_size=self.paper.currentData(),
        )
        self.backend.write(lambda s: clinic.save_clinic(session=s, **values), self._saved, self._failed, owner=self)

    def _saved(self, _changes: Any) -> None:
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
