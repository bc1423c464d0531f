"""Typed values a `Msg` quotes, each rendered in the message's language, and their stored form.

A value says what it is (a code, a catalog entry's name, a number of days), so no front end has to
guess from a placeholder's name how to translate it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from alsdesk.i18n.catalogue import translate
from alsdesk.i18n.labels import code_text
from alsdesk.i18n.message import Msg


@dataclass(frozen=True)
class Code:
    """A stored code: English texts write it as `shown` (a status as stored, an urgency capitalised…),
    other languages show its label (context "codes")."""

    code: str
    shown: str

    def text(self, lang: str) -> str:
        return self.shown if lang == "en" else code_text(self.code, lang)


@dataclass(frozen=True)
class Codes:
    """Several codes, listed with the language's separator (context "list")."""

    items: tuple[Code, ...]

    def text(self, lang: str) -> str:
        return translate(lang, ", ", "list").join(c.text(lang) for c in self.items)


@dataclass(frozen=True)
class Name:
    """A catalog text the clinic keeps in English and Chinese (a workup type's, drug's or program's
    name, a drug's facts): the Chinese in Chinese texts when there is one, else the English."""

    en: str
    zh: str = ""

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh_CN" and self.zh else self.en


@dataclass(frozen=True)
class Plain:
    """A text a person typed: the same in every language."""

    value: str

    def text(self, lang: str) -> str:
        return self.value


@dataclass(frozen=True)
class Days:
    """A number of days: "1 day", "12 days"."""

    n: int

    def text(self, lang: str) -> str:
        if self.n == 1:
            return translate(lang, "1 day", "messages")
        return translate(lang, "{0} days", "messages").format(self.n)


def encode(value: object) -> Any:
    """A value as JSON data (a stored alert's values); `decode` gives it back."""
    if isinstance(value, Msg):
        return {"msg": value.key, "context": value.context, "values": {k: encode(v) for k, v in value.values.items()}}
    if isinstance(value, Code):
        return {"code": value.code, "shown": value.shown}
    if isinstance(value, Codes):
        return {"codes": [encode(c) for c in value.items]}
    if isinstance(value, Name):
        return {"name": value.en, "zh": value.zh}
    if isinstance(value, Days):
        return {"days": value.n}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


def decode(data: Any) -> object:
    if type(data) in _SCALARS or not isinstance(data, Mapping):  # JSON's scalars first: asked per value
        return data
    found = cast("Mapping[str, Any]", data)
    if "msg" in found:
        values = {k: decode(v) for k, v in found["values"].items()}
        return Msg(found["msg"], values, found.get("context"))
    if "codes" in found:
        return Codes(tuple(Code(c["code"], c["shown"]) for c in found["codes"]))
    if "code" in found:
        return Code(found["code"], found["shown"])
    if "name" in found:
        return Name(found["name"], found.get("zh", ""))
    if "days" in found:
        return Days(int(found["days"]))
    raise ValueError(f"not a stored text value: {data!r}")
