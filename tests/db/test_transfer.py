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


def test_a_patient_moves_to_a_clinic_whose_admin_has_the_same_user_name(satellite: Database, hub: Database) -> None:
    before = staff_rows(hub)
    (hub_admin,) = before.values()
    satellite_staff = staff_rows(satellite)
    assert "admin" in {r.username for r in satellite_staff.values()}

    result = transfer(satellite, hub, "DEMO000001")

    assert result.patients == 1 and result.staff == len(satellite_staff)
    after = staff_rows(hub)
    assert after[hub_admin.id] == hub_admin  # untouched, still the only local account
    a = site_of(satellite)
    for sid, theirs in satellite_staff.items():  # matched by id: the satellite's own ids, all foreign
        arrived = after[sid]
        assert (arrived.username, arrived.site_id, arrived.password_hash) == (f"{theirs.username}@{a}", a, None)
    with hub.read() as s:
        assert [v.username for v in clinic.list_staff(session=s, include_inactive=True)] == ["admin"]
        named = {v.id: v.shown_name for v in clinic.list_staff(session=s, include_inactive=True, include_foreign=True)}
    assert named[next(k for k, r in satellite_staff.items() if r.username == "lchen")].endswith(f" ({a})")
    with hub.write() as s:  # only the hub's admin signs in at the hub
        assert accounts.sign_in(session=s, username="admin", password=HUB_PASSWORD).actor is not None
        assert accounts.sign_in(session=s, username=f"admin@{a}", password="demo-admin-2026").actor is None


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


def test_the_hubs_staff_travel_back_as_the_hubs_and_the_satellites_as_its_own(
    satellite: Database, hub: Database
) -> None:
    transfer(satellite, hub, "DEMO000001")
    with hub.write() as s:
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
