"""The demo clinic is the same, byte for byte, for the same seed and anchor day.

Tests, benchmarks and screenshots compare against demo clinics, so moving or reshaping the code that
makes one must not change a single value. These digests were taken from the demo as it was before it
left services/ (issue 16); change them only with a change to the clinic the demo means to make.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from alsdesk import demo

ANCHOR = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("patients", "seed", "digest"),
    [
        (40, 3, "ac139e295aa6c0b12f4531f5bb15e02cbac8c8d3b50aeda8fde5a186d8210536"),
        (7, 11, "bf97bbd56e11ef8e4caa54993f16e0dea2d28483f53f41f2b389d7f56294b6f5"),
    ],
)
def test_a_seed_gives_the_same_clinic_byte_for_byte(patients: int, seed: int, digest: str) -> None:
    document = demo.demo_document(patients=patients, seed=seed, anchor=ANCHOR)
    text = json.dumps(document, ensure_ascii=False)
    assert hashlib.sha256(text.encode()).hexdigest() == digest
