"""Opening a clinic brings the shipped catalog in only when it changed: otherwise the open is a read."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from alsdesk.app import open_clinic
from alsdesk.models import AuditEntry, Setting, WorkupType
from alsdesk.services import catalogs


def synced(url: str) -> str | None:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            value = conn.scalar(sa.select(Setting.value).where(Setting.key == catalogs.SYNCED_SETTING))
    finally:
        engine.dispose()
    return None if value is None else str(json.loads(value))


def test_an_open_in_step_writes_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_clinic(db_url, backup_now=False).dispose()
    assert synced(db_url) == catalogs.shipped_digest()

    def refuse(**_: object) -> None:
        raise AssertionError("a catalog in step was synced again")

    monkeypatch.setattr(catalogs, "sync_catalogs", refuse)
    db = open_clinic(db_url, backup_now=False)
    with db.read() as s:
        entries = s.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    db.dispose()
    db = open_clinic(db_url, backup_now=False)
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == entries  # no write at all
    db.dispose()


def test_a_changed_shipped_catalog_is_brought_in_at_the_next_open(db_url: str) -> None:
    """A database synced with another catalog (an older release, simulated by its digest and a
    shipped workup type it lacks) gets the entry and today's digest when it is opened."""
    open_clinic(db_url, backup_now=False).dispose()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.delete(WorkupType).where(WorkupType.code == "emg"))
        conn.execute(sa.update(Setting).where(Setting.key == catalogs.SYNCED_SETTING).values(value=json.dumps("older")))
    engine.dispose()
    db = open_clinic(db_url, backup_now=False)
    with db.read() as s:
        assert "emg" in {t.code for t in catalogs.workup_types(session=s)}
    db.dispose()
    assert synced(db_url) == catalogs.shipped_digest()
