"""Use cases both front ends call (the window and the `alsdesk` command): they parse, call this
layer and present what it returns. One module per use case:

- clinic: open (and unlock), sign in, back up, restore, encrypt and close the clinic's database.

Callers import from `alsdesk.app` (re-exported here); tests patch `alsdesk.app.daily_backup`,
which the window's start-up backup (ui/daily_backup.py) looks up here at each call."""

from __future__ import annotations

from alsdesk.app.clinic import (
    UNLOCK_FAILED,
    backup_clinic,
    close_clinic,
    daily_backup,
    encrypt_clinic,
    grant_key,
    is_encrypted,
    open_clinic,
    record_backup,
    restore_clinic,
    revoke_key,
    signing_in,
    unlock,
)

__all__ = [
    "UNLOCK_FAILED",
    "backup_clinic",
    "close_clinic",
    "daily_backup",
    "encrypt_clinic",
    "grant_key",
    "is_encrypted",
    "open_clinic",
    "record_backup",
    "restore_clinic",
    "revoke_key",
    "signing_in",
    "unlock",
]
