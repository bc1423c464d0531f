"""Add a care program template to the catalog or edit one: items, evidence level, diet, source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services import catalogs
from alsdesk.services.catalogs import ProgramTemplateView
from alsdesk.ui.admin.catalog_dialog import CatalogDialog, Row, text_box
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import EVIDENCE

TEXT_FIELDS = ("diet_restrictions", "diet_restrictions_zh", "instructions", "instructions_zh")


class ProgramTemplateDialog(CatalogDialog):
    def __init__(
        self, backend: Backend, template: ProgramTemplateView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(backend, parent)
        self.template = template
        self.setWindowTitle(self.tr("Edit program") if template else self.tr("Add program"))
        self.code = QLineEdit(template.code if template else "")
        if template is not None:  # enrollments and the worklist refer to the template by its code
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("Fixed once saved: enrollments refer to the program by its code."))
        self.name_en = QLineEdit(template.name_en if template else "")
        self.name_zh = QLineEdit(template.name_zh if template else "")
        self.evidence = QComboBox()
        for code in EVIDENCE:
            self.evidence.addItem(code_label(code), code)
        self.evidence.setCurrentIndex(max(0, self.evidence.findData(template.evidence_level if template else "")))
        self.duration = QSpinBox()
        self.duration.setRange(1, 366)
        self.duration.setValue(template.duration_days if template else 15)
        self.items = QTableWidget(0, 2)
        self.items.setHorizontalHeaderLabels([self.tr("English"), self.tr("Chinese")])
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.items.verticalHeader().hide()
        self.items.setTabKeyNavigation(False)  # Tab moves on to the next field; arrows move between cells
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setMinimumHeight(150)
        # The intervention an item assumes (only patients with it get the item) and the reading it
        # asks for are not edited here; an item keeps them while its English text stays the same.
        self.kept = {
            item.en: {k: v for k, v in (("needs", item.needs), ("reading", item.reading)) if v}
            for item in (template.items if template else ())
        }
        for item in template.items if template else ():
            self.add_row(item.en, item.zh)
        if not self.items.rowCount():
            self.add_row()
        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button = QPushButton(self.tr("Remo&ve item"))
        self.remove_button.clicked.connect(self.remove_row)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_button)
        item_buttons.addWidget(self.remove_button)
        item_buttons.addStretch(1)
        items_box = QVBoxLayout()
        items_box.addWidget(self.items)
        items_box.addLayout(item_buttons)
        labels = {
            "diet_restrictions": self.tr("Diet &restrictions"),
            "diet_restrictions_zh": self.tr("Chinese diet re&strictions"),
            "instructions": self.tr("Ins&tructions"),
            "instructions_zh": self.tr("Chinese instructi&ons"),
        }
        self.texts = {}
        for key in TEXT_FIELDS:
            self.texts[key] = text_box(60)
            self.texts[key].setPlainText(getattr(template, key) if template else "")
        self.source = QLineEdit(template.source if template else "")
        rows: list[Row] = [
            (self.tr("&Code"), self.code),
            (self.tr("&Name"), self.name_en),
            (self.tr("C&hinese name"), self.name_zh),
            (self.tr("&Evidence level"), self.evidence),
            (self.tr("&Duration (days)"), self.duration),
            (self.tr("Ite&ms"), self.items, items_box),
        ]
        rows += [(labels[key], self.texts[key]) for key in TEXT_FIELDS]
        rows.append((self.tr("So&urce"), self.source))
        self.lay_out(rows, 640)

    def add_row(self, en: str = "", zh: str = "", edit: bool = False) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        first = QTableWidgetItem(en)
        self.items.setItem(row, 0, first)
        self.items.setItem(row, 1, QTableWidgetItem(zh))
        if edit:
            self.items.setCurrentCell(row, 0)
            self.items.setFocus()
            self.items.editItem(first)

    def remove_row(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)

    def item_rows(self) -> list[dict[str, str]]:
        """The items typed, skipping wholly blank rows (a Chinese text alone is left for the service to refuse)."""
        rows = []
        for row in range(self.items.rowCount()):
            en, zh = (self.items.item(row, c) for c in (0, 1))
            pair = {"en": en.text() if en else "", "zh": zh.text() if zh else ""}
            if pair["en"].strip() or pair["zh"].strip():
                pair.update(self.kept.get(pair["en"], {}))
                rows.append(pair)
        return rows

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = dict(
            code=self.code.text(),
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
            evidence_level=self.evidence.currentData(),
            duration_days=self.duration.value(),
            items=self.item_rows(),
            source=self.source.text(),
            purpose=self.template.purpose if self.template else "",  # not edited here; kept as it was
        )
        values.update({k: t.toPlainText() for k, t in self.texts.items()})
        return values

    def service(self) -> Callable[..., Any]:
        return catalogs.save_program_template
