"""Add a workup type (an investigation the clinic orders) to the catalog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from alsdesk.services import catalogs
from alsdesk.ui.admin.catalog_dialog import CatalogDialog, Row
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import DISCIPLINES


class WorkupTypeDialog(CatalogDialog):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(backend, parent)
        self.setWindowTitle(self.tr("Add workup type"))
        self.code = QLineEdit()
        self.name_en = QLineEdit()
        self.name_zh = QLineEdit()
        self.discipline = QComboBox()
        for code in DISCIPLINES:
            self.discipline.addItem(code_label(code), code)
        rows: list[Row] = [
            (self.tr("&Code"), self.code),
            (self.tr("&Name"), self.name_en),
            (self.tr("C&hinese name"), self.name_zh),
            (self.tr("&Discipline"), self.discipline),
        ]
        self.lay_out(rows, 460)

    def values(self) -> dict[str, Any]:
        return dict(
            code=self.code.text(),
            name_en=self.name_en.text(),
            name_zh=self.name_zh.text(),
            discipline=self.discipline.currentData(),
        )

    def service(self) -> Callable[..., Any]:
        return catalogs.add_workup_type
