"""The clinic itself: its profile, staff and settings."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import SITE_ID_LENGTH, Base, UTCDateTime, choice
from alsdesk.vocab import DISCIPLINES, LANGUAGES, ROLES


class ClinicProfile(Base):
    __tablename__ = "clinic_profile"

    name: Mapped[str] = mapped_column(sa.String(200))
    address: Mapped[str] = mapped_column(sa.String(500), default="")
    phone: Mapped[str] = mapped_column(sa.String(50), default="")
    paper_size: Mapped[str] = mapped_column(choice("paper_size", ("a4", "letter")), default="a4")
    logo_png: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True)
    # The handout's safety block (issue 13): whom to call in an emergency, out of hours, and when.
    emergency_phone: Mapped[str] = mapped_column(sa.String(50), default="", server_default="")
    out_of_hours_phone: Mapped[str] = mapped_column(sa.String(50), default="", server_default="")
    opening_hours: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    # The same in Chinese (schema 0024): documents print the one in their language when it is set.
    address_zh: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    # How to get there (transport, parking, a step-free way in): the appointment letter's Transport.
    getting_here: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    getting_here_zh: Mapped[str] = mapped_column(sa.String(500), default="", server_default="")
    opening_hours_zh: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    # The language letters to clinicians are printed in unless another is chosen at print time.
    letter_language: Mapped[str] = mapped_column(
        choice("letter_language", LANGUAGES), default="en", server_default="en"
    )
    # This clinic's site ID (services.sites): made once with the profile, carried by every record
    # it exports so another clinic can tell whose records and staff are whose.
    site_id: Mapped[str] = mapped_column(sa.String(SITE_ID_LENGTH), default="", server_default="")


CONTACT = "contact"  # Staff's deferred group: phone and job title (in English and Chinese)


class Staff(Base):
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(200))
    discipline: Mapped[str] = mapped_column(choice("discipline", DISCIPLINES))
    role: Mapped[str] = mapped_column(choice("role", ROLES))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    # Printed for a key worker and a letter's signer: a job title is not the access role. Loaded
    # when read (one query for both), so signing in to a database still at schema 0011 (`alsdesk
    # patient set-mrn`, before these columns existed) does not ask for them.
    phone: Mapped[str] = mapped_column(
        sa.String(50), default="", server_default="", deferred=True, deferred_group=CONTACT
    )
    job_title: Mapped[str] = mapped_column(
        sa.String(200), default="", server_default="", deferred=True, deferred_group=CONTACT
    )
    # The job title in Chinese (schema 0024): documents print the one in their language when set.
    job_title_zh: Mapped[str] = mapped_column(
        sa.String(200), default="", server_default="", deferred=True, deferred_group=CONTACT
    )
    # Sign-in: an argon2id hash (None: the account cannot sign in yet) and failed-attempt state.
    password_hash: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    failed_attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # "" for this clinic's own staff; the site ID of another clinic for its staff, who arrived with
    # a transferred patient's records: they cannot sign in and are kept out of this clinic's lists.
    # Deferred, as the contact columns are, so signing in at schema 0011 does not ask for it.
    site_id: Mapped[str] = mapped_column(sa.String(SITE_ID_LENGTH), default="", server_default="", deferred=True)


class Setting(Base):
    """Clinic-tunable defaults (alert thresholds, follow-up intervals); value is JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sa.String(100), unique=True)
    value: Mapped[str] = mapped_column(sa.Text)
