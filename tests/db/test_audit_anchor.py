"""The audit chain's anchor and key: the end of the trail deleted, all of it deleted, an older copy
put in place, and a wrong or missing key are each caught and named; a restore is not a rollback.

Run on SQLite and PostgreSQL (tests/db). Each tamper case is undone before the next, so each is
caught on its own; the figures (entries, cases) are printed for the run's log.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk.errors import AuditKeyError
from alsdesk.models import AuditEntry, Patient
from alsdesk.models.ids import new_id
from alsdesk.services import audit
from alsdesk.storage import anchors
from alsdesk.storage.config import sqlite_path

TRAIL = 200
TABLE = AuditEntry.__table__


def _trail(db, n: int) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        audit.append(s, [("view", "patient", None, None, {"i": i}, None) for i in range(n)])


def _verify(db) -> audit.VerifyResult:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return audit.verify(session=s, key=db.audit_key, anchors=db.audit_anchors())


def _rows(db, since: int = 0) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with db.read() as s:
        return [
            dict(r) for r in s.execute(sa.select(TABLE).where(TABLE.c.seq > since).order_by(TABLE.c.seq)).mappings()
        ]


def _raw(db, *statements: sa.Executable) -> None:  # type: ignore[no-untyped-def]
    """Tamper as someone with the database but not alsdesk would: no audit, no anchor."""
    with db.engine.begin() as conn:
        for stmt in statements:
            conn.execute(stmt)


def _put_back(db, since: int, rows: list[dict]) -> None:  # type: ignore[no-untyped-def,type-arg]
    _raw(db, sa.delete(TABLE).where(TABLE.c.seq > since), *([sa.insert(TABLE).values(rows)] if rows else []))


def test_every_tamper_case_is_caught_and_named(db) -> None:  # type: ignore[no-untyped-def]
    _trail(db, TRAIL)
    head = _verify(db)
    assert head.ok, head
    n = head.entries
    assert anchors.read(db.audit_location).seq == n  # the anchor followed the commit
    original = _rows(db)

    def delete_last(k: int) -> Callable[[], None]:
        return lambda: _raw(db, sa.delete(TABLE).where(TABLE.c.seq > n - k))

    def alter() -> None:
        _raw(db, sa.update(TABLE).where(TABLE.c.seq == n // 2).values(detail='{"i": -1}'))

    def insert() -> None:  # a forged entry after the head, its MAC a plain hash (no key)
        forged = {**original[-1], "id": new_id(), "seq": n + 1, "mac": hashlib.sha256(b"forged").hexdigest()}
        _raw(db, sa.insert(TABLE).values(forged))

    def move() -> None:
        a, b = n // 3, n // 3 + 1
        _raw(
            db,
            sa.update(TABLE).where(TABLE.c.seq == a).values(seq=-1),
            sa.update(TABLE).where(TABLE.c.seq == b).values(seq=a),
            sa.update(TABLE).where(TABLE.c.seq == -1).values(seq=b),
        )

    def rolled_back_and_written_since() -> None:  # an older copy in place, then a day's work on it
        delete_last(10)()
        _trail(db, 25)

    cases: list[tuple[str, Callable[[], None], int, str]] = [
        (
            "last entry deleted",
            delete_last(1),
            n,
            f"ends at entry {n - 1}, but this workstation saw entry {n}: at least its last entry was deleted",
        ),
        (
            "last 10 deleted",
            delete_last(10),
            n - 9,
            f"ends at entry {n - 10}, but this workstation saw entry {n}: at least its last 10 entries were deleted",
        ),
        (
            "all deleted",
            delete_last(n),
            1,
            f"the audit trail is empty, but this workstation saw entry {n}: all its entries were deleted",
        ),
        ("entry altered", alter, n // 2, f"audit entry {n // 2} was altered"),
        ("entry inserted", insert, n + 1, f"audit entry {n + 1} was altered, inserted or moved"),
        ("entries moved", move, n // 3, f"audit entry {n // 3} was altered, inserted or moved"),
        (
            "rolled back, then written",
            rolled_back_and_written_since,
            n,
            f"audit entry {n} is not the one this workstation saw",
        ),
    ]
    for name, tamper, first_bad, words in cases:
        tamper()
        result = _verify(db)
        assert not result.ok, name
        assert result.first_bad == first_bad, (name, result)
        assert words in result.problem, (name, result.problem)
        _put_back(db, 0, original)
        assert _verify(db).ok, name
        assert anchors.read(db.audit_location).seq == n, name  # a broken anchor was kept, never moved
    print(f"\naudit tamper cases: {len(cases)} of {len(cases)} caught and named over a trail of {n} entries")


def test_a_restore_is_not_a_rollback(sqlite_url: str) -> None:
    from alsdesk.app import open_clinic, restore_clinic
    from alsdesk.storage.backup import backup_sqlite

    path = sqlite_path(sqlite_url)
    assert path is not None
    db = open_clinic(sqlite_url)
    _trail(db, 50)
    copy = backup_sqlite(path, "manual")
    _trail(db, 30)
    before = _verify(db)
    db.dispose()
    kept = restore_clinic(copy, path)
    db = open_clinic(sqlite_url)
    try:
        result = _verify(db)
        assert result.ok, result
        with db.read() as s:
            last = s.execute(sa.select(AuditEntry.seq, AuditEntry.action).order_by(AuditEntry.seq.desc())).first()
        assert last is not None and last.action == "restore"
        assert anchors.read(db.audit_location) == anchors.Anchor(
            last.seq, _rows(db, last.seq - 1)[0]["mac"]
        )  # at its own entry
        assert last.seq < before.entries  # the restored trail is shorter than the one it replaced
        assert kept.exists()
        print(f"\nrestore: trail of {before.entries} entries back to {last.seq}, verified intact")
    finally:
        db.dispose()


def test_an_older_copy_put_in_place_of_the_file_is_caught(sqlite_url: str) -> None:
    from alsdesk.app import open_clinic
    from alsdesk.storage.backup import backup_sqlite

    path = sqlite_path(sqlite_url)
    assert path is not None
    db = open_clinic(sqlite_url)
    _trail(db, 40)
    copy = backup_sqlite(path, "manual")
    _trail(db, 15)
    head = _verify(db).entries
    db.dispose()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    shutil.copy(copy, path)  # not a restore: the file swapped behind alsdesk's back
    db = open_clinic(sqlite_url)
    try:
        result = _verify(db)
        assert not result.ok
        assert f"saw entry {head}: at least its last 15 entries were deleted, or an older copy" in result.problem
    finally:
        db.dispose()


def test_without_the_workstation_anchor_the_newest_backup_still_witnesses(sqlite_url: str) -> None:
    """A workstation whose anchor is gone (a new data directory with the key copied in): each
    backup's last entry, MAC-signed, is a checkpoint the trail must still hold."""
    from alsdesk.app import open_clinic
    from alsdesk.storage.backup import backup_sqlite

    path = sqlite_path(sqlite_url)
    assert path is not None
    db = open_clinic(sqlite_url)
    try:
        _trail(db, 60)
        made = backup_sqlite(path, "exit")
        n = _verify(db).entries
        anchors.reset(db.audit_location, None)
        _raw(db, sa.delete(TABLE).where(TABLE.c.seq > n - 10))
        result = _verify(db)
        assert not result.ok and result.first_bad == n - 9
        assert (
            f"but the backup {made.name} holds entry {n}: at least its last 10 entries were deleted" in result.problem
        )
        _raw(db, sa.delete(TABLE))
        result = _verify(db)
        assert (
            not result.ok and f"the audit trail is empty, but the backup {made.name} holds entry {n}" in result.problem
        )
    finally:
        db.dispose()


def _audit_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) or 0)


def _add_patient(db, mrn: str) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from alsdesk.services import patients

    with db.write() as s:
        patients.add_patient(
            session=s, mrn=mrn, family_name="Key", given_name="Test", birth_date=date(1960, 1, 1), sex="male"
        )


def _reopen(url: str, actor: object):  # type: ignore[no-untyped-def]
    """The clinic opened again, as this workstation (its key, its anchors) sees it."""
    from alsdesk.app import open_clinic

    db = open_clinic(url, backup_now=False)
    db.actor = actor
    return db


def _refused_write(db, mrn: str, match: str) -> None:  # type: ignore[no-untyped-def]
    """Open the clinic as this workstation (reading works) and try to save: refused, with why."""
    db = _reopen(db.url, db.actor)
    try:
        with pytest.raises(AuditKeyError, match=match):
            _add_patient(db, mrn)
        with pytest.raises(AuditKeyError, match=match):
            _trail(db, 1)
    finally:
        db.dispose()


def test_a_wrong_key_refuses_to_write(db, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _add_patient(db, "K1")
    entries = _audit_count(db)
    monkeypatch.setenv("ALSDESK_AUDIT_KEY", "ab" * 32)  # another clinic's key
    _refused_write(db, "X1", r"The audit key in ALSDESK_AUDIT_KEY is not this clinic's")
    monkeypatch.delenv("ALSDESK_AUDIT_KEY")
    assert _audit_count(db) == entries
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Patient).where(Patient.mrn == "K1")) == 1
    assert _verify(db).ok  # the trail was never continued under the wrong key


def test_another_home_with_its_own_key_refuses_to_write(
    db, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _add_patient(db, "K2")
    entries = _audit_count(db)
    home = tmp_path / "other-home"
    home.mkdir()
    (home / "audit.key").write_text("cd" * 32 + "\n")
    monkeypatch.setenv("ALSDESK_HOME", str(home))
    _refused_write(db, "X1", f"The audit key in {home / 'audit.key'} is not this clinic's")
    assert _audit_count(db) == entries


def test_a_workstation_without_the_key_refuses_and_makes_none(
    db, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL this is the second workstation set up without ALSDESK_AUDIT_KEY."""
    _add_patient(db, "K3")
    entries = _audit_count(db)
    home = tmp_path / "new-workstation"
    monkeypatch.setenv("ALSDESK_HOME", str(home))
    _refused_write(db, "X1", r"has no audit key for this clinic .*audit.key is missing")
    assert not (home / "audit.key").exists()  # never a new key for a trail with entries
    assert _audit_count(db) == entries


def test_a_database_with_no_audit_entries_gets_a_new_key(
    db, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _raw(db, sa.delete(TABLE))  # a clinic not yet begun: no entry made with any key, no backup
    anchors.reset(db.audit_location, None)
    path = sqlite_path(db_url)
    if path is not None:
        shutil.rmtree(path.parent / "backups", ignore_errors=True)
    home = tmp_path / "first-workstation"
    monkeypatch.setenv("ALSDESK_HOME", str(home))
    fresh = _reopen(db_url, db.actor)
    try:
        assert (home / "audit.key").exists()
        assert (home / "audit.key").stat().st_mode & 0o077 == 0
        _add_patient(fresh, "K4")
        assert _verify(fresh).ok and _verify(fresh).entries > 0
    finally:
        fresh.dispose()


def test_the_command_line_refuses_a_wrong_key_and_names_a_deleted_end(  # type: ignore[no-untyped-def]
    db, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from alsdesk.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--database", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    assert run("user", "add", "boss", "--role", "administrator")[0] == 0
    monkeypatch.setenv("ALSDESK_USER", "boss")
    add = (
        "patient",
        "add",
        "--family-name",
        "Cli",
        "--given-name",
        "Key",
        "--birth-date",
        "1950-01-01",
        "--sex",
        "male",
    )
    assert run(*add, "--mrn", "C1")[0] == 0
    code, out, _ = run("audit", "verify")
    assert code == 0 and "intact" in out
    entries = _audit_count(db)

    monkeypatch.setenv("ALSDESK_AUDIT_KEY", "ef" * 32)
    code, out, err = run(*add, "--mrn", "C2")
    assert code == 1 and not out
    assert err.count("\n") == 1 and err.startswith("alsdesk: The audit key in ALSDESK_AUDIT_KEY is not this clinic's")
    assert "Copy the clinic's audit key there" in err
    assert _audit_count(db) == entries
    monkeypatch.delenv("ALSDESK_AUDIT_KEY")

    _raw(db, sa.delete(TABLE).where(TABLE.c.seq > entries - 10))
    code, out, err = run("audit", "verify")
    assert code == 1 and not out
    # Signing in to verify wrote an entry after the cut: the trail is one longer than what was left.
    left = entries - 10 + 1
    assert err == (
        f"alsdesk: AUDIT TRAIL TAMPERED: the audit trail ends at entry {left}, but this workstation saw "
        f"entry {entries}: at least its last {entries - left} entries were deleted, or an older copy of the "
        "database was put in place.\n"
    )
    # A rollback someone knows of is accepted by an administrator, in the trail itself.
    code, out, err = run("audit", "accept")
    assert code == 0, err
    assert f"this workstation anchors at entry {left + 2}; it had seen entry {entries}" in out  # sign-in, accept
    code, out, _ = run("audit", "verify")
    assert code == 0 and "intact" in out
    with db.read() as s:
        accepted = s.execute(sa.select(AuditEntry).where(AuditEntry.action == "trail_accepted")).scalar_one()
    assert (accepted.username, accepted.detail) == ("boss", f'{{"anchor_was": {entries}}}')
    print(
        f"\ncommand line: wrong key refused in one line; {entries} entries cut to {entries - 10}, named, then accepted"
    )


def test_workstations_with_their_own_anchors_lag_but_never_miss_their_own_end(  # type: ignore[no-untyped-def]
    db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workstations on one database (as on PostgreSQL), each with its own anchor folder: one
    behind the head only means the other saved since; each catches a cut below what it saw."""

    def at(name: str) -> None:
        monkeypatch.setenv(anchors.ENV, str(tmp_path / name))

    at("a")
    _trail(db, 20)
    seen_by_a = _verify(db).entries
    at("b")
    _trail(db, 30)
    head = _verify(db).entries
    at("a")
    assert _verify(db).ok  # behind the head: fine
    assert anchors.read(db.audit_location) == anchors.Anchor(seen_by_a, _rows(db, seen_by_a - 1)[0]["mac"])
    _trail(db, 5)  # a saves again: its anchor catches up past b's entries
    assert anchors.read(db.audit_location).seq == head + 5
    at("b")
    _raw(db, sa.delete(TABLE).where(TABLE.c.seq > head - 3))  # cut below b's anchor (and a's)
    result = _verify(db)
    assert not result.ok and f"ends at entry {head - 3}, but this workstation saw entry {head}:" in result.problem
    at("a")
    result = _verify(db)
    assert not result.ok and f"but this workstation saw entry {head + 5}: at least its last 8 entries" in result.problem
    print(f"\ntwo workstations: {head + 5} entries; a lagging anchor passed, a cut of 8 caught by both")
