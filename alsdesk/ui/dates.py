"""Date entry widgets: a calendar-popup date edit that may also be left "not recorded"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

NOT_SET = QDate(1900, 1, 1)


class DateEdit(QDateEdit):
    """ISO dates; with `optional`, the lowest date shows as "not recorded" and means None."""

    def __init__(self, value: date | None = None, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.optional = optional
        self.setMinimumDate(NOT_SET)
        self.setMaximumDate(QDate(2100, 12, 31))
        if optional:
            self.setSpecialValueText(self.tr("not recorded"))
        self.set_value(value if value is not None or optional else date.today())

    def value(self) -> date | None:
        q = self.date()
        if self.optional and q == NOT_SET:
            return None
        return date(q.year(), q.month(), q.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(NOT_SET)
        else:
            self.setDate(QDate(value.year, value.month, value.day))
