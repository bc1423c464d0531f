"""Changing a clinic setting, and the stored values that follow it (medications' next ALT dates).

What each setting is and its value now live in services.setting_values (re-exported here, as the
window and the tests name them), below the services that read them."""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Setting
from alsdesk.services import medications
from alsdesk.services.access import requires
from alsdesk.services.setting_values import ALT_DUE_SETTINGS, SPECS, SettingSpec, load_settings

__all__ = ["ALT_DUE_SETTINGS", "SPECS", "SettingSpec", "change_setting", "load_settings"]


@requires("admin")
def change_setting(*, session: Session, key: str, value: float) -> None:
    spec = SPECS.get(key)
    if spec is None:
        raise DomainError("There is no setting called {key!r}.", key=key)
    if not spec.minimum <= value <= spec.maximum:
        raise DomainError(
            "{what} must be between {low:g} and {high:g}.", what=spec.label, low=spec.minimum, high=spec.maximum
        )
    row = session.scalar(sa.select(Setting).where(Setting.key == key))
    if row is None:
        session.add(Setting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    if key in ALT_DUE_SETTINGS:  # every course's stored next ALT date follows the new value
        session.flush()
        medications.derive_alt_due(session, sa.true())
