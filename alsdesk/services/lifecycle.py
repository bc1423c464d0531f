"""Status lifecycles (workups, referrals): the allowed moves and the message for a wrong one."""

from __future__ import annotations

from dataclasses import dataclass

from alsdesk.errors import DomainError


@dataclass(frozen=True)
class Lifecycle:
    what: str
    moves: dict[str, tuple[str, ...]]

    def allowed(self, status: str) -> tuple[str, ...]:
        return self.moves.get(status, ())

    def check(self, current: str, target: str) -> None:
        if target in self.allowed(current):
            return
        if not self.allowed(current):
            raise DomainError(
                "A {what} that is '{current}' cannot become '{target}'; allowed next: none (it is closed).",
                what=self.what,
                current=current,
                target=target,
            )
        raise DomainError(
            "A {what} that is '{current}' cannot become '{target}'; allowed next: {allowed}.",
            what=self.what,
            current=current,
            target=target,
            allowed=self.allowed(current),
        )


# domain.md "Workup lifecycle": cancelled is allowed before performed.
WORKUP = Lifecycle(
    "workup",
    {
        "planned": ("ordered", "cancelled"),
        "ordered": ("scheduled", "performed", "cancelled"),
        "scheduled": ("performed", "cancelled"),
        "performed": ("resulted",),
        "resulted": ("reviewed",),
    },
)

# domain.md "Referral lifecycle", mapped to FHIR R4 Task.status.
REFERRAL = Lifecycle(
    "referral",
    {
        "draft": ("sent", "cancelled"),
        "sent": ("received", "accepted", "declined", "cancelled"),
        "received": ("accepted", "declined", "cancelled"),
        "accepted": ("scheduled", "completed", "cancelled"),
        "scheduled": ("completed", "cancelled"),
    },
)

FHIR_TASK_STATUS = {
    "draft": "draft",
    "sent": "requested",
    "received": "received",
    "accepted": "accepted",
    "scheduled": "in-progress",
    "completed": "completed",
    "declined": "rejected",
    "cancelled": "cancelled",
}
