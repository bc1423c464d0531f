"""The demo clinic is the same, byte for byte, for the same seed and anchor day.

Tests, benchmarks and screenshots compare against demo clinics, so moving or reshaping the code that
makes one must not change a single value. These digests were taken from the demo as it was before it
left services/ (issue 16); change them only with a change to the clinic the demo means to make.
Export format 4 added each alert's message as data (message_key, message_values): without those two
fields, the version 4 document is byte for byte the version 3 one the first digests were taken from.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from alsdesk import demo

ANCHOR = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("patients", "seed", "digest", "digest_3"),
    [
        (
            40,
            3,
            "ee4e8d28bc38cfe97661265a10c3995f95750bcb0c263fe16f5acf60b67e3760",
            "ac139e295aa6c0b12f4531f5bb15e02cbac8c8d3b50aeda8fde5a186d8210536",
        ),
        (
            7,
            11,
            "1644d13edfd364693332a8b23a197f908c9deb9c73019d5155280c862d334198",
            "bf97bbd56e11ef8e4caa54993f16e0dea2d28483f53f41f2b389d7f56294b6f5",
        ),
    ],
)
def test_a_seed_gives_the_same_clinic_byte_for_byte(patients: int, seed: int, digest: str, digest_3: str) -> None:
    document = demo.demo_document(patients=patients, seed=seed, anchor=ANCHOR)
    assert sha256(document) == digest
    document["version"] = 3
    for entry in document["patients"]:
        for alert in entry["records"]["alert"]:
            del alert["message_key"], alert["message_values"]
    assert sha256(document) == digest_3


def sha256(document: dict) -> str:  # type: ignore[type-arg]
    return hashlib.sha256(json.dumps(document, ensure_ascii=False).encode()).hexdigest()
