"""Every document kind, printed in Chinese for the demo clinic's Chinese-speaking patients whose charts
hold each kind of line (alerts, therapy, programs, milestones, referrals, scheduled workups, scored
ALSFRS-R answers), reads in Chinese: no English word but acronyms, units and what was typed in
English (names, the clinic's address, drug names in brackets) (issue 13 item 1)."""

from __future__ import annotations

import re
import shutil
import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk.app.documents import DOCUMENTS, Request, build
from alsdesk.errors import AlsdeskError
from tests.reports.conftest import pdf_text
from tests.reports.test_texts import ALLOWED


def lines() -> dict[str, sa.Select]:  # type: ignore[type-arg]
    """What a chart may hold, each as the patients whose chart holds it."""
    from alsdesk.models import (
        AdvanceCarePlan,
        Alert,
        Assessment,
        ClinicalNote,
        Enrollment,
        GastrostomySetting,
        Milestone,
        NivSetting,
        Referral,
        TherapyPlan,
        Workup,
    )

    return {
        "open alert": sa.select(Alert.patient_id).where(Alert.status == "open"),
        "therapy plan": sa.select(TherapyPlan.patient_id).where(TherapyPlan.active),
        "program": sa.select(Enrollment.patient_id).where(
            Enrollment.status == "active", Enrollment.start_date == date.today()
        ),
        "milestone": sa.select(Milestone.patient_id),
        "open referral": sa.select(Referral.patient_id).where(
            Referral.status.in_(("draft", "sent", "received", "accepted", "scheduled"))
        ),
        "scheduled workup": sa.select(Workup.patient_id).where(Workup.status == "scheduled"),
        "scored visit": sa.select(Assessment.patient_id).where(Assessment.item_1.is_not(None)),
        "education note": sa.select(ClinicalNote.patient_id).where(ClinicalNote.kind == "education"),
        "advance care plan": sa.select(AdvanceCarePlan.patient_id).where(AdvanceCarePlan.revision == 2),
        "NIV settings": sa.select(NivSetting.patient_id),  # the NIV plan with its settings
        "gastrostomy details": sa.select(GastrostomySetting.patient_id),
    }


@pytest.fixture(scope="module")
def clinic(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A demo clinic of 80 patients (one database for the module: loading it is the slow part). Its
    programs run two weeks at most, so one Chinese-speaking patient starts the investigational diet
    today: a checklist and a handout with its warning are printed."""
    from alsdesk import demo
    from alsdesk.app import open_clinic
    from alsdesk.models import Patient
    from alsdesk.services import programs
    from alsdesk.services.access import Actor

    class Everything(Actor):  # as tests/conftest.make_test_actor (importing conftest again would reset its home)
        def may(self, permission: str) -> bool:
            return True

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(template_db, path)  # a new database would make a new audit key, which later tests' would not match
    database = open_clinic(f"sqlite:///{path}")
    database.actor = Everything("test-admin", role="administrator")
    with database.write() as s:
        demo.load_demo(session=s, patients=80)
        first = s.scalar(
            sa.select(Patient.id)
            .where(Patient.language == "zh_CN", Patient.status == "diagnosed")
            .order_by(Patient.mrn)
            .limit(1)
        )
        programs.enroll(session=s, patient_id=first, template_code="low_glutamate_diet", start_date=date.today())
    yield database
    database.dispose()


def chosen_patients(s) -> list[uuid.UUID]:  # type: ignore[no-untyped-def]
    """For each kind of line, the first living Chinese-speaking patient (by MRN) whose chart holds it."""
    from alsdesk.models import Patient

    found: list[uuid.UUID] = []
    for what, holding in lines().items():
        pid = s.scalar(
            sa.select(Patient.id)
            .where(Patient.language == "zh_CN", Patient.status != "deceased", Patient.id.in_(holding))
            .order_by(Patient.mrn)
            .limit(1)
        )
        assert pid is not None, f"no Chinese-speaking demo patient has a {what}"
        found.append(pid)
    return list(dict.fromkeys(found))


def typed_in_latin(s) -> list[str]:  # type: ignore[no-untyped-def]
    """What staff typed in Latin letters that documents print as typed: names and MRNs, the clinic's
    name (its address, opening hours and staff job titles have Chinese of their own), who printed,
    patients' addresses, carers and GPs, what they typed for English-speaking patients (the worklist quotes their therapy plans
    and referrals), and drugs' English names, which a Chinese document prints in brackets after the
    Chinese; and data: referral reference numbers, and the sheet IDs a checklist prints beside its QR
    code on two lines."""
    from alsdesk.app.documents import shown_name
    from alsdesk.models import (
        AdvanceCarePlan,
        ClinicProfile,
        Drug,
        Enrollment,
        GastrostomySetting,
        NivSetting,
        Patient,
        Referral,
        Staff,
        TherapyPlan,
    )
    from alsdesk.names import patient_name

    rows = s.execute(sa.select(Patient.family_name, Patient.given_name, Patient.name_zh)).all()
    typed = [patient_name(f, g, z, chinese_first=True) for f, g, z in rows]
    typed += [patient_name(f, g, z) for f, g, z in rows]
    typed += list(s.scalars(sa.select(Staff.display_name))) + list(s.scalars(sa.select(Patient.mrn)))
    typed.append(shown_name(s))
    english = sa.select(Patient.id).where(Patient.language == "en")
    typed += s.scalars(sa.select(TherapyPlan.title).where(TherapyPlan.patient_id.in_(english)))
    typed += s.scalars(sa.select(Referral.to_facility).where(Referral.patient_id.in_(english)))
    profile = sa.select(ClinicProfile.name)
    typed += [x for row in s.execute(profile).all() for x in row]
    contacts = sa.select(
        Patient.address, Patient.caregiver_name, Patient.caregiver_relation, Patient.gp_name, Patient.gp_contact
    )
    typed += [x for row in s.execute(contacts).all() for x in row]
    typed += s.scalars(sa.select(Referral.reference))
    plans = sa.select(AdvanceCarePlan.preferences, AdvanceCarePlan.adrt_text, AdvanceCarePlan.decider_name)
    typed += [x for row in s.execute(plans.where(AdvanceCarePlan.patient_id.in_(english))).all() for x in row]
    typed += s.scalars(sa.select(AdvanceCarePlan.decider_relationship))
    typed += s.scalars(sa.select(NivSetting.machine))  # brand names, and whom to call
    typed += [
        x for row in s.execute(sa.select(GastrostomySetting.feed_name, GastrostomySetting.contact_name)) for x in row
    ]
    typed += [part for e in s.scalars(sa.select(Enrollment.id)) for part in (str(e)[:19], str(e)[19:])]
    typed += [f"（{name}）" for name in s.scalars(sa.select(Drug.name))]
    return sorted({t for t in typed if t}, key=len, reverse=True)


def english_words(text: str, typed: list[str]) -> set[str]:
    text = text.replace("\n", " ")
    for free in typed:
        text = text.replace(free, " ")
    return set(re.findall(r"[A-Za-z][A-Za-z']+", text)) - ALLOWED


def test_every_kind_prints_wholly_in_chinese_for_the_demo_clinic(clinic):  # type: ignore[no-untyped-def]
    from alsdesk.models import Enrollment

    printed: dict[str, int] = dict.fromkeys(DOCUMENTS, 0)
    leaks: dict[str, set[str]] = {}
    with clinic.read() as s:
        typed = typed_in_latin(s)
        for pid in chosen_patients(s):
            enrollments = [
                e
                for e in s.scalars(
                    sa.select(Enrollment.id).where(Enrollment.patient_id == pid, Enrollment.start_date == date.today())
                )
            ]
            for kind, document in DOCUMENTS.items():
                records = enrollments if kind == "checklist" and enrollments else [None]
                for record in records:
                    request = Request(
                        patient_id=pid if document.patient != "none" else None,
                        record_id=record,
                        on=date.today() if kind == "worklist" else None,
                        lang="zh_CN",
                    )
                    try:
                        job = build(s, kind, request)
                    except AlsdeskError:
                        continue  # a kind that does not apply to this patient (no referral, program ended)
                    printed[kind] += 1
                    text = pdf_text(job.pdf)
                    assert "保密" in text, kind  # read back, in Chinese
                    if english := english_words(text, typed):
                        leaks.setdefault(kind, set()).update(english)
    assert [kind for kind, n in printed.items() if n == 0] == []  # every kind was read at least once
    assert leaks == {}, leaks
