"""Issue 13 items 2 and 7: the handout's coming appointments and the appointment letter print the
start time and a workup's place when they are known (schema 0023), read back from the PDF in
English and Chinese; without a time they print as before."""

from __future__ import annotations

from datetime import date, time

import pytest

from alsdesk.services.printing import PrintOptions
from alsdesk.services.printing_letters import appointment_data
from alsdesk.services.printing_sheets import handout_data
from tests.reports.conftest import PRINT_DAY, pdf_pages

EN = PrintOptions(lang="en", printed_on=PRINT_DAY)
ZH = PrintOptions(lang="zh_CN", printed_on=PRINT_DAY)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def booked(db, rich):  # type: ignore[no-untyped-def]
    """The first physiotherapy session (2025-09-03) at 09:30, and an EMG booked on 2025-09-05 at
    14:15 in the neurophysiology lab; the other sessions have no time."""
    from alsdesk.services import therapy, workups
    from alsdesk.services.chart import patient_chart

    with db.write() as s:
        first = patient_chart(session=s, patient_id=rich.patient_id).plans[0].sessions[0]
        therapy.reschedule_session(session=s, session_id=first.id, on=first.scheduled_on, at=time(9, 30))
        emg, _ = workups.create_workup(session=s, patient_id=rich.patient_id, kind="emg", on=date(2025, 8, 20))
        workups.reschedule_workup(
            session=s, workup_id=emg.id, on=date(2025, 9, 5), at=time(14, 15), place="Neurophysiology lab, level 2"
        )
    return first.id, emg.id


def handout(db, patient_id, options: PrintOptions) -> str:  # type: ignore[no-untyped-def]
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        data = handout_data(session=s, patient_id=patient_id, options=options)
    return flat(" ".join(pdf_pages(handout_pdf(data, invariant=True))))


def letter(db, patient_id, options: PrintOptions, record_id=None) -> str:  # type: ignore[no-untyped-def]
    from alsdesk.reports.appointment import appointment_pdf

    with db.read() as s:
        data = appointment_data(session=s, patient_id=patient_id, appointment_id=record_id, options=options)
    return flat(pdf_pages(appointment_pdf(data, invariant=True))[0])


def test_the_handout_lists_each_appointment_with_its_time_and_a_workups_place(db, rich, booked) -> None:  # type: ignore[no-untyped-def]
    en = handout(db, rich.patient_id, EN)
    assert "2025-09-03 09:30 Physiotherapy Home exercise review" in en
    assert "2025-09-05 14:15 Neurology Electromyography (EMG), Neurophysiology lab, level 2" in en
    assert "2025-09-17 Physiotherapy Home exercise review" in en  # no time: the day alone, as before
    zh = handout(db, rich.patient_id, ZH)
    assert "2025-09-03 09:30 物理治疗" in zh and "2025-09-05 14:15 神经内科" in zh
    assert "Neurophysiology lab, level 2" in zh  # the place as it was typed
    assert "2025-09-17 物理治疗" in zh


def test_the_appointment_letter_prints_the_time_and_the_place(db, rich, booked) -> None:  # type: ignore[no-untyped-def]
    _, emg_id = booked
    en = letter(db, rich.patient_id, EN)  # the next one: the session on 2025-09-03
    assert "Date 2025-09-03 Time 09:30 Place Lecheng ALS Clinic 1 Boao Road" in en
    assert "Time ____" not in en and "Transport ____" in en
    zh = letter(db, rich.patient_id, ZH, emg_id)
    assert "日期 2025-09-05 时间 14:15 地点 Neurophysiology lab, level 2" in zh
    assert "肌电图" in zh and "Your appointment" not in zh
    untimed = letter(db, rich.patient_id, EN, _second_session(db, rich.patient_id))
    assert "Date 2025-09-17 Time ____" in untimed  # no time recorded: the line to write it on


def _second_session(db, patient_id) -> str:  # type: ignore[no-untyped-def]
    from alsdesk.services.chart import patient_chart

    with db.read() as s:
        sessions = sorted(
            patient_chart(session=s, patient_id=patient_id).plans[0].sessions, key=lambda x: x.scheduled_on
        )
    return str(sessions[1].id)


@pytest.mark.parametrize(
    ("getting_here", "getting_here_zh", "in_english", "in_chinese"),
    [
        ("Bus 12, east gate", "12路公交车，东门", "Transport Bus 12, east gate", "交通 12路公交车，东门"),
        ("Bus 12, east gate", "", "Transport Bus 12, east gate", "交通 Bus 12, east gate"),  # as typed
        ("", "", "Transport ____", "交通 ____"),  # nothing set: the line to write it on
    ],
)
def test_the_letter_says_how_to_get_there_in_its_language(  # type: ignore[no-untyped-def]
    db, rich, booked, getting_here, getting_here_zh, in_english, in_chinese
) -> None:
    from alsdesk.services import clinic

    with db.write() as s:
        clinic.save_clinic(
            session=s, name="Lecheng ALS Clinic", getting_here=getting_here, getting_here_zh=getting_here_zh
        )
    assert in_english in letter(db, rich.patient_id, EN)
    assert in_chinese in letter(db, rich.patient_id, ZH)
