"""Secrets kept outside the database: the audit trail's HMAC key."""

from __future__ import annotations

import os
import secrets

from alsdesk.errors import StorageError
from alsdesk.storage.config import data_dir

KEY_BYTES = 32


def audit_key() -> bytes:
    """ALSDESK_AUDIT_KEY (hex), else `audit.key` in the data directory, made on first use.

    Every workstation sharing one PostgreSQL database needs the same key (set the variable).
    Keep a copy of the key apart from database backups: without it the trail cannot be verified.
    """
    env = os.environ.get("ALSDESK_AUDIT_KEY")
    if env:
        try:
            key = bytes.fromhex(env.strip())
        except ValueError as err:
            raise StorageError("ALSDESK_AUDIT_KEY must be hexadecimal (64 characters).") from err
        if len(key) < 16:
            raise StorageError("ALSDESK_AUDIT_KEY is too short; use 32 random bytes (64 hex characters).")
        return key
    path = data_dir() / "audit.key"
    try:
        if path.exists():
            key = bytes.fromhex(path.read_text("ascii").strip())
            if len(key) < 16:
                raise StorageError("The audit key in {path} is damaged; restore it from your key backup.", path=path)
            return key
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(key.hex() + "\n")
        return key
    except ValueError as err:
        raise StorageError("The audit key in {path} is damaged; restore it from your key backup.", path=path) from err
    except FileExistsError:
        return audit_key()  # another process made it first
    except OSError as err:
        raise StorageError(
            "Cannot read or create the audit key {path}: {reason}.", path=path, reason=err.strerror
        ) from err
