"""Errors in any language: an AlsdeskError carries its template and values (alsdesk/errors.py), so a
front end shows it in its own language: the template's translation (context "errors") filled with
the values, each translated by what it is: field and record names (`what`, context "fields"), stored
codes (context "codes"), a permission (context "permissions"), texts a service returned (a `Msg`,
such as an import file's fixed reasons), the fields named in a lost race (context "columns")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from alsdesk.errors import AlsdeskError, ConflictError, render
from alsdesk.i18n.catalogue import translate
from alsdesk.i18n.labels import ROLE_LABELS, code_text
from alsdesk.i18n.message import Localized

_ROLE_CODES = {label: code for code, label in ROLE_LABELS.items()}


def _code(value: object, lang: str) -> object:
    """A stored code (status, region…) by its label, when it has a label in the language."""
    if not isinstance(value, str):
        return value
    label = code_text(value, lang)
    return label if not label.isascii() else value


def _codes(values: object, lang: str) -> object:
    if not isinstance(values, (list, tuple)):
        return _code(values, lang)
    return "、".join(str(_code(v, lang)) for v in values)


def _in(context: str) -> Callable[[object, str], object]:
    return lambda value, lang: translate(lang, value, context) if isinstance(value, str) else value


_VALUES: Mapping[str, Callable[[object, str], object]] = {
    "what": _in("fields"),
    "status": _code,
    "current": _code,
    "target": _code,
    "allowed": _codes,
    "role": lambda v, lang: code_text(_ROLE_CODES.get(str(v), str(v)), lang),
    "action": _in("permissions"),
}


def change_lines(error: ConflictError, lang: str) -> list[str]:
    """'Xu Wen (wxu) changed address, phone at 2026-11-27 14:32', newest first, in `lang`."""
    separator = "、" if lang == "zh_CN" else ", "
    return [
        translate(lang, "{0} changed {1} at {2}", "ConflictDialog").format(
            c.name if c.name == c.username else f"{c.name} ({c.username})",
            separator.join(translate(lang, f, "columns") for f in c.fields) or translate(lang, "it", "ConflictDialog"),
            c.at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
        for c in error.changes
    ]


def error_text(err: BaseException, lang: str) -> str:
    """What went wrong, in `lang`: an error that is a text (a sign-in refusal) in that language, else
    the error's template translated and filled with its values, each translated by what it is (texts
    a service returned, such as the warnings a refusal quotes, in the same language); the English
    when the template has no translation or the error was not made from one."""
    if isinstance(err, Localized):
        return err.text(lang)
    text = str(err)
    if lang == "en" or not isinstance(err, AlsdeskError) or not err.template:
        return text
    translated = translate(lang, err.template, "errors")
    if translated == err.template:
        return text
    values = {k: _value(k, v, lang) for k, v in err.params.items()}
    message = err.params.get("message")
    if isinstance(message, BaseException):  # the entry rule an import file's field broke, worded like it
        values["message"] = error_text(message, lang)
    if "parts" in err.params:  # a refusal quoting texts a service returned (medications.DrugWarning)
        parts = cast("tuple[Localized, ...]", err.params["parts"])
        values["warnings"] = " ".join(p.text(lang).strip() for p in parts)
    if isinstance(err, ConflictError) and err.changes and "changes" in values:
        values["changes"] = "；".join(change_lines(err, lang))
    try:
        return render(translated, values)
    except (KeyError, IndexError, ValueError):  # a translation that names another value: keep the English
        return text


def _value(name: str, value: object, lang: str) -> object:
    if isinstance(value, Localized):
        return value.text(lang)
    return _VALUES[name](value, lang) if name in _VALUES else value
