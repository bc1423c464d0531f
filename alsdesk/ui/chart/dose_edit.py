"""The dose of a prescription as the therapy tab takes it: amount, unit, route, frequency and
regimen (combo boxes a keyboard can work: type a letter, arrow keys, Tab on) and a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from alsdesk.services import doses
from alsdesk.services.doses import Dose
from alsdesk.ui.i18n.translator import window_language
from alsdesk.vocab import DOSE_FREQUENCIES, DOSE_REGIMENS, DOSE_ROUTES, DOSE_UNITS


class DoseEdit(QWidget):
    """Fields of one Dose; `set_dose` fills them (the catalog's dose when a drug is chosen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = window_language()
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Dose amount"))
        self.amount.setPlaceholderText(self.tr("amount"))
        self.amount.setMaximumWidth(70)
        self.unit = self._combo(self.tr("Dose unit"), DOSE_UNITS, lambda c: doses.unit_text(c, None, lang), 6)
        self.route = self._combo(self.tr("Route"), DOSE_ROUTES, lambda c: doses.word(c, lang), 14)
        self.frequency = self._combo(self.tr("Frequency"), DOSE_FREQUENCIES, lambda c: doses.word(c, lang), 16)
        self.regimen = self._combo(self.tr("Regimen"), DOSE_REGIMENS, lambda c: doses.word(c, lang), 20)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Dose note"))
        self.note.setPlaceholderText(self.tr("note (optional)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Dose amo&unt:"))
        label.setBuddy(self.amount)
        row.addWidget(label)
        for w in (self.amount, self.unit, self.route, self.frequency, self.regimen):
            row.addWidget(w)
        row.addWidget(self.note, 1)

    def _combo(self, name: str, codes: tuple[str, ...], text: Callable[[str], str], chars: int) -> QComboBox:
        """A combo box `chars` characters wide (the edaravone cycles' words would take the row);
        its list and its tooltip show each choice whole."""
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem("—", "")  # not given
        for code in codes:
            box.addItem(text(code), code)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(chars)
        box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
        box.currentIndexChanged.connect(lambda _i: box.setToolTip(box.currentText()))
        return box

    def set_dose(self, dose: Dose) -> None:
        self.amount.setText(doses.amount_text(dose.amount) if dose.amount is not None else "")
        for box, code in (
            (self.unit, dose.unit),
            (self.route, dose.route),
            (self.frequency, dose.frequency),
            (self.regimen, dose.regimen),
        ):
            box.setCurrentIndex(max(0, box.findData(code)))
        self.note.setText(dose.note)

    def dose(self) -> Dose:
        """The dose as entered; an amount that is not a number is refused naming the field."""
        text = self.amount.text().strip().replace(",", ".")
        amount: float | None = None
        if text:
            try:
                amount = float(text)
            except ValueError:
                doses.check_amount(text)  # raises, naming the field
        return Dose(
            amount,
            self.unit.currentData() or "",
            self.route.currentData() or "",
            self.frequency.currentData() or "",
            self.regimen.currentData() or "",
            self.note.text(),
        )
