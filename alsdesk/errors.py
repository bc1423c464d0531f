"""Errors whose messages are written for the clinician or administrator who reads them."""


class AlsdeskError(Exception):
    """Base of every error alsdesk reports to a person instead of a traceback."""


class DomainError(AlsdeskError, ValueError):
    """Input that breaks a clinical or business rule; the message says which and why."""


class NotFoundError(DomainError):
    """A record named by MRN or ID does not exist."""


class ConflictError(AlsdeskError):
    """Another workstation changed the record since it was loaded."""


class StorageError(AlsdeskError):
    """The database cannot be opened or used safely (corrupt, locked, newer, disk full)."""


class PermissionDenied(DomainError):
    """The signed-in staff member's role may not do this."""


class RestrictedRecord(PermissionDenied):
    """A restricted patient record, outside the staff member's care team and without emergency access."""

    def __init__(
        self, message: str, *, patient_id: object = None, mrn: str = "", may_break_glass: bool = False
    ) -> None:
        super().__init__(message)
        self.patient_id = patient_id
        self.mrn = mrn
        self.may_break_glass = may_break_glass
