"""Documents of a deceased patient: the date of death in place of a current stage, nothing ongoing,
no family papers."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.errors import DomainError
from alsdesk.services import patients
from alsdesk.services.printing import PrintOptions, referral_data, summary_data
from alsdesk.services.printing_cards import alert_card_data, medication_card_data
from alsdesk.services.printing_sheets import checklist_data, handout_data, visit_data
from tests.reports.conftest import PRINT_DAY, pdf_text

DEATH = date(2025, 8, 25)  # after both visits (38/48 on 2025-08-20: King's 3, MiToS 0) and the referral
OPTS = PrintOptions(lang="en", printed_on=PRINT_DAY)
ZH = PrintOptions(lang="zh_CN", printed_on=PRINT_DAY)


@pytest.fixture
def deceased(db, rich):  # type: ignore[no-untyped-def]
    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, status="deceased", death_date=DEATH)
    return rich


def flat(data: bytes) -> str:
    return pdf_text(data).replace("\n", " ")


def test_a_living_patients_summary_has_a_current_stage(db, rich) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = flat(summary_pdf(data, invariant=True))
    assert "Current stage" in text and "Date of death" not in text
    assert (data.kings_now, data.mitos_now) == ("3", 0)  # ITEMS_2: bulbar, upper and lower limb involved
    assert "Riluzole" in text and "Upcoming appointments" in text


def test_summary_shows_the_date_of_death_instead_of_a_current_stage(db, deceased) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=deceased.patient_id, options=OPTS)
    text = flat(summary_pdf(data, invariant=True))
    assert "Current stage" not in text
    assert "Date of death 2025-08-25" in text
    assert "King's stage 5 (death, 2025-08-25)" in text and "MiToS stage 5 (death, 2025-08-25)" in text
    assert "Last ALSFRS-R 38/48 (assessed 2025-08-20)" in text
    # riluzole and the therapy plan ended on the date of death; nothing more falls due
    assert data.medications == () and data.therapies == () and data.appointments == ()
    assert "Nothing on record Active medications, Therapies, Open workups, Upcoming appointments" in text
    assert "Riluzole" not in text and "Home exercise review" not in text


def test_summary_in_chinese_shows_the_date_of_death(db, deceased) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=deceased.patient_id, options=ZH)
    text = pdf_text(summary_pdf(data, invariant=True)).replace("\n", "")
    assert "目前分期" not in text
    assert "死亡日期" in text and "5（死亡，2025-08-25）" in text and "最后一次 ALSFRS-R" in text


def test_visit_report_shows_the_date_of_death_and_the_stage_at_that_visit(db, deceased) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.reports.visit import visit_pdf

    with db.read() as s:
        data = visit_data(session=s, patient_id=deceased.patient_id, options=OPTS)
        zh = visit_data(session=s, patient_id=deceased.patient_id, options=ZH)
    text = flat(visit_pdf(data, invariant=True))
    assert "Date of death: 2025-08-25" in text
    assert "Current stage" not in text and "Stage at this visit" in text
    zh_text = pdf_text(visit_pdf(zh, invariant=True)).replace("\n", "")
    assert "死亡日期：2025-08-25" in zh_text and "本次就诊分期" in zh_text and "目前分期" not in zh_text


def test_referral_letter_names_the_date_of_death(db, deceased) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.reports.referral import referral_pdf

    with db.read() as s:
        data = referral_data(session=s, patient_id=deceased.patient_id, options=OPTS)
    text = flat(referral_pdf(data, invariant=True))
    assert "Date of death 2025-08-25" in text and "Current stage" not in text


def test_family_papers_stay_refused(db, deceased) -> None:  # type: ignore[no-untyped-def]
    refused = "is recorded as deceased; papers for the family are not printed"
    with db.read() as s:
        with pytest.raises(DomainError, match=refused):
            handout_data(session=s, patient_id=deceased.patient_id, options=OPTS)
        with pytest.raises(DomainError, match=refused):
            checklist_data(session=s, patient_id=deceased.patient_id, enrollment_id=deceased.diet_id, options=OPTS)
        with pytest.raises(DomainError, match=refused):
            medication_card_data(session=s, patient_id=deceased.patient_id, options=OPTS)
        with pytest.raises(DomainError, match=refused):
            alert_card_data(session=s, patient_id=deceased.patient_id, options=OPTS)
