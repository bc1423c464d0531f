"""Use cases both front ends call (the window and the `alsdesk` command): they parse, call this
layer and present what it returns. One module per use case:

- clinic: open (and unlock), sign in, back up, restore, encrypt, check and close the clinic's database;
- files: where the clinic's SQLite file and its backups are, and an encrypted file's key in memory;
- documents: the printed documents, one registry entry per kind (gather, render, log);
- day_batch: a day's handouts and checklists as one cancellable job;
- exchange_files: patients exported to a file (sealed or plain) and an export file read back;
- chart: what a chart window shows, loaded in one read;
- keys: an encrypted clinic re-encrypted under a new key (`db rekey`), its backups encrypted or
  sealed with a passphrase, a sealed backup opened for a restore.

Callers import from `alsdesk.app` (re-exported here); tests patch `alsdesk.app.daily_backup`,
which the window's start-up backup (ui/daily_backup.py) looks up here at each call."""

from __future__ import annotations

from alsdesk.app.clinic import (
    BEFORE_MRN_INDEX,
    SCHEMA_HEAD,
    UNLOCK_FAILED,
    audit_anchor,
    backup_clinic,
    behind_head,
    check_clinic,
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
    "BEFORE_MRN_INDEX",
    "SCHEMA_HEAD",
    "UNLOCK_FAILED",
    "audit_anchor",
    "backup_clinic",
    "behind_head",
    "check_clinic",
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
