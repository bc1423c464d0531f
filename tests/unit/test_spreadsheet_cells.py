"""Spreadsheet cells read as the person meant them (exchange/spreadsheet/checking.py): numbers Excel
kept as floats, phones that lost their leading zero (each length and first digit at its boundary),
dates written with slashes, choices by their Chinese or English label, and CSV encodings."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from alsdesk.errors import DomainError
from alsdesk.exchange.spreadsheet.checking import cell_value, phone_from_number, pinyin
from alsdesk.exchange.spreadsheet.mapping import check_mapping, columns
from alsdesk.exchange.spreadsheet.reading import decode


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (13812345678.0, "13812345678"),  # a mainland mobile: 11 digits starting with 1
        (1234567.0, "1234567"),  # a local number without area code: 7 digits
        (12345678.0, "12345678"),  # ... or 8
        (1062345678.0, "01062345678"),  # Beijing 010 + 8 digits, trunk 0 lost
        (2161234567.0, "02161234567"),  # 021 + 8 digits
        (7551234567.0, "07551234567"),  # 0755 + 7 digits
        (75512345678.0, "075512345678"),  # 0755 + 8 digits
        (39912345678.0, "039912345678"),  # 11 digits from 3: 0XXX + 8 digits
    ],
)
def test_a_phone_kept_as_a_number_is_restored_when_its_form_says_how(number: float, text: str) -> None:
    assert phone_from_number(number, "Phone") == text


@pytest.mark.parametrize(
    "number",
    [
        123456.0,  # 6 digits: neither a local number nor one with an area code
        123456789.0,  # 9 digits
        1161234567.0,  # 10 digits from 11: no area code starts 011
        1261234567.0,  # ... nor 012
        23812345678.0,  # 11 digits from 2: 02X takes 8 digits, not 9
        12345678901.5,  # not a whole number
        123456789012.0,  # 12 digits
    ],
)
def test_a_phone_number_that_cannot_be_told_apart_is_refused(number: float) -> None:
    with pytest.raises(DomainError, match="leading zeros may be lost"):
        phone_from_number(number, "Phone")


def test_a_float_mrn_is_its_whole_number_and_a_text_keeps_its_zeros() -> None:
    assert cell_value("mrn", 12345.0) == "12345"
    assert cell_value("mrn", "00123") == "00123"
    assert cell_value("phone", "0755 1234567") == "0755 1234567"
    assert cell_value("phone", 2161234567) == "02161234567"  # an .xls may give an int


def test_dates_and_choices_as_people_write_them() -> None:
    assert cell_value("birth_date", "1971/3/4") == date(1971, 3, 4)
    assert cell_value("birth_date", datetime(1971, 3, 4)) == date(1971, 3, 4)
    assert cell_value("birth_date", "") is None
    with pytest.raises(DomainError, match="Birth date must be a real date"):
        cell_value("birth_date", "4/3/1971")
    assert cell_value("sex", "男") == "male"
    assert cell_value("sex", "Female") == "female"
    assert cell_value("status", "筛查中") == "screening"
    assert cell_value("sex", "x") == "x"  # left for the services' rule to refuse, naming the field


def test_csv_encodings_are_detected_and_named() -> None:
    text = "MRN,姓\nA1,王\n"
    assert decode(text.encode("utf-8")) == (text, "UTF-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "UTF-8 with BOM")
    assert decode(text.encode("gb18030")) == (text, "GB18030")


def test_headers_map_by_name_or_label_in_either_language_and_a_mapping_names_the_rest() -> None:
    headers = ["病历号", "Family name", "given_name", "性别", "出生日期", "手机"]
    assert columns(headers, {"手机": "phone"}) == {
        0: "mrn",
        1: "family_name",
        2: "given_name",
        3: "sex",
        4: "birth_date",
        5: "phone",
    }
    with pytest.raises(DomainError, match="No column holds birth_date"):
        columns(headers[:4], {})
    with pytest.raises(DomainError, match="both map to mrn"):
        columns(headers, {"手机": "mrn"})


def test_a_mapping_naming_an_unknown_field_is_refused_naming_it() -> None:
    with pytest.raises(DomainError, match="fields patients do not have: mobile, surname"):
        check_mapping({"A": "surname", "B": "mobile", "C": "mrn"})
    with pytest.raises(DomainError, match="JSON object"):
        check_mapping(["mrn"])


def test_pinyin_is_the_search_keys_full_spelling() -> None:
    assert pinyin("王伟") == "wangwei"
    assert pinyin("") == ""


def test_a_refused_phone_is_quoted_as_the_sheet_shows_it() -> None:
    with pytest.raises(DomainError) as refused:
        phone_from_number(123456.0, "Phone")
    assert str(refused.value).startswith("Phone '123456' was saved as a number")
