"""The clinic profile (letterheads, paper size) and staff records."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import ClinicProfile, Staff
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Text, check_choice, check_text
from alsdesk.vocab import DISCIPLINES, ROLES

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class ClinicView:
    name: str
    address: str
    phone: str
    paper_size: str
    logo_png: bytes | None


@dataclass(frozen=True)
class StaffView:
    id: uuid.UUID
    username: str
    display_name: str
    discipline: str
    role: str
    active: bool


def get_clinic(*, session: Session) -> ClinicView | None:
    row = session.scalar(sa.select(ClinicProfile).limit(1))
    if row is None:
        return None
    return ClinicView(row.name, row.address, row.phone, row.paper_size, row.logo_png)


@requires("admin")
def save_clinic(
    *,
    session: Session,
    name: str,
    address: str = "",
    phone: str = "",
    paper_size: str = "a4",
    logo_png: bytes | None = None,
) -> Changes:
    values = dict(
        name=check_text(name, "Clinic name", max_len=200),
        address=check_text(address, "Address", max_len=500, required=False),
        phone=check_text(phone, "Phone", max_len=50, required=False),
        paper_size=check_choice(paper_size, ("a4", "letter"), "Paper size"),
        logo_png=logo_png,
    )
    row = session.scalar(sa.select(ClinicProfile).limit(1))
    if row is None:
        session.add(ClinicProfile(**values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return Changes(catalogs=True, worklist=False)


def staff_view(s: Staff) -> StaffView:
    return StaffView(s.id, s.username, s.display_name, s.discipline, s.role, s.active)


@requires("admin")
def add_staff(*, session: Session, username: str, display_name: str, discipline: str, role: str) -> StaffView:
    return insert_staff(session=session, username=username, display_name=display_name, discipline=discipline, role=role)


STAFF_NAME = Text("Name", 200, required=True, line=True)


def check_username(value: object) -> str:
    """A user name as stored: lower case, 2–64 letters, digits, '.', '_' or '-'."""
    username = check_text(value, "User name", max_len=64, line=True).lower()
    if not USERNAME.match(username):
        raise DomainError("User name: 2–64 lower-case letters, digits, '.', '_' or '-'.")
    return username


def insert_staff(*, session: Session, username: str, display_name: str, discipline: str, role: str) -> StaffView:
    """Validate and add a staff record; callers check who may (`add_staff`, `accounts.create_account`)."""
    username = check_username(username)
    if session.scalar(sa.select(Staff.id).where(Staff.username == username)):
        raise DomainError("The user name {username!r} is taken.", username=username)
    s = Staff(
        username=username,
        display_name=STAFF_NAME(display_name),
        discipline=check_choice(discipline, DISCIPLINES, "Discipline"),
        role=check_choice(role, ROLES, "Role"),
    )
    session.add(s)
    session.flush()
    return staff_view(s)


def list_staff(*, session: Session, include_inactive: bool = False) -> list[StaffView]:
    stmt = sa.select(Staff).order_by(Staff.display_name)
    if not include_inactive:
        stmt = stmt.where(Staff.active)
    return [staff_view(s) for s in session.scalars(stmt)]
