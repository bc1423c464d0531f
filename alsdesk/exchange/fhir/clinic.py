"""What every mapping needs from the clinic: its URL (for its own CodeSystems and identifiers),
its Organization resource and the names of its catalogue codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.exchange.fhir.identities import resource_id
from alsdesk.models import ClinicProfile, Drug, WorkupType

# `.invalid` (RFC 2606) never resolves: the URL names the clinic without claiming a web site.
URL_ROOT = "https://alsdesk.invalid/clinic"


@dataclass(frozen=True)
class Clinic:
    base: str  # the clinic's URL; its CodeSystems and identifier systems live under it
    name: str
    organization_id: str
    workup_names: dict[str, str]
    drug_names: dict[str, str]

    @property
    def mrn_system(self) -> str:
        return f"{self.base}/identifier/mrn"

    def organization(self) -> dict[str, Any]:
        return {"resourceType": "Organization", "id": self.organization_id, "name": self.name or "alsdesk clinic"}


def load_clinic(session: Session) -> Clinic:
    profile = session.execute(sa.select(ClinicProfile.id, ClinicProfile.name).limit(1)).first()
    # A clinic not yet set up has no profile; its records still need a stable home.
    key, name = (str(profile.id), profile.name) if profile else ("unregistered", "")
    return Clinic(
        base=f"{URL_ROOT}/{key}",
        name=name,
        organization_id=resource_id(key, "Organization"),
        workup_names={c: n for c, n in session.execute(sa.select(WorkupType.code, WorkupType.name_en))},
        drug_names={c: n for c, n in session.execute(sa.select(Drug.code, Drug.name))},
    )


def local_moment(day: str, at: str) -> str:
    """A day and a start time at the clinic ("09:30", as the file writes it) as a FHIR instant. The
    clinic records times as its clocks show them, so the offset is the one this computer's time
    zone has on that day (summer time included)."""
    return _instant(datetime.combine(date.fromisoformat(day), time.fromisoformat(at)).astimezone())


def end_of_day(day: str) -> str:
    """The midnight that ends `day` at the clinic, as a FHIR instant (local_moment's offset rule)."""
    return _instant(datetime.combine(date.fromisoformat(day) + timedelta(days=1), time(0)).astimezone())


def _instant(moment: datetime) -> str:
    """A moment as FHIR writes it: UTC as "Z", as the R4B models write it back."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
