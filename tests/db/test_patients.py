"""Patients: registration rules, duplicate MRNs, search, archiving and optimistic locking."""

from datetime import date, timedelta

import pytest

from alsdesk.errors import ConflictError, DomainError, NotFoundError
from alsdesk.services import patients


def add(s, **kw):  # type: ignore[no-untyped-def]
    values = dict(mrn="A1", family_name="Smith", given_name="Anne", birth_date=date(1950, 1, 2), sex="female")
    values.update(kw)
    return patients.add_patient(session=s, **values)


def test_register_and_read_back(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add(s, phone="+44 7700 900123", name_zh="")
    with db.read() as s:
        got = patients.get_by_mrn(session=s, mrn="A1")
    assert got.id == p.id
    assert (got.family_name, got.given_name, got.language, got.status) == ("Smith", "Anne", "en", "screening")
    assert got.display_name == "SMITH, Anne"
    assert got.age_on(date(2026, 1, 1)) == 75
    assert got.version == 1


def test_chinese_name_defaults_handout_language_to_chinese(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add(s, family_name="Zhang", given_name="Wei", name_zh="张伟")
    assert p.language == "zh_CN"
    assert p.display_name == "ZHANG, Wei 张伟"


def test_duplicate_mrn_is_refused_with_the_other_patient_named(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        add(s)
    with pytest.raises(DomainError, match=r"MRN a1 is already used by SMITH, Anne"), db.write() as s:
        add(s, mrn="a1", family_name="Other")
    with db.read() as s:
        assert patients.count_patients(session=s) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("mrn", "", "MRN is required"),
        ("mrn", "has space", "MRN may hold only"),
        ("family_name", "  ", "Family name is required"),
        ("birth_date", date.today() + timedelta(days=1), "cannot be after"),
        ("birth_date", date(1850, 1, 1), "cannot be before 1900"),
        ("sex", "x", "Sex must be one of"),
        ("phone", "call me", "is not a phone number"),
        ("given_name", "x" * 101, "too long"),
    ],
)
def test_invalid_registration_says_what_is_wrong(db, field: str, value: object, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match=message), db.write() as s:
        add(s, **{field: value})


def test_dates_must_be_in_order_and_death_goes_with_deceased(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match=r"Diagnosis .* cannot be before symptom onset"), db.write() as s:
        add(s, onset_date=date(2025, 5, 1), diagnosis_date=date(2025, 1, 1))
    with pytest.raises(DomainError, match=r"Symptom onset .* before the birth date"), db.write() as s:
        add(s, onset_date=date(1940, 5, 1))
    with pytest.raises(DomainError, match="date of death exactly"), db.write() as s:
        add(s, status="deceased")


def test_search_by_name_pinyin_hanzi_mrn_and_phone(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        add(s, mrn="M100", family_name="Zhang", given_name="Wei", name_zh="张伟", phone="138 0013 8000")
        add(s, mrn="M200", family_name="Smith", given_name="Zoë", phone="07700 900456")
        add(s, mrn="X300", family_name="Zhao", given_name="Li", name_zh="赵丽")
    with db.read() as s:

        def find(text: str) -> list[str]:
            return [p.mrn for p in patients.search_patients(session=s, text=text)]

        assert find("zhang") == ["M100"]
        assert find("ZH") == ["M100", "X300"]
        assert find("张") == ["M100"]
        assert find("zw") == ["M100"]
        assert find("zhaoli") == ["X300"]
        assert find("zoe") == ["M200"]
        assert find("wei z") == ["M100"]
        assert find("m2") == ["M200"]
        assert find("13800") == ["M100"]
        assert find("0770-0900") == ["M200"]
        assert find("nobody") == []
        assert find("100%") == []  # LIKE wildcards are literal
        assert find("m1%") == find("m_00") == find("m1/") == []  # and so is the escape character (M100's key: m100)


def test_search_prefers_key_order_and_limits(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        for i in range(30):
            add(s, mrn=f"P{i:03d}", family_name="Lee", given_name=f"Kim{i:02d}")
    with db.read() as s:
        found = patients.search_patients(session=s, text="lee", limit=10)
    assert [p.given_name for p in found] == [f"Kim{i:02d}" for i in range(10)]


def test_archived_patients_leave_lists_and_search_but_are_kept(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add(s)
        patients.set_archived(session=s, patient_id=p.id, archived=True)
    with db.read() as s:
        assert patients.search_patients(session=s, text="smith") == []
        assert patients.list_patients(session=s) == []
        assert [x.mrn for x in patients.list_patients(session=s, include_archived=True)] == ["A1"]
        assert patients.get_patient(session=s, patient_id=p.id).archived


def test_edit_updates_search_keys_and_version(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add(s)
    with db.write() as s:
        edited, changes = patients.update_patient(session=s, patient_id=p.id, expected_version=1, family_name="Jones")
    assert changes.patients
    assert edited.version == 2
    with db.read() as s:
        assert [x.mrn for x in patients.search_patients(session=s, text="jones")] == ["A1"]
        assert patients.search_patients(session=s, text="smith") == []


def test_stale_edit_is_a_conflict_and_changes_nothing(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        p = add(s)
    with db.write() as s:
        patients.update_patient(session=s, patient_id=p.id, expected_version=1, phone="01234 567890")
    with pytest.raises(ConflictError, match="changed on another workstation"), db.write() as s:
        patients.update_patient(session=s, patient_id=p.id, expected_version=1, given_name="Overwritten")
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=p.id).given_name == "Anne"


def test_concurrent_sessions_cannot_silently_overwrite(db) -> None:  # type: ignore[no-untyped-def]
    """Two workstations load version 1; the second save finds the row changed underneath it."""
    from sqlalchemy.orm import Session

    from alsdesk.errors import ConflictError
    from alsdesk.models import Patient
    from alsdesk.storage.database import translate_errors

    with db.write() as s:
        p = add(s)
    first, second = Session(db.engine, expire_on_commit=False), Session(db.engine, expire_on_commit=False)
    try:
        a = first.get(Patient, p.id)
        first.commit()
        b = second.get(Patient, p.id)
        second.commit()  # both hold version 1 and no transaction, as two open forms would
        a.given_name = "First"  # type: ignore[union-attr]
        first.commit()
        b.given_name = "Second"  # type: ignore[union-attr]
        with pytest.raises(ConflictError, match="Another workstation changed this record"), translate_errors():
            second.commit()
    finally:
        first.close()
        second.close()
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=p.id).given_name == "First"


def test_possible_duplicates_by_name_and_birth_date_or_phone(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        add(s, phone="01234 567890")
    with db.read() as s:
        same = patients.possible_duplicates(
            session=s, family_name="SMITH", given_name="anne", birth_date=date(1950, 1, 2)
        )
        phone = patients.possible_duplicates(
            session=s, family_name="X", given_name="Y", birth_date=None, phone="01234 567890"
        )
        other = patients.possible_duplicates(
            session=s, family_name="Smith", given_name="Anne", birth_date=date(1950, 1, 3)
        )
    assert [p.mrn for p in same] == ["A1"]
    assert [p.mrn for p in phone] == ["A1"]
    assert other == []


def test_unknown_mrn_and_id(db) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        with pytest.raises(NotFoundError, match="No patient has the MRN 'nope'"):
            patients.get_by_mrn(session=s, mrn="nope")
        with pytest.raises(NotFoundError):
            patients.get_patient(session=s, patient_id="not-a-uuid")


def test_database_check_constraints_back_the_services(db) -> None:  # type: ignore[no-untyped-def]
    """Even a write that skips the services cannot store an impossible value."""
    import sqlalchemy as sa

    from alsdesk.models import Assessment

    with db.write() as s:
        p = add(s)
    with pytest.raises(DomainError), db.write() as s:
        s.execute(
            sa.insert(Assessment).values(
                patient_id=p.id, assessed_on=date(2025, 1, 1), item_1=7, lung_disease=False, note=""
            )
        )
    with pytest.raises(DomainError), db.write() as s:
        s.execute(
            sa.insert(Assessment).values(
                patient_id=p.id, assessed_on=date(2025, 1, 1), item_5a=3, item_5b=3, lung_disease=False, note=""
            )
        )
