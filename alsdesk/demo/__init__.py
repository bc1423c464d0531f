"""A synthetic clinic for demonstrations, tests and benchmarks: no real patient, ever.

The same seed and anchor day give the same clinic. Records are dated relative to the anchor
(today by default) so that the worklist shows a realistic day. people.py, story.py and care.py
make its patients, rows.py their rows as an export file holds them, making.py the sequence, and
parallel.py makes a large clinic in a second process while this one imports it (alsdesk.exchange).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import exchange
from alsdesk.demo import parallel
from alsdesk.demo.making import demo_parts
from alsdesk.errors import DomainError
from alsdesk.models import Patient, Staff
from alsdesk.services.access import Actor, requires


def demo_document(
    *,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    existing_staff: dict[str, uuid.UUID] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """An export document holding a synthetic clinic of `patients` patients.

    Staff whose user name is in `existing_staff` are referred to, not created again.
    """
    staff_rows, docs_iter = demo_parts(patients=patients, seed=seed, anchor=anchor, existing_staff=existing_staff)
    docs = []
    for n, doc in enumerate(docs_iter, 1):
        docs.append(doc)
        if progress and n % 500 == 0:
            progress(n, patients)
    return {"format": exchange.FORMAT, "version": exchange.VERSION, "staff": staff_rows, "patients": docs}


FIRST_ANCHOR = date(1985, 1, 1)


@requires("import")
def load_demo(
    *,
    session: Session,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> exchange.ImportResult:
    """Fill an empty database with a synthetic clinic; refuses a database that holds patients.

    The clinic is the one demo_document() describes, imported in batches of CHUNK patients
    within the caller's one transaction, so memory does not grow with the clinic.
    """
    day = anchor or date.today()
    # Its patients are born up to 82 years before the day, and what they went through (visits,
    # diagnoses) is entered as it is by hand: nothing after today.
    if not FIRST_ANCHOR <= day <= date.today():
        raise DomainError(
            "A demo clinic is dated from {first} to today ({today}), not {day}.",
            first=FIRST_ANCHOR,
            today=date.today(),
            day=day,
        )
    if session.scalar(sa.select(Patient.id).limit(1)) is not None:
        raise DomainError(
            "This database already holds patients; demo data goes only into an empty database "
            "(choose another file with --database)."
        )
    if not 1 <= patients <= 1_000_000:
        raise DomainError("The number of demo patients must be from 1 to 1,000,000.")
    existing = dict(session.execute(sa.select(Staff.username, Staff.id)).all())
    done = records = 0
    generated = parallel.generated(patients=patients, seed=seed, anchor=day, existing_staff=existing)
    with exchange.without_cycle_collector(), generated as (staff_rows, chunks):
        new_staff = len(staff_rows)
        for chunk in chunks:
            doc = {"format": exchange.FORMAT, "version": exchange.VERSION, "staff": staff_rows, "patients": chunk}
            result = exchange.import_document(session=session, document=doc)
            records += result.records
            done += len(chunk)
            staff_rows = []  # created with the first batch; later batches refer to them
            if progress:
                progress(done, patients)
    from alsdesk.services import clinic

    if clinic.get_clinic(session=session) is None:
        clinic.save_clinic(
            session=session,
            name="Demo ALS Clinic 示范渐冻症门诊",
            address="1 Demo Road, Boao, Hainan",
            address_zh="海南省博鳌示范路1号",
            phone="+86 898 0000 0000",
            emergency_phone="120",
            out_of_hours_phone="+86 898 0000 0999",
            opening_hours="Monday to Friday 08:00–17:00; Saturday 08:00–12:00",
            opening_hours_zh="周一至周五 08:00–17:00；周六 08:00–12:00",
            getting_here="Bus 12 to Boao Hospital, east gate. Parking by the east gate. Step-free entrance.",
            getting_here_zh="乘12路公交车到博鳌医院东门。东门旁可停车。入口无台阶。",
            letter_language="en",
        )
    return exchange.ImportResult(patients=done, records=records, staff=new_staff)


# One demo account per role; the passwords are public (README), so demo databases only.
DEMO_ADMIN = "admin"
DEMO_ACCOUNTS = {
    "admin": ("administrator", "demo-admin-2026"),
    "lchen": ("clinician", "demo-clinician-2026"),
    "wxu": ("coordinator", "demo-coordinator-2026"),
    "viewer": ("read_only", "demo-viewer-2026"),
}


def create_demo_accounts(*, session: Session) -> dict[str, tuple[str, str]]:
    """Give the demo staff passwords so each role can sign in; only where no account exists yet."""
    from alsdesk.services import accounts

    if accounts.has_accounts(session=session):
        return {}
    return _demo_passwords(session)


def load_demo_clinic(
    *,
    session: Session,
    patients: int,
    seed: int = 1,
    anchor: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[exchange.ImportResult, dict[str, tuple[str, str]]]:
    """A demo clinic on a database with no accounts: its administrator account is made first (the
    first account needs nobody signed in), the clinic is loaded as that administrator, and every
    demo role gets its password, all in the caller's one transaction. Returns the accounts made."""
    from alsdesk.services import accounts

    if accounts.has_accounts(session=session):
        raise DomainError("This database has staff accounts; sign in as an administrator to load demo data.")
    if session.scalar(sa.select(Patient.id).limit(1)) is not None:
        raise DomainError(
            "This database already holds patients; demo data goes only into an empty database "
            "(choose another file with --database)."
        )
    role, password = DEMO_ACCOUNTS[DEMO_ADMIN]
    admin = accounts.create_account(
        session=session, username=DEMO_ADMIN, display_name="Clinic Administrator", role=role, password=password
    )
    session.info["actor"] = Actor(admin.username, admin.id, admin.role)
    result = load_demo(session=session, patients=patients, seed=seed, anchor=anchor, progress=progress)
    return result, _demo_passwords(session)


def _demo_passwords(session: Session) -> dict[str, tuple[str, str]]:
    from alsdesk.services import accounts

    made = {}
    for username, (role, password) in DEMO_ACCOUNTS.items():
        row = session.scalar(sa.select(Staff).where(Staff.username == username, Staff.role == role))
        if row is not None:
            row.password_hash = accounts.hasher().hash(password)
            made[username] = (role, password)
    return made
