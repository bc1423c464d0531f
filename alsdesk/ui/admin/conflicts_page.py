"""Administration › Conflicts: records changed here and at another clinic since a transfer
(exchange.merging), each shown with the fields that differ; a person keeps one side, as
`alsdesk conflicts resolve` does (audited)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from alsdesk.exchange import conflicts
from alsdesk.exchange.conflicts import ConflictView
from alsdesk.services.common import Changes
from alsdesk.ui.chart.tab import make_table
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend


def _differences(c: ConflictView) -> str:
    """'field: here → there' for each field that differs, one per line."""
    return "\n".join(f"{f}: {c.local.get(f)!r} → {c.incoming.get(f)!r}" for f in c.differing)


class ConflictsPage(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.model = RecordTableModel(
            [
                Column(self.tr("MRN"), lambda c: c.patient_mrn),
                Column(self.tr("Record"), lambda c: c.table),
                Column(self.tr("From site"), lambda c: c.incoming_site),
                Column(self.tr("Found"), lambda c: c.detected_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("Here → other clinic"), _differences, tooltip=_differences),
            ]
        )
        self.table = make_table(self.model, self.tr("Conflicts"), (110, 130, 90, 130, 420))
        self.keep_local = needs(QPushButton(self.tr("Keep &this clinic's version")), "import")
        self.keep_incoming = needs(QPushButton(self.tr("Keep the &other clinic's version")), "import")
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        self.keep_incoming.clicked.connect(lambda: self.resolve("incoming"))
        self.message = error_label()
        self.empty = QLabel(self.tr("No open conflicts."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_incoming)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        backend.changed.connect(lambda c: self.reload() if c.patients else None)
        self.reload()

    def reload(self) -> None:
        self.backend.read(lambda s: conflicts.list_conflicts(session=s), self._loaded, owner=self)

    def _loaded(self, rows: list[ConflictView]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)

    def resolve(self, keep: str) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        chosen = self.model.row(index.row()).id
        self.message.hide()

        def work(s: Session) -> Changes:
            return conflicts.resolve(session=s, conflict_id=chosen, keep=keep)

        self.backend.write(
            work,
            lambda _r: self.reload(),
            lambda e: (self.message.setText(error_text(e)), self.message.show()),
            owner=self,
        )
