"""Errors whose messages are written for the clinician or administrator who reads them.

An error is raised with an English template and named values, `DomainError("{what} is required.",
what="Birth date")`: `str(err)` is the English text (CLI, logs, tests), and the window shows the
template's translation filled with the same values, each translated by what it is (ui/i18n/texts.py).
Templates are literal strings at the raise site, so a test can collect and check them all.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from alsdesk.limits import shown

if TYPE_CHECKING:
    from datetime import datetime


class _Quoting(string.Formatter):
    """str.format, but a value quoted with !r (what the person typed or the file held) is cut to
    80 characters (limits.shown): a 10,000-character value is not echoed back whole."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return shown(value) if conversion == "r" else super().convert_field(value, conversion)


_QUOTING = _Quoting()


def render(template: str, params: Mapping[str, object]) -> str:
    """`template` filled with `params`; a list or tuple value is written as 'a, b, c'."""
    if not params:
        return template  # no values: braces in the text are literal
    values = {k: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    # str.format is the same but several times faster (a worklist words thousands of texts) when no
    # value is quoted back with !r.
    return _QUOTING.format(template, **values) if "!r" in template else template.format(**values)


class AlsdeskError(Exception):
    """Base of every error alsdesk reports to a person instead of a traceback.

    `template` and `params` say how the message was made, so it can be shown in another language.
    """

    def __init__(self, template: str = "", /, **params: object) -> None:
        super().__init__(render(template, params))
        self.template = template
        self.params = params


class DomainError(AlsdeskError, ValueError):
    """Input that breaks a clinical or business rule; the message says which and why."""


class NotFoundError(DomainError):
    """A record named by MRN or ID does not exist."""


class Change(Protocol):
    """Who changed a record and when (services.audit.ChangeBy), as a conflict message names it."""

    @property
    def username(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def fields(self) -> tuple[str, ...]: ...


class ConflictError(AlsdeskError):
    """Another workstation changed the record since it was loaded.

    `changes` holds who changed what since then (services.audit.ChangeBy), newest first, when known.
    """

    def __init__(self, template: str, changes: tuple[Change, ...] = (), /, **params: object) -> None:
        super().__init__(template, **params)
        self.changes = changes


class StorageError(AlsdeskError):
    """The database cannot be opened or used safely (corrupt, locked, newer, disk full)."""


class AuditKeyError(StorageError):
    """This workstation's audit key is missing or not the clinic's: nothing may be written."""


class AuditTampered(AlsdeskError):
    """What `audit verify` found wrong with the trail (carried in its result, not raised), so the
    window can show it in its own language."""


class PermissionDenied(DomainError):
    """The signed-in staff member's role may not do this."""

    # What was refused, for its audit entry (services/refusals.py); access.requires fills them in.
    attempt: str = ""
    patient_id: object = None
    recorded = False  # already in the audit trail (an outer session must not record it again)


# Why a database could not be opened: the start-up screen explains each case in its own words
# and offers a backup only where one can help.


class DatabaseDamaged(StorageError):
    """Corrupt, truncated, unreadable or not a database file at all: a good backup can replace it."""


class DatabaseMissing(DatabaseDamaged):
    """The clinic file is missing or empty while backups of it exist: restoring one helps; a new,
    empty clinic in its place would hide the loss."""


class DatabaseLocked(StorageError):
    """Another program holds the database; waiting or closing that program helps, a backup does not."""


class DatabaseTooNew(StorageError):
    """Made by a newer alsdesk; installing that version helps, an older backup would lose work."""


class ForeignDatabase(StorageError):
    """A healthy SQLite file that belongs to another program: it is not ours to replace."""


class UpgradeRefused(StorageError):
    """A schema upgrade found data it cannot take as it is; nothing was changed, and the message
    says how to put the data right."""


class TransientWriteError(StorageError):
    """PostgreSQL gave up a write that is safe to run again (serialization failure, deadlock,
    connection lost before commit); nothing of it was saved."""


class RestrictedRecord(PermissionDenied):
    """A restricted patient record, outside the staff member's care team and without emergency access."""

    def __init__(
        self, template: str, *, patient_id: object = None, mrn: str = "", may_break_glass: bool = False
    ) -> None:
        super().__init__(template, mrn=mrn)
        self.patient_id = patient_id
        self.mrn = mrn
        self.may_break_glass = may_break_glass
