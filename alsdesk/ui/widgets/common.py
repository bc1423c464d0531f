"""Shared UI helpers: item roles read once, date/number formatting, code labels, message boxes."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from alsdesk.services import labels
from alsdesk.vocab import gene_symbol

# Read roles once: looking an enum member up on every data() call costs ~3x (architecture.md).
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
FONT = Qt.ItemDataRole.FontRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
CHECK = Qt.ItemDataRole.CheckStateRole
USER = Qt.ItemDataRole.UserRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
HORIZONTAL = Qt.Orientation.Horizontal
VERTICAL = Qt.Orientation.Vertical
CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked

# Soft colours a nurse can read text on, for highlighted rows.
OVERDUE_COLOUR = "#fde2e1"
REVIEW_COLOUR = "#fff3cd"
MUTED_COLOUR = "#6b7280"


def tr(text: str, context: str = "alsdesk") -> str:
    return QCoreApplication.translate(context, text)


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def fmt_num(value: float | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{unit}"


# Codes whose label is not just the code with its first letter capitalised.
LABEL_OVERRIDES = {
    "niv": "NIV (non-invasive ventilation)",
    "probable_lab_supported": "Probable, laboratory-supported",
    "not_met": "Criteria not met",
    "not_tested": "Not tested",
    "expert-consensus": "Expert consensus",
    "en": "English",
    "zh_CN": "Simplified Chinese",
    "off_label": "Off-label",
    "read_only": "Read only",
    # NICE NG42 criteria an NIV alert lists (vocab.NIV_CRITERIA); lines are the default settings.
    "fvc_symptomatic": "FVC low, with symptoms",
    "snip_symptomatic": "SNIP low, with symptoms",
    "fvc_50": "FVC below 50 %",
    "snip_40": "SNIP below 40 cmH2O",
    "snip_fall_10": "SNIP fallen 10 cmH2O",
    # NG42 respiratory symptoms (vocab.RESPIRATORY_SYMPTOMS), as the guideline words them.
    "chest_infections": "Recurrent chest infections",
    "disturbed_sleep": "Disturbed or non-refreshing sleep",
    "poor_concentration": "Poor concentration or memory",
    "morning_headache": "Morning headaches",
    # Why an alert closed by itself (vocab.ALERT_CLOSED_REASONS).
    "no_longer_met": "No longer met",
    "replaced": "Replaced by a corrected visit's alert",
    "gastrostomy_in_place": "Gastrostomy in place",
    "niv_in_place": "NIV in place",
}


def code_label(code: str | None) -> str:
    """A stored code shown to people: 'upper_limb' → 'Upper limb' (translatable)."""
    if not code:
        return "—"
    if gene_symbol(code):  # SOD1, C9orf72…: official symbols, the same in every language
        return code
    if code in labels.DISCIPLINE:
        return tr(labels.DISCIPLINE[code], "codes")
    if code in LABEL_OVERRIDES:
        return tr(LABEL_OVERRIDES[code], "codes")
    return tr(code.replace("_", " ").capitalize(), "codes")


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("common", "alsdesk"), message)


def without_mnemonic(label: str) -> str:
    """A form label as a field's name (accessible name, messages): "&Birth date" → "Birth date",
    "出生日期(&B)" → "出生日期"."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "")


def error_label() -> QLabel:
    """A red, wrapping label for a service's validation message beside a form."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b91c1c;")
    label.setAccessibleName(QCoreApplication.translate("common", "Validation message"))
    label.hide()
    return label


def badge(text: str, colour: str, fg: str = "white", details: str = "") -> QLabel:
    """A coloured tag; its whole text and details show as a tooltip and are read out by screen
    readers, so nothing is lost when a narrow window squeezes it."""
    label = QLabel(text)
    label.setStyleSheet(f"background:{colour}; color:{fg}; border-radius:4px; padding:2px 6px; font-weight:bold;")
    label.setToolTip(f"{text}\n{details}" if details else text)
    label.setAccessibleName(text)
    label.setAccessibleDescription(details)
    return label
