"""The demo clinic is the same, byte for byte, for the same seed and anchor day.

Tests, benchmarks and screenshots compare against demo clinics, so moving or reshaping the code that
makes one must not change a single value. These digests were taken from the demo as it was before it
left services/ (issue 16); change them only with a change to the clinic the demo means to make.
Export format 4 added each alert's message as data (message_key, message_values); format 5 gave the
demo staff phones and job titles, and patients a GP, an interpreter need and allergies (issue 13),
drawn from a generator of their own. Without those fields, and with what staff typed for a
Chinese-speaking patient (since issue 13 in Chinese: plan titles, referral texts, facilities,
milestone notes, note topics) put back in English and the program renamed then given its old
name, the document is, byte for byte, the version 3 one the first digests were taken from.
Migration 0018 worded the shipped checklist items positively and gave two of them a reading's unit
(issue 13 item 6); its downgrade, applied to the enrollments' items, gives back the earlier texts.
Migration 0019 put a program item's Chinese and the respiratory program's instructions in plain
words (issue 13 item 8); undone the same way.
Format 6 holds each course's dose as fields (issue 13), the same doses as before: with each dose as
the text it was, too, the version 3 document comes back.
Format 7 gave late-stage patients an advance care plan (issue 13 item 7), drawn from a generator of
its own: without the advance_care_plan table the version 3 document comes back.
Format 7 added NIV settings and gastrostomy details (issue 13 item 7), drawn from a generator of
their own for most NIV and gastrostomy milestones: without those two tables, the same document.
Format 7 also gives every row its site and synced version, and the patient its other clinics' MRNs
(issue 14 item 6): for the demo, "" and 0 and none, taken out the same way. A Chinese-speaking
patient's address and carer are typed in Chinese since; in English, they are as they were.
Format 8 gave booked appointments a start time in clinic hours and booked studies a place (issue
13), chosen by each row's id, so no draw of the clinic's generator moved: without those fields,
the same document. Format 8 also gave the demo staff their job titles in Chinese (schema 0024),
typed beside the English ones, no draw of any generator: without them, the same document.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import re
from datetime import date
from typing import Any

import pytest

from alsdesk import demo
from alsdesk.demo import mix
from alsdesk.demo.mix import TYPED_DOSES
from alsdesk.services.catalogs import load_resource
from alsdesk.storage.schema import MIGRATIONS_DIR

DRUGS = {d["code"]: d for d in load_resource("drugs.json")}

ANCHOR = date(2026, 3, 1)


def _migration(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, MIGRATIONS_DIR / "versions" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


POSITIVE_ITEMS = _migration("0018_program_items_positive")
PLAIN_WORDS = _migration("0019_plain_words")


def before_0018(items_json: str) -> str:
    items = json.loads(items_json)
    shipped_zh, plain_zh = PLAIN_WORDS.ITEM_ZH
    earlier = [POSITIVE_ITEMS._downgrade_item(PLAIN_WORDS.item_zh(i, plain_zh, shipped_zh)) for i in items]
    return items_json if earlier == items else json.dumps(earlier, ensure_ascii=False)


def before_0019_instructions(text: str) -> str:
    shipped, plain = PLAIN_WORDS.INSTRUCTIONS
    return shipped if text == plain else text


# The fields export format 8 added (schema 0023), by table.
ADDED_IN_8 = {
    "therapy_session": ("scheduled_time",),
    "workup": ("scheduled_time", "place"),
    "referral": ("appointment_time",),
}
STAFF_ADDED_IN_8 = ("job_title_zh",)
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


def home_and_carer_in_english(patient: dict[str, Any]) -> dict[str, Any]:
    """A Chinese-speaking patient's address and carer as the demo typed them before they were typed
    in Chinese ("人民路12号" was "12 Renmin Road", "陈霞静的配偶" "Spouse of Xiajing", "配偶" "spouse")."""
    found = re.fullmatch(r"人民路(\d+)号", patient["address"])
    if found is None:
        return patient
    carer = f"Spouse of {patient['given_name']}" if patient["caregiver_name"] else ""
    return {
        **patient,
        "address": f"{found.group(1)} Renmin Road",
        "caregiver_name": carer,
        "caregiver_relation": "spouse",
    }


def as_version_3(document: dict[str, Any]) -> dict[str, Any]:
    old = typed_in_english(copy.deepcopy(document))
    old["version"] = 3
    for row in old["staff"]:
        for field in (*ADDED_IN_5["staff"], *STAFF_ADDED_IN_8):
            del row[field]
        del row["site_id"]  # format 7, as below
    for entry in old["patients"]:
        for field in ADDED_IN_5["patient"]:
            del entry["patient"][field]
        del entry["patient"]["site_id"], entry["patient"]["synced_version"], entry["records"]["patient_identifier"]
        for rows in entry["records"].values():
            for row in rows:
                del row["site_id"], row["synced_version"]
        del entry["records"]["allergy"], entry["records"]["advance_care_plan"]  # formats 5 and 7
        del entry["records"]["niv_setting"], entry["records"]["gastrostomy_setting"]  # format 7
        for table, fields in ADDED_IN_8.items():
            for row in entry["records"][table]:
                for field in fields:
                    del row[field]
        for alert in entry["records"]["alert"]:  # format 4
            del alert["message_key"], alert["message_values"]
        for enrollment in entry["records"]["enrollment"]:
            enrollment["items_json"] = before_0018(enrollment["items_json"])
            enrollment["instructions"] = before_0019_instructions(enrollment["instructions"])
        language = entry["patient"]["language"]
        entry["records"]["medication"] = [dose_as_typed(m, language) for m in entry["records"]["medication"]]
        entry["patient"] = home_and_carer_in_english(entry["patient"])
    return old


def digest_of(document: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, ensure_ascii=False).encode()).hexdigest()


@pytest.mark.parametrize(
    ("patients", "seed", "digest", "digest_3"),
    [
        (
            40,
            3,
            "b07e324e69728556f7244f122e967c3acbf5a5fcef9a8f54a20b3aad0853fff4",
            "ac139e295aa6c0b12f4531f5bb15e02cbac8c8d3b50aeda8fde5a186d8210536",
        ),
        (
            7,
            11,
            "6f10eb086c486f60f1e12175dcf8cbfadb4af6bc17b18bf9f06c7f4093f1d698",
            "bf97bbd56e11ef8e4caa54993f16e0dea2d28483f53f41f2b389d7f56294b6f5",
        ),
    ],
)
def test_a_seed_gives_the_same_clinic_byte_for_byte(patients: int, seed: int, digest: str, digest_3: str) -> None:
    document = demo.demo_document(patients=patients, seed=seed, anchor=ANCHOR)
    assert digest_of(document) == digest
    assert digest_of(as_version_3(document)) == digest_3  # the rest of the clinic is unchanged
