"""PostgreSQL connection settings: sslmode from ALSDESK_PG_SSLMODE, advice for verify-full, no password shown."""

from __future__ import annotations

import logging

import pytest

from alsdesk.errors import StorageError
from alsdesk.storage.config import (
    display_url,
    resolve_database_url,
    sslmode_of,
    sslmode_warning,
    with_sslmode,
)
from alsdesk.storage.database import create_engine_for

REMOTE = "postgresql+psycopg://clinic:s3cret@db.clinic.example/alsdesk"
LOCAL = "postgresql+psycopg://clinic:s3cret@127.0.0.1/alsdesk"


@pytest.fixture(autouse=True)
def no_libpq_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ALSDESK_PG_SSLMODE", "PGSSLMODE", "PGHOST", "ALSDESK_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_the_setting_applies_to_postgresql_urls_without_their_own_sslmode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALSDESK_PG_SSLMODE", "verify-full")
    assert sslmode_of(with_sslmode(REMOTE)) == "verify-full"
    assert sslmode_of(with_sslmode(REMOTE + "?sslmode=disable")) == "disable"  # the URL's own choice wins
    assert with_sslmode("sqlite:////tmp/a.sqlite3") == "sqlite:////tmp/a.sqlite3"
    assert sslmode_of(resolve_database_url(REMOTE)) == "verify-full"
    monkeypatch.setenv("ALSDESK_DATABASE_URL", LOCAL)
    assert sslmode_of(resolve_database_url()) == "verify-full"
    assert "s3cret" in with_sslmode(REMOTE)  # the URL used to connect keeps its password


def test_an_unknown_sslmode_is_refused_naming_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALSDESK_PG_SSLMODE", "verify_full")
    with pytest.raises(StorageError, match="not an sslmode; use one of disable, .*verify-full"):
        with_sslmode(REMOTE)


def test_effective_sslmode_falls_back_to_pgsslmode_then_libpq_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sslmode_of("sqlite:///x.sqlite3") is None
    assert sslmode_of(REMOTE) == "prefer"
    monkeypatch.setenv("PGSSLMODE", "require")
    assert sslmode_of(REMOTE) == "require"


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        (REMOTE, True),
        (REMOTE + "?sslmode=require", True),
        (REMOTE + "?sslmode=verify-ca", True),
        (REMOTE + "?sslmode=verify-full", False),
        ("postgresql+psycopg://clinic:s3cret@10.0.0.5/alsdesk?sslmode=prefer", True),
        (LOCAL, False),
        ("postgresql+psycopg://clinic@localhost/alsdesk?sslmode=disable", False),
        ("postgresql+psycopg://clinic@[::1]/alsdesk", False),
        ("postgresql+psycopg://clinic@/alsdesk?host=/var/run/postgresql", False),  # Unix socket
        ("postgresql+psycopg://clinic@/alsdesk?host=127.0.0.1,db2.clinic.example", True),
        ("sqlite:////tmp/a.sqlite3", False),
    ],
)
def test_a_remote_server_without_verify_full_gets_advice(url: str, warned: bool) -> None:
    warning = sslmode_warning(url)
    assert (warning is not None) == warned, warning
    if warning:
        assert "verify-full" in warning and "s3cret" not in warning


def test_opening_a_remote_server_without_verify_full_logs_the_advice(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="alsdesk.storage.database"):
        create_engine_for(REMOTE + "?sslmode=require").dispose()  # no connection is made
    assert any("sslmode is require for the server db.clinic.example" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="alsdesk.storage.database"):
        create_engine_for(REMOTE + "?sslmode=verify-full").dispose()
    assert not caplog.records


def test_displayed_urls_never_show_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALSDESK_PG_SSLMODE", "verify-full")
    shown = display_url(with_sslmode(REMOTE + "?password=other&sslpassword=keypass"))
    assert "s3cret" not in shown and "other" not in shown and "keypass" not in shown
    assert "sslmode=verify-full" in shown and "clinic:***@db.clinic.example" in shown
