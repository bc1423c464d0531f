"""Secrets kept outside the database: the audit trail's HMAC key.

The key is the clinic's, not the workstation's: every workstation writing to one database needs
the same key. So a key is only ever made for a database whose trail is still empty; one with
entries and no key here is refused (`missing_key_error`), never continued under a new key.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from alsdesk.errors import AuditKeyError, StorageError
from alsdesk.storage.config import data_dir

KEY_BYTES = 32
ENV = "ALSDESK_AUDIT_KEY"


def key_path() -> Path:
    return data_dir() / "audit.key"


def key_source() -> str:
    """Where this workstation's key comes from, as a message names it."""
    return ENV if os.environ.get(ENV) else str(key_path())


def load_audit_key() -> bytes | None:
    """ALSDESK_AUDIT_KEY (hex), else `audit.key` in the data directory; None when neither exists.

    Keep a copy of the key apart from database backups: without it the trail cannot be verified.
    """
    env = os.environ.get(ENV)
    if env:
        try:
            key = bytes.fromhex(env.strip())
        except ValueError as err:
            raise StorageError("ALSDESK_AUDIT_KEY must be hexadecimal (64 characters).") from err
        if len(key) < 16:
            raise StorageError("ALSDESK_AUDIT_KEY is too short; use 32 random bytes (64 hex characters).")
        return key
    path = key_path()
    try:
        key = bytes.fromhex(path.read_text("ascii").strip())
    except FileNotFoundError:
        return None
    except ValueError as err:
        raise StorageError("The audit key in {path} is damaged; restore it from your key backup.", path=path) from err
    except OSError as err:
        raise StorageError(
            "Cannot read or create the audit key {path}: {reason}.", path=path, reason=err.strerror
        ) from err
    if len(key) < 16:
        raise StorageError("The audit key in {path} is damaged; restore it from your key backup.", path=path)
    return key


def make_audit_key() -> bytes:
    """A new key in `audit.key` (0600): only for a database with no audit entries yet."""
    path = key_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key.hex() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return key
    except FileExistsError:
        return load_audit_key() or make_audit_key()  # another process made it first
    except OSError as err:
        raise StorageError(
            "Cannot read or create the audit key {path}: {reason}.", path=path, reason=err.strerror
        ) from err


def missing_key_error() -> AuditKeyError:
    return AuditKeyError(
        "This workstation has no audit key for this clinic ({path} is missing), so nothing can be saved. "
        "Copy the clinic's audit.key there, or set ALSDESK_AUDIT_KEY to it.",
        path=key_path(),
    )


def wrong_key_error(seq: int) -> AuditKeyError:
    return AuditKeyError(
        "The audit key in {source} is not this clinic's: audit entry {seq} was not made with it, so nothing "
        "was saved. Copy the clinic's audit key there; if it is already the clinic's, run `alsdesk audit verify`.",
        source=key_source(),
        seq=seq,
    )
