"""The audit trail: append-only entries chained by HMAC so any change to them can be detected."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, UTCDateTime


class AuditEntry(Base):
    """Who did what to which record, when and where; `mac` covers this entry and the previous MAC."""

    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index("ix_audit_patient_seq", "patient_id", "seq"),)

    seq: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    username: Mapped[str] = mapped_column(sa.String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, nullable=True)
    workstation: Mapped[str] = mapped_column(sa.String(100))
    action: Mapped[str] = mapped_column(sa.String(30), index=True)
    category: Mapped[str] = mapped_column(sa.String(40))
    table_name: Mapped[str] = mapped_column(sa.String(60))
    record_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, nullable=True)
    detail: Mapped[str] = mapped_column(sa.Text, default="{}")
    mac: Mapped[str] = mapped_column(sa.String(64))
