"""The audit trail read service: filters in SQL, newest first, paging, administrators only."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import sqlalchemy as sa

from alsdesk.errors import PermissionDenied
from alsdesk.models import AuditEntry
from alsdesk.services import access, audit_log, patients

ADMIN = access.Actor("boss", None, "administrator")


def test_lists_newest_first_filtered_and_paged(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write(actor=access.Actor("nurse1", None, "coordinator")) as s:
        patients.update_patient(session=s, patient_id=patient.id, phone="01234 567890")
        patients.update_patient(session=s, patient_id=patient.id, phone="01234 567891")
    with db.read(actor=ADMIN) as s:
        every = audit_log.list_entries(session=s, limit=5000)
        total = s.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
        assert len(every) == total == audit_log.count_entries(session=s)
        assert [r.seq for r in every] == sorted((r.seq for r in every), reverse=True)
        mine = audit_log.list_entries(session=s, username="NURSE1")
        assert [r.action for r in mine] == ["update", "update"]
        assert '"01234 567891"' in mine[0].detail  # newest first
        assert audit_log.count_entries(session=s, username="nurse1") == 2
        of_patient = audit_log.list_entries(session=s, patient_id=patient.id)
        assert {r.action for r in of_patient} == {"create", "update"}
        assert all(r.patient_id == patient.id for r in of_patient)
        created = audit_log.list_entries(session=s, patient_id=patient.id, action="create")
        assert [r.table_name for r in created] == ["patient"]
        page1 = audit_log.list_entries(session=s, offset=0, limit=2)
        page2 = audit_log.list_entries(session=s, offset=2, limit=2)
        assert [r.seq for r in page1 + page2] == [r.seq for r in every[:4]]
        oldest = audit_log.list_entries(session=s, limit=1, oldest_first=True)
        assert oldest[0].seq == every[-1].seq
        now = datetime.now(UTC)
        assert audit_log.list_entries(session=s, since=now + timedelta(minutes=1)) == []
        assert audit_log.list_entries(session=s, until=now - timedelta(days=1)) == []
        assert len(audit_log.list_entries(session=s, since=now - timedelta(hours=1), limit=5000)) == total
        assert "create" in audit_log.list_actions(session=s)
        out = StringIO()
        assert audit_log.write_csv(mine, out) == 2
        lines = out.getvalue().splitlines()
        assert lines[0].startswith("seq,time_utc,username") and "nurse1" in lines[1]


@pytest.mark.parametrize("role", ["clinician", "coordinator", "read_only"])
def test_only_administrators_read_the_trail(db, patient, role) -> None:  # type: ignore[no-untyped-def]
    with db.read(actor=access.Actor("someone", None, role)) as s:
        with pytest.raises(PermissionDenied, match="read the audit trail"):
            audit_log.list_entries(session=s)
        with pytest.raises(PermissionDenied):
            audit_log.count_entries(session=s)


class Abandoned(Exception):
    """Raised inside the write session after the export, so it rolls back."""


def test_an_export_appears_only_with_its_committed_audit_entry(db, patient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "trail.csv"
    with db.read(actor=ADMIN) as s:
        before = audit_log.count_entries(session=s, action="export")
    with pytest.raises(Abandoned), db.write(actor=ADMIN) as s:
        assert audit_log.export_csv(session=s, path=out, mrn=patient.mrn) >= 1
        assert not out.exists()  # written aside; not in place until the entry commits
        raise Abandoned
    assert list(folder.iterdir()) == []  # rolled back: no file, no leftover part
    with db.read(actor=ADMIN) as s:
        assert audit_log.count_entries(session=s, action="export") == before

    with db.write(actor=ADMIN) as s:
        count = audit_log.export_csv(session=s, path=out, mrn=patient.mrn)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == count + 1 and all(f",{patient.mrn}," in line for line in lines[1:])
    assert list(folder.iterdir()) == [out]
    with db.read(actor=ADMIN) as s:
        entry = audit_log.list_entries(session=s, action="export", limit=1)[0]
    assert entry.table_name == "audit_entry" and f'"rows": {count}' in entry.detail
    assert patient.mrn in entry.detail and "trail.csv" in entry.detail
