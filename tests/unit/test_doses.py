"""Doses (services.doses): read from the text people type, checked field by field, and worded in
each document language; the catalog's structured doses say what domain.md says."""

from __future__ import annotations

import pytest

from alsdesk.errors import DomainError
from alsdesk.services.catalogs import load_resource
from alsdesk.services.doses import Dose, catalog_dose, check_dose, dose_from_text, dose_text, parse_dose


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("50 mg bd", Dose(50.0, "mg", "", "twice_daily")),
        ("50mg PO twice a day", Dose(50.0, "mg", "oral", "twice_daily")),
        ("twice daily by mouth", None),  # no amount first
        ("50 mg，每日两次", Dose(50.0, "mg", "oral", "twice_daily")),  # riluzole's shipped Chinese default
        ("60毫克 静脉滴注 每日一次", Dose(60.0, "mg", "iv", "once_daily")),
        ("2 tabs nocte", Dose(2.0, "tablet", "", "at_night")),
        ("0.25 mg sublingually prn", Dose(0.25, "mg", "sublingual", "as_needed")),
        ("50 mg bd bd", None),  # a frequency twice is not a dose this reads
        ("50 mg bdx", None),  # a word must end where the phrase does
        ("50 mg twice daily with food", None),
        ("1-2 drops up to four times daily", None),
        ("0 mg daily", None),
        ("", None),
    ],
)
def test_parse_reads_whole_doses_only(text: str, dose: Dose | None) -> None:
    assert parse_dose(text) == dose


def test_text_that_is_no_dose_is_kept_whole_as_the_note() -> None:
    assert dose_from_text("  1-2 drops under the tongue, as needed ") == Dose(
        note="1-2 drops under the tongue, as needed"
    )


def test_each_shipped_default_text_reads_as_the_catalogs_dose_in_both_languages() -> None:
    shipped = {d["code"]: d for d in load_resource("drugs.json")}
    for code, fields in load_resource("drug_doses.json").items():
        dose = Dose(
            float(fields["amount"]), fields["unit"], fields["route"], fields["frequency"], fields.get("regimen", "")
        )
        drug = shipped[code]
        assert parse_dose(drug["default_dose"]) == parse_dose(drug["default_dose_zh"]) == dose, code
        assert catalog_dose(code, drug["default_dose"], drug["default_dose_zh"], "zh_CN") == dose


def test_the_catalog_regimens_are_domain_md_s() -> None:
    """domain.md drug catalog: riluzole 50 mg twice daily; edaravone 14 on / 14 off, then 10 of 14;
    tofersen 100 mg intrathecal, 3 loading doses 14 days apart, then every 28 days."""
    doses = {code: catalog_dose(code, d["default_dose"], "", "en") for code, d in _drugs().items()}
    assert dose_text(doses["riluzole"], "en") == "50 mg by mouth twice a day"
    assert dose_text(doses["riluzole"], "zh_CN") == "50 mg 口服 每日两次"
    assert dose_text(doses["tofersen"], "en") == (
        "100 mg intrathecal injection every 28 days; starting with 3 loading doses 14 days apart"
    )
    assert dose_text(doses["tofersen"], "zh_CN") == "100 mg 鞘内注射 每28天一次；先给予3次负荷剂量，每次间隔14天"
    assert dose_text(doses["edaravone_iv"], "en") == (
        "60 mg IV infusion once a day; cycle 1: daily for 14 days, then 14 days off; "
        "later cycles: 10 days within 14, then 14 days off"
    )
    assert doses["edaravone_oral"].regimen == "edaravone_cycles" and doses["edaravone_oral"].amount == 105
    assert "空腹" in dose_text(doses["edaravone_oral"], "zh_CN")


def _drugs() -> dict[str, dict[str, str]]:
    return {d["code"]: d for d in load_resource("drugs.json")}


def test_dose_text_in_each_language() -> None:
    assert dose_text(Dose(1.0, "tablet", "feeding_tube", "at_night"), "en") == "1 tablet via feeding tube at night"
    assert dose_text(Dose(2.0, "tablet", "", "at_night"), "en") == "2 tablets at night"
    assert dose_text(Dose(2.0, "drop", "sublingual", "four_times_daily"), "zh_CN") == "2 滴 舌下含服 每日四次"
    assert dose_text(Dose(0.5, "mg", note="with food"), "en") == "0.5 mg; with food"
    assert dose_text(Dose(note="遵专科医生医嘱"), "en") == "遵专科医生医嘱"  # a note is as it was typed
    assert dose_text(Dose(), "en") == "as directed" and dose_text(Dose(), "zh_CN") == "遵医嘱"


@pytest.mark.parametrize(
    ("dose", "says"),
    [
        (Dose(0.0, "mg"), "Dose amount must be a number above 0"),
        (Dose(100_000.5, "mg"), "at most 100000"),
        (Dose(50.0, ""), "Dose amount and dose unit go together"),
        (Dose(None, "mg"), "Dose amount and dose unit go together"),
        (Dose(50.0, "kg"), "Dose unit must be one of"),
        (Dose(route="rectal"), "Route must be one of"),
        (Dose(frequency="hourly"), "Frequency must be one of"),
        (Dose(regimen="weekly"), "Regimen must be one of"),
        (Dose(note="a\nb"), "Dose note"),
        (Dose(note="x" * 201), "Dose note"),
    ],
)
def test_check_names_the_bad_field(dose: Dose, says: str) -> None:
    with pytest.raises(DomainError, match=says):
        check_dose(dose)


def test_amount_limits_are_inclusive_at_the_top() -> None:
    assert check_dose(Dose(100_000, "mg")).amount == 100_000.0
    assert check_dose(Dose(0.001, "mg")).amount == 0.001
