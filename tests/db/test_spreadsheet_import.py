"""A patient list imported from a spreadsheet (alsdesk.app.spreadsheet), on SQLite and PostgreSQL:
all rows in one transaction or none, each row audited as the native import audits it, duplicates
found in the file and in the database, a formula without its value refused, and the clinic's
mapping saved and used when none is given."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from alsdesk.app import spreadsheet
from alsdesk.errors import DomainError
from alsdesk.models import AuditEntry, Patient, PatientSearchKey, Setting

HEADER = "MRN,Family name,Given name,Chinese name,Sex,Birth date,Phone\n"


def csv_file(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "patients.csv"
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def patient_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(Patient)) or 0)


def test_a_good_list_is_added_whole_with_search_keys_and_audited_as_an_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path, "S1,Wang,Wei,王伟,男,1960-01-02,13812345678", "S2,Li,Na,,female,1971/3/4,")
    with db.write() as s:
        found = spreadsheet.import_patients(session=s, path=path)
    assert sorted(v["mrn"] for v in found.rows.values()) == ["S1", "S2"]
    with db.read() as s:
        wang = s.scalar(sa.select(Patient).where(Patient.mrn == "S1"))
        assert wang is not None and (wang.sex, wang.birth_date, wang.language) == ("male", date(1960, 1, 2), "zh_CN")
        keys = set(s.scalars(sa.select(PatientSearchKey.key).where(PatientSearchKey.patient_id == wang.id)))
        assert {"wangwei", "13812345678"} <= keys
        audited = s.scalars(sa.select(AuditEntry.detail).where(AuditEntry.action == "import")).all()
        assert sorted(json.loads(d)["mrn"] for d in audited) == ["S1", "S2"]


def test_one_bad_row_means_nothing_is_imported_and_the_first_bad_cell_is_named(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = patient_count(db)
    path = csv_file(
        tmp_path,
        "S1,Wang,Wei,王伟,男,1960-01-02,13812345678",
        "S2,Li,Na,,female,2999-01-01,",  # a birth date in the future
        "S3,Zhao,Lei,,unknown-sex,1970-01-01,abc",  # two bad cells; after row 3's
    )
    errors = tmp_path / "refused.xlsx"
    with pytest.raises(DomainError) as refused, db.write() as s:
        spreadsheet.import_patients(session=s, path=path, errors=errors)
    assert "2 row(s) refused" in str(refused.value)
    assert "First: row 3, column 'Birth date': Birth date (2999-01-01) cannot be after" in str(refused.value)
    assert patient_count(db) == before
    from openpyxl import load_workbook

    rows = list(load_workbook(errors).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][:3] == ("Row", "Problems", "MRN")
    assert [r[0] for r in rows[1:]] == [3, 4]
    assert "Sex: Sex must be one of" in rows[2][1] and "Phone: Phone 'abc' is not a phone number" in rows[2][1]


def test_duplicates_in_the_database_and_in_the_file(db, patient, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The fixture patient: T0001, Test Patient born 1960-05-17, phone 13800000001, 张伟.
    path = csv_file(
        tmp_path,
        "N1,Test,Patient,,female,1960-05-17,",  # name and birth date
        "N2,Other,One,,male,1950-01-01,138-0000-0001",  # the phone, written otherwise
        "N3,Zhang,Wei,张伟,male,1955-01-01,",  # the pinyin
        "N4,Zhang,Wei,张伟,male,1955-01-01,",  # row 5 again: name and birth date, pinyin
        "t0001,New,Person,,male,1950-01-01,",  # the MRN, in another case: refused
        "N4,Copy,Row,,male,1950-01-01,",  # an MRN twice in the file: refused
    )
    with db.read() as s:
        found = spreadsheet.preview_file(session=s, path=path)
    seen = {(d.row, d.kind, d.other, d.in_database) for d in found.duplicates}
    assert {
        (2, "name and birth date", "T0001", True),
        (3, "phone", "T0001", True),
        (4, "pinyin", "T0001", True),
        (5, "name and birth date", "4", False),
        (5, "pinyin", "4", False),
    } <= seen
    assert [(p.row, p.header, str(p.error)) for p in found.problems] == [
        (6, "MRN", "MRN t0001 is already used in the database."),
        (7, "MRN", "MRN N4 is already used in row 5."),
    ]
    assert sorted(found.rows) == [2, 3, 4, 5]


def test_an_xlsx_with_float_numbers_and_a_formula_without_its_value(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["MRN", "Family name", "Given name", "Sex", "Birth date", "Phone"])
    sheet.append([12345.0, "Wang", "Wei", "male", date(1960, 1, 2), 2161234567])
    sheet.append([12346, "Li", "Na", "female", date(1961, 1, 2), "=A2"])  # openpyxl saves no value
    path = tmp_path / "patients.xlsx"
    book.save(path)
    with db.read() as s:
        found = spreadsheet.preview_file(session=s, path=path)
    assert found.rows[2]["mrn"] == "12345" and found.rows[2]["phone"] == "02161234567"
    assert [(p.row, p.header) for p in found.problems] == [(3, "Phone")]
    assert "formula saved without its value" in str(found.problems[0].error)


def test_a_mapping_given_is_saved_for_the_clinic_and_used_next_time(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = "病历,Surname,Forename,Gender,DOB\n"
    mapping = {"病历": "mrn", "Surname": "family_name", "Forename": "given_name", "Gender": "sex", "DOB": "birth_date"}
    first = csv_file(tmp_path, "M1,Wang,Wei,male,1960-01-02", header=header)
    with db.write() as s:
        with pytest.raises(DomainError, match="No column holds mrn, family_name, given_name, sex, birth_date"):
            spreadsheet.preview_file(session=s, path=first)
        spreadsheet.import_patients(session=s, path=first, given=mapping)
    with db.read() as s:
        assert json.loads(s.scalar(sa.select(Setting.value).where(Setting.key == "spreadsheet_mapping"))) == mapping
    second = csv_file(tmp_path, "M2,Li,Na,female,1971-03-04", header=header)
    with db.write() as s:
        found = spreadsheet.import_patients(session=s, path=second)
    assert [v["mrn"] for v in found.rows.values()] == ["M2"]


def test_an_empty_field_name_leaves_out_a_column_its_header_would_map(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = csv_file(tmp_path, "N1,Wang,Wei,王伟,male,1960-01-02,13800138000")
    with db.write() as s:
        spreadsheet.import_patients(session=s, path=path, given={"Phone": ""})
    with db.read() as s:
        phone = s.scalar(sa.select(Patient.phone).where(Patient.mrn == "N1"))
        saved = json.loads(s.scalar(sa.select(Setting.value).where(Setting.key == "spreadsheet_mapping")))
    assert phone == "" and saved == {"Phone": ""}


def test_a_failure_after_the_rows_are_inserted_leaves_none_of_them(db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = patient_count(db)
    path = csv_file(tmp_path, "S1,Wang,Wei,王伟,男,1960-01-02,", "S2,Li,Na,,female,1971-03-04,")

    def audit_fails(*_args: object) -> None:
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr("alsdesk.exchange.spreadsheet.loading.audit.append", audit_fails)
    with pytest.raises(RuntimeError), db.write() as s:
        spreadsheet.import_patients(session=s, path=path)
    assert patient_count(db) == before


def test_progress_is_reported_and_what_it_raises_stops_the_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = patient_count(db)
    path = csv_file(tmp_path, *(f"P{i},Wang,Wei{i},,male,1960-01-02," for i in range(1200)))
    seen: list[tuple[int, int]] = []
    with db.read() as s:
        spreadsheet.preview_file(session=s, path=path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 1200), (500, 1200), (1000, 1200)]

    def cancel(done: int, _total: int) -> None:
        if done >= 500:
            raise DomainError("Cancelled; nothing was changed.")

    with pytest.raises(DomainError, match="Cancelled"), db.write() as s:
        spreadsheet.import_patients(session=s, path=path, progress=cancel)
    assert patient_count(db) == before
