"""Patients, their diagnostic findings and early-sign screenings."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import SITE_ID_LENGTH, Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import (
    BODY_REGIONS,
    EL_ESCORIAL,
    GENETICS,
    LANGUAGES,
    ONSET_REGION,
    PATIENT_STATUS,
    SEX,
)

MRN_FOLDED_INDEX = "uq_patient_mrn_folded"


class Patient(FromSite, Base):
    __tablename__ = "patient"
    __table_args__ = (
        sa.CheckConstraint("onset_date IS NULL OR onset_date >= birth_date", name="onset_after_birth"),
        # Who is active, read from the index alone (the worklist's "not an inactive patient", and
        # its "diagnosed by the day" for reassessments).
        sa.Index("ix_patient_status", "status", "archived", "id", "diagnosis_date"),
    )

    mrn: Mapped[str] = mapped_column(sa.String(40), unique=True)
    family_name: Mapped[str] = mapped_column(sa.String(100))
    given_name: Mapped[str] = mapped_column(sa.String(100))
    name_zh: Mapped[str] = mapped_column(sa.String(50), default="")
    # Case-folded "family given", the order patient lists page in.
    sort_key: Mapped[str] = mapped_column(sa.String(250), index=True)
    sex: Mapped[str] = mapped_column(choice("sex", SEX))
    birth_date: Mapped[date] = mapped_column(sa.Date)
    phone: Mapped[str] = mapped_column(sa.String(50), default="", index=True)
    address: Mapped[str] = mapped_column(sa.String(500), default="")
    caregiver_name: Mapped[str] = mapped_column(sa.String(200), default="")
    caregiver_phone: Mapped[str] = mapped_column(sa.String(50), default="")
    caregiver_relation: Mapped[str] = mapped_column(sa.String(50), default="")
    language: Mapped[str] = mapped_column(choice("language", LANGUAGES), default="en")
    status: Mapped[str] = mapped_column(choice("patient_status", PATIENT_STATUS), default="screening")
    archived: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    onset_date: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    onset_region: Mapped[str | None] = mapped_column(choice("onset_region", ONSET_REGION), nullable=True)
    diagnosis_date: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    el_escorial: Mapped[str | None] = mapped_column(choice("el_escorial", EL_ESCORIAL), nullable=True)
    awaji_applied: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    gold_coast_met: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    # The two Gold Coast answers that are not per-region findings; None until someone answered.
    gold_coast_progressive: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    gold_coast_mimics_excluded: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    family_history: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)
    genetics: Mapped[str] = mapped_column(choice("genetics", GENETICS), default="not_tested")
    death_date: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    responsible_staff_id: Mapped[uuid.UUID | None] = staff_fk()
    # A restricted record (a staff member, a public figure) opens only for administrators, its care
    # team and emergency (break-glass) access; services/restricted.py holds the rule.
    restricted: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default="0")
    # Known chronic lung disease: the SpO2 line for a blood gas is lower (services.alerts.abg_alert).
    lung_disease: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default="0")
    # For the referral letter: an interpreter needed at visits, and the family doctor (free text).
    interpreter_needed: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default="0")
    gp_name: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    gp_contact: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    # The day someone confirmed "no known allergies"; None: nobody has. No allergy rows and None
    # means "none recorded", which is not the same thing (services.allergies).
    allergies_checked_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)


# One patient per MRN whatever its case, decided by the database: two workstations registering
# "X1" and "x1" at the same moment both pass the services' check before either commits. MRNs are
# ASCII (services.patients.MRN_PATTERN), which lower() folds alike on SQLite and PostgreSQL.
sa.Index(MRN_FOLDED_INDEX, sa.func.lower(Patient.mrn), unique=True)


class CareTeamMember(Base):
    """A staff member on a patient's care team: they may open the patient's restricted record."""

    __tablename__ = "care_team_member"
    __table_args__ = (sa.UniqueConstraint("patient_id", "staff_id", name="uq_care_team_member"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    staff_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id", ondelete="CASCADE"), index=True)


class PatientIdentifier(FromSite, Base):
    """An MRN another clinic gave the patient (issue 14 item 6): kept when the patient was
    transferred here, and found by search as the patient's own MRN is."""

    __tablename__ = "patient_identifier"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    issuer_site: Mapped[str] = mapped_column(sa.String(SITE_ID_LENGTH))
    mrn: Mapped[str] = mapped_column(sa.String(40))


class PatientSearchKey(Base):
    """Normalised prefixes a patient is found by (names, pinyin, MRN, phone); derived, not exported."""

    __tablename__ = "patient_search_key"
    __table_args__ = (sa.Index("ix_search_key_key", "key", "patient_id"),)

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(sa.String(250))


class DiagnosticFinding(FromSite, Base):
    """Upper/lower motor neuron signs and EMG evidence in one body region (Gold Coast, El Escorial)."""

    __tablename__ = "diagnostic_finding"
    __table_args__ = (sa.UniqueConstraint("patient_id", "region", name="uq_finding_region"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    region: Mapped[str] = mapped_column(choice("body_region", BODY_REGIONS))
    umn: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    lmn: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    emg_lmn: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    examined_on: Mapped[date] = mapped_column(sa.Date)


class Screening(FromSite, Base):
    """An early-sign screening record (seed paper; NICE NG42 recognition list)."""

    __tablename__ = "screening"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    screened_on: Mapped[date] = mapped_column(sa.Date)
    weakness: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    wasting: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    fasciculations: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    cramps: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    slurred_speech: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    chewing_swallowing: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    tongue_changes: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    family_history: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
