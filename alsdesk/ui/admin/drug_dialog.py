"""Add a drug to the clinic's catalog or edit one (both languages; approval drives warnings)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from alsdesk.services import catalogs
from alsdesk.services.catalogs import DrugView
from alsdesk.ui.admin.catalog_dialog import CatalogDialog, Row, text_box
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import APPROVAL, GENETICS

LINE_FIELDS = ("code", "name", "name_zh", "purpose", "purpose_zh")
DOSE_FIELDS = ("default_dose", "default_dose_zh")
FACT_FIELDS = ("facts", "facts_zh")


class DrugDialog(CatalogDialog):
    def __init__(self, backend: Backend, drug: DrugView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(backend, parent)
        self.drug = drug
        self.setWindowTitle(self.tr("Edit drug") if drug else self.tr("Add drug"))
        labels = {
            "code": self.tr("&Code"),
            "name": self.tr("&Name"),
            "name_zh": self.tr("C&hinese name"),
            "purpose": self.tr("&Purpose"),
            "purpose_zh": self.tr("Chinese p&urpose"),
            "default_dose": self.tr("&Default dose"),
            "default_dose_zh": self.tr("Chinese default d&ose"),
            "facts": self.tr("&Facts"),
            "facts_zh": self.tr("Chinese fac&ts"),
        }
        self.lines: dict[str, QLineEdit] = {}
        self.boxes = {}
        for key in (*LINE_FIELDS, *DOSE_FIELDS):
            self.lines[key] = QLineEdit(getattr(drug, key) if drug else "")
        for key in FACT_FIELDS:
            self.boxes[key] = text_box(90)
            self.boxes[key].setPlainText(getattr(drug, key) if drug else "")
        if drug is not None:  # the code is how prescriptions refer to the drug
            self.lines["code"].setReadOnly(True)
            self.lines["code"].setToolTip(self.tr("Fixed once saved: prescriptions refer to the drug by its code."))
        self.approval = QComboBox()
        for code in APPROVAL:
            self.approval.addItem(code_label(code), code)
        self.approval.setCurrentIndex(max(0, self.approval.findData(drug.approval if drug else "approved")))
        self.genetics = QComboBox()
        self.genetics.addItem(self.tr("None"), "")
        for code in GENETICS:
            self.genetics.addItem(code_label(code), code)
        self.genetics.setCurrentIndex(max(0, self.genetics.findData(drug.requires_genetics if drug else "")))
        rows: list[Row] = [(labels[k], self.lines[k]) for k in LINE_FIELDS]
        rows.append((self.tr("&Approval status"), self.approval))
        rows += [(labels[k], self.lines[k]) for k in DOSE_FIELDS]
        rows += [(labels[k], self.boxes[k]) for k in FACT_FIELDS]
        rows.append((self.tr("Required &genetics"), self.genetics))
        self.lay_out(rows, 560)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {k: e.text() for k, e in self.lines.items()}
        values.update({k: b.toPlainText() for k, b in self.boxes.items()})
        values.update(approval=self.approval.currentData(), requires_genetics=self.genetics.currentData())
        return values

    def service(self) -> Callable[..., Any]:
        return catalogs.save_drug
