"""Restricted records: only administrators and the care team open them; a clinician outside the
team may take emergency (break-glass) access with a reason, audited, for a limited time."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk import exchange
from alsdesk.errors import DomainError, PermissionDenied, RestrictedRecord
from alsdesk.exchange import fhir
from alsdesk.models import AuditEntry
from alsdesk.services import assessments, chart, clinic, notes, patients, printing, restricted, settings, worklist
from alsdesk.services.access import Actor

D = date(2025, 7, 1)
REASON = "Patient collapsed in clinic; team not reachable"


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    """One actor per kind of person: in the care team, outside it, and other roles outside it."""
    made = {}
    with db.write() as s:
        for name, role in (
            ("inside", "clinician"),
            ("outside", "clinician"),
            ("coord", "coordinator"),
            ("viewer", "read_only"),
            ("boss", "administrator"),
        ):
            row = clinic.insert_staff(session=s, username=name, display_name=name, discipline="neurology", role=role)
            made[name] = Actor(row.username, row.id, row.role)
    return made


@pytest.fixture
def shut(db, patient, staff):  # type: ignore[no-untyped-def]
    """The fixture patient, restricted by an administrator, with 'inside' on the care team."""
    with db.write(actor=staff["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[staff["inside"].staff_id])
    return patient


def open_chart(db, actor, patient):  # type: ignore[no-untyped-def]
    with db.write(actor=actor) as s:
        return chart.patient_chart(session=s, patient_id=patient.id, audit_view=True)


def test_marking_restricted_is_for_administrators_and_audited(db, patient, staff) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied, match="may not"), db.write(actor=staff["inside"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    with db.write(actor=staff["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[staff["inside"].staff_id])
    with db.read(actor=staff["boss"]) as s:
        state = restricted.restriction(session=s, patient_id=patient.id)
        entries = s.execute(
            sa.select(AuditEntry.action, AuditEntry.table_name, AuditEntry.detail, AuditEntry.username).where(
                AuditEntry.patient_id == patient.id, AuditEntry.action.in_(("update", "create"))
            )
        ).all()
    assert state.restricted and state.team == (staff["inside"].staff_id,)
    assert ("update", "patient", json.dumps({"restricted": [False, True]}), "boss") in [tuple(e) for e in entries]
    assert any(e.table_name == "care_team_member" and e.action == "create" for e in entries)
    with db.write(actor=staff["boss"]) as s:  # unmark and empty the team: both undone and audited
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=False, team=[])
    assert open_chart(db, staff["outside"], patient).patient.restricted is False


def test_only_administrators_and_the_care_team_open_a_restricted_record(db, shut, staff) -> None:  # type: ignore[no-untyped-def]
    assert open_chart(db, staff["boss"], shut).patient.restricted is True
    assert open_chart(db, staff["inside"], shut).patient.mrn == "T0001"
    for name in ("outside", "coord", "viewer"):
        with pytest.raises(RestrictedRecord, match=r"Restricted record \(T0001\): only its care team") as refused:
            open_chart(db, staff[name], shut)
        # only a clinician is offered the emergency access
        assert refused.value.may_break_glass is (name == "outside")
    outside = staff["outside"]
    calls = {
        "print": lambda s: printing.summary_data(session=s, patient_id=shut.id),
        "export": lambda s: exchange.export_document(session=s, mrns=["T0001"]),
        "export all": lambda s: exchange.export_document(session=s),
        "fhir export": lambda s: fhir.write_collection(session=s, out=io.StringIO()),
        "ips": lambda s: fhir.write_summary(session=s, out=io.StringIO(), mrn="T0001"),
        "notes": lambda s: notes.list_notes(session=s, patient_id=shut.id),
        "patient": lambda s: patients.get_by_mrn(session=s, mrn="T0001"),
        "entry": lambda s: assessments.record_assessment(
            session=s, patient_id=shut.id, assessed_on=D, fvc_percent=80.0
        ),
        "edit": lambda s: patients.update_patient(session=s, patient_id=shut.id, phone="01234 567890"),
    }
    for what, call in calls.items():
        with pytest.raises(RestrictedRecord), db.write(actor=outside) as s:
            call(s)
            pytest.fail(f"{what} was allowed")
    with db.write(actor=staff["inside"]) as s:  # the care team records as usual
        assessments.record_assessment(session=s, patient_id=shut.id, assessed_on=D, fvc_percent=80.0)
    with db.read(actor=outside) as s:  # search and lists still show that the patient exists
        (found,) = patients.search_patients(session=s, text="T0001")
        listed = patients.list_patients(session=s)
        items = worklist.worklist(session=s, on=date(2026, 1, 1))
    assert found.mrn == "T0001" and found.restricted and [p.mrn for p in listed] == ["T0001"]
    assert [(i.kind, str(i.reason)) for i in items if i.patient_id == shut.id] == [
        ("restricted", restricted.RESTRICTED_TEXT)
    ]
    with db.read(actor=staff["inside"]) as s:
        inside_items = worklist.worklist(session=s, on=date(2026, 1, 1))
    assert restricted.RESTRICTED_TEXT not in {str(i.reason) for i in inside_items}


def test_lists_and_search_show_only_name_and_mrn_outside_the_team(db, shut, staff) -> None:  # type: ignore[no-untyped-def]
    masked = {"sex": None, "birth_date": None, "phone": None, "status": None}
    for name in ("outside", "coord", "viewer", "inside", "boss"):
        with db.read(actor=staff[name]) as s:
            rows = [
                *patients.list_patients(session=s),
                *patients.search_patients(session=s, text="Test"),
                *patients.search_patients(session=s, text="zw"),  # pinyin initials of 张伟
                *patients.search_patients(session=s, text="t000"),
                *patients.possible_duplicates(
                    session=s, family_name="Test", given_name="Patient", birth_date=date(1960, 5, 17)
                ),
            ]
            by_phone = patients.search_patients(session=s, text="1380000")
        assert len(rows) == 5 and {(p.mrn, p.display_name) for p in rows} == {("T0001", "TEST, Patient 张伟")}
        # a phone finds the record only for those who may see it: else it would say whose number it is
        assert [p.mrn for p in by_phone] == (["T0001"] if name in ("inside", "boss") else []), name
        shown = {k: {getattr(p, k) for p in rows} for k in masked}
        if name in ("inside", "boss"):  # the care team and administrators see the record
            assert shown == {
                "sex": {"female"},
                "birth_date": {date(1960, 5, 17)},
                "phone": {"13800000001"},
                "status": {"diagnosed"},
            }
        else:
            assert shown == {k: {None} for k in masked}, name


def test_the_worklist_shows_one_neutral_line_per_closed_record(db, shut, staff, patient) -> None:  # type: ignore[no-untyped-def]
    on = date(2026, 1, 1)
    with db.read(actor=staff["inside"]) as s:
        team_kinds = {i.kind for i in worklist.worklist(session=s, on=on) if i.patient_id == shut.id}
    assert team_kinds and "restricted" not in team_kinds  # the team sees the work itself
    with db.read(actor=staff["coord"]) as s:
        items = worklist.worklist(session=s, on=on)
        counts = worklist.worklist_counts(session=s, on=on)
        page = worklist.worklist_page(session=s, on=on, kind="restricted")
        by_discipline = worklist.worklist(session=s, on=on, discipline="physiotherapy")
    (line,) = [i for i in items if i.patient_id == shut.id]
    assert (line.kind, line.patient_mrn, line.patient_name, str(line.reason)) == (
        "restricted",
        "T0001",
        "TEST, Patient 张伟",
        restricted.RESTRICTED_TEXT,
    )
    # no date, discipline, record or staff from inside the record
    assert (line.due_date, line.discipline, line.record_id, line.staff_id) == (on, "", None, None)
    assert page == [line] and counts["restricted"] == 1
    assert all(counts[k] == 0 for k in team_kinds)  # no kind's count gives the work away
    assert [i for i in by_discipline if i.patient_id == shut.id] == [line]  # filters look inside: not applied


def test_break_glass_grants_access_for_a_limited_time_flagged_in_the_audit_trail(db, shut, staff, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    outside = staff["outside"]
    with pytest.raises(RestrictedRecord):
        open_chart(db, outside, shut)
    for reason in ("", "   ", "x"):
        with pytest.raises(DomainError, match="reason|why"), db.write(actor=outside) as s:
            restricted.break_glass(session=s, patient_id=shut.id, reason=reason)
    for name in ("coord", "viewer"):
        with pytest.raises(PermissionDenied, match="may not take emergency access"), db.write(actor=staff[name]) as s:
            restricted.break_glass(session=s, patient_id=shut.id, reason=REASON)
    with db.write(actor=outside) as s:
        grant = restricted.break_glass(session=s, patient_id=shut.id, reason=REASON)
    assert grant.reason == REASON
    assert timedelta(hours=7, minutes=59) < grant.until - restricted._now() <= timedelta(hours=8)
    assert open_chart(db, outside, shut).patient.mrn == "T0001"
    with db.write(actor=outside) as s:  # entries too, while the grant lasts
        assessments.record_assessment(session=s, patient_id=shut.id, assessed_on=D, fvc_percent=70.0)
    with db.read(actor=staff["boss"]) as s:
        (entry,) = s.scalars(sa.select(AuditEntry).where(AuditEntry.action == restricted.BREAK_GLASS)).all()
    assert (entry.username, entry.staff_id, entry.patient_id, entry.category) == (
        "outside",
        outside.staff_id,
        shut.id,
        "security",
    )
    assert json.loads(entry.detail) == {"reason": REASON, "hours": 8}

    start = restricted._now()
    monkeypatch.setattr(restricted, "_now", lambda: start + timedelta(hours=7, minutes=50))
    assert open_chart(db, outside, shut).patient.mrn == "T0001"  # still inside the 8 hours
    monkeypatch.setattr(restricted, "_now", lambda: start + timedelta(hours=8, minutes=1))
    with pytest.raises(RestrictedRecord):
        open_chart(db, outside, shut)
    with db.write(actor=staff["boss"]) as s:  # the clinic may shorten the window
        settings.change_setting(session=s, key="break_glass_hours", value=2)
    monkeypatch.setattr(restricted, "_now", lambda: start)
    with db.write(actor=outside) as s:
        restricted.break_glass(session=s, patient_id=shut.id, reason=REASON)
    monkeypatch.setattr(restricted, "_now", lambda: start + timedelta(hours=2, minutes=1))
    with pytest.raises(RestrictedRecord):
        open_chart(db, outside, shut)


def test_break_glass_only_on_restricted_records(db, patient, staff) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="not restricted"), db.write(actor=staff["outside"]) as s:
        restricted.break_glass(session=s, patient_id=patient.id, reason=REASON)
    with db.write(actor=staff["boss"]) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    nobody_on_staff = Actor("no-staff-row", None, "clinician")
    with pytest.raises(DomainError, match="signed-in staff account"), db.write(actor=nobody_on_staff) as s:
        restricted.break_glass(session=s, patient_id=patient.id, reason=REASON)


def refusals(db, patient_id=None):  # type: ignore[no-untyped-def]
    with db.read() as s:
        query = sa.select(AuditEntry.username, AuditEntry.patient_id, AuditEntry.detail, AuditEntry.category).where(
            AuditEntry.action == "access_refused"
        )
        return [(u, p, json.loads(d), c) for u, p, d, c in s.execute(query.order_by(AuditEntry.seq))]


def test_refused_attempts_are_audited_in_their_own_transaction(db, shut, staff) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import audit

    with pytest.raises(RestrictedRecord), db.write(actor=staff["outside"]) as s:
        # a write earlier in the same transaction rolls back with the refusal; its entry does not
        patients.add_patient(
            session=s, mrn="N1", family_name="New", given_name="One", birth_date=date(1970, 1, 1), sex="male"
        )
        patients.get_by_mrn(session=s, mrn="T0001")
    with pytest.raises(PermissionDenied), db.write(actor=staff["viewer"]) as s:  # a role, not a record
        assessments.record_assessment(session=s, patient_id=shut.id, assessed_on=D, fvc_percent=80.0)
    with pytest.raises(RestrictedRecord), db.read(actor=staff["coord"]) as s:  # a read session too
        chart.patient_chart(session=s, patient_id=shut.id)
    found = refusals(db)
    assert [(u, p, d["attempt"], d["why"], c) for u, p, d, c in found] == [
        ("outside", shut.id, "get_by_mrn", "restricted record", "security"),
        ("viewer", shut.id, "record_assessment", "permission", "security"),
        ("coord", shut.id, "patient_chart", "restricted record", "security"),
    ]
    assert "may not" in found[1][2]["refusal"] and "T0001" in found[0][2]["refusal"]
    with db.read() as s:
        assert audit.verify(session=s, key=db.audit_key).ok  # the chain holds the new entries
        assert not patients.search_patients(session=s, text="N1")  # the refused transaction left nothing
        assert "N1" not in " ".join(s.scalars(sa.select(AuditEntry.detail)))


def test_schedule_and_print_log_keep_a_closed_records_bookings_inside(db, shut, staff) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import printlog, therapy, workups

    week = (D, D + timedelta(days=6))
    with db.write(actor=staff["inside"]) as s:
        therapy.create_plan(
            session=s, patient_id=shut.id, discipline="physiotherapy", title="ROM", start_date=D, interval_days=2,
            session_count=2,
        )  # fmt: skip
        w, _ = workups.create_workup(session=s, patient_id=shut.id, kind="emg", on=D - timedelta(days=5))
        workups.advance_workup(session=s, workup_id=w.id, to="scheduled", on=D + timedelta(days=1))
        printlog.log_print(
            session=s, kind="referral", language="en", paper="a4", pages=1, destination="printer",
            printed_by="inside", patient_id=shut.id, patient_mrn="T0001",
        )  # fmt: skip
        printlog.log_print(
            session=s, kind="worklist", language="en", paper="a4", pages=1, destination="printer", printed_by="inside"
        )

    def seen(name: str) -> tuple[int, int, list[str]]:
        with db.read(actor=staff[name]) as s:
            return (
                len(therapy.week_slots(session=s, start=week[0], end=week[1])),
                len(workups.appointments_between(session=s, start=week[0], end=week[1])),
                sorted(e.kind for e in printlog.print_log(session=s)),
            )

    assert seen("inside") == seen("boss") == (2, 1, ["referral", "worklist"])
    assert seen("coord") == seen("outside") == (0, 0, ["worklist"])  # a print of no patient stays listed
