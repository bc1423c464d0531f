"""Issue 13 items 2 and 3: the handout's safety block on page 1, and what a referral letter says,
read back from the PDF in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.services.printing import PrintOptions, referral_data
from alsdesk.services.printing_sheets import handout_data
from tests.reports.conftest import ITEMS_2, PRINT_DAY, pdf_pages

EN = PrintOptions(lang="en", printed_on=PRINT_DAY)
ZH = PrintOptions(lang="zh_CN", printed_on=PRINT_DAY)
# Item 12 = 2: NIV in use (ALSFRS-R anchor); 5b scored: a gastrostomy; item 3 = 0: nothing by mouth.
TUBE_FED_VENTILATED = {**{k: v for k, v in ITEMS_2.items() if k != "5a"}, "5b": 2, "3": 0, "12": 2}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def contacts(db, rich):  # type: ignore[no-untyped-def]
    """The clinic's numbers and hours, and a key worker with a job title and phone."""
    from alsdesk.services import clinic, patients

    with db.write() as s:
        clinic.save_clinic(
            session=s,
            name="Lecheng ALS Clinic",
            address="1 Boao Road",
            phone="0898-1234567",
            emergency_phone="120",
            out_of_hours_phone="0898-7654321",
            opening_hours="Mon-Fri 08:00-17:00",
        )
        nurse = clinic.add_staff(
            session=s,
            username="li.na",
            display_name="Li Na",
            discipline="specialist_nursing",
            role="clinician",
            phone="0898-1112223",
            job_title="ALS nurse specialist",
        )
        patients.update_patient(session=s, patient_id=rich.patient_id, responsible_staff_id=nurse.id)
    return nurse


def ventilated_tube_fed(db, patient_id) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import assessments

    with db.write() as s:
        assessments.record_assessment(
            session=s, patient_id=patient_id, assessed_on=date(2025, 8, 28), items=TUBE_FED_VENTILATED, weight_kg=56.0
        )


def handout(db, patient_id, options: PrintOptions) -> list[str]:  # type: ignore[no-untyped-def]
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        data = handout_data(session=s, patient_id=patient_id, options=options)
    return pdf_pages(handout_pdf(data, invariant=True))


def test_handout_page_one_has_every_number_and_the_key_worker(db, rich, contacts):
    pages = handout(db, rich.patient_id, EN)
    first = flat(pages[0])
    for text in ("Whom to call", "Emergency number 120", "Clinic phone 0898-1234567", "Mon-Fri 08:00-17:00"):
        assert text in first, text
    assert "Out-of-hours line 0898-7654321" in first
    assert "Your key worker Li Na (ALS nurse specialist) 0898-1112223" in first
    assert "Call 120 at once if it is very hard to breathe" in first
    assert first.index("Whom to call") < first.index("Your coming appointments")
    zh = flat(handout(db, rich.patient_id, ZH)[0])
    # typed in English only: printed as typed, in the page's own brackets
    assert "急救电话 120" in zh and "您的主要联系人 Li Na（ALS nurse specialist） 0898-1112223" in zh
    assert "非工作时间电话 0898-7654321" in zh and "门诊时间" in zh


def set_texts(db, *, hours: str, hours_zh: str, title: str, title_zh: str) -> None:  # type: ignore[no-untyped-def]
    """The clinic's opening hours and the key worker's job title, each in English and Chinese."""
    from alsdesk.services import clinic

    with db.write() as s:
        clinic.save_clinic(
            session=s,
            name="Lecheng ALS Clinic",
            address="1 Boao Road",
            phone="0898-1234567",
            emergency_phone="120",
            out_of_hours_phone="0898-7654321",
            opening_hours=hours,
            opening_hours_zh=hours_zh,
        )
        clinic.update_staff(session=s, username="li.na", job_title=title, job_title_zh=title_zh)


HOURS, HOURS_ZH = "Mon-Fri 08:00-17:00", "周一至周五 08:00-17:00"
TITLE, TITLE_ZH = "ALS nurse specialist", "渐冻症专科护士"


def test_handout_prints_the_hours_and_the_key_workers_title_in_its_own_language(db, rich, contacts):
    set_texts(db, hours=HOURS, hours_zh=HOURS_ZH, title=TITLE, title_zh=TITLE_ZH)
    en = flat(handout(db, rich.patient_id, EN)[0])
    assert f"Clinic hours {HOURS}" in en and f"Li Na ({TITLE}) 0898-1112223" in en
    assert HOURS_ZH not in en and TITLE_ZH not in en
    zh = flat(handout(db, rich.patient_id, ZH)[0])
    assert f"门诊时间 {HOURS_ZH}" in zh and f"您的主要联系人 Li Na（{TITLE_ZH}） 0898-1112223" in zh
    assert HOURS not in zh and TITLE not in zh  # every word Chinese (issue 13 item 1)


@pytest.mark.parametrize(
    ("hours", "hours_zh", "title", "title_zh", "shown_hours", "shown_title"),
    [
        (HOURS, "", TITLE, "", HOURS, TITLE),  # typed in English only: both languages print it
        ("", HOURS_ZH, "", TITLE_ZH, HOURS_ZH, TITLE_ZH),  # typed in Chinese only: both print it
    ],
)
def test_a_text_typed_in_one_language_only_is_printed_as_typed_in_both(  # type: ignore[no-untyped-def]
    db, rich, contacts, hours, hours_zh, title, title_zh, shown_hours, shown_title
):
    set_texts(db, hours=hours, hours_zh=hours_zh, title=title, title_zh=title_zh)
    en = flat(handout(db, rich.patient_id, EN)[0])
    zh = flat(handout(db, rich.patient_id, ZH)[0])
    assert f"Clinic hours {shown_hours}" in en and f"Li Na ({shown_title})" in en
    assert f"门诊时间 {shown_hours}" in zh and f"Li Na（{shown_title}）" in zh


def test_handout_without_interventions_gives_no_device_advice(db, rich, contacts):
    text = flat("\n".join(handout(db, rich.patient_id, EN)))
    assert "breathing machine" not in text and "feeding tube" not in text and "Oxygen:" not in text
    assert "coughing or choking when eating or drinking" in text
    zh = flat("\n".join(handout(db, rich.patient_id, ZH)))
    assert "如果呼吸机" not in zh and "如果喂食管" not in zh and "吸氧：" not in zh and "吃饭或喝水时咳嗽、呛咳" in zh


def test_ventilated_tube_fed_patient_gets_the_failure_plans_and_no_eating_advice(db, rich, contacts):
    ventilated_tube_fed(db, rich.patient_id)
    pages = handout(db, rich.patient_id, EN)
    first, text = flat(pages[0]), flat("\n".join(pages))
    assert "If your breathing machine (NIV) stops working or does not help" in first
    assert "Oxygen: do not use oxygen at home unless your ALS team has prescribed it." in first
    assert "If the feeding tube is blocked or comes out" in text
    assert "The opening can start to close within hours" in text
    assert "coughing or choking when eating or drinking" not in text  # nothing by mouth
    zh = flat("\n".join(handout(db, rich.patient_id, ZH)))
    assert "如果呼吸机（NIV）停止工作或不起作用" in zh and "吸氧：" in zh and "如果喂食管堵塞或脱出" in zh
    assert "吃饭或喝水时咳嗽、呛咳" not in zh


@pytest.mark.parametrize(("item_12", "tracheostomy"), [(0, True), (1, False)])
def test_a_tube_in_the_neck_gets_its_own_plan_not_the_mask_plan(db, rich, contacts, item_12, tracheostomy):
    """ALSFRS-R item 12 = 0 (invasive ventilation) means a tracheostomy (services.interventions);
    1 is NIV by mask. The tracheostomy plan replaces the mask's, in both languages."""
    from alsdesk.services import assessments

    with db.write() as s:
        assessments.record_assessment(
            session=s,
            patient_id=rich.patient_id,
            assessed_on=date(2025, 8, 28),
            items={**TUBE_FED_VENTILATED, "12": item_12},
        )
    first = flat(handout(db, rich.patient_id, EN)[0])
    assert ("If the breathing tube in the neck is blocked or comes out" in first) is tracheostomy
    assert ("If your breathing machine (NIV) stops working or does not help" in first) is not tracheostomy
    if tracheostomy:
        steps = [
            first.index(x)
            for x in (
                "two spare tubes",
                "suction the tube",
                "take out the inner tube",
                "put in a spare tube",
                "call the emergency number at once",
            )
        ]
        assert steps == sorted(steps)  # in the order of the emergency algorithm
    zh = flat("\n".join(handout(db, rich.patient_id, ZH)))
    assert ("如果颈部的呼吸管堵塞或脱出" in zh and "简易呼吸囊" in zh) is tracheostomy
    assert ("如果呼吸机（NIV）停止工作或不起作用" in zh) is not tracheostomy


def test_tube_fed_patient_who_still_eats_is_still_told_to_watch_meals(db, rich, contacts):
    from alsdesk.services import assessments

    with db.write() as s:  # item 3 = 1: supplemental tube feeding, still eating by mouth
        assessments.record_assessment(
            session=s,
            patient_id=rich.patient_id,
            assessed_on=date(2025, 8, 28),
            items={**TUBE_FED_VENTILATED, "3": 1},
        )
    text = flat("\n".join(handout(db, rich.patient_id, EN)))
    assert "If the feeding tube is blocked or comes out" in text
    assert "coughing or choking when eating or drinking" in text


def test_nil_by_mouth_boundary():
    from alsdesk.services.interventions import nil_by_mouth

    day = date(2025, 8, 1)
    assert nil_by_mouth([(day, {"3": 0})], day)
    assert not nil_by_mouth([(day, {"3": 1})], day)
    assert not nil_by_mouth([(day, {"3": 0})], date(2025, 7, 31))  # a later visit does not count yet
    assert not nil_by_mouth([(day, {"3": 0}), (date(2025, 8, 20), {"3": 2})], date(2025, 9, 1))  # eats again
    assert not nil_by_mouth([(day, None)], day)


def test_reassessment_and_alt_due_are_printed_not_nothing_planned(db, patient):
    from alsdesk.services import assessments, medications

    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 6, 5), items=ITEMS_2)
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date(2025, 8, 30),
            dose="50 mg twice daily",
            acknowledge_warnings=True,
        )
    # Reassessment every 90 days: 2025-06-05 + 90 = 2025-09-03, two days after the print day.
    text = flat("\n".join(handout(db, patient.id, EN)))
    assert "Nothing planned yet" not in text
    assert "Tests and check-ups due" in text
    assert "2025-09-03: check-up at the clinic (ALSFRS-R score, breathing and weight)" in text
    assert "liver blood test (ALT) for Riluzole" in text
    zh = flat("\n".join(handout(db, patient.id, ZH)))
    assert "2025-09-03：门诊复查（ALSFRS-R 评分、呼吸和体重）" in zh and "尚无安排" not in zh


def test_a_reassessment_beyond_the_handout_weeks_is_not_printed(db, patient):
    from alsdesk.services import assessments

    with db.write() as s:  # due 2025-11-03: past the 8 weeks from 2025-09-01 (2025-10-27)
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 8, 5), items=ITEMS_2)
    text = flat("\n".join(handout(db, patient.id, EN)))
    assert "check-up at the clinic" not in text and "Nothing planned yet" in text


def test_next_reassessment_boundary():
    from alsdesk.services.worklist import next_reassessment

    assert next_reassessment("diagnosed", date(2025, 6, 1), date(2025, 6, 5), 90) == date(2025, 9, 3)
    assert next_reassessment("diagnosed", date(2025, 6, 1), None, 90) == date(2025, 6, 1)
    assert next_reassessment("suspected", date(2025, 6, 1), date(2025, 6, 5), 90) is None


def test_reassessment_date_agrees_with_the_worklist(db, patient):
    from alsdesk.services import assessments, worklist

    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 6, 5), items=ITEMS_2)
    with db.read() as s:
        before = worklist.worklist(session=s, on=date(2025, 9, 2))
        on_day = worklist.worklist(session=s, on=date(2025, 9, 3))
    assert not [i for i in before if i.kind == "reassessment_due"]
    assert [i.due_date for i in on_day if i.kind == "reassessment_due"] == [date(2025, 9, 3)]


def letter(db, rich, options: PrintOptions) -> list[str]:  # type: ignore[no-untyped-def]
    from alsdesk.reports.referral import referral_pdf

    with db.read() as s:
        data = referral_data(session=s, patient_id=rich.patient_id, options=options)
    return pdf_pages(referral_pdf(data, invariant=True))


@pytest.mark.parametrize(
    ("address", "address_zh", "in_english", "in_chinese"),
    [
        ("1 Boao Road", "博鳌路1号", "1 Boao Road", "博鳌路1号"),
        ("1 Boao Road", "", "1 Boao Road", "1 Boao Road"),  # typed in one language: printed as typed
        ("", "博鳌路1号", "博鳌路1号", "博鳌路1号"),
    ],
)
def test_the_letterhead_gives_the_clinics_address_in_the_letters_language(  # type: ignore[no-untyped-def]
    db, rich, contacts, address, address_zh, in_english, in_chinese
):
    from alsdesk.services import clinic

    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", address=address, address_zh=address_zh)
    en, zh = flat(letter(db, rich, EN)[0]), flat(letter(db, rich, ZH)[0])
    assert in_english in en and in_chinese in zh
    if address and address_zh:
        assert address_zh not in en and address not in zh


def test_referral_letter_says_what_a_receiving_doctor_needs(db, rich, contacts):
    from alsdesk.services import allergies, medications, patients, referrals

    with db.write() as s:
        patients.update_patient(
            session=s,
            patient_id=rich.patient_id,
            address="8 Haixiu Road, Haikou",
            caregiver_name="Wang Fang",
            caregiver_relation="daughter",
            caregiver_phone="13900000002",
            language="zh_CN",
            interpreter_needed=True,
            gp_name="Dr Chen",
            gp_contact="Boao Health Centre 0898-5550000",
            el_escorial="probable",
            gold_coast_met=True,
        )
        allergies.add_allergy(
            session=s,
            patient_id=rich.patient_id,
            substance="Penicillin",
            reaction="rash",
            severity="moderate",
            recorded_on=date(2025, 7, 1),
        )
        medications.record_milestone(session=s, patient_id=rich.patient_id, kind="niv", occurred_on=date(2025, 8, 10))
        medications.record_lab(
            session=s,
            patient_id=rich.patient_id,
            test="ALT",
            taken_on=date(2025, 8, 1),
            value=52,
            unit="U/L",
            upper_limit=40,
        )
        ref = next(
            r for r in referrals.list_referrals(session=s, patient_id=rich.patient_id) if r.id == rich.referral_id
        )
    pages = letter(db, rich, EN)
    text = flat("\n".join(pages))
    assert "Amyotrophic lateral sclerosis (ALS); El Escorial (revised): probable; Gold Coast criteria met;" in text
    assert "diagnosed 2025-06-01" in text and "Symptom onset 2025-01-01" in text
    assert "8 Haixiu Road, Haikou" in text and "13800000001" in text
    assert "Wang Fang, daughter, 13900000002" in text
    assert "Chinese; interpreter needed" in text
    assert "Penicillin, rash, Moderate" in text
    assert "Dr Chen, Boao Health Centre 0898-5550000" in text
    assert "Gastrostomy not in place" in text and "NIV in place since 2025-08-10" in text
    assert "60 kg (2025-07-01) to 57.5 kg (2025-08-20): -4.2 %" in text
    assert "FVC 71 % predicted" in text
    assert "ALT 52 U/L — upper limit 40" in text
    assert ref.reference.startswith("R-") and len(ref.reference) == 8
    assert ref.reference in flat(pages[0])
    assert "Reply slip" in pages[-1] and ref.reference in pages[-1] and len(pages) >= 2
    zh_pages = letter(db, rich, ZH)
    zh = flat("\n".join(zh_pages))
    assert (
        "肌萎缩侧索硬化（ALS）" in zh and "中文；需要翻译" in zh and "Penicillin，rash" in zh
    )  # a Chinese list separator
    assert "胃造瘘 未使用" in zh and "自 2025-08-10 起使用" in zh
    assert "回执" in zh_pages[-1] and ref.reference in zh_pages[-1]


@pytest.mark.parametrize("state", ["none_known", "not_recorded"])
def test_referral_letter_allergy_states(db, rich, state):
    from alsdesk.services import allergies

    if state == "none_known":
        with db.write() as s:
            allergies.confirm_no_known_allergies(session=s, patient_id=rich.patient_id, on=date(2025, 8, 15))
    en = flat("\n".join(letter(db, rich, EN)))
    zh = flat("\n".join(letter(db, rich, ZH)))
    if state == "none_known":
        assert "Allergies No known allergies (checked 2025-08-15)" in en
        assert "无已知过敏（2025-08-15 核实）" in zh
    else:
        assert "Allergies not recorded" in en and "No known allergies" not in en
        assert "过敏史 未记录" in zh


def test_referral_letter_signer_has_name_job_title_and_discipline(db, rich, contacts):
    from alsdesk.services import referrals

    with db.write() as s:
        ref, _ = referrals.create_referral(
            session=s,
            patient_id=rich.patient_id,
            to_specialty="dietetics",
            reason="Weight loss.",
            referral_date=date(2025, 8, 25),
            staff_id=contacts.id,
        )
    pages = letter(db, rich, EN)
    text = flat("\n".join(pages))
    assert "Li Na ALS nurse specialist Specialist nursing, Lecheng ALS Clinic" in text
    assert "clinician" not in text.lower()  # the access role is not a job title
    assert f"Please quote reference {ref.reference} in your reply." in text


@pytest.mark.parametrize(("title_zh", "shown_zh"), [(TITLE_ZH, TITLE_ZH), ("", TITLE)])
def test_referral_letter_signers_job_title_is_in_the_letters_language(db, rich, contacts, title_zh, shown_zh):
    """The Chinese title in a Chinese letter when one is set, else the English as typed; the
    English letter prints the English title either way."""
    from alsdesk.services import clinic, referrals

    with db.write() as s:
        clinic.update_staff(session=s, username="li.na", job_title_zh=title_zh)
        referrals.create_referral(
            session=s,
            patient_id=rich.patient_id,
            to_specialty="dietetics",
            reason="Weight loss.",
            referral_date=date(2025, 8, 25),
            staff_id=contacts.id,
        )
    en = flat("\n".join(letter(db, rich, EN)))
    zh = flat("\n".join(letter(db, rich, ZH)))
    assert f"Li Na {TITLE} Specialist nursing, Lecheng ALS Clinic" in en and TITLE_ZH not in en
    assert f"Li Na {shown_zh} " in zh
    assert (TITLE in zh) is (shown_zh == TITLE)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_checklist_items_positive_readings_call_line_and_sheet_id(db, patient, lang):
    """Issue 13 item 6 on the nutrition sheet: no negated item, room for the weight, the clinic's
    phone, and the ID the QR holds printed for typing in (the scanner field reads it back)."""
    from alsdesk.printdata import parse_enrollment_qr
    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.services import clinic, programs
    from alsdesk.services.printing_sheets import checklist_data

    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", phone="0898-1234567")
        e, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="nutrition_monitoring", start_date=date(2025, 9, 1)
        )
    with db.read() as s:
        data = checklist_data(session=s, patient_id=patient.id, options=PrintOptions(lang=lang, printed_on=PRINT_DAY))
    assert data.program.readings[0] == "kg"  # "Weight recorded"
    text = pdf_pages(checklist_pdf(data, invariant=True))[0]
    words = flat(text)
    if lang == "en":
        assert "Swallowing went smoothly at every meal" in words and "No coughing" not in words
        assert "Write the reading in each box (kg)." in words
        assert "Call the clinic on 0898-1234567 if anything on this sheet worries you." in words
        assert "Sheet ID" in words
    else:
        assert "每餐吞咽顺利" in words and "进餐时无呛咳" not in words
        assert "请在每天的方格内写下读数（kg）。" in words
        assert "如对本表上的任何情况感到担心，请致电门诊 0898-1234567。" in words
        assert "表单编号" in words
    lines = text.splitlines()
    printed = next(i for i, line in enumerate(lines) if line.strip() == str(e.id)[:19])
    assert parse_enrollment_qr(lines[printed].strip() + lines[printed + 1].strip()) == e.id


def test_a_typed_sheet_id_opens_the_sheet_and_nothing_else_does():
    import uuid

    from alsdesk.printdata import parse_enrollment_qr

    eid = uuid.uuid4()
    assert parse_enrollment_qr(f" {eid} ") == eid
    assert parse_enrollment_qr(str(eid).upper()) == eid
    assert parse_enrollment_qr(eid.hex) is None  # not the printed form: could be any 32 hex digits
    assert parse_enrollment_qr(str(eid)[:-1]) is None


def test_handout_prints_only_the_numbers_the_clinic_has_set(db, patient):
    from alsdesk.services import clinic

    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", phone="0898-1234567")
    first = flat(handout(db, patient.id, EN)[0])
    assert "Clinic phone 0898-1234567" in first
    assert "Emergency number" not in first and "Out-of-hours line" not in first and "Your key worker" not in first
    assert "Call emergency services at once if it is very hard to breathe" in first
    # diagnosed 2025-06-01 and never scored: the first assessment is overdue, so due on the print day
    assert "2025-09-01: check-up at the clinic" in first and "Nothing planned yet" not in first
