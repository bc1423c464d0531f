"""Staff accounts: argon2id passwords, sign-in with growing delays and a temporary lock, all audited.

Hashing follows OWASP's minimum for argon2id (19 MiB memory, 2 iterations, 1 lane). Failed
sign-ins are counted per account; after each one the next attempt must wait longer, and after
LOCK_AFTER failures the account is locked for LOCK_MINUTES.

Nothing a refusal says or costs tells whether a name exists (OWASP ASVS 2.2, account
enumeration): an unknown name is checked against a dummy hash so it takes as long as a known one,
and is counted and throttled alike, from its own entries in the audit trail (nothing else is kept
for names that do not exist); a disabled account says so only once its password is right.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.i18n import Msg
from alsdesk.models import AuditEntry, Staff
from alsdesk.services import audit, messages, sites
from alsdesk.services.access import Actor, actor_of, check, requires
from alsdesk.services.clinic import StaffView, insert_staff, staff_view
from alsdesk.services.common import Changes, check_text

MIN_PASSWORD = 10
LOCK_AFTER = 5
LOCK_MINUTES = 15


WRONG = messages.text(messages.SIGNIN_WRONG)


class SignInError(DomainError):
    """Wrong name or password, a locked or disabled account, or an attempt too soon: `message`
    says which (a services/messages.py text, which the window shows in its language)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.key, **message.values)
        self.message = message

    def text(self, lang: str) -> str:
        """The refusal in `lang` (alsdesk.i18n.errors.error_text words an error that is a text so)."""
        return self.message.text(lang)


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hasher().hash("not a real password, only here to spend the same time")


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise DomainError("A password needs at least {count} characters.", count=MIN_PASSWORD)
    if password.strip() != password:
        raise DomainError("A password may not start or end with spaces.")
    return password


def retry_delay(failures: int) -> timedelta:
    """Seconds to wait after the n-th failure in a row: 0, 1, 2, 4, 8 … capped at 60."""
    return timedelta(seconds=0 if failures <= 1 else min(60, 2 ** (failures - 2)))


def lock_until(failures: int, failed_at: datetime) -> datetime | None:
    """Until when an account is locked after its `failures`-th failure in a row at `failed_at`."""
    return failed_at + timedelta(minutes=LOCK_MINUTES) if failures >= LOCK_AFTER else None


def refusal(
    *, failures: int, last_failed_at: datetime | None, locked_until: datetime | None, now: datetime
) -> tuple[Msg, str] | None:
    """(message, reason) when an attempt at `now` must be refused before its password is checked.

    The one rule for both the database's sign-in and the key store's unlock (app.unlock)."""
    if locked_until and now < locked_until:
        minutes = int((locked_until - now).total_seconds() // 60) + 1
        return messages.text(messages.SIGNIN_LOCKED, minutes=minutes), "locked"
    if last_failed_at and now < last_failed_at + retry_delay(failures):
        wait = int((last_failed_at + retry_delay(failures) - now).total_seconds()) + 1
        return messages.text(messages.SIGNIN_WAIT, seconds=wait), "too soon"
    return None


def has_accounts(*, session: Session) -> bool:
    return session.scalar(sa.select(Staff.id).where(Staff.password_hash.is_not(None)).limit(1)) is not None


@dataclass(frozen=True)
class AccountState:
    """An account's staff record and whether it is active (what `user passwd`, `enable` and
    `disable` look up before they change it)."""

    staff_id: uuid.UUID
    active: bool


def account_state(*, session: Session, username: str) -> AccountState | None:
    """The account named `username` (case-folded, surrounding spaces ignored); None when unknown."""
    row = session.execute(
        sa.select(Staff.id, Staff.active).where(Staff.username == (username or "").strip().lower())
    ).first()
    return AccountState(row.id, row.active) if row is not None else None


def other_active_accounts(*, session: Session, username: str) -> list[str]:
    """The user names of the active accounts with a password, other than `username`."""
    return list(
        session.scalars(
            sa.select(Staff.username).where(Staff.password_hash.is_not(None), Staff.active, Staff.username != username)
        )
    )


def create_account(
    *,
    session: Session,
    username: str,
    display_name: str,
    role: str,
    password: str,
    discipline: str = "administration",
    phone: str = "",
    job_title: str = "",
    job_title_zh: str = "",
) -> StaffView:
    """A staff account that can sign in. The first account of a database must be an administrator,
    and needs no one signed in; later ones are made by an administrator."""
    first = not has_accounts(session=session)
    if first and role != "administrator":
        raise DomainError("The first account must be an administrator.")
    if not first:
        check(session, "admin")
    else:  # the clinic's first account: the clinic is being created, and gets its site ID
        sites.make_site(session)
    staff = insert_staff(
        session=session,
        username=username,
        display_name=display_name,
        discipline=discipline,
        role=role,
        phone=phone,
        job_title=job_title,
        job_title_zh=job_title_zh,
    )
    row = session.get(Staff, staff.id)
    assert row is not None
    row.password_hash = hasher().hash(check_password(password))
    session.flush()
    return staff_view(row)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: an actor, or the message to show. Failures are returned, not
    raised, so the failed-attempt count and its audit entry commit with the transaction."""

    actor: Actor | None
    message: Msg | None = None

    def actor_or_raise(self) -> Actor:
        if self.actor is None:
            raise SignInError(self.message or WRONG)
        return self.actor


def sign_in(*, session: Session, username: str, password: str, now: datetime | None = None) -> SignIn:
    """Check a name and password. Audited either way; commit the session even when refused."""
    now = now or _now()
    name = (username or "").strip().lower()
    row = session.scalar(sa.select(Staff).where(Staff.username == name))

    def refuse(message: Msg, record_id: object = None, **detail: object) -> SignIn:
        audit.record(
            session=session,
            action="signin_failed",
            table="staff",
            record_id=record_id,
            detail={"username": name, **detail},
            category="security",
        )
        return SignIn(None, message)

    if row is None or row.password_hash is None:  # another clinic's staff have none (_check_local)
        failures, last = _unknown_name_failures(session, name)
        refused = refusal(
            failures=failures, last_failed_at=last, locked_until=last and lock_until(failures, last), now=now
        )
        if refused is not None:
            return refuse(refused[0], failures=failures, failed_at=last and last.isoformat(), why=refused[1])
        try:
            hasher().verify(_dummy_hash(), password or "")
        except VerificationError:
            pass
        return refuse(WRONG, failures=failures + 1, failed_at=now.isoformat())
    refused = refusal(
        failures=row.failed_attempts, last_failed_at=row.last_failed_at, locked_until=row.locked_until, now=now
    )
    if refused is not None:
        return refuse(refused[0], row.id, why=refused[1])
    try:
        hasher().verify(row.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        row.failed_attempts += 1
        row.last_failed_at = now
        row.locked_until = lock_until(row.failed_attempts, now) or row.locked_until
        return refuse(WRONG, row.id, failures=row.failed_attempts)
    if not row.active:  # said only to someone who knows the password
        return refuse(messages.text(messages.SIGNIN_DISABLED), row.id, why="disabled")
    if hasher().check_needs_rehash(row.password_hash):
        row.password_hash = hasher().hash(password)
    row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
    actor = Actor(row.username, row.id, row.role)
    session.info["actor"] = actor
    audit.record(session=session, action="signin", table="staff", record_id=row.id, category="security")
    return SignIn(actor)


def _check_local(row: Staff) -> None:
    """Another clinic's staff (services.sites) are named beside their records, never given an account."""
    if row.site_id != sites.HERE:
        raise DomainError(
            "{name} is a staff member of another clinic (site {site}) and cannot have an account here.",
            name=row.display_name,
            site=row.site_id,
        )


def _unknown_name_failures(session: Session, name: str) -> tuple[int, datetime | None]:
    """Failed sign-ins in a row for a name with no account, and when the last password was
    wrong: from the latest refusal the audit trail holds for that name (each carries both)."""
    named = f'"username": {json.dumps(name, ensure_ascii=False)}'
    rows = session.execute(
        sa.select(AuditEntry.detail)
        .where(
            AuditEntry.action == "signin_failed",
            AuditEntry.record_id.is_(None),
            AuditEntry.detail.contains(named, autoescape=True),
        )
        .order_by(AuditEntry.seq.desc())
        .limit(20)
    )
    for (text,) in rows:
        detail = json.loads(text)
        if detail.get("username") == name and "failures" in detail:
            at = detail.get("failed_at")
            return int(detail["failures"]), datetime.fromisoformat(at) if at else None
    return 0, None


def change_password(*, session: Session, staff_id: uuid.UUID | str, password: str) -> Changes:
    """Set a new password: the account holder's own, or any account's by an administrator."""
    row = session.get(Staff, uuid.UUID(str(staff_id)))
    if row is None:
        raise DomainError("No such staff account.")
    _check_local(row)
    if actor_of(session).staff_id != row.id:
        check(session, "admin")
    row.password_hash = hasher().hash(check_password(password))
    row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
    return Changes(worklist=False)


@requires("admin")
def set_active(*, session: Session, username: str, active: bool) -> Changes:
    row = session.scalar(
        sa.select(Staff).where(Staff.username == check_text(username, "User name", max_len=64).lower())
    )
    if row is None:
        raise DomainError("There is no account {username!r}.", username=username)
    _check_local(row)
    if not active and row.role == "administrator":
        others = session.scalar(
            sa.select(sa.func.count())
            .select_from(Staff)
            .where(Staff.role == "administrator", Staff.active, Staff.id != row.id, Staff.password_hash.is_not(None))
        )
        if not others:
            raise DomainError("This is the last active administrator; make another one first.")
    row.active = active
    return Changes(worklist=False)
