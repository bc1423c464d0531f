"""One patient per MRN whatever its case, decided by the database (revision 0012): concurrent
registrations on PostgreSQL, the index behind the services' check, and the upgrade that refuses a
clinic already holding MRNs that differ only in case, until `alsdesk patient set-mrn` renames them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from alsdesk.cli import main
from alsdesk.errors import DomainError, UpgradeRefused
from alsdesk.services import accounts, patients
from alsdesk.storage import open_database, schema
from tests.db.old_schema import at_revision, restore_postgresql


def register(db: Any, mrn: str, family: str) -> Any:
    return db.run_write(
        lambda s: patients.add_patient(
            session=s, mrn=mrn, family_name=family, given_name="Anne", birth_date=date(1950, 1, 2), sex="female"
        )
    )


def folded_mrns(db: Any) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT lower(mrn) FROM patient")).scalars())


PAIRS = 40  # as many as the fault-injection run that found it


def test_concurrent_registrations_of_one_mrn_in_two_cases_keep_one(db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Two workstations register X<i> and x<i> at the same moment. On PostgreSQL both pass the
    services' check before either inserts (forced here: each waits for the other after its check),
    so only the index can refuse the second; SQLite's writers take the lock at BEGIN, one after
    the other. Either way one registration wins and the other gets the duplicate message."""
    racing = db.engine.dialect.name == "postgresql"
    real_check = patients._check_mrn_free
    barriers = {f"x{i}": threading.Barrier(2, timeout=20) for i in range(PAIRS)}
    local = threading.local()

    def check_then_wait(session: Any, mrn: str, exclude: Any = None) -> None:
        real_check(session, mrn, exclude)
        if racing and not getattr(local, "checked", False):  # the first check only: both found it free
            local.checked = True
            barriers[mrn.lower()].wait()

    monkeypatch.setattr(patients, "_check_mrn_free", check_then_wait)
    outcomes: dict[str, object] = {}

    def attempt(mrn: str, family: str) -> None:
        try:
            outcomes[mrn] = register(db, mrn, family)
        except Exception as err:
            outcomes[mrn] = err

    for i in range(PAIRS):
        threads = [threading.Thread(target=attempt, args=(m, f)) for m, f in ((f"X{i}", "Upper"), (f"x{i}", "Lower"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    losers = [(mrn, err) for mrn, err in outcomes.items() if isinstance(err, Exception)]
    assert len(outcomes) == 2 * PAIRS and len(losers) == PAIRS, losers
    for mrn, err in losers:
        assert isinstance(err, DomainError), repr(err)
        winner = "LOWER" if mrn.startswith("X") else "UPPER"
        assert str(err) == (
            f"MRN {mrn} is already used by {winner}, Anne (born 1950-01-02). Each patient needs their own MRN."
        )
    mrns = folded_mrns(db)
    assert len(mrns) == len(set(mrns)) == PAIRS
    print(f"{PAIRS} pairs registered at once on {db.engine.dialect.name}: {PAIRS} refused, 0 duplicates")


def test_the_index_refuses_what_the_check_missed(db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A check that ran before the other workstation committed (simulated by skipping it once)
    is caught by the index, for registrations and MRN edits, with the check's own message."""
    register(db, "A1", "Smith")
    other = register(db, "B1", "Jones")
    real_check = patients._check_mrn_free
    skipped: list[str] = []

    def stale_check(session: Any, mrn: str, exclude: Any = None) -> None:
        if mrn not in skipped:
            skipped.append(mrn)
            return
        real_check(session, mrn, exclude)

    monkeypatch.setattr(patients, "_check_mrn_free", stale_check)
    message = "MRN {} is already used by SMITH, Anne (born 1950-01-02). Each patient needs their own MRN."
    with pytest.raises(DomainError) as refused:
        register(db, "a1", "Brown")
    assert str(refused.value) == message.format("a1")
    with pytest.raises(DomainError) as refused:
        db.run_write(lambda s: patients.update_patient(session=s, patient_id=other.id, mrn="a1"))
    assert str(refused.value) == message.format("a1")
    assert sorted(folded_mrns(db)) == ["a1", "b1"]
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=other.id).mrn == "B1"


# --- the upgrade to 0012 -------------------------------------------------------------------------

ADMIN_PASSWORD = "admin password 1"
TWINS = {"DEMO000002": "demo000001", "DEMO000004": "Demo000003"}  # renamed to clash with 1 and 3


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, pytest.mark.slow])])
def twins_0011(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The 0011 fixture clinic with two pairs of MRNs differing only in case, and an administrator
    (`admin`) who can sign in."""
    url = request.getfixturevalue("pg_template") if request.param == "postgresql" else "sqlite:///"
    url = at_revision(schema.BEFORE_MRN_INDEX, url, tmp_path)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for old, new in TWINS.items():
            conn.execute(sa.text("UPDATE patient SET mrn = :new WHERE mrn = :old"), {"old": old, "new": new})
        conn.execute(
            sa.text("UPDATE staff SET password_hash = :h WHERE username = 'admin'"),
            {"h": accounts.hasher().hash(ADMIN_PASSWORD)},
        )
    engine.dispose()
    yield url
    if request.param == "postgresql":
        restore_postgresql(url)


def revision_and_index(url: str) -> tuple[str | None, bool]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":  # expression indexes are not reflected there
                indexes = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
            else:
                indexes = {ix["name"] for ix in sa.inspect(conn).get_indexes("patient")}
            return schema.current_revision(conn), "uq_patient_mrn_folded" in indexes
    finally:
        engine.dispose()


REFUSAL = (
    "The database was not upgraded (nothing was changed): from this version no two patients' MRNs may "
    "differ only in case, and these do:\n"
    "  DEMO000001 / demo000001: alsdesk patient set-mrn demo000001 NEW-MRN\n"
    "  DEMO000003 / Demo000003: alsdesk patient set-mrn Demo000003 NEW-MRN\n"
    "Give all but one MRN of each line a new MRN with the command shown (NEW-MRN being the new one), "
    "then open the database again."
)


def test_upgrade_refuses_mrns_differing_in_case_until_set_mrn_renames_them(  # type: ignore[no-untyped-def]
    twins_0011: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = twins_0011
    with pytest.raises(UpgradeRefused) as refused:
        open_database(url)
    assert str(refused.value) == REFUSAL
    assert revision_and_index(url) == ("0011", False)  # nothing changed

    monkeypatch.setenv("ALSDESK_USER", "admin")
    monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["--database", url, "patient", "list"]) == 1
    assert capsys.readouterr().err == f"alsdesk: {REFUSAL}\n"

    assert main(["--database", url, "patient", "set-mrn", "demo000001", "DEMO000002"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("MRN demo000001 is now DEMO000002: ")
    assert "Not upgraded yet." in out and "DEMO000003 / Demo000003" in out and "DEMO000001 /" not in out
    assert revision_and_index(url) == ("0011", False)

    assert main(["--database", url, "patient", "set-mrn", "Demo000003", "has space"]) == 1  # the rules apply
    assert "MRN may hold only letters, digits" in capsys.readouterr().err
    assert main(["--database", url, "patient", "set-mrn", "Demo000003", "DEMO000001"]) == 1
    assert "MRN DEMO000001 is already used by" in capsys.readouterr().err

    assert main(["--database", url, "patient", "set-mrn", "Demo000003", "DEMO000004"]) == 0
    assert capsys.readouterr().out.endswith(f"The database is upgraded to schema {schema.HEAD}.\n")
    assert revision_and_index(url) == (schema.HEAD, True)
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            renamed = conn.execute(
                sa.text("SELECT detail FROM audit_entry WHERE table_name = 'patient' AND action = 'update'")
            ).scalars()
            assert sum("DEMO000002" in d or "DEMO000004" in d for d in renamed) == 2  # each rename audited
        assert sorted(folded_mrns(db)) == sorted({m.lower() for m in folded_mrns(db)})
    finally:
        db.dispose()
