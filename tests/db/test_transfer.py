"""Patient transfer between clinics (issue 14 item 6): a satellite clinic on SQLite and a hub on
the `db` fixture's backend (SQLite, and PostgreSQL when ALSDESK_TEST_PG_URL names a server)."""

from __future__ import annotations

import copy
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.models import Staff
from alsdesk.services import accounts, clinic, sites
from alsdesk.storage.database import Database

ANCHOR = date(2026, 3, 1)
HUB_PASSWORD = "hub-admin-password-2026"


@pytest.fixture
def satellite(hub: Database, template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh clinic with the demo's staff (its administrator is `admin`) and three patients, on SQLite."""
    from alsdesk.app import open_clinic

    path = tmp_path / "satellite.sqlite3"
    shutil.copy(template_db, path)
    database = open_clinic(f"sqlite:///{path}")
    with database.write() as s:
        demo.load_demo_clinic(session=s, patients=3, anchor=ANCHOR)
    database.actor = hub.actor  # the test actor, who may do everything
    yield database
    database.dispose()


@pytest.fixture
def hub(db: Database) -> Database:
    """Another fresh clinic, set up as a first run does: its own `admin` and its profile."""
    with db.write() as s:
        accounts.create_account(
            session=s, username="admin", display_name="Hub Admin", role="administrator", password=HUB_PASSWORD
        )
        clinic.save_clinic(session=s, name="Hub ALS Clinic")
    return db


def transfer(source: Database, target: Database, mrn: str) -> exchange.ImportResult:
    with source.write() as s:
        document = exchange.export_document(session=s, mrns=[mrn])
    with target.write() as s:
        return exchange.import_document(session=s, document=copy.deepcopy(document))


def site_of(database: Database) -> str:
    with database.read() as s:
        return sites.local_site(s)


def staff_rows(database: Database) -> dict[uuid.UUID, Any]:
    with database.read() as s:
        return {r.id: r for r in s.execute(sa.select(Staff.id, Staff.username, Staff.site_id, Staff.password_hash))}


def test_each_clinic_has_its_own_short_site_id(satellite: Database, hub: Database) -> None:
    a, b = site_of(satellite), site_of(hub)
    assert a != b
    assert all(sites.SITE_PATTERN.match(x) and len(x) == sites.SITE_ID_CHARS for x in (a, b))
    with hub.read() as s:
        shown = clinic.get_clinic(session=s)
    assert shown is not None and shown.site_id == b
    with hub.write() as s:
        clinic.save_clinic(session=s, name="Hub ALS Clinic, renamed")
    assert site_of(hub) == b  # stable: made once, with the clinic


def named_staff(database: Database, mrn: str) -> set[uuid.UUID]:
    """The staff a patient's own row and records name (every staff column: a foreign key)."""
    from alsdesk.exchange.format import RECORD_TABLES
    from alsdesk.models import Patient

    with database.read() as s:
        pid = s.scalar(sa.select(Patient.id).where(Patient.mrn == mrn))
        found: set[uuid.UUID] = set()
        for t in [Patient.__table__, *RECORD_TABLES.values()]:
            for fk in t.foreign_keys:
                if fk.column.table is Staff.__table__:
                    owner = t.c.id if t is Patient.__table__ else t.c.patient_id
                    found |= {v for v in s.scalars(sa.select(fk.parent).where(owner == pid)) if v is not None}
    return found


def test_a_patient_moves_to_a_clinic_whose_admin_has_the_same_user_name(satellite: Database, hub: Database) -> None:
    from alsdesk.services import patients

    before = staff_rows(hub)
    (hub_admin,) = before.values()
    satellite_staff = staff_rows(satellite)
    admin_id = next(k for k, r in satellite_staff.items() if r.username == "admin")
    with satellite.write() as s:  # the satellite's `admin` is this patient's key worker: named in the file
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        patients.update_patient(session=s, patient_id=pid, responsible_staff_id=admin_id)
    named = named_staff(satellite, "DEMO000001")
    assert admin_id in named and len(named) < len(satellite_staff)

    result = transfer(satellite, hub, "DEMO000001")

    assert result.patients == 1 and result.staff == len(named)  # the staff the records name, no more
    after = staff_rows(hub)
    assert after[hub_admin.id] == hub_admin  # untouched, still the only local account
    assert set(after) == {hub_admin.id} | named
    a = site_of(satellite)
    for sid in named:  # matched by id: the satellite's own ids, all foreign
        theirs, arrived = satellite_staff[sid], after[sid]
        assert (arrived.username, arrived.site_id, arrived.password_hash) == (f"{theirs.username}@{a}", a, None)
    with hub.read() as s:
        assert [v.username for v in clinic.list_staff(session=s, include_inactive=True)] == ["admin"]
        shown = {v.id: v.shown_name for v in clinic.list_staff(session=s, include_inactive=True, include_foreign=True)}
    assert shown[admin_id].endswith(f" ({a})")
    with hub.write() as s:  # only the hub's admin signs in at the hub
        assert accounts.sign_in(session=s, username="admin", password=HUB_PASSWORD).actor is not None
        assert accounts.sign_in(session=s, username=f"admin@{a}", password="demo-admin-2026").actor is None


def test_a_whole_clinic_export_carries_every_staff_record_and_one_patients_only_theirs(satellite: Database) -> None:
    with satellite.read() as s:
        every = {r["id"] for r in exchange.export_document(session=s)["staff"]}
        one = {r["id"] for r in exchange.export_document(session=s, mrns=["DEMO000002"])["staff"]}
    assert every == {str(k) for k in staff_rows(satellite)}
    assert one == {str(k) for k in named_staff(satellite, "DEMO000002")} and one < every


def test_another_clinics_staff_get_no_account_and_are_no_key_worker(satellite: Database, hub: Database) -> None:
    from alsdesk.errors import DomainError
    from alsdesk.services import patients

    transfer(satellite, hub, "DEMO000001")
    a = site_of(satellite)
    with hub.read() as s:
        foreign = s.execute(sa.select(Staff.id, Staff.username).where(Staff.site_id == a).limit(1)).one()
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
    with pytest.raises(DomainError, match=f"another clinic \\(site {a}\\)"), hub.write() as s:
        accounts.change_password(session=s, staff_id=foreign.id, password="a-new-password-2026")
    with pytest.raises(DomainError, match=f"another clinic \\(site {a}\\)"), hub.write() as s:
        accounts.set_active(session=s, username=foreign.username, active=False)
    with pytest.raises(DomainError, match="Key worker"), hub.write() as s:
        patients.update_patient(session=s, patient_id=pid, responsible_staff_id=foreign.id)


def test_family_papers_name_no_key_worker_of_another_clinic(satellite: Database, hub: Database) -> None:
    """A transferred patient's key worker stays the satellite's until the hub chooses one: the hub's
    papers then give the clinic's numbers alone, and once a hub nurse is chosen, name them."""
    from alsdesk.models import Patient
    from alsdesk.services import patients
    from alsdesk.services.printing import PrintOptions
    from alsdesk.services.printing_sheets import handout_data

    with satellite.write() as s:  # a key worker at the satellite
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        lchen = s.scalar(sa.select(Staff.id).where(Staff.username == "lchen"))
        patients.update_patient(session=s, patient_id=pid, responsible_staff_id=lchen)
    transfer(satellite, hub, "DEMO000001")
    options = PrintOptions(lang="en", printed_on=ANCHOR)
    with hub.read() as s:
        assert s.scalar(sa.select(Patient.responsible_staff_id).where(Patient.id == pid)) == lchen  # as sent
        assert handout_data(session=s, patient_id=pid, options=options).key_worker is None
    with hub.write() as s:
        nurse = accounts.create_account(
            session=s, username="hnurse", display_name="Hub Nurse", role="clinician", password="hub-nurse-password-2026"
        )
        patients.update_patient(session=s, patient_id=pid, responsible_staff_id=nurse.id)
    with hub.read() as s:
        named = handout_data(session=s, patient_id=pid, options=options).key_worker
    assert named is not None and named.name == "Hub Nurse"


def test_the_hubs_staff_travel_back_as_the_hubs_and_the_satellites_as_its_own(
    satellite: Database, hub: Database
) -> None:
    from alsdesk.services import allergies, patients

    with satellite.write() as s:  # each clinic's `admin` is named by a record: both travel back
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        admin_a = s.scalar(sa.select(Staff.id).where(Staff.username == "admin"))
        patients.update_patient(session=s, patient_id=pid, responsible_staff_id=admin_a)
    transfer(satellite, hub, "DEMO000001")
    with hub.write() as s:
        admin_b = s.scalar(sa.select(Staff.id).where(Staff.username == "admin"))
        allergies.add_allergy(session=s, patient_id=pid, substance="latex", recorded_on=ANCHOR, staff_id=admin_b)
        document = exchange.export_document(session=s, mrns=["DEMO000001"])
    a, b = site_of(satellite), site_of(hub)
    assert {(r["username"], r["site_id"]) for r in document["staff"]} >= {("admin", a), ("admin", b)}
    before = staff_rows(satellite)
    hub_admin = next(r for r in document["staff"] if r["site_id"] == b)
    with satellite.write() as s:
        arrived = exchange.import_document(
            session=s, document={**document, "patients": [], "staff": copy.deepcopy(document["staff"])}
        )
    assert arrived.staff == 1
    after = staff_rows(satellite)
    assert {k: v for k, v in after.items() if k in before} == before  # the satellite's own: as they were
    assert (after[uuid.UUID(hub_admin["id"])].username, after[uuid.UUID(hub_admin["id"])].site_id) == (f"admin@{b}", b)


def test_records_carry_the_site_they_were_created_at(satellite: Database, hub: Database) -> None:
    transfer(satellite, hub, "DEMO000001")
    a, b = site_of(satellite), site_of(hub)
    with satellite.write() as s:
        there = exchange.export_document(session=s, mrns=["DEMO000001"])
    assert there["site_id"] == a
    entry = there["patients"][0]
    assert {r["site_id"] for rows in entry["records"].values() for r in rows} | {entry["patient"]["site_id"]} == {a}
    with hub.read() as s:  # stored as another site's, not this one's ("")
        kept = {t: set(s.scalars(sa.text(f"SELECT DISTINCT site_id FROM {t}"))) for t in ("patient", "assessment")}
    assert kept == {"patient": {a}, "assessment": {a}}
    with hub.write() as s:
        back = exchange.export_document(session=s, mrns=["DEMO000001"])
    assert back["site_id"] == b and back["patients"][0]["patient"]["site_id"] == a


def test_a_transferred_patient_keeps_the_sending_sites_mrn_and_gets_a_local_one_if_taken(
    satellite: Database, hub: Database
) -> None:
    from alsdesk.services import patients

    with hub.write() as s:  # the hub's own patient has the satellite patient's MRN
        mine = patients.add_patient(
            session=s, mrn="demo000001", family_name="Hub", given_name="Own", birth_date=date(1950, 1, 1), sex="male"
        )
    a = site_of(satellite)
    with satellite.read() as s:
        theirs = patients.search_patients(session=s, text="DEMO000001")[0]
    result = transfer(satellite, hub, "DEMO000001")
    assert result.renumbered == (("DEMO000001", f"DEMO000001-{a}"),)
    with hub.read() as s:
        found = {p.id: p.mrn for p in patients.search_patients(session=s, text="DEMO000001")}
        local = {p.id: p.mrn for p in patients.search_patients(session=s, text=f"DEMO000001-{a}")}
        ids = s.execute(sa.text("SELECT issuer_site, mrn FROM patient_identifier")).all()
    assert found == {mine.id: "demo000001", theirs.id: f"DEMO000001-{a}"}  # the old MRN finds both
    assert local == {theirs.id: f"DEMO000001-{a}"}
    assert [tuple(r) for r in ids] == [(a, "DEMO000001")]


def test_a_local_mrn_skips_those_already_taken() -> None:
    from alsdesk.services.patients import local_mrn

    taken = {"K1-k7q2mx", "K1-k7q2mx-2"}
    assert local_mrn("K1", "k7q2mx", taken.__contains__) == "K1-k7q2mx-3"
    assert local_mrn("K1", "k7q2mx", set().__contains__) == "K1-k7q2mx"
    long = local_mrn("X" * 40, "k7q2mx", set().__contains__)
    assert len(long) == 40 and long.endswith("-k7q2mx")


def test_a_file_from_no_named_site_is_still_refused_on_a_taken_mrn(hub: Database) -> None:
    from alsdesk.errors import DomainError
    from alsdesk.services import patients

    document = demo.demo_document(patients=2, seed=3, anchor=ANCHOR)
    with hub.write() as s:
        patients.add_patient(
            session=s,
            mrn=document["patients"][0]["patient"]["mrn"],
            family_name="Hub",
            given_name="Own",
            birth_date=date(1950, 1, 1),
            sex="male",
        )
    with (
        pytest.raises(DomainError, match=r"patients\[0\]\.patient\.mrn: MRN .* is already in the database"),
        hub.write() as s,
    ):
        exchange.import_document(session=s, document=document)


def edit_visit(database: Database, mrn: str, fvc: float) -> uuid.UUID:
    """Change the FVC of the patient's first visit, as the visit form does (its version goes up)."""
    from alsdesk.models import Assessment, Patient

    with database.write() as s:
        visit = s.scalars(
            sa.select(Assessment)
            .join(Patient, Patient.id == Assessment.patient_id)
            .where(Patient.mrn == mrn)
            .order_by(Assessment.id)
            .limit(1)
        ).one()
        visit.fvc_percent = fvc
        return visit.id


def fvc_of(database: Database, visit_id: uuid.UUID) -> float | None:
    from alsdesk.models import Assessment

    with database.read() as s:
        return s.scalar(sa.select(Assessment.fvc_percent).where(Assessment.id == visit_id))


def test_a_newer_export_merges_edits_from_both_sides_and_keeps_conflicts(satellite: Database, hub: Database) -> None:
    from alsdesk.exchange import conflicts

    transfer(satellite, hub, "DEMO000001")
    local_mrn = "DEMO000001"  # free at the hub: the same MRN
    # an edit at the hub only: travels back to the satellite as an update
    hub_only = edit_visit(hub, local_mrn, 61.0)
    back = transfer(hub, satellite, "DEMO000001")
    assert (back.patients, back.merged, back.updated, back.conflicts) == (0, 1, 1, 0)
    assert fvc_of(satellite, hub_only) == 61.0
    # the same record changed on both sides: a conflict, nothing overwritten
    assert edit_visit(satellite, "DEMO000001", 55.0) == hub_only
    edit_visit(hub, local_mrn, 58.0)
    again = transfer(satellite, hub, "DEMO000001")
    assert (again.patients, again.updated, again.conflicts) == (0, 0, 1)
    assert fvc_of(hub, hub_only) == 58.0
    with hub.read() as s:
        (open_one,) = conflicts.list_conflicts(session=s)
    assert (open_one.table, open_one.record_id, open_one.kept) == ("assessment", hub_only, "")
    assert (open_one.local["fvc_percent"], open_one.incoming["fvc_percent"]) == (58.0, 55.0)
    # a new record there is added here
    with satellite.write() as s:
        from alsdesk.services import notes, patients

        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        note = notes.add_note(
            session=s, patient_id=pid, kind="clinical", occurred_on=ANCHOR, text="Seen at the satellite"
        )
    added = transfer(satellite, hub, "DEMO000001")
    assert (added.records, added.conflicts) == (1, 1)  # the open conflict stays one
    # resolved by a person, audited; the kept side then travels without a conflict
    with hub.write() as s:
        conflicts.resolve(session=s, conflict_id=open_one.id, keep="incoming")
    assert fvc_of(hub, hub_only) == 55.0
    with hub.read() as s:
        assert conflicts.list_conflicts(session=s) == []
        assert [c.kept for c in conflicts.list_conflicts(session=s, include_resolved=True)] == ["incoming"]
    settled = transfer(hub, satellite, "DEMO000001")
    assert (settled.updated, settled.conflicts) == (0, 0)
    assert fvc_of(satellite, hub_only) == 55.0
    assert note is not None


def test_keeping_the_local_side_sends_it_back_as_the_newer(satellite: Database, hub: Database) -> None:
    from alsdesk.exchange import conflicts

    transfer(satellite, hub, "DEMO000001")
    visit = edit_visit(satellite, "DEMO000001", 40.0)
    edit_visit(hub, "DEMO000001", 45.0)
    assert transfer(satellite, hub, "DEMO000001").conflicts == 1
    with hub.write() as s:
        (c,) = conflicts.list_conflicts(session=s)
        conflicts.resolve(session=s, conflict_id=c.id, keep="local")
    assert fvc_of(hub, visit) == 45.0
    assert transfer(satellite, hub, "DEMO000001").conflicts == 0  # the same file again: settled
    back = transfer(hub, satellite, "DEMO000001")
    assert (back.updated, back.conflicts) == (1, 0)
    assert fvc_of(satellite, visit) == 45.0


def test_a_tick_taken_off_is_kept_as_not_done_audited_and_travels(satellite: Database, hub: Database) -> None:
    """No clinical row is hard-deleted: a tick taken off a returned sheet stays as not done."""
    from alsdesk.models import AuditEntry, EnrollmentMark
    from alsdesk.services import patients, programs

    with satellite.write() as s:
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        e, _ = programs.enroll(session=s, patient_id=pid, template_code="daily_routine", start_date=ANCHOR)
        e, _ = programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 0), (1, 0)], today=ANCHOR)
    transfer(satellite, hub, "DEMO000001")
    with satellite.write() as s:
        e, _ = programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(1, 0)], today=ANCHOR)
    assert e.marks == frozenset({(1, 0)})
    with satellite.read() as s:
        rows = set(
            s.execute(
                sa.select(EnrollmentMark.item_index, EnrollmentMark.done).where(EnrollmentMark.enrollment_id == e.id)
            )
        )
        audited = s.scalar(
            sa.select(sa.func.count()).where(AuditEntry.table_name == "enrollment_mark", AuditEntry.action == "update")
        )
    assert rows == {(0, False), (1, True)} and audited == 1
    moved = transfer(satellite, hub, "DEMO000001")
    assert (moved.updated, moved.conflicts) == (1, 0)  # the mark (the sheet itself: only its bookkeeping moved)
    with hub.read() as s:
        there = {v.id: v for v in programs.list_enrollments(session=s, patient_id=pid)}[e.id]
    assert there.marks == frozenset({(1, 0)})


def test_a_record_that_is_another_patients_here_is_refused_in_words(satellite: Database, hub: Database) -> None:
    """A file whose record id is already one of another patient's records here (a file edited by
    hand, or ids copied between patients) is refused naming the record, and nothing is merged."""
    from alsdesk.errors import DomainError

    transfer(satellite, hub, "DEMO000001")
    transfer(satellite, hub, "DEMO000002")
    with satellite.write() as s:
        first = exchange.export_document(session=s, mrns=["DEMO000001"])
        second = exchange.export_document(session=s, mrns=["DEMO000002"])
    (entry,) = second["patients"]
    stolen = copy.deepcopy(first["patients"][0]["records"]["assessment"][0])
    stolen["patient_id"] = entry["patient"]["id"]
    entry["records"]["assessment"].append(stolen)
    with pytest.raises(DomainError) as refused, hub.write() as s:
        exchange.import_document(session=s, document=second)
    text = str(refused.value)
    assert f"records.assessment[{stolen['id']}]" in text and "is another patient's record here" in text


def test_each_record_a_merge_adds_updates_or_removes_has_its_own_audit_entry(
    satellite: Database, hub: Database
) -> None:
    """A merge audits record by record, as an edit made here is audited (issue 14 item 6): the
    record added, the fields updated with their old and new values, a removal (a status) as an
    update; then the patient's one `import` entry. Nothing is audited for a record left alone."""
    import json

    from alsdesk.models import AuditEntry
    from alsdesk.services import allergies, notes, patients

    with satellite.write() as s:
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        allergy, _ = allergies.add_allergy(session=s, patient_id=pid, substance="Latex", recorded_on=ANCHOR)
    transfer(satellite, hub, "DEMO000001")
    visit = edit_visit(hub, "DEMO000001", 63.0)
    with hub.write() as s:
        allergies.remove_allergy(session=s, allergy_id=allergy.id)
        note, _ = notes.add_note(session=s, patient_id=pid, kind="clinical", occurred_on=ANCHOR, text="Seen at the hub")
    with satellite.read() as s:
        before = s.scalar(sa.select(sa.func.max(AuditEntry.seq)))
    back = transfer(hub, satellite, "DEMO000001")
    # added: the note and the hub's identifier of the patient (its MRN there); updated: the visit, the allergy
    assert (back.records, back.updated, back.conflicts) == (2, 2, 0)
    with satellite.read() as s:
        entries = s.execute(
            sa.select(
                AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id, AuditEntry.patient_id, AuditEntry.detail
            )
            .where(AuditEntry.seq > before)
            .order_by(AuditEntry.seq)
        ).all()
    by_record = {(e.table_name, e.record_id): e for e in entries}
    assert len(entries) == 5 and entries[-1].action == "import" and entries[-1].table_name == "patient"
    assert [e.action for e in entries[:-1]].count("create") == 2
    assert all(e.patient_id == pid for e in entries)
    updated = by_record["assessment", str(visit)]
    assert updated.action == "update" and json.loads(updated.detail)["fvc_percent"][1] == 63.0
    removed = by_record["allergy", str(allergy.id)]
    assert removed.action == "update" and json.loads(removed.detail) == {"status": ["active", "entered_in_error"]}
    added = by_record["clinical_note", str(note.id)]
    assert added.action == "create" and json.loads(added.detail)["text"] == "Seen at the hub"


def test_a_conflict_on_a_renumbered_patient_names_only_what_a_person_changed(
    satellite: Database, hub: Database
) -> None:
    """Each clinic keeps its own MRN for the patient (merging.KEPT_HERE): a conflict on the patient
    lists the fields both sides changed, never the MRNs, which differ by design and which neither
    choice would change."""
    from alsdesk.exchange import conflicts
    from alsdesk.services import patients

    with hub.write() as s:
        patients.add_patient(
            session=s, mrn="DEMO000001", family_name="Hub", given_name="Own", birth_date=date(1950, 1, 1), sex="male"
        )
    transfer(satellite, hub, "DEMO000001")
    with satellite.write() as s:
        pid = patients.search_patients(session=s, text="DEMO000001")[0].id
        patients.update_patient(session=s, patient_id=pid, phone="13900000001")
    with hub.write() as s:
        patients.update_patient(session=s, patient_id=pid, phone="13900000002")
    assert transfer(satellite, hub, "DEMO000001").conflicts == 1
    with hub.read() as s:
        (c,) = conflicts.list_conflicts(session=s)
    assert c.local["mrn"] != c.incoming["mrn"]
    assert c.differing == ["phone"]


def test_keeping_the_other_clinics_version_audits_the_fields_it_changes_here(
    satellite: Database, hub: Database
) -> None:
    """Resolving a conflict with the incoming side changes the record here: the trail says which
    fields, from what to what, as for any update, beside the resolution itself; keeping this
    clinic's side changes no field and writes the resolution only."""
    import json

    from alsdesk.exchange import conflicts
    from alsdesk.models import AuditEntry

    transfer(satellite, hub, "DEMO000001")
    visit = edit_visit(satellite, "DEMO000001", 52.0)
    edit_visit(hub, "DEMO000001", 57.0)
    assert transfer(satellite, hub, "DEMO000001").conflicts == 1
    with hub.read() as s:
        (c,) = conflicts.list_conflicts(session=s)
        before = s.scalar(sa.select(sa.func.max(AuditEntry.seq)))
    with hub.write() as s:
        conflicts.resolve(session=s, conflict_id=c.id, keep="incoming")
    with hub.read() as s:
        entries = s.execute(
            sa.select(AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id, AuditEntry.detail)
            .where(AuditEntry.seq > before, AuditEntry.table_name == "assessment")  # not the conflict row's own
            .order_by(AuditEntry.seq)
        ).all()
    assert [(e.action, e.table_name, e.record_id) for e in entries] == [
        ("update", "assessment", str(visit)),
        ("resolve_conflict", "assessment", str(visit)),
    ]
    assert json.loads(entries[0].detail)["fvc_percent"] == [57.0, 52.0]


def test_an_older_export_of_the_clinics_own_read_back_keeps_what_was_changed_since(satellite: Database) -> None:
    """A clinic re-importing its own earlier export (the file names its own site) finds the edits
    made since as made here: kept, with no conflict. The file's rows are its own rows as they were."""
    with satellite.write() as s:
        older = exchange.export_document(session=s, mrns=["DEMO000001"])
    visit = edit_visit(satellite, "DEMO000001", 44.0)
    with satellite.write() as s:
        result = exchange.import_document(session=s, document=copy.deepcopy(older))
    assert (result.merged, result.updated, result.conflicts) == (1, 0, 0)
    assert fvc_of(satellite, visit) == 44.0
