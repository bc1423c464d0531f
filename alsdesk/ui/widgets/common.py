"""Shared UI helpers: item roles read once, date/number formatting, code labels, message boxes."""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget

from alsdesk.i18n import labels
from alsdesk.ui.i18n.translator import window_language

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


def fmt_when(day: date | None, at: time | None) -> str:
    """A day with its start time when known: "2026-03-02 09:30"; "—" without a day."""
    return fmt_date(day) if day is None or at is None else f"{day.isoformat()} {at.isoformat(timespec='minutes')}"


def fmt_num(value: float | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{unit}"


def code_label(code: str | None) -> str:
    """A stored code shown to people in the window's language: 'upper_limb' → 'Upper limb'."""
    return labels.code_text(code, window_language())


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("common", "alsdesk"), message)


def without_mnemonic(label: str) -> str:
    """A form label as a field's name (accessible name, messages): "&Birth date" → "Birth date",
    "出生日期(&B)" → "出生日期"."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "")


# Each language named in itself, so a reader finds their own whatever the window speaks.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def language_combo(current: str | None = None) -> QComboBox:
    """A choice of alsdesk's languages (vocab.LANGUAGES) by their own names; data is the code."""
    combo = QComboBox()
    for code, name in LANGUAGE_NAMES.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


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
