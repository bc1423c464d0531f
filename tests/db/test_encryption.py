"""Encryption at rest (SQLCipher): conversion keeps every row, the key opens it and nothing else
does, the key never leaks into messages, logs or URLs, and every flipped bit is detected."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alsdesk.app import UNLOCK_FAILED, grant_key, open_clinic, signing_in, unlock
from alsdesk.errors import StorageError
from alsdesk.services import accounts, audit, audit_log, patients
from alsdesk.services.access import Actor
from alsdesk.storage import encryption
from alsdesk.storage.backup import restore_sqlite, take_backup
from alsdesk.storage.convert import encrypt_database, plain_backups
from alsdesk.storage.database import check_sqlite_file, open_database
from alsdesk.storage.encryption import EncryptedDatabaseError, WrongKeyError
from alsdesk.storage.keystore import KeyStore

ADMIN = Actor("test-admin", role="administrator")
PASSWORD = "boss-password-1"
PAGE = 4096


@pytest.fixture(autouse=True)
def no_remembered_keys() -> Iterator[None]:
    yield
    encryption._keys.clear()


def digests(path: Path, key: bytes | None) -> dict[str, str]:
    """A digest of every table's rows (sorted), for 'nothing lost' comparisons."""
    conn = encryption.connect(path, key, readonly=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {}
        for name in names:
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
            out[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest() + f"/{len(rows)}"
        return out
    finally:
        conn.close()


def add_patients(db, n: int = 3) -> None:  # type: ignore[no-untyped-def]
    with db.write(actor=ADMIN) as s:
        if not accounts.has_accounts(session=s):
            accounts.create_account(
                session=s, username="boss", display_name="Boss", role="administrator", password=PASSWORD
            )
        for i in range(n):
            patients.add_patient(
                session=s,
                mrn=f"ENC{i:03d}",
                family_name="Secretname",
                given_name=f"Pat{i}",
                birth_date=date(1960, 1, 1 + i),
                sex="female",
            )


@pytest.fixture
def encrypted(sqlite_url: str) -> tuple[str, Path, bytes]:
    """A clinic database with three patients and an account, encrypted for `boss`."""
    db = open_clinic(sqlite_url)
    add_patients(db)
    db.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    key, _kept = encrypt_database(path, "boss", PASSWORD)
    encryption.forget_key(path)
    return sqlite_url, path, key


def test_conversion_keeps_every_row_and_leaves_no_plain_text(sqlite_url: str) -> None:
    db = open_clinic(sqlite_url)
    add_patients(db, 5)
    db.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    before = digests(path, None)
    assert b"Secretname" in path.read_bytes()
    # A plain backup from an earlier month (thinning keeps it): encrypted along with the database.
    older = take_backup(path, "manual").rename(
        path.parent / "backups" / f"{path.stem}-20260101T080000000000Z-daily.sqlite3"
    )
    key, kept = encrypt_database(path, "boss", PASSWORD)
    assert kept is not None and kept.exists() and digests(kept, key) == before  # the safety copy, encrypted
    for copy in (kept, older):
        assert not encryption.has_sqlite_header(copy) and b"Secretname" not in copy.read_bytes()
    assert digests(older, key) == before
    assert plain_backups(path) == []
    assert not encryption.has_sqlite_header(path) and b"Secretname" not in path.read_bytes()
    assert encryption.is_encrypted(path)
    assert digests(path, key) == before
    assert os.stat(encryption.keystore_path(path)).st_mode & 0o077 == 0  # key store readable by its owner only
    assert key.hex() not in encryption.keystore_path(path).read_text()
    encryption.forget_key(path)
    reopened = open_clinic(sqlite_url, key=unlock(sqlite_url, "boss", PASSWORD))
    with reopened.read(actor=ADMIN) as s:
        assert patients.count_patients(session=s) == 5
    reopened.dispose()
    with pytest.raises(StorageError, match="already encrypted"):
        encrypt_database(path, "boss", PASSWORD)


def test_without_a_key_the_file_is_refused_as_encrypted_and_not_changed(encrypted) -> None:  # type: ignore[no-untyped-def]
    url, path, _key = encrypted
    before = path.read_bytes()
    with pytest.raises(EncryptedDatabaseError, match="is encrypted: sign in to open it"):
        open_database(url)
    with pytest.raises(EncryptedDatabaseError, match="encrypted"):
        take_backup(path, "manual")
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    # Without its key store beside it the file is just an unknown file, still not changed.
    encryption.keystore_path(path).rename(path.with_name("elsewhere.keys"))
    with pytest.raises(StorageError, match="not an alsdesk database"):
        open_database(url)
    assert path.read_bytes() == before


def test_a_wrong_key_or_password_gets_a_clear_message(encrypted) -> None:  # type: ignore[no-untyped-def]
    url, path, key = encrypted
    before = path.read_bytes()
    other = encryption.new_key()
    with pytest.raises(WrongKeyError, match="cannot be opened with this key") as caught:
        open_database(url, key=other)
    assert other.hex() not in str(caught.value) and key.hex() not in str(caught.value)
    encryption.forget_key(path)
    with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
        unlock(url, "boss", "not-the-password")
    with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
        unlock(url, "nobody", PASSWORD)
    assert path.read_bytes() == before


def test_the_key_never_appears_in_urls_logs_or_messages(encrypted, caplog) -> None:  # type: ignore[no-untyped-def]
    url, path, key = encrypted
    forms = [key.hex(), key.hex().upper(), repr(key)]
    caplog.set_level(logging.DEBUG)
    db = open_clinic(url, key=unlock(url, "boss", PASSWORD))
    shown = [db.url, db.display_url, repr(db.engine), str(db.engine.url), repr(db.engine.url)]
    with db.write(actor=ADMIN) as s:
        patients.add_patient(
            session=s, mrn="ENC999", family_name="Log", given_name="Check", birth_date=date(1970, 1, 1), sex="male"
        )
    with pytest.raises(Exception) as caught, db.write(actor=ADMIN) as s:
        s.connection().exec_driver_sql("SELECT * FROM no_such_table")
    shown += [str(caught.value), repr(caught.value)]
    take_backup(path, "manual")
    db.dispose()
    shown.append(caplog.text)
    for text in shown:
        for form in forms:
            assert form not in text


def test_failed_unlocks_are_counted_slowed_locked_and_audited_at_the_next_sign_in(encrypted) -> None:  # type: ignore[no-untyped-def]
    url, path, _key = encrypted
    keys = encryption.keystore_path(path)
    t0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
        unlock(url, "nobody", PASSWORD, now=t0)
    assert "nobody" not in keys.read_text()  # counted (see below) by a keyed hash, never by name

    failed_at, now = [], t0
    for n in range(1, accounts.LOCK_AFTER + 1):
        if n > 1:  # the growing wait: one moment too soon, the right password is refused without counting
            too_soon = failed_at[-1] + accounts.retry_delay(n - 1) - timedelta(milliseconds=500)
            if too_soon > failed_at[-1]:
                with pytest.raises(accounts.SignInError, match=r"Please wait \d+ second"):
                    unlock(url, "boss", PASSWORD, now=too_soon)
            now = failed_at[-1] + accounts.retry_delay(n - 1)
        with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
            unlock(url, "Boss ", "not-the-password", now=now)
        failed_at.append(now)
        count, last, unaudited = KeyStore.for_database(path).failures("boss")  # type: ignore[misc]
        assert (count, last, unaudited) == (n, now, failed_at)
    assert accounts.retry_delay(3) > accounts.retry_delay(2) > accounts.retry_delay(1)

    locked_for = timedelta(minutes=accounts.LOCK_MINUTES)
    with pytest.raises(accounts.SignInError, match="locked for 1 more minute"):
        unlock(url, "boss", PASSWORD, now=failed_at[-1] + locked_for - timedelta(seconds=30))
    assert KeyStore.for_database(path).failures("boss")[0] == accounts.LOCK_AFTER  # type: ignore[index]
    key = unlock(url, "boss", PASSWORD, now=failed_at[-1] + locked_for)

    db = open_clinic(url, key=key)
    try:
        with signing_in(db, "boss") as s:
            assert accounts.sign_in(session=s, username="boss", password=PASSWORD).actor is not None
        assert KeyStore.for_database(path).failures("boss") == (0, None, [])
        with db.read(actor=ADMIN) as s:
            entries = audit_log.list_entries(session=s, action="signin_failed", oldest_first=True)
            assert [e.action for e in audit_log.list_entries(session=s, limit=1)] == ["signin"]
            assert audit.verify(session=s, key=db.audit_key).ok
        assert len(entries) == accounts.LOCK_AFTER
        for entry, when in zip(entries, failed_at, strict=True):
            assert '"boss"' in entry.detail and UNLOCK_FAILED in entry.detail and when.isoformat() in entry.detail
        # Flushed once: a second sign-in adds no more.
        with signing_in(db, "boss") as s:
            accounts.sign_in(session=s, username="boss", password=PASSWORD)
        with db.read(actor=ADMIN) as s:
            assert len(audit_log.list_entries(session=s, action="signin_failed")) == accounts.LOCK_AFTER
    finally:
        db.dispose()


def test_password_change_rewraps_the_key_without_touching_the_database(encrypted) -> None:  # type: ignore[no-untyped-def]
    url, path, _key = encrypted
    db = open_clinic(url, key=unlock(url, "boss", PASSWORD))
    db.dispose()  # closing checkpoints the write-ahead log: the file is now at rest
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    store_before = encryption.keystore_path(path).read_bytes()
    db = open_database(url, migrate=False, backup=False)  # the key is remembered for this file
    with db.read() as session:  # (in the CLI, the write that changes the password)
        assert grant_key(db, session, "boss", "a-new-password-2") is True
    db.dispose()
    assert encryption.keystore_path(path).read_bytes() != store_before
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    encryption.forget_key(path)
    with pytest.raises(accounts.SignInError):
        unlock(url, "boss", PASSWORD)
    assert digests(path, unlock(url, "boss", "a-new-password-2"))["patient"].endswith("/3")


def test_key_store_entries_are_bound_to_their_account(encrypted) -> None:  # type: ignore[no-untyped-def]
    url, path, key = encrypted
    store = KeyStore.for_database(path)
    store.wrap("clerk", "clerk-password-1", key)
    # An entry copied under another name does not open: the user name is authenticated data.
    store.entries["boss"] = store.entries["clerk"]
    assert store.unwrap("boss", "clerk-password-1") is None
    assert store.unwrap("clerk", "clerk-password-1") == key
    assert store.remove("clerk") and store.unwrap("clerk", "clerk-password-1") is None
    encryption.keystore_path(path).write_text("{not json")
    with pytest.raises(StorageError, match="key store .* is damaged"):
        unlock(url, "boss", PASSWORD)


def test_backups_of_an_encrypted_database_are_encrypted_and_restore(encrypted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, path, key = encrypted
    encryption.remember_key(path, key)
    before = digests(path, key)
    copy = take_backup(path, "manual", tmp_path / "copy.sqlite3")
    assert not encryption.has_sqlite_header(copy) and digests(copy, key) == before
    db = open_clinic(url, key=key)
    with db.write(actor=ADMIN) as s:
        patients.add_patient(
            session=s, mrn="LATER", family_name="Later", given_name="One", birth_date=date(1980, 1, 1), sex="male"
        )
    db.dispose()
    restore_sqlite(copy, path)
    assert digests(path, key)["patient"] == before["patient"]
    # A plain backup restores into the encrypted database, which stays encrypted.
    plain = tmp_path / "plain.sqlite3"
    encryption.export_copy(path, key, plain, None)
    assert encryption.has_sqlite_header(plain)
    restore_sqlite(plain, path)
    assert not encryption.has_sqlite_header(path) and digests(path, key)["patient"] == before["patient"]


@pytest.fixture
def at_rest(encrypted, tmp_path: Path) -> tuple[Path, bytes]:  # type: ignore[no-untyped-def]
    """The encrypted file with its log checkpointed, and its key."""
    url, path, key = encrypted
    db = open_clinic(url, key=key)
    db.dispose()
    encryption.forget_key(path)
    return path, key


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_flipped_bit_is_detected_and_the_file_not_changed(at_rest, tmp_path: Path, data) -> None:  # type: ignore[no-untyped-def]
    path, key = at_rest
    original = path.read_bytes()
    pages = len(original) // PAGE
    page = data.draw(st.integers(0, pages - 1), label="page")
    offset = data.draw(st.integers(0, PAGE - 1), label="offset")
    bit = data.draw(st.integers(0, 7), label="bit")
    damaged = bytearray(original)
    damaged[page * PAGE + offset] ^= 1 << bit
    target = tmp_path / "flipped.sqlite3"
    target.write_bytes(bytes(damaged))
    shutil.copy(encryption.keystore_path(path), encryption.keystore_path(target))
    with pytest.raises(StorageError) as caught:
        check_sqlite_file(target, full=True, key=key)
    message = str(caught.value)
    if page == 0:  # page 1 carries the salt: the key no longer fits it
        assert "cannot be opened with this key" in message
    else:  # the page's HMAC fails: SQLite reports it as corruption
        assert (
            "is damaged" in message or "failed its integrity check" in message
        ) and "restore it from a backup" in message
    assert key.hex() not in message
    assert target.read_bytes() == bytes(damaged)


def test_flipped_bits_in_several_pages_at_open(at_rest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, key = at_rest
    original = path.read_bytes()
    pages = len(original) // PAGE
    assert pages > 20
    for page in (1, 2, pages // 2, pages - 1):
        damaged = bytearray(original)
        damaged[page * PAGE + 100] ^= 0x10
        target = tmp_path / f"page{page}.sqlite3"
        target.write_bytes(bytes(damaged))
        shutil.copy(encryption.keystore_path(path), encryption.keystore_path(target))
        with pytest.raises(StorageError, match="damaged|failed its integrity check"):
            open_database(f"sqlite:///{target}", key=key)
        assert target.read_bytes() == bytes(damaged)


def test_unknown_names_are_slowed_and_locked_like_accounts_before_the_unlock(encrypted) -> None:  # type: ignore[no-untyped-def]
    """A wait or a lock before the key store unlocks does not tell which names exist, and trying
    many names cannot grow the key store beyond its bound."""
    from alsdesk.storage import keystore

    url, path, _key = encrypted
    t0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def walk(name: str) -> list[str]:
        said, now = [], t0
        for n in range(1, accounts.LOCK_AFTER + 2):
            for _ in range(2):  # the second try comes too soon (after the first failure or two)
                try:
                    unlock(url, name, "not-the-password", now=now)
                    said.append("unlocked")
                except accounts.SignInError as err:
                    said.append(str(err))
            now += accounts.retry_delay(n) + timedelta(seconds=1)
        return said

    known, unknown = walk("boss"), walk("nobody")
    assert known == unknown
    assert any("Please wait" in m for m in known) and any("locked" in m for m in known)
    for n in range(keystore.UNKNOWN_KEPT + 20):
        with pytest.raises(accounts.SignInError):
            unlock(url, f"guess{n}", "x", now=t0 + timedelta(hours=1))
    assert len(KeyStore.for_database(path).unknown) == keystore.UNKNOWN_KEPT
