"""UUIDs in their canonical text form (lower-case hex in 8-4-4-4-12 groups), the one form the
fast path reads without `uuid.UUID()`'s parsing, and the form alsdesk itself writes."""

from __future__ import annotations

import re
import uuid

# Any number of canonical UUIDs, each followed by a newline: a whole column checked in one match.
_CANONICAL_LINES = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*")
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown  # read once: an enum member lookup costs ~7 µs


def all_canonical(texts: tuple[str, ...] | list[str]) -> bool:
    """Whether every one of `texts` is a UUID in canonical text form (equal text: equal id)."""
    return _CANONICAL_LINES.fullmatch("\n".join(texts) + "\n") is not None


def of_canonical(text: str) -> uuid.UUID:
    """uuid.UUID(text) for text already checked to be in the canonical form, without parsing it again."""
    u = object.__new__(uuid.UUID)
    object.__setattr__(u, "int", int(text.replace("-", ""), 16))
    object.__setattr__(u, "is_safe", _UNKNOWN_SAFETY)
    return u


def canonical(number: int) -> str:
    """The canonical text of the UUID whose 128 bits are `number` (str(uuid.UUID(int=number)))."""
    h = f"{number:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
