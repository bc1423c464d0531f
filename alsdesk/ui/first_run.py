"""First-run dialog: the clinic profile, and an offer to fill an empty database with a demo clinic."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alsdesk import demo
from alsdesk.errors import AlsdeskError
from alsdesk.services import clinic
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.progress import CancellableProgress, Cancelled
from alsdesk.ui.widgets.worker import Backend


class DemoLoader(QObject):
    """Loads the demo clinic in the writer thread, with a cancellable progress dialog (cancelling
    rolls the one transaction back)."""

    finished = Signal(str)

    def __init__(self, backend: Backend, patients: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.patients = patients
        self.progress = CancellableProgress(self.tr("Creating demo patients…"), self.tr("Demo clinic"), parent)

    def start(self) -> None:
        self.progress.dialog.setMaximum(self.patients)
        self.progress.dialog.setValue(0)
        report, actor = self.progress.report, self.backend.actor

        def work() -> Any:
            with self.backend.db.write(actor=actor) as session:
                return demo.load_demo(session=session, patients=self.patients, progress=report)

        self.backend.call(work, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.progress.finish()
        from alsdesk.services.common import Changes

        self.backend.changed.emit(Changes(patients=True, workups=True, schedule=True, programs=True, catalogs=True))
        self.finished.emit(
            self.tr("Demo clinic loaded: {0} patients, {1} records.").format(result.patients, result.records)
        )

    def _failed(self, error: AlsdeskError) -> None:
        self.progress.finish()
        if isinstance(error, Cancelled):
            self.finished.emit(self.tr("Loading the demo clinic was cancelled; nothing was saved."))
        else:
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
        self.emergency = QLineEdit()  # the handout's safety block names both (issue 13)
        self.out_of_hours = QLineEdit()
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
        form.addRow(self.tr("&Emergency number"), self.emergency)
        form.addRow(self.tr("&Out-of-hours phone"), self.out_of_hours)
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
            emergency_phone=self.emergency.text(),
            out_of_hours_phone=self.out_of_hours.text(),
        )
        self.backend.write(lambda s: clinic.save_clinic(session=s, **values), self._saved, self._failed, owner=self)

    def _saved(self, _changes: Any) -> None:
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()
