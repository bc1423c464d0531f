"""Declarative base: UUID keys, UTC timestamps and a version counter on every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from alsdesk.models.ids import new_id

# Stable constraint names so Alembic batch mode on SQLite can find and change them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC moment is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def choice(name: str, values: tuple[str, ...]) -> sa.Enum:
    """A string column limited to `values` by a CHECK constraint (portable, no native enum)."""
    return sa.Enum(
        *values,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(v) for v in values),
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    # Every model maps a plain Table (SQLAlchemy types it as any FromClause).
    __table__: ClassVar[sa.Table]

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


SITE_ID_LENGTH = 8  # a site ID (services.sites.new_site_id) with room to spare


class FromSite:
    """A patient's row carries the site it was created at (services.sites): "" for this clinic,
    another clinic's site ID for rows that came with a transferred patient; and the version it had
    when it last travelled between clinics (0: never), which tells a merge who changed it since
    (exchange.merging)."""

    site_id: Mapped[str] = mapped_column(sa.String(SITE_ID_LENGTH), default="", server_default="")
    synced_version: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")


def patient_fk() -> Mapped[uuid.UUID]:
    """The indexed owner column every patient-owned table carries (export and charts use it)."""
    return mapped_column(sa.ForeignKey("patient.id", ondelete="RESTRICT"), index=True)


def staff_fk() -> Mapped[uuid.UUID | None]:
    return mapped_column(sa.ForeignKey("staff.id", ondelete="SET NULL"), index=True, nullable=True)
