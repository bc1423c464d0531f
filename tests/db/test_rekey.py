"""Key rotation (storage/rekey.py): a `db rekey` killed at each step leaves a clinic that opens
with all its rows, and running it again finishes with one new key for the database and backups."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alsdesk.app import open_clinic, unlock
from alsdesk.storage import encryption, rekey
from alsdesk.storage.backup import take_backup
from alsdesk.storage.keystore import KeyStore
from tests.db.test_encryption import PASSWORD, add_patients, digests


class Killed(BaseException):
    """Stands for the process dying at that point."""


@pytest.fixture(autouse=True)
def no_remembered_keys() -> Iterator[None]:
    yield
    encryption._keys.clear()


@pytest.fixture
def clinic(sqlite_url: str) -> tuple[str, Path]:
    """An encrypted clinic (account boss) with two backups in backups/ (one from an earlier month,
    which thinning keeps)."""
    from alsdesk.storage.convert import encrypt_database

    db = open_clinic(sqlite_url)
    add_patients(db)
    db.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    encrypt_database(path, "boss", PASSWORD)
    take_backup(path, "manual").rename(path.parent / "backups" / f"{path.stem}-20260101T080000000000Z-daily.sqlite3")
    take_backup(path, "manual")
    encryption.forget_key(path)
    return sqlite_url, path


STEPS = ["rotation written", "first backup re-encrypted", "backups re-encrypted", "database renamed"]


@pytest.mark.parametrize("step", STEPS)
def test_a_rekey_killed_at_each_step_opens_and_finishes_when_run_again(  # type: ignore[no-untyped-def]
    clinic, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, path = clinic
    old = unlock(url, "boss", PASSWORD)
    before = digests(path, old)
    backups = sorted((path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 3  # the daily, the manual and the pre-encrypt safety copy (kept, issue 11)
    real = rekey._reencrypt
    done: list[Path] = []

    def dying(target: Path, old_key: bytes, new_key: bytes) -> None:
        if step == "rotation written" or (step == "backups re-encrypted" and target == path):
            raise Killed
        real(target, old_key, new_key)
        done.append(target)
        if step == "first backup re-encrypted" or (step == "database renamed" and target == path):
            raise Killed

    monkeypatch.setattr(rekey, "_reencrypt", dying)
    with pytest.raises(Killed):
        rekey.rekey_database(path, old, "boss", PASSWORD)
    monkeypatch.setattr(rekey, "_reencrypt", real)
    encryption.forget_key(path)

    # The clinic opens with every row, whichever key the file is under now.
    key = unlock(url, "boss", PASSWORD)
    assert rekey.opens_with(path, key) and digests(path, key) == before
    assert (key == old) == (path not in done)
    print(f"killed after '{step}': {len(done)} files re-encrypted, the clinic opens with every row")

    # Run again: done, one new key for the database and every backup, none left on the old key.
    new, left = rekey.rekey_database(path, key, "boss", PASSWORD)
    assert left == [] and new != old
    assert digests(path, new) == before and not rekey.opens_with(path, old)
    assert all(rekey.opens_with(b, new) for b in backups)
    store = KeyStore.for_database(path)
    assert store.unwrap("boss", PASSWORD) == new and store.pending == []


def test_the_key_store_drops_the_old_key_once_no_active_account_needs_it(tmp_path: Path) -> None:
    old, new = encryption.new_key(), encryption.new_key()
    store = KeyStore.new(tmp_path / "x.keys")
    for name in ("boss", "lchen", "wxu"):
        store.wrap(name, f"{name}-password", old)
    store.begin_rotation(old, new)
    assert store.pending == ["boss", "lchen", "wxu"]
    assert store.next_key(old) == new and store.next_key(new) is None
    store.wrap("boss", "boss-password", new)  # re-wrapped: off the list
    store.wrap("lchen", "lchen-password", old)  # still the old key: stays on it
    assert store.pending == ["lchen", "wxu"]
    store.save()
    store = KeyStore.load(tmp_path / "x.keys")  # the rotation survives a reload
    assert store.pending == ["lchen", "wxu"] and store.next_key(old) == new
    assert not store.finish_rotation({"boss", "lchen"})  # lchen is active and still needs it
    store.remove("lchen")  # disabled
    assert store.finish_rotation({"boss"})  # wxu is not active: its entry goes with the old key
    assert store.rotation is None and store.usernames == ["boss"]
    assert store.unwrap("boss", "boss-password") == new
