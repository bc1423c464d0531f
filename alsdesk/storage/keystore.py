"""The key store: the database key wrapped once per staff account, in a file beside the database.

`alsdesk.sqlite3.keys` (JSON, mode 0600) holds, for each account, an argon2id salt and parameters
and the database key sealed with AES-256-GCM under the key derived from that account's password;
the associated data binds each entry to its user name and to this key store. The key itself is
never written in plain, so a stolen laptop's database and key store only yield to a password,
and changing a password rewraps one entry instead of re-encrypting the database.

A key rotation (`alsdesk db rekey`, storage/rekey.py) re-encrypts the database under a new key
and keeps that key here sealed under the old one ("rotation": the sealed key and the accounts
whose entries still wrap the old key). An account's next sign-in unwraps the old key, unseals the
new one and re-wraps its entry with it; once no active account is left on the old key, the
rotation and the entries still wrapping the old key are dropped, and with them the old key.

A wrong password fails here, before the database can be opened, so each account's entry also
counts its failed unlocks ("failed": count, time of the last, and the UTC times not yet in the
audit trail); app.unlock applies the sign-in rule to them and app.signing_in audits them.
Names the store does not hold are counted and slowed alike, so a wait does not tell which names
exist; they are kept by a keyed hash (no names in clear), and only the latest UNKNOWN_KEPT, so
the file cannot be grown by trying names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argon2.low_level import Type, hash_secret_raw

from alsdesk.errors import StorageError
from alsdesk.storage.encryption import KEY_BYTES, keystore_path
from alsdesk.storage.files import atomic_write_bytes

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "alsdesk-keystore"
VERSION = 1
# OWASP's argon2id minimum, the same as the password hashes in services/accounts.py.
KDF = {"name": "argon2id", "time_cost": 2, "memory_cost": 19 * 1024, "parallelism": 1}
SALT_BYTES = 16
NONCE_BYTES = 12
UNKNOWN_KEPT = 256


def _aead(key: bytes) -> AESGCM:
    # Imported when a key is sealed or opened: cryptography costs the window ~6 MB and ~10 ms at
    # start-up, and only an encrypted clinic uses it.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive(password: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    """The 256-bit key-encryption key for one account's password."""
    if kdf.get("name") != "argon2id":
        raise StorageError("The key store uses a key derivation this version does not know.")
    return hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_cost"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def _utc(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)  # a hand-edited time


def _name(username: str) -> str:
    return (username or "").strip().lower()


@dataclass
class KeyStore:
    """The wrapped keys of one database; load, change, then `save()`."""

    path: Path
    database_id: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    rotation: dict[str, Any] | None = None
    unknown: dict[str, dict[str, Any]] = field(default_factory=dict)  # keyed hash → failures

    @classmethod
    def for_database(cls, db_path: Path) -> KeyStore:
        return cls.load(keystore_path(db_path))

    @classmethod
    def new(cls, path: Path) -> KeyStore:
        return cls(path, str(uuid.uuid4()))

    @classmethod
    def load(cls, path: Path) -> KeyStore:
        try:
            doc = json.loads(path.read_text("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a key store")
            if doc.get("version") != VERSION:
                raise StorageError(
                    "The key store {path} comes from a newer alsdesk; update alsdesk to open it.", path=path
                )
            rotation = doc.get("rotation")
            return cls(
                path,
                str(doc["database_id"]),
                dict(doc["accounts"]),
                rotation=dict(rotation) if rotation else None,
                unknown=dict(doc.get("unknown", {})),
            )
        except FileNotFoundError as err:
            raise StorageError("The key store {path} is missing; restore it from your key backup.", path=path) from err
        except OSError as err:
            raise StorageError("Cannot read the key store {path}: {reason}.", path=path, reason=err.strerror) from err
        except (ValueError, KeyError, TypeError) as err:
            raise StorageError("The key store {path} is damaged; restore it from your key backup.", path=path) from err

    def save(self) -> None:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": self.database_id,
            "accounts": self.entries,
        }
        if self.rotation is not None:
            doc["rotation"] = self.rotation
        if self.unknown:
            doc["unknown"] = self.unknown
        atomic_write_bytes(self.path, (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8"), mode=0o600)

    def _aad(self, username: str) -> bytes:
        return f"{FORMAT}/{VERSION}/{self.database_id}/{_name(username)}".encode()

    @property
    def usernames(self) -> list[str]:
        return sorted(self.entries)

    def wrap(self, username: str, password: str, key: bytes) -> None:
        """Give `username` (with this password) the database key; replaces any earlier entry."""
        if len(key) != KEY_BYTES:
            raise StorageError("The database key has the wrong length; nothing was stored.")
        salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
        kek = derive(password, salt, KDF)
        sealed = _aead(kek).encrypt(nonce, key, self._aad(username))
        unaudited = self.entries.get(_name(username), {}).get("failed", {}).get("unaudited", [])
        self.entries[_name(username)] = {
            **({"failed": {"count": 0, "last": None, "unaudited": unaudited}} if unaudited else {}),
            "kdf": dict(KDF),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "key": _b64(sealed),
        }
        if self.rotation is not None:
            pending = [n for n in self.rotation["pending"] if n != _name(username)]
            if self.next_key(key) is not None:  # the old key, while a rotation is under way
                pending.append(_name(username))
            self.rotation["pending"] = sorted(pending)

    def unwrap(self, username: str, password: str) -> bytes | None:
        """The database key, or None for an unknown name or a wrong password. Both cost one key
        derivation, so the time taken does not tell which names exist."""
        from cryptography.exceptions import InvalidTag

        entry = self.entries.get(_name(username))
        if entry is None:
            derive(password or "", b"\x00" * SALT_BYTES, KDF)
            return None
        try:
            kek = derive(password or "", _unb64(entry["salt"]), entry["kdf"])
            return _aead(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["key"]), self._aad(username))
        except InvalidTag:
            return None
        except (ValueError, KeyError, TypeError) as err:
            raise StorageError(
                "The key store {path} is damaged; restore it from your key backup.", path=self.path
            ) from err

    def remove(self, username: str) -> bool:
        if self.rotation is not None:
            self.rotation["pending"] = [n for n in self.rotation["pending"] if n != _name(username)]
        return self.entries.pop(_name(username), None) is not None

    def _rotation_aad(self) -> bytes:
        return f"{FORMAT}/{VERSION}/{self.database_id}/rotation".encode()

    def begin_rotation(self, old_key: bytes, new_key: bytes) -> None:
        """Keep `new_key` sealed under `old_key`: every entry still wraps the old key until its
        account signs in (or `wrap` gives it the new one)."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        self.rotation = {
            "nonce": _b64(nonce),
            "key": _b64(_aead(old_key).encrypt(nonce, new_key, self._rotation_aad())),
            "pending": self.usernames,
        }

    def next_key(self, key: bytes) -> bytes | None:
        """The new key when `key` is the old key of a rotation under way; None when no rotation is
        under way or `key` is already the new one."""
        if self.rotation is None:
            return None
        from cryptography.exceptions import InvalidTag

        try:
            return _aead(key).decrypt(
                _unb64(self.rotation["nonce"]), _unb64(self.rotation["key"]), self._rotation_aad()
            )
        except InvalidTag:
            return None
        except (ValueError, KeyError, TypeError) as err:
            raise StorageError(
                "The key store {path} is damaged; restore it from your key backup.", path=self.path
            ) from err

    @property
    def pending(self) -> list[str]:
        """The accounts whose entries still wrap the old key of a rotation under way."""
        return list(self.rotation["pending"]) if self.rotation is not None else []

    def finish_rotation(self, active: set[str]) -> bool:
        """Drop the old key once no active account needs it: the rotation and the entries still
        wrapping the old key (accounts disabled or gone) go. Whether it was dropped."""
        if self.rotation is None or set(self.rotation["pending"]) & {_name(n) for n in active}:
            return False
        for name in self.rotation["pending"]:
            self.entries.pop(name, None)
        self.rotation = None
        return True

    def abandon_rotation(self) -> None:
        """Forget a rotation whose database was never re-encrypted (a `db rekey` killed before
        its rename): every entry still opens the file with the old key."""
        self.rotation = None

    def failures(self, username: str) -> tuple[int, datetime | None, list[datetime]] | None:
        """Failed unlocks in a row, the time of the last, and those not yet audited; None for an
        unknown name (nothing is kept for names not in the store, so the file cannot be grown)."""
        entry = self.entries.get(_name(username))
        if entry is None:
            return None
        failed = entry.get("failed") or {}
        try:
            last = failed.get("last")
            return (
                int(failed.get("count", 0)),
                _utc(last) if last else None,
                [_utc(t) for t in failed.get("unaudited", [])],
            )
        except (ValueError, TypeError, AttributeError) as err:
            raise StorageError(
                "The key store {path} is damaged; restore it from your key backup.", path=self.path
            ) from err

    def _tag(self, username: str) -> str:
        return hmac.new(self.database_id.encode(), _name(username).encode(), hashlib.sha256).hexdigest()[:32]

    def attempts(self, username: str) -> tuple[int, datetime | None]:
        """Failed unlocks in a row and the time of the last, for any name (the sign-in rule's input)."""
        state = self.failures(username)
        if state is not None:
            return state[0], state[1]
        failed = self.unknown.get(self._tag(username)) or {}
        try:
            return int(failed.get("count", 0)), _utc(failed["last"]) if failed.get("last") else None
        except (ValueError, TypeError, AttributeError) as err:
            raise StorageError(
                "The key store {path} is damaged; restore it from your key backup.", path=self.path
            ) from err

    def note_failure(self, username: str, when: datetime) -> bool:
        """Count a wrong password (True: the store changed and is to be saved)."""
        state = self.failures(username)
        if state is None:
            count, _last = self.attempts(username)
            tag = self._tag(username)
            self.unknown.pop(tag, None)  # re-inserted last: the dict keeps the latest at its end
            self.unknown[tag] = {"count": count + 1, "last": when.isoformat()}
            for stale in list(self.unknown)[:-UNKNOWN_KEPT]:
                del self.unknown[stale]
            return True
        count, _last, unaudited = state
        self.entries[_name(username)]["failed"] = {
            "count": count + 1,
            "last": when.isoformat(),
            "unaudited": [t.isoformat() for t in unaudited] + [when.isoformat()],
        }
        return True

    def forget_failures(self, username: str, audited: list[datetime], *, reset: bool) -> bool:
        """Drop the failures now in the audit trail and, after a sign-in, the count; whether the
        entry changed (so the caller saves only then)."""
        state = self.failures(username)
        if state is None:
            return False
        count, last, unaudited = state
        left = [t for t in unaudited if t not in audited]
        if reset:
            count, last = 0, None
        entry = self.entries[_name(username)]
        before = entry.get("failed")
        entry.pop("failed", None)
        if count or left:
            entry["failed"] = {
                "count": count,
                "last": last.isoformat() if last else None,
                "unaudited": [t.isoformat() for t in left],
            }
        return entry.get("failed") != before
