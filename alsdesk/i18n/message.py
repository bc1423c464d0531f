"""A text for a person as data: a catalogue key and named values, rendered in any language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, TypeGuard, runtime_checkable

from alsdesk.errors import render
from alsdesk.i18n.catalogue import translate


def N_(text: str) -> str:
    """Mark `text` for extraction (pybabel's keyword N_) where it is defined, not where it is shown."""
    return text


@runtime_checkable
class Localized(Protocol):
    """A value rendered in a message's language (a Msg, or alsdesk.i18n.values' Code, Name, Days…)."""

    def text(self, lang: str) -> str: ...


_LOCALIZED: dict[type, bool] = {}


def _localized(value: object) -> TypeGuard[Localized]:
    """isinstance(value, Localized), asked once per type: a check against the Protocol costs
    microseconds, and a worklist renders a date or a name in each of thousands of reasons."""
    kind = type(value)
    found = _LOCALIZED.get(kind)
    if found is None:
        found = _LOCALIZED[kind] = isinstance(value, Localized)
    return found


@dataclass(frozen=True)
class Msg:
    """`key` is the English template (a msgid, `{name}` placeholders), `context` its msgctxt.

    Values that are themselves `Msg` (or any `Localized` value) are rendered in the same language,
    so a message can quote another (a refusal naming the warning it was refused for)."""

    key: str
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    context: str | None = None

    def text(self, lang: str = "en") -> str:
        values = {k: v.text(lang) if _localized(v) else v for k, v in self.values.items()}
        return render(translate(lang, self.key, self.context), values)

    def __str__(self) -> str:
        return self.text("en")
