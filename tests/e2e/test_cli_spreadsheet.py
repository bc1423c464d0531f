"""`alsdesk import-patients` end to end: CSV in UTF-8, UTF-8 with BOM and GB18030 (the encoding
shown), --dry-run writing nothing, a mapping file (an unknown field refused by name), an xlsx with
float MRNs and phones, all or nothing with the first bad cell named (exit 1), the errors workbook
read back, duplicates listed, and the blank template."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.e2e.test_cli_fhir import DEMO_ADMIN, call

ROWS = "病历号,姓,名,中文名,性别,出生日期,电话\nC100,Wang,Wei,王伟,男,1960-01-02,13812345678\nC101,Li,Na,李娜,女,1971/3/4,\n"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet-cli")
    r = call(path, "demo", "--patients", "6", "--seed", "3", "--anchor", "2026-06-01")
    assert r.returncode == 0, r.stderr
    return path


def imported(home: Path, *args: str):  # type: ignore[no-untyped-def]
    return call(home, "import-patients", *args, **DEMO_ADMIN)


@pytest.mark.parametrize(
    ("encoding", "shown"), [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"), ("gb18030", "GB18030")]
)
def test_a_csv_in_each_encoding_is_read_and_its_encoding_shown(home: Path, encoding: str, shown: str) -> None:
    path = home / f"list-{encoding}.csv"
    path.write_text(ROWS, encoding=encoding)
    r = imported(home, str(path), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert f"Read 2 row(s) from {path.name} (CSV, {shown})." in r.stdout
    assert "Rows to add: 2\n  row 2: C100  WANG, Wei  1960-01-02\n  row 3: C101  LI, Na  1971-03-04\n" in r.stdout
    assert "Rows refused: 0" in r.stdout
    found = call(home, "patient", "search", "C100", **DEMO_ADMIN)
    assert "C100" not in found.stdout  # a dry run adds nothing


def test_a_bad_row_imports_nothing_names_the_first_bad_cell_and_writes_the_refused_rows(home: Path) -> None:
    path = home / "bad.csv"
    path.write_text(ROWS + "C102,Zhao,Lei,,男,1970-13-01,\nC103,Sun,Li,,x,1970-01-01,\n", encoding="utf-8")
    errors = home / "refused.xlsx"
    r = imported(home, str(path), "--errors", str(errors))
    assert r.returncode == 1
    assert r.stderr.startswith("alsdesk: Nothing was imported: 2 row(s) refused. First: row 4, column '出生日期': ")
    assert "Imported" not in r.stdout
    assert "C100" not in call(home, "patient", "search", "C100", **DEMO_ADMIN).stdout
    rows = list(load_workbook(errors).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert [r[:3] for r in rows] == [("Row", "Problems", "病历号"), (4, rows[1][1], "C102"), (5, rows[2][1], "C103")]
    assert rows[2][1].startswith("性别: Sex must be one of")
    dry = imported(home, str(path), "--dry-run")
    assert dry.returncode == 1 and "Rows to add: 2" in dry.stdout and "Rows refused: 2" in dry.stdout
    assert "first bad cell: Row 4, column '出生日期'" in dry.stderr


def test_an_xlsx_with_a_mapping_file_is_imported_and_a_second_time_its_rows_are_refused(home: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No.", "Surname", "Forename", "Gender", "DOB", "Mobile"])
    sheet.append([20001.0, "Chen", "Jie", "female", date(1980, 2, 3), 13912345678.0])
    sheet.append([20002.0, "Chen", "Jie", "female", date(1980, 2, 3), 7551234567.0])
    path = home / "list.xlsx"
    book.save(path)
    mapping = home / "mapping.json"
    names = {"No.": "mrn", "Surname": "family_name", "Forename": "given_name", "Gender": "sex", "DOB": "birth_date"}
    mapping.write_text(json.dumps({**names, "Mobile": "phone"}), encoding="utf-8")
    r = imported(home, str(path), "--mapping", str(mapping))
    assert r.returncode == 0, r.stderr
    assert "Imported 2 patient(s)." in r.stdout
    assert "row 3: same name and birth date as row 2" in r.stdout
    shown = call(home, "patient", "show", "20002", "--json", **DEMO_ADMIN)
    assert json.loads(shown.stdout)["patient"]["phone"] == "07551234567"
    again = imported(home, str(path))  # the saved mapping: no --mapping needed
    assert again.returncode == 1
    assert "First: row 2, column 'No.': MRN 20001 is already used in the database." in again.stderr


def test_a_mapping_naming_an_unknown_field_is_refused_by_name(home: Path) -> None:
    mapping = home / "wrong.json"
    mapping.write_text(json.dumps({"Surname": "surname"}), encoding="utf-8")
    r = imported(home, str(home / "list-utf-8.csv"), "--mapping", str(mapping), "--dry-run")
    assert r.returncode == 1
    assert r.stderr.startswith("alsdesk: The column mapping names fields patients do not have: surname.")


def test_a_mapping_saved_by_notepad_with_a_bom_is_read_and_one_not_in_utf_8_is_refused_in_words(home: Path) -> None:
    path = home / "list-gb.csv"
    path.write_text(ROWS.replace("电话", "手机"), encoding="gb18030")
    marked = home / "notepad.json"
    marked.write_text(json.dumps({"手机": "phone"}, ensure_ascii=False), encoding="utf-8-sig")
    r = imported(home, str(path), "--mapping", str(marked), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "Rows to add: 2" in r.stdout
    local = home / "gb.json"
    local.write_text(json.dumps({"手机": "phone"}, ensure_ascii=False), encoding="gb18030")
    r = imported(home, str(path), "--mapping", str(local), "--dry-run")
    assert r.returncode == 1
    assert r.stderr == "alsdesk: The column mapping file is not UTF-8 text: save it as UTF-8.\n"


def test_the_blank_template_maps_by_itself(home: Path) -> None:
    template = home / "template.xlsx"
    r = imported(home, "--template", str(template))
    assert r.returncode == 0, r.stderr
    headers = next(load_workbook(template).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert headers[:6] == ("MRN", "Family name", "Given name", "Chinese name", "Sex", "Birth date")
    dry = imported(home, str(template), "--dry-run")
    assert dry.returncode == 0 and "Rows to add: 0" in dry.stdout


@pytest.mark.parametrize("flag", ["--errors", "--template"])
def test_a_workbook_is_not_written_under_another_kind_of_file_name(home: Path, flag: str) -> None:
    target = home / "refused.csv"
    args = [flag, str(target)] if flag == "--template" else [str(home / "list-utf-8.csv"), flag, str(target)]
    r = imported(home, *args)
    assert r.returncode == 2
    assert "is written as an Excel workbook: give it a name ending in .xlsx" in r.stderr
    assert not target.exists()
