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
