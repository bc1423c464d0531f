"""Errors whose messages are written for the clinician or administrator who reads them."""


class AlsdeskError(Exception):
    """Base of every error alsdesk reports to a person instead of a traceback."""


class DomainError(AlsdeskError, ValueError):
    """Input that breaks a clinical or business rule; the message says which and why."""


class NotFoundError(DomainError):
    """A record named by MRN or ID does not exist."""


class ConflictError(AlsdeskError):
    """Another workstation changed the record since it was loaded.

    `changes` holds who changed what since then (services.audit.ChangeBy), newest first, when known.
    """

    def __init__(self, message: str, changes: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.changes = changes


class StorageError(AlsdeskError):
    """The database cannot be opened or used safely (corrupt, locked, newer, disk full)."""


class PermissionDenied(DomainError):
    """The signed-in staff member's role may not do this."""


# Why a database could not be opened: the start-up screen explains each case in its own words
# and offers a backup only where one can help.


class DatabaseDamaged(StorageError):
    """Corrupt, truncated, unreadable or not a database file at all: a good backup can replace it."""


class DatabaseLocked(StorageError):
    """Another program holds the database; waiting or closing that program helps, a backup does not."""


class DatabaseTooNew(StorageError):
    """Made by a newer alsdesk; installing that version helps, an older backup would lose work."""


class ForeignDatabase(StorageError):
    """A healthy SQLite file that belongs to another program: it is not ours to replace."""


class TransientWriteError(StorageError):
    """PostgreSQL gave up a write that is safe to run again (serialization failure, deadlock,
    connection lost before commit); nothing of it was saved."""


class RestrictedRecord(PermissionDenied):
    """A restricted patient record, outside the staff member's care team and without emergency access."""

    def __init__(
        self, message: str, *, patient_id: object = None, mrn: str = "", may_break_glass: bool = False
    ) -> None:
        super().__init__(message)
        self.patient_id = patient_id
        self.mrn = mrn
        self.may_break_glass = may_break_glass
