"""The export file format: its name and version, the tables it carries, and values as JSON.

Format (version 8; versions 1 to 7 are still read, see versions.py and docs/export-format.md):
    {"format": "alsdesk-export", "version": 8, "staff": [row, …],
     "patients": [{"patient": row, "records": {"<table>": [row, …], …}}, …]}
Every row holds every exported column of its table; UUIDs, dates and times (HH:MM) are strings,
moments ISO 8601 UTC.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.i18n import Msg
from alsdesk.limits import SHOWN_CHARS
from alsdesk.models import PATIENT_RECORDS
from alsdesk.services.doses import dose_of, dose_text

FORMAT = "alsdesk-export"
VERSION = 8
READABLE = (1, 2, 3, 4, 5, 6, 7, 8)
RECORD_TABLES: dict[str, sa.Table] = {m.__table__.name: m.__table__ for m in PATIENT_RECORDS}

# Sign-in secrets and state never leave the database in an export; imported rows start without them.
IMPORTED_AS: dict[str, dict[str, Any]] = {
    "staff": {"password_hash": None, "failed_attempts": 0, "last_failed_at": None, "locked_until": None},
    # Restriction is this clinic's access rule, like its care teams: not carried in format v1.
    "patient": {"restricted": False},
    # Derived on import from the file's courses and ALT results (medications.imported_alt_due).
    "medication": {"alt_due_on": None},
    # Derived from the id on import (models.referral.reference), so a file cannot disagree with it.
    "referral": {"reference": None},
}
NOT_EXPORTED = {table: set(values) for table, values in IMPORTED_AS.items()}


def dose_in_english(row: dict[str, Any]) -> str:
    return dose_text(dose_of(row), "en")


# Fields a row carries beyond its columns, worked out from them for readers of the file (a course's
# dose in English, as versions 1 to 5 held it); the import reads the columns and drops these.
WRITTEN_FROM: dict[str, dict[str, Callable[[dict[str, Any]], Any]]] = {"medication": {"dose": dose_in_english}}

Columns = dict[str, list[Any]]  # a table's rows as one list of values per column


def exported_columns(table: sa.Table) -> list[sa.Column[Any]]:
    """The columns of `table` a file carries, in table order."""
    skip = NOT_EXPORTED.get(table.name, set())
    return [c for c in table.columns if c.name not in skip]


PLAIN = frozenset((str, int, float, bool, type(None)))


def encode(value: Any) -> Any:
    """A column's value as the file writes it: ids, dates and times (HH:MM) as text, the rest as it is."""
    if type(value) in PLAIN:
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    return value


IMPORT_FILE_TEMPLATE = "{path}: {message}"


def reason(text: str) -> Msg:
    """A fixed reason an import file is refused for (marked N_ where it is raised: a msgid in context
    "import"): the CLI prints its English, the window its translation. Reasons quoting the file's
    values stay English text."""
    return Msg(text, context="import")


class ImportFileError(DomainError):
    """An import file that breaks the format; the message starts with the field's path."""

    def __init__(self, path: str, message: str | Msg | DomainError) -> None:
        # The path and the reason are values: the window translates the frame and a fixed reason
        # (a Msg), the CLI prints exactly "path: reason". A path holds the file's own keys, so it
        # is cut like any value quoted back.
        if len(path) > 2 * SHOWN_CHARS:
            path = f"{path[: 2 * SHOWN_CHARS]}…"
        super().__init__(IMPORT_FILE_TEMPLATE, path=path, message=message)
        self.path = path


@dataclass(frozen=True)
class ImportResult:
    patients: int
    records: int
    staff: int
    # (MRN at the sending clinic, MRN given here) for each patient whose MRN was another's here
    renumbered: tuple[tuple[str, str], ...] = ()
    # Patients already here whose records were merged (exchange.merging): records updated from the
    # file, and records changed on both sides, kept as conflicts for a person to resolve.
    merged: int = 0
    updated: int = 0
    conflicts: int = 0
