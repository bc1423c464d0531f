"""Site IDs: which clinic a record or a staff member comes from, for transfers between clinics.

Each clinic has a site ID in its profile, made once. In the database a site of "" means "this
clinic"; an export names this clinic's ID instead, and an import stores its own ID as "" again, so
a record keeps the site it was created at however often it travels (docs/export-format.md).
"""

from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import ClinicProfile

# Lower-case letters and digits without look-alikes (0/o, 1/l/i), so an ID read aloud is typed right.
SITE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SITE_ID_CHARS = 6
HERE = ""  # the site column of this clinic's own records and staff
# Columns naming a site: where a row was made, and which clinic gave an MRN (models.PatientIdentifier).
SITE_COLUMNS = ("site_id", "issuer_site")


def new_site_id() -> str:
    return "".join(secrets.choice(SITE_ALPHABET) for _ in range(SITE_ID_CHARS))


UNKNOWN_SITE = "?"  # another clinic whose file named no site (versions 1 to 6, a clinic not set up)
SITE_PATTERN = re.compile(r"^([23456789a-hjkmnp-z]{6}|\?|)$")


def local_site(session: Session) -> str:
    """This clinic's site ID, made when its profile was first saved; "" before that (nothing in a
    file can then be from here)."""
    return session.scalar(sa.select(ClinicProfile.site_id).limit(1)) or HERE


def make_site(session: Session) -> str:
    """This clinic's site ID, made now if it has none: when the clinic is created (its first
    account, or its profile first saved). A profile made here holds only the ID; it has no name
    until someone fills it in (services.clinic.get_clinic: not set up yet)."""
    row = session.scalar(sa.select(ClinicProfile).limit(1))
    if row is None:
        row = ClinicProfile(name="", site_id=new_site_id())
        session.add(row)
    elif not row.site_id:
        row.site_id = new_site_id()
    session.flush()
    return row.site_id


def site_in_file(stored: str, here: str) -> str:
    """The site a file names for a stored site column: this clinic's ID for its own rows."""
    return here if stored == HERE else stored


def site_stored(named: str, here: str) -> str:
    """The site column for a site a file names: "" (this clinic) for its own ID or for none."""
    return HERE if named in (HERE, here) else named


USERNAME_LENGTH = 64  # models.Staff.username


def foreign_username(username: str, site: str) -> str:
    """The user name another clinic's staff member is stored under: theirs and their site joined
    by '@', which no local user name holds (services.clinic.USERNAME), so the two never clash."""
    suffix = f"@{site}"
    return f"{username[: USERNAME_LENGTH - len(suffix)]}{suffix}"


def home_username(stored: str, site: str) -> str:
    """The user name an export gives a staff member: without the '@site' a foreign one is stored with."""
    return stored.removesuffix(f"@{site}") if site != HERE else stored
