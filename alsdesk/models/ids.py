"""Record keys: version-7 UUIDs (RFC 9562), the creation time in milliseconds first.

Keys made one after another sort next to each other, so a new row's key (and its patient's, in
every patient_id index) lands at the end of each index instead of on a random page of it: a
large clinic's file stays as fast to write as a small one's, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import secrets
import time
import uuid

_MS = (1 << 48) - 1
_RAND_B = (1 << 62) - 1


def uuid7_int(ms: int, rand: int) -> int:
    """The 128 bits of a version-7 UUID from a millisecond count and 74 random bits."""
    rand_a = (rand >> 62) & 0xFFF
    return (ms & _MS) << 80 | 7 << 76 | rand_a << 64 | 0b10 << 62 | (rand & _RAND_B)


def new_id() -> uuid.UUID:
    return uuid.UUID(int=uuid7_int(time.time_ns() // 1_000_000, secrets.randbits(74)))
