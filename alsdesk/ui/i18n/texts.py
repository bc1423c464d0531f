"""The one place where texts that services wrote in English are shown in the window's language.

Services stay Qt-free and word their texts from templates (services/messages.py); here a text is
matched back to its template, the template's translation is looked up in context "messages" and
filled with the same values, themselves translated by what they are (a status code, a discipline,
a catalog name…). Catalog entries with a Chinese name (workup types, drugs, care programs) show it,
and so do drugs' purposes and facts, also where a service quotes them (`catalog_text`).

Errors carry their template and values (alsdesk/errors.py): `error_text(err)` looks the template up in
context "errors" and fills it the same way; field and record names (`what`) are in context
"fields", the fields named in a lost race ("who changed what") in context "columns".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QLocale

from alsdesk.errors import AlsdeskError, ConflictError, render
from alsdesk.services import labels, messages
from alsdesk.services.access import ROLE_LABELS
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING, ProgramItem
from alsdesk.ui.widgets.common import code_label

# Catalog texts in English → the clinic's Chinese for them: names of workup types, drugs and care
# programs, and drugs' purposes and facts (services.catalogs.chinese_names gives the pairs).
_CHINESE_NAMES: dict[str, str] = {}
_DISCIPLINE_BY_LABEL = {label.lower(): code for code, label in labels.DISCIPLINE.items()}
_DAYS = re.compile(r"(\d+) days?")


def chinese() -> bool:
    """Whether the window speaks Chinese: the installed catalogue translates its own language code."""
    return QCoreApplication.translate("language", "en") == "zh_CN"


def window_language() -> str:
    """The language the window speaks now (chosen, else the system's when alsdesk has it)."""
    return "zh_CN" if chinese() else "en"


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


def _tr(context: str) -> Callable[[str], str]:
    return lambda text: QCoreApplication.translate(context, text)


def _code(value: object) -> object:
    """A stored code (status, region…) by its label, when the window has a label in its language."""
    if not isinstance(value, str):
        return value
    label = code_label(value)
    return label if not label.isascii() else value


def _codes(values: object) -> object:
    if not isinstance(values, (list, tuple)):
        return _code(values)
    return "、".join(str(_code(v)) for v in values)


_ROLE_CODES = {label: code for code, label in ROLE_LABELS.items()}

_ERROR_VALUES: dict[str, Callable[[object], object]] = {
    "what": lambda v: _tr("fields")(v) if isinstance(v, str) else v,
    "status": _code,
    "current": _code,
    "target": _code,
    "allowed": _codes,
    "role": lambda v: code_label(_ROLE_CODES.get(str(v), str(v))),
    "action": lambda v: _tr("permissions")(v) if isinstance(v, str) else v,
    # An import file's fixed reasons (ui/admin/exchange_page.IMPORT_REASONS), or the entry rule a field
    # broke (a service's own refusal, worded like it); others stay as written.
    "message": lambda v: (
        _tr("import")(v) if isinstance(v, str) else error_text(v) if isinstance(v, BaseException) else v
    ),
}


def change_lines(error: ConflictError) -> list[str]:
    """'Xu Wen (wxu) changed address, phone at 2026-11-27 14:32', newest first, in the window's language."""
    separator = "、" if chinese() else ", "
    return [
        QCoreApplication.translate("ConflictDialog", "{0} changed {1} at {2}").format(
            c.name if c.name == c.username else f"{c.name} ({c.username})",
            separator.join(_tr("columns")(f) for f in c.fields) or QCoreApplication.translate("ConflictDialog", "it"),
            c.at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
        for c in error.changes
    ]


def error_text(err: BaseException) -> str:
    """What went wrong, in the window's language: the error's template translated (context
    "errors") and filled with its values, each translated by what it is; the English text when
    the template has no translation or the error was not made from one."""
    text = str(err)
    if not chinese() or not isinstance(err, AlsdeskError) or not err.template:
        return message_text(text)  # a text worded from services/messages.py (a sign-in refusal)
    translated = QCoreApplication.translate("errors", err.template)
    if translated == err.template:
        return message_text(text)
    values = {k: _ERROR_VALUES.get(k, lambda v: v)(v) for k, v in err.params.items()}
    if "parts" in err.params:  # a refusal quoting texts worded from services/messages.py
        parts = cast("tuple[tuple[str, dict[str, str]], ...]", err.params["parts"])  # medications.DrugWarning
        values["warnings"] = " ".join(_filled(t, v) for t, v in parts)
    if isinstance(err, ConflictError) and err.changes and "changes" in values:
        values["changes"] = "；".join(change_lines(err))
    try:
        return render(translated, values)
    except (KeyError, IndexError, ValueError):  # a translation that names another value: keep the English
        return text
