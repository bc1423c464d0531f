"""Accounts, sign-in protection, and the whole role × permission matrix walked through the services."""

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from alsdesk import exchange
from alsdesk.errors import DomainError, PermissionDenied
from alsdesk.models import AuditEntry, Staff
from alsdesk.services import (
    accounts,
    assessments,
    catalogs,
    chart,
    clinic,
    patients,
    programs,
    referrals,
    restricted,
    settings,
    worklist,
    workups,
)
from alsdesk.services.access import PERMISSIONS, Actor
from alsdesk.vocab import ROLES

PASSWORD = "correct horse battery"
T0 = datetime(2026, 1, 1, 9, tzinfo=UTC)


def test_first_account_is_an_administrator_and_hashes_with_argon2id(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="first account must be an administrator"), db.write() as s:
        accounts.create_account(session=s, username="nurse", display_name="N", role="coordinator", password=PASSWORD)
    with pytest.raises(DomainError, match="at least 10 characters"), db.write() as s:
        accounts.create_account(session=s, username="boss", display_name="B", role="administrator", password="short")
    with db.write() as s:
        accounts.create_account(session=s, username="Boss", display_name="B", role="administrator", password=PASSWORD)
    with db.read() as s:
        stored = s.scalar(sa.select(Staff.password_hash).where(Staff.username == "boss"))
        details = s.scalars(sa.select(AuditEntry.detail).where(AuditEntry.table_name == "staff")).all()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in " ".join(details) and stored not in " ".join(details)
    with pytest.raises(PermissionDenied), db.write(actor=Actor("nurse", None, "coordinator")) as s:
        accounts.create_account(session=s, username="x2", display_name="X", role="clinician", password=PASSWORD)


def _admin(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        accounts.create_account(session=s, username="boss", display_name="B", role="administrator", password=PASSWORD)


def sign_in(db, name: str, password: str, now: datetime):  # type: ignore[no-untyped-def]
    with db.write() as s:
        result = accounts.sign_in(session=s, username=name, password=password, now=now)
    return result.actor_or_raise()  # raised after the commit, as the UI and CLI do


def test_sign_in_delays_then_locks_and_is_audited(db) -> None:  # type: ignore[no-untyped-def]
    _admin(db)
    actor = sign_in(db, "boss", PASSWORD, T0)
    assert (actor.username, actor.role) == ("boss", "administrator")
    moment = T0
    for n in range(1, accounts.LOCK_AFTER + 1):
        with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
            sign_in(db, "boss", "wrong password!", moment)
        if n < accounts.LOCK_AFTER and accounts.retry_delay(n):
            with pytest.raises(accounts.SignInError, match="wait"):  # too soon, even with the right password
                sign_in(db, "boss", PASSWORD, moment)
        moment += accounts.retry_delay(n) + timedelta(seconds=1)
    with pytest.raises(accounts.SignInError, match="locked"):
        sign_in(db, "boss", PASSWORD, moment)
    later = moment + timedelta(minutes=accounts.LOCK_MINUTES + 1)
    assert sign_in(db, "boss", PASSWORD, later).username == "boss"
    with db.read() as s:
        actions = s.scalars(sa.select(AuditEntry.action).where(AuditEntry.category == "security")).all()
    # five wrong passwords, three attempts made too soon (after failures 2–4) and one while locked
    assert actions.count("signin") == 2 and actions.count("signin_failed") == accounts.LOCK_AFTER + 3 + 1


def test_retry_delays_grow() -> None:
    assert [accounts.retry_delay(n).total_seconds() for n in range(1, 9)] == [0, 1, 2, 4, 8, 16, 32, 60]


def test_unknown_user_is_refused_like_a_wrong_password(db) -> None:  # type: ignore[no-untyped-def]
    import time

    _admin(db)
    start = time.perf_counter()
    with pytest.raises(accounts.SignInError, match="Wrong user name or password"):
        sign_in(db, "nobody", PASSWORD, T0)
    unknown = time.perf_counter() - start
    start = time.perf_counter()
    with pytest.raises(accounts.SignInError):
        sign_in(db, "boss", "wrong password!", T0)
    known = time.perf_counter() - start
    assert unknown > known / 3  # a hash is checked either way (argon2id takes tens of ms)


def test_disabled_account_and_last_administrator(db) -> None:  # type: ignore[no-untyped-def]
    _admin(db)
    admin = Actor("boss", None, "administrator")
    with pytest.raises(DomainError, match="last active administrator"), db.write(actor=admin) as s:
        accounts.set_active(session=s, username="boss", active=False)
    with db.write(actor=admin) as s:
        accounts.create_account(session=s, username="nurse", display_name="N", role="coordinator", password=PASSWORD)
        accounts.set_active(session=s, username="nurse", active=False)
    with pytest.raises(accounts.SignInError, match="disabled"):
        sign_in(db, "nurse", PASSWORD, T0)


def test_account_lookups_the_user_commands_make(db) -> None:  # type: ignore[no-untyped-def]
    """`user passwd/enable/disable` and `db encrypt` look accounts up through the service."""
    _admin(db)
    admin = Actor("boss", None, "administrator")
    with db.write(actor=admin) as s:
        nurse = accounts.create_account(
            session=s, username="nurse", display_name="N", role="coordinator", password=PASSWORD
        )
        accounts.create_account(session=s, username="gone", display_name="G", role="coordinator", password=PASSWORD)
        accounts.set_active(session=s, username="gone", active=False)
    with db.read(actor=admin) as s:
        assert accounts.account_state(session=s, username=" Nurse ") == accounts.AccountState(nurse.id, True)
        assert accounts.account_state(session=s, username="gone") is not None
        assert not accounts.account_state(session=s, username="gone").active  # type: ignore[union-attr]
        assert accounts.account_state(session=s, username="nobody") is None
        assert sorted(accounts.other_active_accounts(session=s, username="boss")) == ["nurse"]


def test_refusals_do_not_tell_unknown_disabled_and_active_names_apart(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The same wrong-password walk (too soon, delays, the lock) gives the same messages and costs
    the same number of hash checks for an unknown name, a disabled account and an active one.
    That the checks also take about as long is timed in bench/bench_sign_in.py (timing is no test)."""
    from argon2 import PasswordHasher

    _admin(db)
    admin = Actor("boss", None, "administrator")
    with db.write(actor=admin) as s:
        for name in ("nurse", "gone"):
            accounts.create_account(session=s, username=name, display_name=name, role="coordinator", password=PASSWORD)
        accounts.set_active(session=s, username="gone", active=False)
    checks = []
    real_verify = PasswordHasher.verify

    def verify(self, hash, password):  # type: ignore[no-untyped-def]
        checks.append(1)
        return real_verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", verify)

    def walk(name: str) -> list[tuple[str, int]]:
        """(message, hash checks) of each attempt of accounts_walk()."""
        seen = []
        for password, when in accounts_walk():
            checks.clear()
            with db.write() as s:
                result = accounts.sign_in(session=s, username=name, password=password, now=when)
            seen.append((str(result.message) if result.message else "", len(checks)))
        return seen

    said = [walk("nobody"), walk("gone"), walk("nurse")]
    assert said[0][:-1] == said[1][:-1] == said[2][:-1]  # all alike until the right password after the lock
    assert said[0][-1] == ("Wrong user name or password.", 1)
    assert said[1][-1] == ("This account is disabled; ask an administrator.", 1)  # only with its password
    assert said[2][-1] == ("", 1)  # signed in
    messages = {m for m, _ in said[0]}
    assert {m.split(" ")[0] for m in messages} == {"Wrong", "Please", "Too"}  # the walk met every refusal


def accounts_walk() -> list[tuple[str, datetime]]:
    """(password, moment) of each attempt: wrong passwords, one too soon after each, then the right
    password while locked and once the lock is over (bench/bench_sign_in.py walks the same)."""
    attempts, moment = [], T0
    for n in range(1, accounts.LOCK_AFTER + 2):
        attempts += [("wrong password!", moment), ("wrong password!", moment)]  # the second too soon
        moment += accounts.retry_delay(n) + timedelta(seconds=1)
    return [*attempts, (PASSWORD, moment), (PASSWORD, moment + timedelta(minutes=accounts.LOCK_MINUTES + 1))]


D = date(2025, 7, 1)


def attempt(db, role: str, permission: str, patient) -> None:  # type: ignore[no-untyped-def]
    """One service call that needs `permission`, made as an actor with `role`."""
    with db.write() as s:  # a real staff member: emergency access is recorded against one
        staff = clinic.insert_staff(
            session=s, username=f"as-{role}", display_name=role, discipline="neurology", role=role
        )
        if permission in ("restricted.any", "break_glass"):
            restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    actor = Actor(staff.username, staff.id, role)
    with db.write(actor=actor) as s:
        if permission == "restricted.any":
            chart.patient_chart(session=s, patient_id=patient.id)
        elif permission == "break_glass":
            restricted.break_glass(session=s, patient_id=patient.id, reason="patient unconscious in clinic")
        elif permission == "patient.read":
            chart.patient_chart(session=s, patient_id=patient.id)
            patients.search_patients(session=s, text="Test")
        elif permission == "patient.write":
            patients.update_patient(session=s, patient_id=patient.id, phone="01234 567890")
        elif permission == "clinical.write":
            assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=D, fvc_percent=80.0)
        elif permission == "care.write":
            referrals.create_referral(
                session=s, patient_id=patient.id, to_specialty="dietetics", reason="x", referral_date=D
            )
        elif permission == "admin":
            clinic.save_clinic(session=s, name="Clinic")
        elif permission == "export":
            exchange.export_document(session=s)
        elif permission == "import":
            exchange.import_document(
                session=s, document={"format": "alsdesk-export", "version": 1, "staff": [], "patients": []}
            )
        elif permission == "audit.read":
            pytest.skip("the audit screen checks audit.read itself")
        s.rollback()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(set(PERMISSIONS) - {"audit.read"}))
def test_role_permission_matrix(db, patient, role: str, permission: str) -> None:  # type: ignore[no-untyped-def]
    allowed = role in PERMISSIONS[permission][0]
    if allowed:
        attempt(db, role, permission, patient)
    else:
        with pytest.raises(PermissionDenied, match="may not|only its care team"):
            attempt(db, role, permission, patient)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_read_the_chart_and_worklist(db, patient, role: str) -> None:  # type: ignore[no-untyped-def]
    with db.write(actor=Actor("reader", None, role)) as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).patient.mrn == "T0001"
        assert isinstance(worklist.worklist(session=s, on=D), list)


def test_nobody_signed_in_may_do_nothing(db, patient) -> None:  # type: ignore[no-untyped-def]
    """Before the first administrator exists, and without signing in, the OS user has no role:
    every guarded service, reads of patient data included, is refused."""
    from alsdesk.services import access, printing

    nobody = Actor.from_os()
    assert nobody.role is None and not any(nobody.may(p) for p in PERMISSIONS)
    reads = (
        lambda s: chart.patient_chart(session=s, patient_id=patient.id),
        lambda s: patients.list_patients(session=s),
        lambda s: patients.search_patients(session=s, text="Test"),
        lambda s: worklist.worklist(session=s, on=D),
        lambda s: exchange.export_document(session=s),
        lambda s: printing.summary_data(session=s, patient_id=patient.id),
        lambda s: patients.update_patient(session=s, patient_id=patient.id, phone="01234 567890"),
    )
    for call in reads:
        with pytest.raises(PermissionDenied, match="Nobody is signed in"), db.write(actor=nobody) as s:
            call(s)
    db.actor = None  # a database with no default actor: sessions opened without one act for nobody
    with pytest.raises(PermissionDenied) as refused, db.read() as s:
        patients.get_patient(session=s, patient_id=patient.id)
    assert str(refused.value) == access.NOT_SIGNED_IN
    with db.read() as s:
        assert accounts.has_accounts(session=s) is False  # asking whether to offer sign-in is not guarded


def test_every_write_service_declares_a_permission() -> None:
    import inspect

    from alsdesk.services import alerts, diagnosis, medications, notes, therapy

    declared = {}
    for module in (
        patients,
        assessments,
        alerts,
        medications,
        therapy,
        referrals,
        programs,
        diagnosis,
        worklist,
        catalogs,
        clinic,
        settings,
        exchange,
        workups,
        notes,
        accounts,
        restricted,
    ):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__:
                declared[f"{module.__name__}.{name}"] = getattr(fn, "permission", None)
    writers = [
        name
        for name in declared
        if name.rsplit(".", 1)[1].startswith(
            (
                "add_",
                "create_",
                "record_",
                "update_",
                "set_",
                "advance_",
                "reschedule_",
                "mark_",
                "stop_",
                "enter_",
                "prescribe",
                "dismiss",
                "save_",
                "change_",
                "acknowledge_",
                "import_",
            )
        )
    ]
    checked_inside = {
        "alsdesk.services.workups.advance_workup",
        "alsdesk.services.notes.add_note",
        "alsdesk.services.accounts.create_account",
        "alsdesk.services.accounts.change_password",
        # part of medications.prescribe (clinical.write): a prescription's infusion sessions
        "alsdesk.services.therapy.add_edaravone_infusions",
    }
    writers.append("alsdesk.services.programs.enroll")
    missing = [n for n in writers if declared[n] is None and n not in checked_inside]
    assert missing == []


def test_demo_accounts_sign_in_with_their_roles(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import demo

    with db.write() as s:
        demo.load_demo(session=s, patients=2, anchor=D)
        made = demo.create_demo_accounts(session=s)
    assert {role for role, _ in made.values()} == set(ROLES)
    for username, (role, password) in made.items():
        assert sign_in(db, username, password, T0).role == role
    with db.write() as s:
        assert demo.create_demo_accounts(session=s) == {}  # never twice, never over real accounts
        assert clinic.get_clinic(session=s).name.startswith("Demo ALS Clinic")
