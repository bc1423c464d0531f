"""Closing the window (quitting alsdesk) checks the database and takes the exit backup the README
promises; a failed check is shown and never keeps the app from closing."""

from __future__ import annotations

from pathlib import Path

import pytest

from alsdesk.services import audit_log
from alsdesk.storage.backup import backup_dir_for, list_backups
from alsdesk.storage.config import sqlite_path


@pytest.fixture
def started(qtbot, sqlite_url, monkeypatch):  # type: ignore[no-untyped-def]
    from alsdesk.services.access import Actor
    from alsdesk.ui import app
    from alsdesk.ui.signin.dialog import SignedIn

    monkeypatch.setattr(app, "sign_in", lambda backend: SignedIn(Actor("boss", role="administrator"), "Boss"))
    monkeypatch.setattr(app, "first_run", lambda window, backend: None)
    result = app.start(sqlite_url)
    assert result is not None
    _qapp, window, backend = result
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not backend.busy, timeout=20000)
    yield window, backend, sqlite_path(sqlite_url)
    backend.shutdown()


def exit_backups(path: Path) -> list[Path]:
    return [p for _, p in list_backups(backup_dir_for(path)) if p.stem.endswith("-exit")]


def test_closing_the_window_takes_the_exit_backup_and_audits_it(started, db, messages) -> None:  # type: ignore[no-untyped-def]
    window, _backend, path = started
    assert exit_backups(path) == []
    assert window.close()
    assert not window.isVisible()
    made = exit_backups(path)
    assert len(made) == 1 and made[0].stat().st_size > 0
    with db.read() as s:
        entries = audit_log.list_entries(session=s, action="backup", limit=10)
    assert any('"reason": "exit"' in e.detail and made[0].name in e.detail for e in entries)
    assert messages == []  # all went well: nothing to tell


@pytest.mark.logs_errors("exit check or backup failed")
def test_a_failed_exit_check_is_shown_and_the_window_still_closes(started, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.errors import StorageError
    from alsdesk.storage import backup

    window, _backend, path = started

    def damaged(db_path, reason, dest=None):  # type: ignore[no-untyped-def]
        raise StorageError(
            "{path} fails its integrity check ({reason}); no backup was taken.", path=db_path, reason="x"
        )

    monkeypatch.setattr(backup, "take_backup", damaged)
    assert window.close()  # the check failed, yet the window closes
    assert not window.isVisible()
    assert exit_backups(path) == []
    assert len(messages) == 1 and messages[0][0] == "warning" and "no backup was taken" in messages[0][1]
