"""Audit trail: every write path leaves an entry in the same transaction; any tampering is named."""

import json
import random
from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.errors import DomainError
from alsdesk.models import AuditEntry, Patient
from alsdesk.services import access, assessments, audit, chart, patients, programs, workups

D = date(2025, 7, 1)


def entries(db, **where):  # type: ignore[no-untyped-def]
    with db.read() as s:
        stmt = sa.select(AuditEntry).order_by(AuditEntry.seq)
        for key, value in where.items():
            stmt = stmt.where(getattr(AuditEntry, key) == value)
        return list(s.scalars(stmt))


def test_writes_views_imports_and_exports_are_audited(db, patient) -> None:  # type: ignore[no-untyped-def]
    created = entries(db, table_name="patient", action="create")
    assert [e.record_id for e in created] == [str(patient.id)]
    assert json.loads(created[0].detail)["mrn"] == "T0001"
    assert created[0].category == "demographics" and created[0].username == "test-admin"  # the fixture's actor
    with db.write(actor=access.Actor("nurse1", role="coordinator")) as s:
        patients.update_patient(session=s, patient_id=patient.id, phone="01234 567890")
        patients.set_archived(session=s, patient_id=patient.id, archived=True)
    update, archive = entries(db, table_name="patient")[-2:]
    assert (update.action, update.username) == ("update", "nurse1")
    assert json.loads(update.detail) == {"phone": ["13800000001", "01234 567890"]}
    assert archive.action == "archive"
    with db.write() as s:
        workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D)
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=D, fvc_percent=40.0)
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 0)])
        chart.patient_chart(session=s, patient_id=patient.id, audit_view=True)
        exchange.export_document(session=s, mrns=["T0001"])
    tables = {(x.action, x.table_name) for x in entries(db, patient_id=patient.id)}
    assert {
        ("create", "workup"),
        ("create", "workup_event"),
        ("create", "assessment"),
        ("create", "alert"),
        ("create", "enrollment"),
        ("create", "enrollment_mark"),
        ("view", "patient"),
        ("export", "patient"),
    } <= tables
    with db.write() as s:
        doc = demo.demo_document(patients=2, seed=4, anchor=D)
        exchange.import_document(session=s, document=doc)
    assert len(entries(db, action="import")) == 2
    with db.read() as s:
        assert audit.verify(session=s, key=db.audit_key).ok


def test_a_failed_write_leaves_no_entry(db, patient) -> None:  # type: ignore[no-untyped-def]
    before = len(entries(db))
    with pytest.raises(DomainError), db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, phone="01234 567890")
        patients.add_patient(session=s, mrn="T0001", family_name="Dup", given_name="X", birth_date=D, sex="male")
    assert len(entries(db)) == before


def _trail(db, n: int) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        audit.append(s, [("view", "patient", None, None, {"i": i}, None) for i in range(n)])


def _verify(db):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return audit.verify(session=s, key=db.audit_key)


def test_tampering_with_a_10000_entry_trail_is_always_found(db) -> None:  # type: ignore[no-untyped-def]
    base = _verify(db).entries  # catalog entries loaded at set-up are audited too
    _trail(db, 10_000)
    assert _verify(db).ok and _verify(db).entries == base + 10_000
    table = AuditEntry.__table__
    rng = random.Random(5)
    for _ in range(4):
        k = base + rng.randint(1, 9_999)
        with db.write() as s:  # altered
            s.execute(sa.update(table).where(table.c.seq == k).values(detail='{"i": -1}'))
        result = _verify(db)
        assert (result.ok, result.first_bad) == (False, k), result
        with db.write() as s:
            s.execute(sa.update(table).where(table.c.seq == k).values(detail=json.dumps({"i": k - base - 1})))
        assert _verify(db).ok
    k = base + rng.randint(2, 9_998)
    with db.write() as s:  # deleted
        row = s.execute(sa.select(table).where(table.c.seq == k)).mappings().one()
        s.execute(sa.delete(table).where(table.c.seq == k))
    result = _verify(db)
    assert (result.ok, result.first_bad) == (False, k) and "missing" in result.problem
    with db.write() as s:  # inserted in its place with a plain (keyless) hash recomputed
        import hashlib

        forged = dict(row)
        forged["detail"] = '{"i": "forged"}'
        forged["mac"] = hashlib.sha256(b"anything").hexdigest()
        s.execute(sa.insert(table).values(**forged))
    result = _verify(db)
    assert (result.ok, result.first_bad) == (False, k)
    with db.write() as s:  # original back, then two entries swapped
        s.execute(sa.delete(table).where(table.c.seq == k))
        s.execute(sa.insert(table).values(**row))
    assert _verify(db).ok
    a, b = base + 4_000, base + 4_001
    with db.write() as s:
        s.execute(sa.update(table).where(table.c.seq == a).values(seq=-1))
        s.execute(sa.update(table).where(table.c.seq == b).values(seq=a))
        s.execute(sa.update(table).where(table.c.seq == -1).values(seq=b))
    result = _verify(db)
    assert (result.ok, result.first_bad) == (False, a)


def test_a_wrong_key_fails_verification(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        assert not audit.verify(session=s, key=b"x" * 32).ok


def test_printing_is_audited_as_print(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import printlog

    with db.write() as s:
        printlog.log_print(
            session=s,
            kind="summary",
            language="en",
            paper="a4",
            pages=2,
            destination="/tmp/x.pdf",
            printed_by="os:test",
            patient_id=patient.id,
            patient_mrn=patient.mrn,
        )
    (entry,) = entries(db, action="print")
    assert (entry.category, entry.patient_id, entry.table_name) == ("printing", patient.id, "print_log")


def test_only_an_opened_chart_is_a_view(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:  # reloads and printing read the chart without recording a view
        chart.patient_chart(session=s, patient_id=patient.id)
    assert entries(db, action="view") == []
    with db.write() as s:
        chart.patient_chart(session=s, patient_id=patient.id, audit_view=True)
    assert [e.patient_id for e in entries(db, action="view")] == [patient.id]


def test_a_stale_edit_is_told_who_changed_which_fields_since_it_was_loaded(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.errors import ConflictError
    from alsdesk.services import clinic

    with db.write() as s:
        lin = clinic.add_staff(
            session=s, username="lchen", display_name="Lin Chen", discipline="neurology", role="clinician"
        )
    loaded = patient.version
    with db.write(actor=access.Actor("lchen", lin.id, "clinician")) as s:
        patients.update_patient(session=s, patient_id=patient.id, expected_version=loaded, address="3 Lane")
    with db.write(actor=access.Actor("wxu", None, "coordinator")) as s:  # no staff record: the user name
        patients.update_patient(session=s, patient_id=patient.id, expected_version=loaded + 1, given_name="Wei")
    with db.write() as s:
        with pytest.raises(ConflictError) as refused:
            patients.update_patient(session=s, patient_id=patient.id, expected_version=loaded, phone="1")
        fresh = patients.get_patient(session=s, patient_id=patient.id)
        only_last = audit.changes_since(
            session=s,
            obj=s.get(Patient, patient.id),
            version=loaded + 1,
        )
    changes = refused.value.changes
    assert [(c.name, c.fields) for c in changes] == [("wxu", ("given name",)), ("Lin Chen", ("address",))]
    message = str(refused.value)
    assert message.index("wxu at") < message.index("Lin Chen (lchen) at") and "nothing was saved" in message
    assert [c.username for c in only_last] == ["wxu"] and fresh.version == loaded + 2


def test_every_new_session_factory_gets_the_audit_listener() -> None:
    """A clinic reopened in one process gets new session factories, often at a freed one's address;
    SQLAlchemy's event.contains() (keyed by id()) took them for already audited."""
    from sqlalchemy.orm import sessionmaker

    engine = sa.create_engine("sqlite://")
    for _ in range(50):
        factory = sessionmaker(engine)
        audit.install(factory)
        audit.install(factory)  # twice: still one listener
        with factory() as session:
            listeners = list(session.dispatch.before_flush)
        assert listeners.count(audit._before_flush) == 1
        del factory, session
    engine.dispose()
