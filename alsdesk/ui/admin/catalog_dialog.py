"""The shared shape of the catalog forms: explicit Save through the backend writer, the service's
refusal shown beside the form (what was typed is kept), and a question before discarding edits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.errors import AlsdeskError
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.common import error_label
from alsdesk.ui.widgets.geometry import open_dialog_at, scrolling_form
from alsdesk.ui.widgets.keys import confirm_with_ctrl_enter
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend


def text_box(height: int = 70) -> QPlainTextEdit:
    """A multi-line field that Tab leaves (keyboard users move on instead of typing a tab)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


# A form row: its label (with a mnemonic), the field it names, and what the row shows when that is
# not the field itself (a table with its buttons).
Row = tuple[str, QWidget] | tuple[str, QWidget, QWidget | QLayout]


class CatalogDialog(QDialog):
    """Subclasses make their fields, then call `lay_out(rows, width)`; `values()` gives the
    service's arguments."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.saved = False
        self.message = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._loaded: dict[str, Any] = {}

    def lay_out(self, rows: Sequence[Row], width: int) -> None:
        """The form: each label names its field (mnemonic, accessible name), then the refusal
        line and the buttons."""
        form = QFormLayout()
        for text, field, *shown in rows:
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(re.sub(r"\(&\w\)", "", text).replace("&", ""))  # "名称(&N)" → "名称"
            form.addRow(label, shown[0] if shown else field)
        area = scrolling_form(form)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        open_dialog_at(self, width, area)
        self._finish()

    def _finish(self) -> None:
        """Remember the form as opened, so Cancel asks only when something was changed."""
        for line in self.findChildren(QLineEdit):  # long texts (a source) show their start, not their end
            line.setCursorPosition(0)
        self._loaded = self.values()
        confirm_with_ctrl_enter(self)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def service(self) -> Callable[..., Any]:
        raise NotImplementedError

    def save(self) -> None:
        values, service = self.values(), self.service()
        self.message.hide()
        self.buttons.setEnabled(False)

        def work(s: Session) -> Any:
            return service(session=s, **values)

        self.backend.write(work, self._saved, self._failed, owner=self)

    def _saved(self, _changes: Any) -> None:
        self.saved = True
        announce_saved(self)
        self.accept()

    def _failed(self, error: AlsdeskError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error))
        self.message.show()

    def reject(self) -> None:
        if not self.saved and self.values() != self._loaded:
            answer = QMessageBox.question(
                self,
                # An explicit context, written out so pybabel extract sees it: self.tr in a subclass would
                # look these up under the subclass's name.
                QCoreApplication.translate("CatalogDialog", "Discard changes?"),
                QCoreApplication.translate("CatalogDialog", "Close without saving what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
