"""What a handout and a referral letter need besides the illness (issue 13 items 2-3): the clinic's
emergency and out-of-hours numbers, staff phones and job titles, the key worker, interpreter and GP,
allergies, and referral reference numbers found by the search box."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.models import AuditEntry, Referral
from alsdesk.services import allergies, clinic, patients, referrals

TODAY = date.today()


def _save_clinic(db, **values):  # type: ignore[no-untyped-def]
    with db.write() as s:
        clinic.save_clinic(session=s, name="Clinic", **values)
    with db.read() as s:
        return clinic.get_clinic(session=s)


def test_clinic_profile_keeps_the_safety_block_numbers_and_letter_language(db) -> None:  # type: ignore[no-untyped-def]
    saved = _save_clinic(
        db,
        emergency_phone="120",
        out_of_hours_phone="+86 898 0000 0999",
        opening_hours="Mon–Fri 08:00–17:00\nSat 08:00–12:00",
        letter_language="zh_CN",
    )
    assert (saved.emergency_phone, saved.out_of_hours_phone, saved.letter_language) == (
        "120",
        "+86 898 0000 0999",
        "zh_CN",
    )
    assert saved.opening_hours.splitlines() == ["Mon–Fri 08:00–17:00", "Sat 08:00–12:00"]
    assert _save_clinic(db).letter_language == "en"  # the default


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("emergency_phone", "12", "Emergency number"),  # two digits: too short even for 999
        ("emergency_phone", "call 120", "Emergency number"),
        ("out_of_hours_phone", "1234", "Out-of-hours phone"),  # other phones: five at least
        ("phone", "night line", "Phone"),
        ("opening_hours", "x" * 301, "Opening hours"),
        ("opening_hours_zh", "时" * 301, "Opening hours (Chinese)"),
        ("address_zh", "址" * 501, "Address (Chinese)"),
        ("getting_here", "x" * 501, "Getting there"),
        ("getting_here_zh", "路" * 501, "Getting there (Chinese)"),
        ("letter_language", "fr", "Language of letters to clinicians"),
    ],
)
def test_clinic_profile_refusals_name_the_field(db, field: str, value: str, named: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err, db.write() as s:
        clinic.save_clinic(session=s, name="Clinic", **{field: value})
    assert str(err.value).startswith(named)


def test_phone_boundaries_three_digits_for_an_emergency_five_for_the_rest(db) -> None:  # type: ignore[no-untyped-def]
    assert _save_clinic(db, emergency_phone="999", out_of_hours_phone="12345").out_of_hours_phone == "12345"
    with pytest.raises(DomainError, match="^Out-of-hours phone"), db.write() as s:
        clinic.save_clinic(session=s, name="Clinic", out_of_hours_phone="123")


def test_opening_hours_in_chinese_are_kept_beside_the_english_up_to_300_characters(db) -> None:  # type: ignore[no-untyped-def]
    saved = _save_clinic(db, opening_hours="Mon–Fri 08:00–17:00", opening_hours_zh="周一至周五\n" + "时" * 294)
    assert saved.opening_hours == "Mon–Fri 08:00–17:00"
    assert saved.opening_hours_zh.splitlines() == ["周一至周五", "时" * 294]  # 300 characters: the limit
    assert _save_clinic(db, opening_hours="Mon–Fri").opening_hours_zh == ""  # not given: cleared, as the English


def test_address_in_chinese_is_kept_beside_the_english_up_to_500_characters(db) -> None:  # type: ignore[no-untyped-def]
    saved = _save_clinic(db, address="1 Demo Road, Boao", address_zh="址" * 500)
    assert (saved.address, saved.address_zh) == ("1 Demo Road, Boao", "址" * 500)
    assert _save_clinic(db, address="1 Demo Road").address_zh == ""  # not given: cleared, as the English


def test_staff_job_title_in_chinese_is_kept_checked_and_left_alone_when_not_given(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        made = clinic.add_staff(
            session=s,
            username="nurse2",
            display_name="Nurse Two",
            discipline="specialist_nursing",
            role="coordinator",
            job_title="ALS specialist nurse",
            job_title_zh="渐冻症专科护士",
        )
    assert (made.job_title, made.job_title_zh) == ("ALS specialist nurse", "渐冻症专科护士")
    assert (made.title("en"), made.title("zh_CN")) == ("ALS specialist nurse", "渐冻症专科护士")
    with pytest.raises(DomainError, match=r"^Job title \(Chinese\) is too long"), db.write() as s:
        clinic.update_staff(session=s, username="nurse2", job_title_zh="职" * 201)
    with pytest.raises(DomainError, match=r"^Job title \(Chinese\)"), db.write() as s:
        clinic.add_staff(
            session=s,
            username="x3",
            display_name="X",
            discipline="neurology",
            role="clinician",
            job_title_zh="护士\n长",
        )
    with db.write() as s:
        changed = clinic.update_staff(session=s, username="nurse2", job_title="Nurse")  # the Chinese left as it was
    assert (changed.job_title, changed.job_title_zh) == ("Nurse", "渐冻症专科护士")
    with db.write() as s:
        changed = clinic.update_staff(session=s, username="nurse2", job_title_zh="")
    assert changed.title("zh_CN") == "Nurse"  # none in Chinese: the English, as typed


def test_staff_phone_and_job_title_are_kept_checked_and_audited(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        made = clinic.add_staff(
            session=s,
            username="nurse1",
            display_name="Nurse One",
            discipline="specialist_nursing",
            role="coordinator",
            phone="+86 898 0000 0103",
            job_title="ALS specialist nurse",
        )
    assert (made.phone, made.job_title) == ("+86 898 0000 0103", "ALS specialist nurse")
    with pytest.raises(DomainError, match="^Phone 'ext. 12'"), db.write() as s:
        clinic.add_staff(
            session=s, username="x2", display_name="X", discipline="neurology", role="clinician", phone="ext. 12"
        )
    with pytest.raises(DomainError, match="^Job title is too long"), db.write() as s:
        clinic.update_staff(session=s, username="nurse1", job_title="x" * 201)
    with db.write() as s:
        changed = clinic.update_staff(session=s, username="NURSE1", job_title="x" * 200)
    assert changed.job_title == "x" * 200 and changed.phone == "+86 898 0000 0103"  # phone left as it was
    with db.read() as s:
        entries = s.scalars(sa.select(AuditEntry).where(AuditEntry.record_id == str(made.id))).all()
    assert [e.action for e in entries] == ["create", "update"]
    assert "job_title" in entries[1].detail


def test_key_worker_is_an_active_staff_member(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        nurse = clinic.add_staff(
            session=s, username="kw", display_name="Key Worker", discipline="specialist_nursing", role="coordinator"
        )
        gone = clinic.add_staff(
            session=s, username="gone", display_name="Gone", discipline="neurology", role="clinician"
        )
    with db.write() as s:
        clinic.update_staff(session=s, username="kw", phone="13800000009")
        s.execute(sa.text("UPDATE staff SET active = :f WHERE username = 'gone'"), {"f": False})
    with db.write() as s:
        view, _ = patients.update_patient(session=s, patient_id=patient.id, responsible_staff_id=nurse.id)
        worker = clinic.get_staff(session=s, staff_id=view.responsible_staff_id)
    assert worker is not None and (worker.username, worker.phone) == ("kw", "13800000009")
    with pytest.raises(DomainError, match="^Key worker"), db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, responsible_staff_id=gone.id)
    with db.write() as s:  # nobody named: allowed
        view, _ = patients.update_patient(session=s, patient_id=patient.id, responsible_staff_id=None)
    assert view.responsible_staff_id is None


def test_interpreter_and_gp_are_patient_fields(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        view, _ = patients.update_patient(
            session=s,
            patient_id=patient.id,
            interpreter_needed=True,
            gp_name="Dr Wang",
            gp_contact="Harbour Practice\n+86 898 6100 2000",
        )
    assert (view.interpreter_needed, view.gp_name) == (True, "Dr Wang")
    assert view.gp_contact.splitlines()[1] == "+86 898 6100 2000"
    with pytest.raises(DomainError, match="^Interpreter needed must be yes or no"), db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, interpreter_needed="maybe")
    with pytest.raises(DomainError, match="^GP name contains a control"), db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, gp_name="Dr\nWang")  # one line
    with pytest.raises(DomainError, match="^GP contact is too long"), db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, gp_contact="x" * 301)


def _allergy(db, patient, **values):  # type: ignore[no-untyped-def]
    with db.write() as s:
        return allergies.add_allergy(
            session=s, patient_id=patient.id, **{"substance": "Penicillin", "recorded_on": TODAY, **values}
        )[0]


def test_allergy_dates_not_in_the_future_nor_before_birth(db, patient) -> None:  # type: ignore[no-untyped-def]
    assert _allergy(db, patient).recorded_on == TODAY  # today: allowed
    assert _allergy(db, patient, recorded_on=patient.birth_date).recorded_on == patient.birth_date
    for day in (TODAY + timedelta(days=1), patient.birth_date - timedelta(days=1), None):
        with pytest.raises(DomainError, match="^Recorded on"):
            _allergy(db, patient, recorded_on=day)


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"substance": " "}, "Substance is required"),
        ({"substance": "x" * 201}, "Substance is too long"),
        ({"reaction": "x" * 501}, "Reaction is too long"),
        ({"severity": "fatal"}, "Severity must be one of"),
    ],
)
def test_allergy_refusals_name_the_field(db, patient, values: dict, named: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as err:
        _allergy(db, patient, **values)
    assert str(err.value).startswith(named)


def test_no_known_allergies_differs_from_none_recorded(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        state = allergies.allergy_state(session=s, patient_id=patient.id)
    assert not state.recorded  # nobody asked yet
    with db.write() as s:
        allergies.confirm_no_known_allergies(session=s, patient_id=patient.id, on=TODAY)
    with db.read() as s:
        state = allergies.allergy_state(session=s, patient_id=patient.id)
    assert state.recorded and state.allergies == () and state.no_known_since == TODAY
    # An allergy found later ends the confirmation; confirming none again is refused while it stands.
    latex = _allergy(db, patient, substance="Latex", severity="mild")
    with db.read() as s:
        state = allergies.allergy_state(session=s, patient_id=patient.id)
    assert [a.substance for a in state.allergies] == ["Latex"] and state.no_known_since is None
    with pytest.raises(DomainError, match="^No known allergies"), db.write() as s:
        allergies.confirm_no_known_allergies(session=s, patient_id=patient.id, on=TODAY)
    with db.write() as s:
        allergies.remove_allergy(session=s, allergy_id=latex.id, expected_version=latex.version)
        allergies.confirm_no_known_allergies(session=s, patient_id=patient.id, on=TODAY)
    with pytest.raises(DomainError, match="^No known allergies confirmed on"), db.write() as s:
        allergies.confirm_no_known_allergies(session=s, patient_id=patient.id, on=TODAY + timedelta(days=1))


def test_allergies_list_most_severe_first_and_are_never_deleted(db, patient) -> None:  # type: ignore[no-untyped-def]
    mild = _allergy(db, patient, substance="Codeine", severity="mild", reaction="Nausea")
    _allergy(db, patient, substance="Shellfish", severity="severe")
    _allergy(db, patient, substance="aspirin", severity="moderate")
    with db.write() as s:
        fixed, _ = allergies.update_allergy(
            session=s, allergy_id=mild.id, expected_version=mild.version, reaction="Nausea and vomiting"
        )
    assert fixed.reaction == "Nausea and vomiting" and fixed.substance == "Codeine"
    with db.write() as s:
        ended, _ = allergies.remove_allergy(session=s, allergy_id=mild.id, status="resolved")
    assert ended.status == "resolved"
    with pytest.raises(DomainError, match="^Only an active allergy"), db.write() as s:
        allergies.update_allergy(session=s, allergy_id=mild.id, reaction="x")
    with pytest.raises(DomainError, match="^Status must be one of"), db.write() as s:
        allergies.remove_allergy(session=s, allergy_id=mild.id, status="active")
    with db.read() as s:
        shown = allergies.list_allergies(session=s, patient_id=patient.id)
        every = allergies.list_allergies(session=s, patient_id=patient.id, include_ended=True)
        trail = s.scalars(sa.select(AuditEntry.action).where(AuditEntry.record_id == str(mild.id))).all()
    assert [a.substance for a in shown] == ["Shellfish", "aspirin"]
    assert [a.substance for a in every] == ["Shellfish", "aspirin", "Codeine"]
    assert trail == ["create", "update", "update"]


def _referral(db, patient):  # type: ignore[no-untyped-def]
    with db.write() as s:
        return referrals.create_referral(
            session=s, patient_id=patient.id, to_specialty="dietetics", reason="Weight loss", referral_date=TODAY
        )[0]


def test_a_referral_reference_is_r_and_the_last_six_hex_digits_of_its_id(db, patient) -> None:  # type: ignore[no-untyped-def]
    first, second = _referral(db, patient), _referral(db, patient)  # made within the same second
    for r in (first, second):
        assert r.reference == "R-" + r.id.hex[-6:].upper()
    assert first.reference != second.reference
    with db.read() as s:
        stored = dict(s.execute(sa.select(Referral.id, Referral.reference)).all())
    assert stored == {first.id: first.reference, second.id: second.reference}


def test_the_search_box_finds_a_patient_by_referral_reference(db, patient) -> None:  # type: ignore[no-untyped-def]
    r = _referral(db, patient)
    digits = r.reference[2:]
    with db.read() as s:
        for typed in (r.reference, r.reference.lower(), f" r-{digits.lower()} ", f"R {digits}", f"r{digits}"):
            assert [p.mrn for p in patients.search_patients(session=s, text=typed)] == ["T0001"], typed
        assert [x.id for x in referrals.find_by_reference(session=s, text=r.reference.lower())] == [r.id]
        other = "R-000000" if digits != "000000" else "R-111111"
        assert patients.search_patients(session=s, text=other) == []
        assert referrals.find_by_reference(session=s, text="R-12345") == []  # five digits: not a reference


def test_two_referrals_sharing_a_reference_are_both_found(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        other = patients.add_patient(
            session=s, mrn="T0002", family_name="Other", given_name="One", birth_date=date(1950, 1, 1), sex="male"
        )
    mine, theirs = _referral(db, patient), _referral(db, other)
    with db.write() as s:  # a one in 16 million coincidence, made by hand
        s.execute(sa.update(Referral).where(Referral.id == theirs.id).values(reference=mine.reference))
    with db.read() as s:
        found = {p.mrn for p in patients.search_patients(session=s, text=mine.reference)}
        shared = {x.id for x in referrals.find_by_reference(session=s, text=mine.reference)}
    assert found == {"T0001", "T0002"} and shared == {mine.id, theirs.id}
