"""Encryption from the command line, end to end: `db encrypt`, signing in to an encrypted
database, account changes that rewrap the key, and passphrase-sealed exports and backups."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "admin-password-1"
PASSPHRASE = "a long passphrase"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    def call(*args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "ALSDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
        for name in ("ALSDESK_DATABASE_URL", "ALSDESK_USER", "ALSDESK_PASSWORD", "ALSDESK_PASSPHRASE"):
            env.pop(name, None)
        env.update(env_extra)
        return subprocess.run(
            [sys.executable, "-m", "alsdesk", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    return call


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


AS_ADMIN = {"ALSDESK_USER": "boss", "ALSDESK_PASSWORD": ADMIN_PW}


def add_patient(run, mrn: str, **env: str) -> None:  # type: ignore[no-untyped-def]
    r = run(
        "patient",
        *("add", "--mrn", mrn, "--family-name", "Wang", "--given-name", "Fang"),
        *("--birth-date", "1961-02-03", "--sex", "female"),
        **env,
    )
    assert r.returncode == 0, r.stderr


@pytest.fixture
def encrypted_clinic(run, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """An administrator, a clinician and two patients, then `db encrypt`."""
    assert run("user", "add", "boss", "--role", "administrator", ALSDESK_PASSWORD=ADMIN_PW).returncode == 0
    r = run("user", "add", "lchen", "--role", "clinician", ALSDESK_NEW_PASSWORD="clinician-pw-1", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    add_patient(run, "E1", **AS_ADMIN)
    add_patient(run, "E2", **AS_ADMIN)
    path = tmp_path / "home" / "alsdesk.sqlite3"
    assert b"Wang" in path.read_bytes() or b"Wang" in path.with_name(path.name + "-wal").read_bytes()
    r = run("db", "encrypt", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert "now encrypted" in r.stdout and "lchen" in r.stdout  # who still needs a new password
    return path


def patient_mrns(run, *before: str, **env: str) -> list[str]:  # type: ignore[no-untyped-def]
    r = run(*before, "patient", "list", "--json", **env)
    assert r.returncode == 0, r.stderr
    return sorted(p["mrn"] for p in json.loads(r.stdout))


def test_encrypted_database_opens_only_with_a_sign_in(run, encrypted_clinic: Path) -> None:  # type: ignore[no-untyped-def]
    path = encrypted_clinic
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3") and b"Wang" not in data
    assert patient_mrns(run, **AS_ADMIN) == ["E1", "E2"]
    before = path.read_bytes()
    r = run("patient", "list")
    assert r.returncode == 1 and "This database is encrypted; sign in with --user" in one_line_error(r)
    r = run("patient", "list", ALSDESK_USER="boss", ALSDESK_PASSWORD="not-the-password")
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    r = run("patient", "list", ALSDESK_USER="ghost", ALSDESK_PASSWORD=ADMIN_PW)
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    # The clinician has no copy of the key until an administrator sets their password.
    r = run("patient", "list", ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-1")
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    assert path.read_bytes() == before
    r = run("db", "check", **AS_ADMIN)
    assert r.returncode == 0 and "ok   integrity" in r.stdout, r.stdout + r.stderr
    r = run("db", "encrypt", **AS_ADMIN)
    assert r.returncode == 1 and "already encrypted" in one_line_error(r)


def test_account_changes_rewrap_the_key(run, encrypted_clinic: Path) -> None:  # type: ignore[no-untyped-def]
    path = encrypted_clinic
    r = run("user", "passwd", "lchen", ALSDESK_NEW_PASSWORD="clinician-pw-2", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    as_clinician = {"ALSDESK_USER": "lchen", "ALSDESK_PASSWORD": "clinician-pw-2"}
    assert patient_mrns(run, **as_clinician) == ["E1", "E2"]
    r = run("user", "add", "wxu", "--role", "coordinator", ALSDESK_NEW_PASSWORD="coordinator-pw-1", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert patient_mrns(run, ALSDESK_USER="wxu", ALSDESK_PASSWORD="coordinator-pw-1") == ["E1", "E2"]
    r = run("user", "disable", "lchen", **AS_ADMIN)
    assert r.returncode == 0 and "key was removed" in r.stdout
    r = run("patient", "list", **as_clinician)
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    assert "lchen" not in json.loads(path.with_name(path.name + ".keys").read_text())["accounts"]


def test_a_disabled_account_gets_the_key_back_only_when_an_administrator_enables_it(  # type: ignore[no-untyped-def]
    run, encrypted_clinic: Path
) -> None:
    keys = encrypted_clinic.with_name(encrypted_clinic.name + ".keys")

    def holders() -> set[str]:
        return set(json.loads(keys.read_text())["accounts"])

    assert run("user", "passwd", "lchen", ALSDESK_NEW_PASSWORD="clinician-pw-2", **AS_ADMIN).returncode == 0
    assert run("user", "disable", "lchen", **AS_ADMIN).returncode == 0
    assert holders() == {"boss"}
    # A new password for the still-disabled account changes the password only.
    r = run("user", "passwd", "lchen", ALSDESK_NEW_PASSWORD="clinician-pw-3", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert "lchen is disabled, so this password does not open the encrypted database" in r.stdout
    assert "alsdesk user enable lchen" in r.stdout
    assert holders() == {"boss"}
    r = run("patient", "list", ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-3")
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    # Enabling needs an administrator: the account holder cannot, nor can a clinician.
    r = run("user", "add", "wxu", "--role", "clinician", ALSDESK_NEW_PASSWORD="clinician-pw-9", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    r = run("user", "enable", "lchen", ALSDESK_USER="wxu", ALSDESK_PASSWORD="clinician-pw-9")
    assert r.returncode == 1 and "the clinician role may not manage staff" in one_line_error(r)
    assert holders() == {"boss", "wxu"}
    # The administrator enables it with a new password, which wraps the key again.
    r = run("user", "enable", "lchen", ALSDESK_NEW_PASSWORD="clinician-pw-4", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert "lchen opens the encrypted database with the new password" in r.stdout
    assert holders() == {"boss", "wxu", "lchen"}
    r = run("patient", "list", ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-3")
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    assert patient_mrns(run, ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-4") == ["E1", "E2"]
    # Enabling an account that is enabled changes nothing (no password asked, none changed).
    r = run("user", "enable", "lchen", **AS_ADMIN)
    assert r.returncode == 0 and "already enabled" in r.stdout
    assert patient_mrns(run, ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-4") == ["E1", "E2"]


def test_rekey_moves_every_active_account_to_a_new_key_then_drops_the_old(run, encrypted_clinic: Path) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.storage.keystore import KeyStore
    from alsdesk.storage.rekey import opens_with

    path = encrypted_clinic
    keys = path.with_name(path.name + ".keys")
    for name, pw in (("lchen", "clinician-pw-1"), ("wxu", "coordinator-pw-1")):
        r = run(
            "user",
            "passwd" if name == "lchen" else "add",
            name,
            *(() if name == "lchen" else ("--role", "coordinator")),
            ALSDESK_NEW_PASSWORD=pw,
            **AS_ADMIN,
        )
        assert r.returncode == 0, r.stderr
    r = run("backup", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    backups = sorted((path.parent / "backups").glob("*.sqlite3"))
    old = KeyStore.for_database(path).unwrap("boss", ADMIN_PW)
    assert old is not None and backups and all(opens_with(b, old) for b in backups)

    r = run("db", "rekey", ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-1")
    assert r.returncode == 1 and "may not manage staff" in one_line_error(r)
    r = run("db", "rekey", **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert "now encrypted with a new key" in r.stdout and "lchen, wxu" in r.stdout
    store = KeyStore.for_database(path)
    new = store.unwrap("boss", ADMIN_PW)
    assert new is not None and new != old and store.pending == ["lchen", "wxu"]
    assert not opens_with(path, old) and opens_with(path, new)
    assert all(opens_with(b, new) and not opens_with(b, old) for b in backups)  # backups follow
    r = run("db", "rekey", **AS_ADMIN)  # one rotation at a time
    assert r.returncode == 1 and "still open the database with the old key" in one_line_error(r)

    # lchen signs in with the old key's entry, and is moved to the new key.
    assert patient_mrns(run, ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-1") == ["E1", "E2"]
    store = KeyStore.for_database(path)
    assert store.pending == ["wxu"] and store.unwrap("lchen", "clinician-pw-1") == new
    # The last active account still on the old key is disabled: the next sign-in drops the old key.
    assert run("user", "disable", "wxu", **AS_ADMIN).returncode == 0
    assert patient_mrns(run, **AS_ADMIN) == ["E1", "E2"]
    doc = json.loads(keys.read_text())
    assert "rotation" not in doc and set(doc["accounts"]) == {"boss", "lchen"}
    assert patient_mrns(run, ALSDESK_USER="lchen", ALSDESK_PASSWORD="clinician-pw-1") == ["E1", "E2"]
    r = run("audit", "verify", **AS_ADMIN)
    assert r.returncode == 0, r.stdout + r.stderr


def test_failed_unlocks_are_counted_locked_and_audited_at_the_next_sign_in(run, encrypted_clinic: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from alsdesk.storage import encryption
    from alsdesk.storage.keystore import KeyStore

    keys = encrypted_clinic.with_name(encrypted_clinic.name + ".keys")
    r = run("patient", "list", ALSDESK_USER="ghost", ALSDESK_PASSWORD="not-the-password")
    assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    # an unknown name is counted like an account (a wait must not tell them apart), never by name
    assert "ghost" not in keys.read_text() and len(json.loads(keys.read_text())["unknown"]) == 1
    for _ in range(2):  # the first two failures need no wait
        r = run("patient", "list", ALSDESK_USER="boss", ALSDESK_PASSWORD="not-the-password")
        assert r.returncode == 1 and "Wrong user name or password" in one_line_error(r)
    failed = json.loads(keys.read_text())["accounts"]["boss"]["failed"]
    assert failed["count"] == 2 and len(failed["unaudited"]) == 2
    # Three more failures have just happened: the right password is refused with the lock message.
    doc = json.loads(keys.read_text())
    now = datetime.now(UTC).isoformat()
    doc["accounts"]["boss"]["failed"] = {"count": 5, "last": now, "unaudited": [*failed["unaudited"], now]}
    keys.write_text(json.dumps(doc))
    r = run("patient", "list", **AS_ADMIN)
    assert r.returncode == 1 and "locked for 15 more minute(s)" in one_line_error(r)
    # Fifteen minutes later (the lock moved into the past) the right password opens the database.
    doc["accounts"]["boss"]["failed"]["last"] = "2000-01-01T00:00:00+00:00"
    keys.write_text(json.dumps(doc))
    assert patient_mrns(run, **AS_ADMIN) == ["E1", "E2"]
    assert "failed" not in json.loads(keys.read_text())["accounts"]["boss"]
    r = run("audit", "verify", **AS_ADMIN)
    assert r.returncode == 0, r.stdout + r.stderr
    key = KeyStore.load(keys).unwrap("boss", ADMIN_PW)
    conn = encryption.connect(encrypted_clinic, key, readonly=True)
    try:
        rows = conn.execute("SELECT detail FROM audit_entry WHERE action = 'signin_failed' ORDER BY seq").fetchall()
    finally:
        conn.close()
    unlocks = [json.loads(d) for (d,) in rows if "encrypted database" in d]
    assert [d["username"] for d in unlocks] == ["boss"] * 3
    assert [d["failed_at"] for d in unlocks] == [*failed["unaudited"], now]


def test_sealed_export_and_import(run, encrypted_clinic: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "export.sealed"
    r = run("export", "--all", "-o", str(out), "--encrypt", ALSDESK_PASSPHRASE=PASSPHRASE, **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    blob = out.read_bytes()
    assert blob.startswith(b"ALSDSEAL") and b"Wang" not in blob and b'"mrn"' not in blob
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    # Another clinic, whose administrator is someone else (the export carries this clinic's staff).
    as_other = {"ALSDESK_USER": "chief", "ALSDESK_PASSWORD": ADMIN_PW}
    r = run("--database", other, "user", "add", "chief", "--role", "administrator", ALSDESK_PASSWORD=ADMIN_PW)
    assert r.returncode == 0, r.stderr
    r = run("--database", other, "import", str(out), ALSDESK_PASSPHRASE="the wrong passphrase", **as_other)
    assert r.returncode == 1 and "passphrase does not open" in one_line_error(r)
    assert patient_mrns(run, "--database", other, **as_other) == []
    r = run("--database", other, "import", str(out), ALSDESK_PASSPHRASE=PASSPHRASE, **as_other)
    assert r.returncode == 0, r.stderr
    assert patient_mrns(run, "--database", other, **as_other) == ["E1", "E2"]
    r = run("export", "--all", "-o", str(tmp_path / "x.sealed"), "--encrypt", **AS_ADMIN)
    assert r.returncode == 1 and "No passphrase" in one_line_error(r)


def test_sealed_backup_restores_into_the_encrypted_database(run, encrypted_clinic: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = encrypted_clinic
    out = tmp_path / "backup.sealed"
    r = run("backup", "--encrypt", "-o", str(out), ALSDESK_PASSPHRASE=PASSPHRASE, **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"ALSDSEAL") and b"Wang" not in out.read_bytes()
    add_patient(run, "E3", **AS_ADMIN)
    altered = tmp_path / "altered.sealed"
    blob = bytearray(out.read_bytes())
    blob[len(blob) // 2] ^= 0x04
    altered.write_bytes(bytes(blob))
    before = path.read_bytes()
    r = run("restore", str(altered), "--yes", ALSDESK_PASSPHRASE=PASSPHRASE, **AS_ADMIN)
    assert r.returncode == 1 and "altered" in one_line_error(r)
    assert path.read_bytes() == before
    r = run("restore", str(out), "--yes", ALSDESK_PASSPHRASE=PASSPHRASE, **AS_ADMIN)
    assert r.returncode == 0, r.stderr
    assert not path.read_bytes().startswith(b"SQLite format 3")  # still encrypted after the restore
    assert patient_mrns(run, **AS_ADMIN) == ["E1", "E2"]
    r = run("backup", "-o", str(tmp_path / "plain-copy.sqlite3"), **AS_ADMIN)  # a local backup keeps the DB key
    assert r.returncode == 0 and not (tmp_path / "plain-copy.sqlite3").read_bytes().startswith(b"SQLite format 3")


def test_a_backup_left_plain_fails_db_check_and_db_encrypt_encrypts_it(
    run, encrypted_clinic: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A plain backup beside an encrypted clinic (an older alsdesk, or a copy put back by hand) is
    reported by `db check`, and `db encrypt` run again encrypts it with the clinic's key."""
    import sqlite3

    backups = encrypted_clinic.parent / "backups"
    left = backups / "alsdesk-20260101T000000000000Z-manual.sqlite3"
    with sqlite3.connect(left) as conn:
        conn.execute("CREATE TABLE patient (mrn TEXT)")
        conn.execute("INSERT INTO patient VALUES ('PLAIN1')")
    conn.close()
    r = run("db", "check", **AS_ADMIN)
    assert r.returncode == 1 and "still plain" in r.stdout and "db encrypt" in r.stdout, r.stdout
    r = run("db", "encrypt", **AS_ADMIN)
    assert r.returncode == 0 and "now encrypted" in r.stdout, r.stderr
    assert b"PLAIN1" not in left.read_bytes() and not left.read_bytes().startswith(b"SQLite format 3")
    assert run("db", "check", **AS_ADMIN).returncode == 0
    r = run("db", "encrypt", **AS_ADMIN)
    assert r.returncode == 1 and "so are its backups" in one_line_error(r)
