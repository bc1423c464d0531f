"""Notes tab: clinical notes, education, counselling, shared decisions and care planning."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services import notes
from alsdesk.ui.chart.tab import ChartTab, make_table, select_by_id, selected
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.dates import DateEdit, reads_dates
from alsdesk.ui.widgets.keys import on_ctrl_enter
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import NOTE_KIND


class NotesTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        staff = lambda n: self.data.staff.get(n.staff_id, "") if self.data and n.staff_id else ""  # noqa: E731
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda n: n.occurred_on.isoformat()),
                Column(self.tr("Kind"), lambda n: code_label(n.kind)),
                Column(self.tr("Topic"), lambda n: n.topic),
                Column(self.tr("By"), staff),
                Column(self.tr("Text"), lambda n: n.text.replace("\n", " "), lambda n: n.text),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Notes"), (95, 130, 180, 130))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_note())
        self.reader = QPlainTextEdit()
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Selected note"))
        self.kind = QComboBox()
        for code in NOTE_KIND:
            self.kind.addItem(code_label(code), code)
        self.on = DateEdit(date.today(), not_future=True)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("required for education and counselling"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Note text"))
        self.text.setTabChangesFocus(True)
        save = needs(QPushButton(self.tr("A&dd note")), "care.write")
        save.clicked.connect(self.add)
        save.setToolTip(self.tr("Ctrl+Enter in the text adds the note"))
        on_ctrl_enter(self.text, save.click)
        self.kind.setAccessibleName(self.tr("Kind of note"))
        self.on.setAccessibleName(self.tr("Date of the note"))
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.kind)
        head.addWidget(self.on)
        form.addRow(self.tr("Kind and date"), head)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Text"), self.text)
        editor = needs(QWidget(), "care.write")
        el = QVBoxLayout(editor)
        el.addLayout(form)
        el.addWidget(self.message)
        el.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.reader)
        right.addWidget(editor)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([650, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def select_record(self, record_id: uuid.UUID) -> bool:
        return select_by_id(self.table, self.model, record_id)

    def refresh(self) -> None:
        assert self.data is not None
        self.model.set_rows(sorted(self.data.chart.notes, key=lambda n: n.occurred_on, reverse=True))
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._show_note()

    def _show_note(self) -> None:
        n = selected(self.table, self.model)
        self.reader.setPlainText(f"{n.topic}\n\n{n.text}".strip() if n else "")

    def has_unsaved(self) -> bool:
        return bool(self.text.toPlainText().strip())

    @reads_dates
    def add(self) -> None:
        pid, staff = self.patient_id, self.backend.staff_id
        kind, on, topic, text = self.kind.currentData(), self.on.value(), self.topic.text(), self.text.toPlainText()
        self.write(
            lambda s: notes.add_note(
                session=s, patient_id=pid, kind=kind, occurred_on=on, text=text, topic=topic, staff_id=staff
            ),
            lambda r: (self.topic.clear(), self.text.clear(), self.select_created(r)),
        )
