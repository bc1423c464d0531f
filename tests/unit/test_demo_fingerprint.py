"""The demo clinic is the same, byte for byte, for the same seed and anchor day.

Tests, benchmarks and screenshots compare against demo clinics, so moving or reshaping the code that
makes one must not change a single value. These digests were taken from the demo as it was before it
left services/ (issue 16); change them only with a change to the clinic the demo means to make.
Export format 4 added each alert's message as data (message_key, message_values); format 5 gave the
demo staff phones and job titles, and patients a GP, an interpreter need and allergies (issue 13),
drawn from a generator of their own. Without those fields, and with what staff typed for a
Chinese-speaking patient (since issue 13 in Chinese: plan titles, referral texts, facilities,
milestone notes, note topics) put back in English and the program renamed then given its old
name, the document is, byte for byte, the version 3
one the first digests were taken from.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date
from typing import Any

import pytest

from alsdesk import demo
from alsdesk.demo import mix

ANCHOR = date(2026, 3, 1)


# The fields export format 5 added, by where they are in a demo document.
ADDED_IN_5 = {
    "staff": ("phone", "job_title"),
    "patient": ("interpreter_needed", "gp_name", "gp_contact", "allergies_checked_on"),
}


# What the demo's staff type in each patient's language, Chinese → English.
TYPED = (
    *mix.MILESTONE_NOTES.values(),
    *(titles for _d, titles, _s, _i in mix.THERAPY_PLANS),
    *mix.REFERRAL_REASONS.values(),
    mix.REFERRAL_SERVICE,
    mix.REFERRAL_FINDINGS,
    *mix.FACILITIES,
    *mix.EDUCATION_TOPICS.values(),
)
IN_ENGLISH = {zh: en for en, zh in TYPED}
# and the low-glutamate diet's name as enrollments copied it before issue 13 renamed it
IN_ENGLISH |= {
    "Low-glutamate diet": "Low-glutamate diet (seed paper example)",
    "低谷氨酸饮食": "低谷氨酸饮食（论文示例）",
}


def typed_in_english(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: typed_in_english(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed_in_english(v) for v in value]
    return IN_ENGLISH.get(value, value) if isinstance(value, str) else value


def as_version_3(document: dict[str, Any]) -> dict[str, Any]:
    old = typed_in_english(copy.deepcopy(document))
    old["version"] = 3
    for row in old["staff"]:
        for field in ADDED_IN_5["staff"]:
            del row[field]
    for entry in old["patients"]:
        for field in ADDED_IN_5["patient"]:
            del entry["patient"][field]
        del entry["records"]["allergy"]
        for alert in entry["records"]["alert"]:  # format 4
            del alert["message_key"], alert["message_values"]
    return old


def digest_of(document: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, ensure_ascii=False).encode()).hexdigest()


@pytest.mark.parametrize(
    ("patients", "seed", "digest", "digest_3"),
    [
        (
            40,
            3,
            "fe22d8ed67ed857186a983ba2dcb82a1cff1b188b4b0f5dc006e4b1240002992",
            "ac139e295aa6c0b12f4531f5bb15e02cbac8c8d3b50aeda8fde5a186d8210536",
        ),
        (
            7,
            11,
            "4d81faac79888210ed1d5eeedb78a8fb4f0a999797b2c01256f05e2b7cfd4d63",
            "bf97bbd56e11ef8e4caa54993f16e0dea2d28483f53f41f2b389d7f56294b6f5",
        ),
    ],
)
def test_a_seed_gives_the_same_clinic_byte_for_byte(patients: int, seed: int, digest: str, digest_3: str) -> None:
    document = demo.demo_document(patients=patients, seed=seed, anchor=ANCHOR)
    assert digest_of(document) == digest
    assert digest_of(as_version_3(document)) == digest_3  # the rest of the clinic is unchanged
