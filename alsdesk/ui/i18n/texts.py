"""Texts shown in the window's language.

Services return their texts as data (a `Msg`: a template and typed values, alsdesk/i18n/values.py);
`message_text` renders one in the window's language. Catalog entries with a Chinese name (workup
types, drugs, care programs) show it, and so do drugs' purposes and facts (`catalog_text`).

Errors carry their template and values (alsdesk/errors.py): `error_text(err)` renders them in the
window's language with alsdesk/i18n/errors.py, which front ends share.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from alsdesk.errors import ConflictError
from alsdesk.i18n import errors
from alsdesk.i18n.message import Localized
from alsdesk.i18n.values import Name
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING, ProgramItem
from alsdesk.ui.i18n.translator import window_language


def chinese() -> bool:
    """Whether the window speaks Chinese."""
    return window_language() == "zh_CN"


def locale() -> QLocale:
    """The locale matching the window's language, for day and month names."""
    if chinese():
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def weekday(day: date, long: bool = False) -> str:
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return locale().dayName(day.isoweekday(), fmt)


def catalog_text(en: str, zh: str = "") -> str:
    """A catalog text (an entry's name, a drug's purpose or facts) in the window's language: `zh`
    in Chinese when there is one, else `en`."""
    return Name(en, zh).text(window_language())


def catalog_name(en: str, zh: str = "") -> str:
    """A catalog entry's name in the window's language (its English name when it has no other)."""
    return catalog_text(en, zh)


def workup_name(names: dict[str, Name], code: str) -> str:
    """A workup type's name in the window's language (its code when the catalog has no such type)."""
    found = names.get(code)
    return found.text(window_language()) if found else code


def investigational_warning() -> str:
    return INVESTIGATIONAL_WARNING["zh_CN" if chinese() else "en"]


def item_name(item: ProgramItem) -> str:
    """A care program item in the window's language (the sheet's wording)."""
    return item.zh if item.zh and chinese() else item.en


def message_text(text: Localized) -> str:
    """A text a service returned (a `Msg`: an alert, a worklist reason, a sign-in refusal…) in the
    window's language."""
    return text.text(window_language()).strip()


def change_lines(error: ConflictError) -> list[str]:
    """Who changed the record and what, newest first, in the window's language."""
    return errors.change_lines(error, window_language())


def error_text(err: BaseException) -> str:
    """What went wrong, in the window's language (alsdesk/i18n/errors.py)."""
    return errors.error_text(err, window_language())
