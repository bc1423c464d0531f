"""A staff member's phone and job title (in English and Chinese): what a handout prints for a key worker and a letter for its
signer (the access role and the discipline are set when the account is made)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from alsdesk.services import clinic
from alsdesk.services.clinic import StaffView
from alsdesk.services.common import Changes
from alsdesk.ui.admin.catalog_dialog import CatalogDialog, Row
from alsdesk.ui.widgets.worker import Backend


def _save_contact(*, session: Session, **values: Any) -> Changes:
    clinic.update_staff(session=session, **values)
    return Changes(catalogs=True, worklist=False)  # the staff list reloads


class StaffContactDialog(CatalogDialog):
    def __init__(self, backend: Backend, staff: StaffView, parent: QWidget | None = None) -> None:
        super().__init__(backend, parent)
        self.staff = staff
        self.setWindowTitle(self.tr("Phone and job title of {0}").format(staff.display_name))
        self.job_title = QLineEdit(staff.job_title)
        self.job_title.setPlaceholderText(self.tr("e.g. ALS specialist nurse"))
        # For documents in Chinese (printdata.in_language: the English one when this is empty).
        self.job_title_zh = QLineEdit(staff.job_title_zh)
        self.phone = QLineEdit(staff.phone)
        rows: list[Row] = [
            (self.tr("&Job title"), self.job_title),
            (self.tr("Job title (&Chinese)"), self.job_title_zh),
            (self.tr("&Phone"), self.phone),
        ]
        self.lay_out(rows, 460)

    def values(self) -> dict[str, Any]:
        return dict(
            username=self.staff.username,
            job_title=self.job_title.text(),
            job_title_zh=self.job_title_zh.text(),
            phone=self.phone.text(),
        )

    def service(self) -> Callable[..., Any]:
        return _save_contact
