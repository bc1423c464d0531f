"""The local PostgreSQL server (loopback) opens with the sslmode the clinic set, and says which."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from alsdesk.storage import open_database
from alsdesk.storage.check import check_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.mark.parametrize("mode", ["disable", "prefer"])
def test_loopback_server_connects_with_the_configured_sslmode(
    pg_template: str, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALSDESK_PG_SSLMODE", mode)
    db = open_database(pg_template)
    try:
        assert db.sslmode == mode and db.security_warning is None  # loopback: no advice needed
        assert f"sslmode={mode}" in db.display_url
        with db.engine.connect() as conn:
            ssl = conn.execute(sa.text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
        if mode == "disable":
            assert ssl is False
    finally:
        db.dispose()
    report = check_database(pg_template).report
    assert f"ok   sslmode {mode}" in report
    assert not any(line.startswith("WARN") for line in report)
