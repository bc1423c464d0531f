"""The GP letter and the appointment letter (issue 13 item 7): `alsdesk report gp-letter` after the
latest visit (or --date) with what changed, the actions and the next review, then the patient's plain
copy in the patient's language; `alsdesk report appointment` for the next coming appointment (or
--appointment, its ID or a unique start of it). Each exits 1 in words when it does not apply."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.cli import main
from tests.reports.conftest import pdf_pages
from tests.reports.test_cli_report import log_rows, signed_in  # noqa: F401  (the signed-in account)


def report(db_url: str, tmp_path, kind: str, *args: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kind}.pdf"
    code = main(["--database", db_url, "report", kind, "--patient", "T0001", *args, "-o", str(out)])
    return code, [" ".join(p.split()) for p in pdf_pages(out.read_bytes())] if code == 0 else []


@pytest.fixture
def changed(db, rich):  # type: ignore[no-untyped-def]
    """Since the first visit (2025-07-01): a medicine started on the second visit's day and a gastrostomy
    placed before it; another medicine started on the first visit's day, which the letter after the
    second does not count as new."""
    from alsdesk.services import medications

    with db.write() as s:
        medications.prescribe(
            session=s, patient_id=rich.patient_id, drug_code="tizanidine", started_on=date(2025, 7, 1), dose="2 mg"
        )
        medications.prescribe(
            session=s, patient_id=rich.patient_id, drug_code="baclofen", started_on=date(2025, 8, 20), dose="10 mg"
        )
        medications.record_milestone(
            session=s, patient_id=rich.patient_id, kind="gastrostomy", occurred_on=date(2025, 8, 10)
        )
    return rich


def test_gp_letter_says_what_changed_and_what_to_do_and_is_logged(db, db_url, changed, tmp_path):
    code, pages = report(db_url, tmp_path, "gp-letter", "--lang", "en")
    assert code == 0
    letter, plain = " ".join(pages[:-1]), pages[-1]
    assert "Clinic letter to the GP" in letter and "We saw your patient at the clinic on 2025-08-20." in letter
    assert "Visit before (2025-07-01)" in letter and "This visit (2025-08-20)" in letter
    assert "41/48 (2025-07-01)" in letter and "38/48 (2025-08-20)" in letter  # ALSFRS-R, dated
    assert "82 % (2025-07-01)" in letter and "71 % (2025-08-20)" in letter and "57.5 kg (2025-08-20)" in letter
    assert "Started: Baclofen" in letter and "New: Gastrostomy" in letter
    assert "Started: Tizanidine" not in letter and "Started: Riluzole" not in letter  # on or before the visit before
    assert "Tizanidine" in letter  # a current medication all the same
    assert "Please arrange a liver blood test (ALT) for Riluzole by" in letter  # the worklist's riluzole rule
    assert "Next review at the clinic: 2025-11-18" in letter  # the scored visit + 90 days (reassessment_days)
    assert "Allergies" in letter and "Weight change" in letter  # the referral letter's blocks
    # the plain copy: in the patient's language (Chinese), whatever the letter's
    assert "用简单的话说说您这次就诊" in plain and "上次是 41 分" in plain and "您现在有了喂食管。" in plain
    assert "Last time" not in plain
    assert [(e.kind, e.language) for e in log_rows(db)] == [("gp-letter", "en")]


def test_gp_letter_in_chinese_and_for_an_earlier_visit(db, db_url, rich, tmp_path):
    code, pages = report(db_url, tmp_path, "gp-letter", "--lang", "zh_CN", "--date", "2025-07-01")
    assert code == 0
    text = " ".join(pages)
    assert "致全科医生的门诊信" in text and "这是首次就诊" in text and "Clinic letter" not in text
    assert "2025-08-20" not in text  # nothing from the later visit
    assert log_rows(db)[0].kind == "gp-letter"


def test_gp_letter_without_lang_is_in_the_clinics_letter_language(db, db_url, rich, tmp_path):
    code, pages = report(db_url, tmp_path, "gp-letter")
    assert code == 0 and "Clinic letter to the GP" in pages[0]
    assert log_rows(db)[0].language == "en"


@pytest.mark.parametrize(
    ("fixture", "args", "message"),
    [
        ("patient", [], "no visit recorded at all"),
        ("rich", ["--date", "2025-07-02"], "no visit recorded on 2025-07-02"),
        ("rich", ["--appointment", "x"], "--appointment is for report appointment only."),
    ],
)
def test_gp_letter_refusals_exit_1(request, db, db_url, tmp_path, capsys, fixture, args, message):  # type: ignore[no-untyped-def]
    request.getfixturevalue(fixture)
    assert report(db_url, tmp_path, "gp-letter", *args)[0] == 1
    assert message in capsys.readouterr().err and log_rows(db) == []


def test_a_note_alone_makes_a_visit(db, db_url, rich, tmp_path):
    from alsdesk.services import notes

    with db.write() as s:
        notes.add_note(
            session=s, patient_id=rich.patient_id, kind="clinical", occurred_on=date(2025, 9, 5), text="Seen."
        )
    code, pages = report(db_url, tmp_path, "gp-letter", "--lang", "en")
    assert code == 0 and "This visit (2025-09-05)" in pages[0] and "Visit before (2025-08-20)" in pages[0]


def session_ids(db, patient_id) -> list[str]:  # type: ignore[no-untyped-def]
    from alsdesk.services.chart import patient_chart

    with db.read() as s:
        return [str(x.id) for plan in patient_chart(session=s, patient_id=patient_id).plans for x in plan.sessions]


def test_appointment_letter_for_the_next_appointment(db, db_url, rich, tmp_path):
    code, pages = report(db_url, tmp_path, "appointment", "--lang", "en", "--date", "2025-09-01")
    assert code == 0
    text = pages[0]
    assert "Your appointment" in text and "2025-09-03" in text and "Home exercise review" in text
    assert "Place Lecheng ALS Clinic 1 Boao Road" in text
    assert "Bring to each appointment" in text  # the handout's words
    assert "Time ____" in text and "Transport ____" in text  # nothing recorded: a line to fill in
    assert "call the clinic on 0898-1234567 well before the day" in text
    assert "interpreter" not in text
    (entry,) = log_rows(db)
    assert entry.kind == "appointment" and str(entry.record_id) == session_ids(db, rich.patient_id)[0]


def test_appointment_letter_in_the_patients_language_with_the_interpreter(db, db_url, rich, tmp_path):
    from alsdesk.services import patients

    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, interpreter_needed=True)
    code, pages = report(db_url, tmp_path, "appointment", "--date", "2025-09-01")
    assert code == 0
    assert "您的预约" in pages[0] and "您需要翻译（中文）" in pages[0] and "Your appointment" not in pages[0]


def test_appointment_by_id_or_a_unique_start_of_it(db, db_url, rich, tmp_path, capsys):
    ids = session_ids(db, rich.patient_id)  # 2025-09-03, -17, 10-01, 10-15
    third = ids[2]
    unique = next(third[:n] for n in range(1, 37) if [i for i in ids if i.startswith(third[:n])] == [third])
    for wanted in (third, unique, third.replace("-", "").upper()):
        code, pages = report(
            db_url, tmp_path, "appointment", "--lang", "en", "--date", "2025-09-01", "--appointment", wanted
        )
        assert code == 0 and "2025-10-01" in pages[0], wanted
    assert report(db_url, tmp_path, "appointment", "--appointment", "zz-not-there")[0] == 1
    assert "no upcoming appointment with the ID zz-not-there" in capsys.readouterr().err


def test_appointment_refusals_exit_1_in_words(db, db_url, rich, tmp_path, capsys):
    from alsdesk.services import patients

    assert report(db_url, tmp_path, "appointment", "--date", "2025-10-16")[0] == 1  # the last session was 10-15
    assert "has no upcoming appointment; no appointment letter is printed" in capsys.readouterr().err
    assert report(db_url, tmp_path, "handout", "--appointment", "x")[0] == 1
    assert "--appointment is for report appointment only." in capsys.readouterr().err
    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, status="deceased", death_date=date(2025, 9, 2))
    assert report(db_url, tmp_path, "appointment", "--date", "2025-09-01")[0] == 1
    assert "deceased" in capsys.readouterr().err and log_rows(db) == []


def test_gp_letter_for_a_deceased_patient_has_no_plain_copy(db, db_url, rich, tmp_path):
    from alsdesk.services import patients

    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, status="deceased", death_date=date(2025, 9, 2))
    code, pages = report(db_url, tmp_path, "gp-letter", "--lang", "en")
    assert code == 0 and "Clinic letter to the GP" in pages[0]
    assert not [p for p in pages if "用简单的话" in p or "Your visit in plain words" in p]


def test_pick_appointment_needs_no_database():
    from alsdesk.errors import DomainError, NotFoundError
    from alsdesk.printdata import Appointment
    from alsdesk.services.printing_letters import pick_appointment

    a = Appointment(date(2025, 9, 3), "physiotherapy", record_id="0198aaaa-0000-7000-8000-000000000001")
    b = Appointment(date(2025, 9, 4), "physiotherapy", record_id="0198aaaa-0000-7000-8000-000000000002")
    assert pick_appointment("M", (a, b), None) is a
    assert pick_appointment("M", (a, b), "0198AAAA00007000800000000000000 2".replace(" ", "")) is b
    with pytest.raises(DomainError, match="give more of it"):
        pick_appointment("M", (a, b), "0198aaaa")
    with pytest.raises(NotFoundError):
        pick_appointment("M", (), None)
    with pytest.raises(NotFoundError):
        pick_appointment("M", (a, b), "  ")


def test_a_referral_appointment_is_at_the_facility_referred_to(db, db_url, rich, tmp_path):
    """Booked for 2025-09-02, before the first physiotherapy session: the next appointment."""
    from alsdesk.services import referrals

    with db.write() as s:
        for to, on in (("sent", date(2025, 8, 22)), ("accepted", date(2025, 8, 25))):
            referrals.advance_referral(session=s, referral_id=rich.referral_id, to=to, on=on)
        referrals.advance_referral(
            session=s,
            referral_id=rich.referral_id,
            to="scheduled",
            on=date(2025, 8, 26),
            appointment_on=date(2025, 9, 2),
        )
    code, pages = report(db_url, tmp_path, "appointment", "--lang", "en", "--date", "2025-09-01")
    assert code == 0
    assert "What Respiratory medicine Date 2025-09-02" in pages[0]  # the facility once: as the place
    assert "Place Haikou People's Hospital Transport" in pages[0]  # not the clinic's name and address
    assert str(log_rows(db)[0].record_id) == str(rich.referral_id)
