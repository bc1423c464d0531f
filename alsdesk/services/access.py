"""Who may do what: the actor behind a session, the role × permission matrix, and its check.

HIPAA 45 CFR 164.312(a)(1) access control and PIPL Art. 51 access limits: every write service
declares the permission it needs with `@requires`, and the check reads the actor the session was
opened for, so the UI, the CLI and any script are held to the same matrix. Reading patient data
needs `patient.read`, which every role holds but nobody unsigned-in does: until the first
administrator exists, and without signing in, nothing guarded here is allowed.
"""

from __future__ import annotations

import functools
import getpass
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from alsdesk.errors import PermissionDenied
from alsdesk.i18n import N_
from alsdesk.i18n.labels import ROLE_LABELS

P = ParamSpec("P")
R = TypeVar("R")

# permission → (roles that hold it, what it lets a person do, for messages)
PERMISSIONS: dict[str, tuple[frozenset[str], str]] = {
    "patient.read": (frozenset({"administrator", "clinician", "coordinator", "read_only"}), N_("see patient records")),
    "patient.write": (frozenset({"administrator", "clinician", "coordinator"}), N_("register or edit patients")),
    "clinical.write": (
        frozenset({"clinician"}),
        N_("record clinical findings, measurements, results and prescriptions"),
    ),
    "care.write": (frozenset({"clinician", "coordinator"}), N_("order, schedule and follow up care")),
    "admin": (frozenset({"administrator"}), N_("manage staff, the clinic profile, catalogs and settings")),
    "export": (frozenset({"administrator", "clinician"}), N_("export patient records")),
    "import": (frozenset({"administrator"}), N_("import patient records")),
    "audit.read": (frozenset({"administrator"}), N_("read the audit trail")),
    "restricted.any": (frozenset({"administrator"}), N_("open restricted records outside their care team")),
    "break_glass": (frozenset({"clinician"}), N_("take emergency access to a restricted record")),
}
NOT_SIGNED_IN = "Nobody is signed in: sign in with a staff account first; nothing was read or changed."


@dataclass(frozen=True)
class Actor:
    """Who a session acts for: a signed-in staff member with a role, or (before anyone signs in)
    the operating-system user with no role, who may do nothing that needs a permission."""

    username: str
    staff_id: uuid.UUID | None = None
    role: str | None = None

    @staticmethod
    def from_os() -> Actor:
        try:
            return Actor(f"os:{getpass.getuser()}")
        except (KeyError, OSError):
            return Actor("os:unknown")

    def may(self, permission: str) -> bool:
        return self.role is not None and self.role in PERMISSIONS[permission][0]


def actor_of(session: Session) -> Actor:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else Actor.from_os()


def check(session: Session, permission: str) -> None:
    actor = actor_of(session)
    if not actor.may(permission):
        if actor.role is None:
            raise PermissionDenied(NOT_SIGNED_IN)
        role = ROLE_LABELS.get(actor.role or "", actor.role)
        raise PermissionDenied(
            "An account with the {role} role may not {action}; nothing was changed.",
            role=role,
            action=PERMISSIONS[permission][1],
        )


def requires(permission: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a keyword-only service function as needing `permission` of the session's actor."""
    if permission not in PERMISSIONS:
        raise KeyError(permission)

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            session: Any = kwargs.get("session")
            try:
                check(session, permission)
                return fn(*args, **kwargs)
            except PermissionDenied as err:  # named by the innermost service refused, for the audit trail
                err.attempt = err.attempt or fn.__name__
                err.patient_id = err.patient_id or kwargs.get("patient_id")
                raise

        inner.permission = permission  # type: ignore[attr-defined]  # read by tests/db/test_access.py
        return inner

    return wrap
