"""The one place where texts that services wrote in English are shown in the window's language.

Services stay Qt-free and word their texts from templates (services/messages.py); here a text is
matched back to its template, the template's translation is looked up in context "messages" and
filled with the same values, themselves translated by what they are (a status code, a discipline,
a catalog name…). Catalog entries with a Chinese name (workup types, drugs, care programs) show it,
and so do drugs' purposes and facts, also where a service quotes them (`catalog_text`).

Errors carry their template and values (alsdesk/errors.py): `error_text(err)` renders them in the
window's language with alsdesk/i18n/errors.py, which front ends share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from alsdesk.errors import ConflictError
from alsdesk.i18n import errors, labels
from alsdesk.services import messages
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING, ProgramItem
from alsdesk.ui.i18n.translator import window_language
from alsdesk.ui.widgets.common import code_label

# Catalog texts in English → the clinic's Chinese for them: names of workup types, drugs and care
# programs, and drugs' purposes and facts (services.catalogs.chinese_names gives the pairs).
_CHINESE_NAMES: dict[str, str] = {}
_DISCIPLINE_BY_LABEL = {label.lower(): code for code, label in labels.DISCIPLINE.items()}
_DAYS = re.compile(r"(\d+) days?")


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


def remember_names(pairs: Iterable[tuple[str, str]]) -> None:
    """Learn catalog texts (English, Chinese) so texts naming or quoting them can show the Chinese."""
    _CHINESE_NAMES.update((en, zh) for en, zh in pairs if en and zh)


def catalog_text(en: str, zh: str = "") -> str:
    """A catalog text (an entry's name, a drug's purpose or facts) in the window's language: `zh`,
    else the remembered Chinese for `en`, else `en`. Texts quoting a drug's facts (a prescription
    warning) translate the quoted part with this."""
    if not chinese():
        return en
    return zh or _CHINESE_NAMES.get(en) or en


def catalog_name(en: str, zh: str = "") -> str:
    """A catalog entry's name in the window's language (its English name when it has no other)."""
    return catalog_text(en, zh)


def investigational_warning() -> str:
    return INVESTIGATIONAL_WARNING["zh_CN" if chinese() else "en"]


def item_name(item: ProgramItem) -> str:
    """A care program item in the window's language (the sheet's wording)."""
    return item.zh if item.zh and chinese() else item.en


def discipline_text(value: str) -> str:
    code = _DISCIPLINE_BY_LABEL.get(value.lower())
    return code_label(code) if code else value


def days_text(value: str) -> str:
    match = _DAYS.fullmatch(value)
    if not match:
        return value
    n = int(match.group(1))
    if n == 1:
        return QCoreApplication.translate("messages", "1 day")
    return QCoreApplication.translate("messages", "{0} days").format(n)


_VALUES: dict[str, Callable[[str], str]] = {
    "workup": catalog_name,
    "drug": catalog_name,
    "program": catalog_name,
    "status": code_label,
    "urgency": lambda v: code_label(v.lower()),
    "discipline": discipline_text,
    "days": days_text,
    "facts": catalog_text,
    "genetics": code_label,
    "criteria": lambda v: "、".join(code_label(c.strip()) for c in v.split(",")),  # vocab.NIV_CRITERIA
}


def message_text(text: str) -> str:
    """`text` (as a service wrote it) in the window's language; unknown texts are shown as they are."""
    if not text or not chinese():
        return text
    found = messages.parse(text)
    if found is None:
        return text
    return _filled(*found)


def _filled(template: str, values: dict[str, str]) -> str:
    """A services/messages.py template in the window's language, its values translated by kind."""
    return (
        QCoreApplication.translate("messages", template)
        .format(**{k: _VALUES.get(k, str)(v) for k, v in values.items()})
        .strip()
    )


def change_lines(error: ConflictError) -> list[str]:
    """Who changed the record and what, newest first, in the window's language."""
    return errors.change_lines(error, window_language())


def error_text(err: BaseException) -> str:
    """What went wrong, in the window's language (alsdesk/i18n/errors.py); texts worded from
    services/messages.py (a sign-in refusal, the warnings a refusal quotes) through `message_text`."""
    return errors.error_text(err, window_language(), message_text, _filled)
