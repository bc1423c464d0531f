"""Find English words left in a window: widget texts and item-model cells, minus allowed words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

# A word starts with a letter not glued to a digit ("5a" is an item number, "B12" a word).
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z](?:[A-Za-z0-9'’-]*[A-Za-z0-9])?")
TAG = re.compile(r"<[^>]+>|&\w+;|\(&\w\)|Ctrl\+\w+")
# Acronyms, units, scale names and gene names that stay as they are in Chinese clinics.
ALLOWED = {
    "MRN",
    "R-1A2B3C",  # the form of a referral's reference number, as an example of what to type
    "ALSFRS-R",
    "ALSFRS",
    "FVC",
    "SNIP",
    "SpO2",
    "SpO",
    "EMG",
    "NCS",
    "MRI",
    "ALS",
    "NIV",
    "ALT",
    "ULN",
    "ABG",
    "QR",
    "PDF",
    "CSV",
    "kg",
    "cm",
    "cmH2O",
    "cmH",
    "mg",
    "ml",
    "mL",
    "IV",
    "PEG",
    "RIG",
    "IPAP",  # a ventilator's pressures, mode (ST) and volume-assured modes, a tube's size in French (Fr)
    "EPAP",
    "ST",
    "AVAPS",
    "iVAPS",
    "Fr",
    "FS",
    "MiToS",
    "NICE",  # a guideline is cited by its name (NICE NG42) in Chinese too
    "NG42",
    "King's",
    "SOD1",
    "SOD",
    "TARDBP",
    "FUS",
    "C9orf72",
    "orf",
    "CK",
    "B12",
    "alsdesk",
    "Ctrl",
    "Alt",
    "SQLite",
    "ID",
    "OK",
    "sqlite",
    "A",
    "U",
    "Gold",
    "Coast",
    "BiPAP",
    "PostgreSQL",
    "UTC",
    "AM",
    "PM",
    "A4",
    "Letter",
    "x",
    "X",
    "h",
    "d",
    "s",
    "g",
    "L",
}


def _texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel):
        yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None, limit: int = 300) -> Iterator[str]:
    parent = parent or QModelIndex()
    if not parent.isValid():
        for c in range(model.columnCount()):
            yield str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for r in range(min(model.rowCount(), limit)):
            yield str(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) or "")
    for r in range(min(model.rowCount(parent), limit)):
        for c in range(model.columnCount(parent)):
            index = model.index(r, c, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
            if c == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index, limit)


def typed_pattern(values: Iterable[str]) -> re.Pattern[str]:
    """Matches any of `values` (what people typed: names, notes…) in any case, longest first."""
    ordered = sorted({v.strip() for v in values if v and v.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(v) for v in ordered) or r"(?!)"
    # Whole words only: the name "Wei" must not hide the "Wei" of "Weight".
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)


def english_words(text: str, typed: re.Pattern[str] | None = None) -> list[str]:
    """ASCII words in `text` outside ALLOWED and outside whole typed values."""
    text = TAG.sub(" ", text).replace("&", "")
    if typed is not None:
        text = typed.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def english_texts(top: QWidget, typed: re.Pattern[str] | None = None) -> list[str]:
    """Every visible text in `top` that still holds an English word (outside typed values)."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        for text in _texts(widget):
            if text and english_words(text, typed):
                found.append(text)
    return found
