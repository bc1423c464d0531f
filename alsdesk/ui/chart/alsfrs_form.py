"""ALSFRS-R and measurement entry: 12 items with their descriptions, 5a/5b, live scores."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.services import scoring
from alsdesk.services.assessments import MEASUREMENTS
from alsdesk.ui.chart.alsfrs_items import ITEMS
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.dates import DateEdit
from alsdesk.vocab import RESPIRATORY_SYMPTOMS

ITEM_ORDER = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12")


def _t(text: str) -> str:
    return QCoreApplication.translate("alsfrs", text)


class AlsfrsForm(QWidget):
    """Emits `changed` on every edit; `values()` gives what record_assessment takes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.onset: date | None = None
        self.assessed_on = DateEdit(date.today(), not_future=True)
        self.assessed_on.setAccessibleName(self.tr("Assessment date"))
        self.take_alsfrs = QCheckBox(self.tr("ALSFRS-R taken at this visit"))
        self.take_alsfrs.setChecked(True)
        self.gastrostomy = QButtonGroup(self)
        self.use_5a = QRadioButton(self.tr("5a: no gastrostomy"))
        self.use_5b = QRadioButton(self.tr("5b: gastrostomy in use"))
        self.use_5a.setChecked(True)
        self.gastrostomy.addButton(self.use_5a)
        self.gastrostomy.addButton(self.use_5b)
        self.combos: dict[str, QComboBox] = {}
        self.titles: dict[str, QLabel] = {}
        items = QGroupBox(self.tr("ALSFRS-R items (4 = normal … 0); type the score to choose"))
        form = QFormLayout(items)
        choice = QHBoxLayout()
        choice.addWidget(self.use_5a)
        choice.addWidget(self.use_5b)
        choice.addStretch(1)
        for key in ITEM_ORDER:
            combo = QComboBox()
            combo.setMinimumContentsLength(24)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._edited)
            self.combos[key] = combo
            title = QLabel()
            self.titles[key] = title
            if key == "5":
                form.addRow(self.tr("Item 5 form"), choice)
            form.addRow(title, combo)
        self._fill_item_texts()
        self.use_5a.toggled.connect(self._switch_5)
        self.take_alsfrs.toggled.connect(items.setEnabled)
        self.take_alsfrs.toggled.connect(self._edited)
        self.measure: dict[str, QLineEdit] = {}
        measures = QGroupBox(self.tr("Respiratory function and weight (leave blank if not measured)"))
        mform = QFormLayout(measures)
        for field, label, low, high in MEASUREMENTS:
            edit = QLineEdit()
            edit.setPlaceholderText(f"{low}–{high}")
            edit.setAccessibleName(_t(label))
            edit.textEdited.connect(self._edited)
            self.measure[field] = edit
            mform.addRow(_t(label), edit)
        # NICE NG42 symptoms of respiratory impairment: any one makes the symptomatic NIV lines apply.
        self.symptoms: dict[str, QCheckBox] = {}
        symptoms = QGroupBox(self.tr("Respiratory symptoms (NICE NG42)"))
        grid = QGridLayout(symptoms)
        for i, code in enumerate(RESPIRATORY_SYMPTOMS):
            box = QCheckBox(code_label(code))
            box.toggled.connect(self._edited)
            self.symptoms[code] = box
            grid.addWidget(box, i // 3, i % 3)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        mform.addRow(self.tr("Note"), self.note)
        self.scores = QLabel()
        self.scores.setWordWrap(True)
        self.scores.setStyleSheet("font-size: 11pt; padding: 4px; background: #eef2ff; border-radius: 4px;")
        self.scores.setAccessibleName(self.tr("Live total and stages"))
        date_row = QHBoxLayout()
        date_row.addWidget(QLabel(self.tr("Assessed on")))
        date_row.addWidget(self.assessed_on)
        date_row.addWidget(self.take_alsfrs)
        date_row.addStretch(1)
        self.assessed_on.dateChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addLayout(date_row)
        layout.addWidget(self.scores)
        layout.addWidget(items)
        layout.addWidget(measures)
        layout.addWidget(symptoms)
        layout.addStretch(1)
        self._edited()

    def _fill_item_texts(self) -> None:
        for key in ITEM_ORDER:
            item_key = key if key != "5" else ("5b" if self.use_5b.isChecked() else "5a")
            title, texts = ITEMS[item_key]
            self.titles[key].setText(_t(title))
            combo = self.combos[key]
            previous = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            combo.setPlaceholderText(self.tr("choose 4 … 0"))
            for score, text in zip((4, 3, 2, 1, 0), texts, strict=True):
                combo.addItem(f"{score}  {_t(text)}", score)
            combo.setCurrentIndex(previous)
            combo.setAccessibleName(_t(title))
            combo.blockSignals(False)

    def _switch_5(self) -> None:
        self._fill_item_texts()
        self._edited()

    def set_item(self, key: str, score: int) -> None:
        """Choose a score; key '5a'/'5b' also picks the item 5 form."""
        if key in ("5a", "5b"):
            (self.use_5b if key == "5b" else self.use_5a).setChecked(True)
            key = "5"
        self.combos[key].setCurrentIndex(4 - score)

    def items(self) -> dict[str, int] | None:
        """The scored items, or None while any is unanswered (or ALSFRS-R not taken)."""
        if not self.take_alsfrs.isChecked():
            return None
        values: dict[str, int] = {}
        for key, combo in self.combos.items():
            if combo.currentIndex() < 0:
                return None
            name = key if key != "5" else ("5b" if self.use_5b.isChecked() else "5a")
            values[name] = 4 - combo.currentIndex()
        return values

    def checked_symptoms(self) -> list[str]:
        return [code for code, box in self.symptoms.items() if box.isChecked()]

    def unanswered(self) -> int:
        return sum(1 for c in self.combos.values() if c.currentIndex() < 0)

    def measurements(self) -> dict[str, Any]:
        """Numbers typed, as floats; text that is not a number is passed on for the service to refuse."""
        values: dict[str, Any] = {}
        for field, edit in self.measure.items():
            text = edit.text().strip().replace(",", ".")
            if not text:
                continue
            try:
                values[field] = float(text)
            except ValueError:
                values[field] = text
        return values

    def _edited(self, *_: Any) -> None:
        self.scores.setText(self.score_text())
        self.changed.emit()

    def score_text(self) -> str:
        if not self.take_alsfrs.isChecked():
            return self.tr("Measurements only (no ALSFRS-R)")
        items = self.items()
        if items is None:
            return self.tr("ALSFRS-R: {0} of 12 items still to answer").format(self.unanswered())
        total = scoring.alsfrs_total(items)
        sub = scoring.alsfrs_subscores(items)
        text = self.tr(
            "ALSFRS-R total {0}/48 · bulbar {1}, fine motor {2}, gross motor {3}, respiratory {4} · "
            "King's {5} · MiToS {6}"
        ).format(
            total,
            sub["bulbar"],
            sub["fine_motor"],
            sub["gross_motor"],
            sub["respiratory"],
            scoring.kings_stage(items),
            scoring.mitos_stage(items),
        )
        at = self.assessed_on.date_or_none()  # a preview: saving reads value()
        if self.onset is not None and at is not None and self.onset < at:
            rate = scoring.delta_fs(total, self.onset, at)
            text += self.tr(" · ΔFS {0:.2f}/month ({1})").format(rate, code_label(scoring.delta_fs_band(rate)))
        return text

    def load(self, visit: Any) -> None:
        """Fill the form from a recorded visit (an AssessmentView), to correct it."""
        self.clear()
        self.assessed_on.set_value(visit.assessed_on)
        self.take_alsfrs.setChecked(visit.items is not None)
        for key, score in (visit.items or {}).items():
            self.set_item(key, score)
        for field, edit in self.measure.items():
            value = getattr(visit, field)
            edit.setText("" if value is None else f"{value:g}")
        for code, box in self.symptoms.items():
            box.setChecked(code in visit.symptoms)
        self.note.setText(visit.note)
        self._edited()

    def clear(self) -> None:
        self.assessed_on.setEnabled(True)
        self.take_alsfrs.setChecked(True)
        self.use_5a.setChecked(True)
        for combo in self.combos.values():
            combo.setCurrentIndex(-1)
        for edit in self.measure.values():
            edit.clear()
        self.note.clear()
        for box in self.symptoms.values():
            box.setChecked(False)
        self._edited()
