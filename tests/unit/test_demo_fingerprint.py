"""The demo clinic is the same, byte for byte, for the same seed and anchor day.

Tests, benchmarks and screenshots compare against demo clinics, so moving or reshaping the code that
makes one must not change a single value. These digests were taken from the demo as it was before it
left services/ (issue 16); change them only with a change to the clinic the demo means to make.
Export format 4 added each alert's message as data (message_key, message_values); format 5 gave the
demo staff phones and job titles, and patients a GP, an interpreter need and allergies (issue 13),
drawn from a generator of their own; format 6 holds each course's dose as fields (issue 13), the
same doses as before. Without those fields, and with each dose as the text it was, the document
is, byte for byte, the version 3 one the first digests were taken from.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date
from typing import Any

import pytest

from alsdesk import demo
from alsdesk.demo.mix import TYPED_DOSES
from alsdesk.services.catalogs import load_resource

DRUGS = {d["code"]: d for d in load_resource("drugs.json")}

ANCHOR = date(2026, 3, 1)


# The fields export format 5 added, by where they are in a demo document.
ADDED_IN_5 = {
    "staff": ("phone", "job_title"),
    "patient": ("interpreter_needed", "gp_name", "gp_contact", "allergies_checked_on"),
}


# Format 6 holds a course's dose as fields (and its English words as `dose`); formats up to 5 held the
# text the demo typed, or the catalog's default text in the patient's language.
DOSE_FIELDS = ("dose_amount", "dose_unit", "dose_route", "dose_frequency", "dose_regimen", "dose_note", "dose")


def dose_as_typed(row: dict[str, Any], language: str) -> dict[str, Any]:
    zh = language == "zh_CN"
    if row["drug_code"] in TYPED_DOSES:
        text = TYPED_DOSES[row["drug_code"]][zh]
    else:
        drug = DRUGS[row["drug_code"]]
        text = (zh and drug["default_dose_zh"]) or drug["default_dose"]
    # The text where the fields are (the column's place in version 3), the fields gone.
    return {
        ("dose" if k == "dose_amount" else k): (text if k == "dose_amount" else v)
        for k, v in row.items()
        if k == "dose_amount" or k not in DOSE_FIELDS
    }


def as_version_3(document: dict[str, Any]) -> dict[str, Any]:
    old = copy.deepcopy(document)
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
        language = entry["patient"]["language"]
        entry["records"]["medication"] = [dose_as_typed(m, language) for m in entry["records"]["medication"]]
    return old


def digest_of(document: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, ensure_ascii=False).encode()).hexdigest()


@pytest.mark.parametrize(
    ("patients", "seed", "digest", "digest_3"),
    [
        (
            40,
            3,
            "5c732339946befdceba10b8df08217f00cf897538411b4a9bd1961173a947f3b",
            "ac139e295aa6c0b12f4531f5bb15e02cbac8c8d3b50aeda8fde5a186d8210536",
        ),
        (
            7,
            11,
            "75471c4c6766532b3dc1c87f7fcdfbf8dfe383f23fecc3665a6dd635ac1118ba",
            "bf97bbd56e11ef8e4caa54993f16e0dea2d28483f53f41f2b389d7f56294b6f5",
        ),
    ],
)
def test_a_seed_gives_the_same_clinic_byte_for_byte(patients: int, seed: int, digest: str, digest_3: str) -> None:
    document = demo.demo_document(patients=patients, seed=seed, anchor=ANCHOR)
    assert digest_of(document) == digest
    assert digest_of(as_version_3(document)) == digest_3  # the rest of the clinic is unchanged
