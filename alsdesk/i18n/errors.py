"""Errors in any language: an AlsdeskError carries its template and values (alsdesk/errors.py), so a
front end shows it in its own language: the template's translation (context "errors") filled with
the values, each translated by what it is: field and record names (`what`, context "fields"), stored
codes (context "codes"), a permission (context "permissions"), an import file's fixed reasons
(context "import"), the fields named in a lost race (context "columns")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from alsdesk.errors import AlsdeskError, ConflictError, render
from alsdesk.i18n.catalogue import translate
from alsdesk.i18n.labels import ROLE_LABELS, code_text

# A text a service worded from a services/messages.py template, in the language ("quote"), and
# such a template filled with its values ("fill"): the front end's, until those texts are Msg.
Quote = Callable[[str], str]
Fill = Callable[[str, dict[str, str]], str]

_ROLE_CODES = {label: code for code, label in ROLE_LABELS.items()}


def _same(text: str) -> str:
    return text


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


def error_text(err: BaseException, lang: str, quote: Quote = _same, fill: Fill | None = None) -> str:
    """What went wrong, in `lang`: the error's template translated and filled with its values, each
    translated by what it is; `quote(text)` when the template has no translation or the error was
    not made from one (a text worded from services/messages.py, a sign-in refusal)."""
    text = str(err)
    if lang == "en" or not isinstance(err, AlsdeskError) or not err.template:
        return quote(text)
    translated = translate(lang, err.template, "errors")
    if translated == err.template:
        return quote(text)
    values = {k: _VALUES[k](v, lang) if k in _VALUES else v for k, v in err.params.items()}
    if "message" in err.params:  # an import file's fixed reason, or the entry rule a field broke
        message = err.params["message"]
        if isinstance(message, str):
            values["message"] = translate(lang, message, "import")
        elif isinstance(message, BaseException):
            values["message"] = error_text(message, lang, quote, fill)
    if "parts" in err.params and fill is not None:  # a refusal quoting texts worded from messages.py
        parts = cast("tuple[tuple[str, dict[str, str]], ...]", err.params["parts"])  # medications.DrugWarning
        values["warnings"] = " ".join(fill(t, v) for t, v in parts)
    if isinstance(err, ConflictError) and err.changes and "changes" in values:
        values["changes"] = "；".join(change_lines(err, lang))
    try:
        return render(translated, values)
    except (KeyError, IndexError, ValueError):  # a translation that names another value: keep the English
        return text
