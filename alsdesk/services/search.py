"""Normalised search keys for patients: case-folded names, pinyin, MRN and phone digits."""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa

_SPACES = re.compile(r"\s+")
_PHONE_CHARS = re.compile(r"^[\d\s+\-().]+$")
_HAN = re.compile(r"[\u3400-\u9fff]")


def fold(text: str) -> str:
    """Case-fold, strip accents and collapse spaces so 'Zoë  SMITH' finds 'zoe smith'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain).strip()


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def pinyin_keys(han: str) -> set[str]:
    """Full pinyin and initials of a Chinese name: 张伟 → {'zhangwei', 'zhang wei', 'zw'}."""
    if not _HAN.search(han):
        return set()
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(han, style=Style.NORMAL) if s.strip()]
    if not syllables:
        return set()
    return {"".join(syllables), " ".join(syllables), "".join(s[0] for s in syllables)}


def sort_key(family_name: str, given_name: str) -> str:
    return fold(f"{family_name} {given_name}")


def search_keys(*, mrn: str, family_name: str, given_name: str, name_zh: str, phone: str) -> set[str]:
    keys = {sort_key(family_name, given_name), fold(f"{given_name} {family_name}"), fold(mrn)}
    for han in {name_zh, f"{family_name}{given_name}"}:
        if _HAN.search(han):
            keys.add(fold(han))
            keys |= pinyin_keys(han)
    if len(digits(phone)) >= 4:
        keys.add(digits(phone))
    keys.discard("")
    return keys


def normalise_query(text: str) -> str:
    """What the user typed, in the form keys are stored: digits for a phone, else folded text."""
    text = text.strip()
    if _PHONE_CHARS.match(text) and len(digits(text)) >= 4 and not text.isdigit():
        return digits(text)
    return fold(text)


def prefix_match(column: sa.SQLColumnExpression[str], dialect: str) -> sa.ColumnElement[bool]:
    """`column` starts with a prefix, in a form each backend's index can serve. The prefix is bound
    when the statement runs (`prefix_values`), so the statement is built once."""
    like = column.like(sa.bindparam("prefix_like", type_=sa.String()), escape="/")
    if dialect == "sqlite":
        # SQLite's LIKE is case-insensitive and skips a BINARY index; a range uses it.
        return sa.and_(
            column >= sa.bindparam("prefix", type_=sa.String()),
            column < sa.bindparam("prefix_end", type_=sa.String()),
            like,
        )
    return like


def prefix_values(prefix: str) -> dict[str, str]:
    """The bound values of `prefix_match` for `prefix`: LIKE's wildcards and the escape character
    taken literally (what SQLAlchemy's `startswith(autoescape=True)` does)."""
    escaped = prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return {"prefix": prefix, "prefix_end": prefix + "\U0010ffff", "prefix_like": escaped + "%"}
