"""The clinic profile (letterheads, paper size) and staff records."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import ClinicProfile, Staff
from alsdesk.printdata import in_language
from alsdesk.services import sites
from alsdesk.services.access import requires
from alsdesk.services.common import (
    SHORT_PHONE_PATTERN,
    Changes,
    Text,
    check_choice,
    check_text,
    phone_rule,
    rows_where,
)
from alsdesk.vocab import DISCIPLINES, LANGUAGES, ROLES

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class ClinicView:
    name: str
    address: str
    phone: str
    paper_size: str
    logo_png: bytes | None
    emergency_phone: str = ""
    out_of_hours_phone: str = ""
    opening_hours: str = ""
    letter_language: str = "en"
    site_id: str = ""  # services.sites
    opening_hours_zh: str = ""  # the hours in Chinese (printdata.in_language picks a document's)
    address_zh: str = ""  # the address in Chinese, likewise
    getting_here: str = ""  # transport, parking, a step-free way in (the appointment letter)
    getting_here_zh: str = ""


@dataclass(frozen=True)
class StaffView:
    id: uuid.UUID
    username: str
    display_name: str
    discipline: str
    role: str
    active: bool
    phone: str = ""
    job_title: str = ""
    site_id: str = sites.HERE  # another clinic's site ID for its staff (they cannot sign in)
    job_title_zh: str = ""  # the job title in Chinese (printdata.in_language picks a document's)

    @property
    def from_elsewhere(self) -> bool:
        """Another clinic's staff member (came with a transferred patient): named, never chosen."""
        return self.site_id != sites.HERE

    def title(self, lang: str) -> str:
        """The job title shown in `lang` (printdata.in_language: a document's and the window's rule)."""
        return in_language(lang, self.job_title, self.job_title_zh)

    @property
    def shown_name(self) -> str:
        """The name shown beside their records: another clinic's staff with their site."""
        return f"{self.display_name} ({self.site_id})" if self.from_elsewhere else self.display_name


def get_clinic(*, session: Session) -> ClinicView | None:
    """The clinic profile; None until it is set up (a profile holding only a site ID has no name)."""
    row = session.scalar(sa.select(ClinicProfile).limit(1))
    if row is None or not row.name:
        return None
    return ClinicView(
        row.name,
        row.address,
        row.phone,
        row.paper_size,
        row.logo_png,
        row.emergency_phone,
        row.out_of_hours_phone,
        row.opening_hours,
        row.letter_language,
        row.site_id,
        row.opening_hours_zh,
        row.address_zh,
        row.getting_here,
        row.getting_here_zh,
    )


CLINIC_PHONE = phone_rule("Phone")
EMERGENCY_PHONE = phone_rule("Emergency number", SHORT_PHONE_PATTERN)
OUT_OF_HOURS_PHONE = phone_rule("Out-of-hours phone")
OPENING_HOURS = Text("Opening hours", 300)
OPENING_HOURS_ZH = Text("Opening hours (Chinese)", 300)
ADDRESS_ZH = Text("Address (Chinese)", 500)
GETTING_HERE = Text("Getting there", 500)
GETTING_HERE_ZH = Text("Getting there (Chinese)", 500)


@requires("admin")
def save_clinic(
    *,
    session: Session,
    name: str,
    address: str = "",
    phone: str = "",
    paper_size: str = "a4",
    logo_png: bytes | None = None,
    emergency_phone: str = "",
    out_of_hours_phone: str = "",
    opening_hours: str = "",
    letter_language: str = "en",
    opening_hours_zh: str = "",
    address_zh: str = "",
    getting_here: str = "",
    getting_here_zh: str = "",
) -> Changes:
    values = dict(
        name=check_text(name, "Clinic name", max_len=200),
        address=check_text(address, "Address", max_len=500, required=False),
        phone=CLINIC_PHONE(phone),
        paper_size=check_choice(paper_size, ("a4", "letter"), "Paper size"),
        logo_png=logo_png,
        emergency_phone=EMERGENCY_PHONE(emergency_phone),
        out_of_hours_phone=OUT_OF_HOURS_PHONE(out_of_hours_phone),
        opening_hours=OPENING_HOURS(opening_hours),
        opening_hours_zh=OPENING_HOURS_ZH(opening_hours_zh),
        address_zh=ADDRESS_ZH(address_zh),
        getting_here=GETTING_HERE(getting_here),
        getting_here_zh=GETTING_HERE_ZH(getting_here_zh),
        letter_language=check_choice(letter_language, LANGUAGES, "Language of letters to clinicians"),
    )
    row = session.scalar(sa.select(ClinicProfile).limit(1))
    if row is None:
        session.add(ClinicProfile(**values, site_id=sites.new_site_id()))  # made once, with the clinic
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.site_id = row.site_id or sites.new_site_id()
    return Changes(catalogs=True, worklist=False)


def staff_view(s: Staff) -> StaffView:
    return StaffView(
        s.id,
        s.username,
        s.display_name,
        s.discipline,
        s.role,
        s.active,
        s.phone,
        s.job_title,
        s.site_id,
        s.job_title_zh,
    )


@requires("admin")
def add_staff(
    *,
    session: Session,
    username: str,
    display_name: str,
    discipline: str,
    role: str,
    phone: str = "",
    job_title: str = "",
    job_title_zh: str = "",
) -> StaffView:
    return insert_staff(
        session=session,
        username=username,
        display_name=display_name,
        discipline=discipline,
        role=role,
        phone=phone,
        job_title=job_title,
        job_title_zh=job_title_zh,
    )


STAFF_NAME = Text("Name", 200, required=True, line=True)
STAFF_PHONE = phone_rule("Phone")
JOB_TITLE = Text("Job title", 200, line=True)
JOB_TITLE_ZH = Text("Job title (Chinese)", 200, line=True)


@requires("admin")
def update_staff(
    *,
    session: Session,
    username: str,
    phone: str | None = None,
    job_title: str | None = None,
    job_title_zh: str | None = None,
) -> StaffView:
    """Change a staff member's phone or job title in English or Chinese (what a handout and a
    letter print of them); None leaves a field as it is."""
    row = session.scalar(sa.select(Staff).where(Staff.username == check_username(username)))
    if row is None:
        raise DomainError("There is no account {username!r}.", username=username)
    if phone is not None:
        row.phone = STAFF_PHONE(phone)
    if job_title is not None:
        row.job_title = JOB_TITLE(job_title)
    if job_title_zh is not None:
        row.job_title_zh = JOB_TITLE_ZH(job_title_zh)
    session.flush()
    return staff_view(row)


def staff_by_username(*, session: Session, username: str) -> StaffView | None:
    row = session.scalar(sa.select(Staff).where(Staff.username == username.strip().lower()))
    return None if row is None else staff_view(row)


def get_staff(*, session: Session, staff_id: uuid.UUID | None) -> StaffView | None:
    """The staff member with `staff_id` (a patient's key worker, a letter's signer), or None."""
    if staff_id is None:
        return None
    row = session.get(Staff, staff_id)
    return None if row is None else staff_view(row)


def check_username(value: object) -> str:
    """A user name as stored: lower case, 2–64 letters, digits, '.', '_' or '-'."""
    username = check_text(value, "User name", max_len=64, line=True).lower()
    if not USERNAME.match(username):
        raise DomainError("User name: 2–64 lower-case letters, digits, '.', '_' or '-'.")
    return username


def insert_staff(
    *,
    session: Session,
    username: str,
    display_name: str,
    discipline: str,
    role: str,
    phone: str = "",
    job_title: str = "",
    job_title_zh: str = "",
) -> StaffView:
    """Validate and add a staff record; callers check who may (`add_staff`, `accounts.create_account`)."""
    username = check_username(username)
    if session.scalar(sa.select(Staff.id).where(Staff.username == username)):
        raise DomainError("The user name {username!r} is taken.", username=username)
    s = Staff(
        username=username,
        display_name=STAFF_NAME(display_name),
        discipline=check_choice(discipline, DISCIPLINES, "Discipline"),
        role=check_choice(role, ROLES, "Role"),
        phone=STAFF_PHONE(phone),
        job_title=JOB_TITLE(job_title),
        job_title_zh=JOB_TITLE_ZH(job_title_zh),
    )
    session.add(s)
    session.flush()
    return staff_view(s)


def list_staff(*, session: Session, include_inactive: bool = False, include_foreign: bool = False) -> list[StaffView]:
    """This clinic's staff by display name (read with each chart, as columns: storage.reader);
    `include_foreign` adds other clinics' staff, who are named beside records but never offered
    for a choice (sign-in, accounts, key worker)."""
    rows = rows_where(session, Staff, None, None, "display_name")
    return [
        staff_view(s) for s in rows if (include_inactive or s.active) and (include_foreign or s.site_id == sites.HERE)
    ]
