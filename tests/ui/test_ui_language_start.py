"""The window's language at start: loaded with one log line, never silently English, and the
settings that choose it kept under ALSDESK_HOME."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest


def test_loading_a_translation_logs_one_info_line(qapp, compiled, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import paths
    from alsdesk.ui.app import install_translation

    monkeypatch.setattr(paths, "resources_dir", lambda: compiled)
    caplog.set_level(logging.INFO, logger="alsdesk.ui.app")
    installed = install_translation(qapp, "zh_CN")
    try:
        assert installed
        lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "alsdesk.ui.app"]
        assert len(lines) == 1 and lines[0][0] == "INFO"
        # Qt itself answers in Chinese, and names the file its own texts came from (the smoke tests
        # of the wheel and the bundle read this line).
        assert lines[0][1].startswith("translation zh_CN loaded: Qt answers in zh_CN, its own texts from ")
        assert lines[0][1].endswith("qtbase_zh_CN.qm")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_a_system_language_alsdesk_has_no_translation_for_is_english_quietly(qapp, caplog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from alsdesk.ui.app import install_translation

    QSettings().setValue("ui/language", "de_DE")
    assert install_translation(qapp) == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_missing_translation_is_a_warning_the_user_sees(
    qtbot, db_url, monkeypatch, messages, caplog, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QSettings

    from alsdesk import paths
    from alsdesk.ui import app

    broken = tmp_path / "resources"  # an installation without the catalogue (a wheel ships no .po)
    shutil.copytree(paths.resources_dir(), broken, ignore=shutil.ignore_patterns("*.mo", "*.po"))
    monkeypatch.setattr(paths, "resources_dir", lambda: broken)
    app.application()  # names the organisation, so QSettings() below is the one start() reads
    QSettings().setValue("ui/language", "zh_CN")
    with pytest.raises(app.TranslationMissing):
        app.install_translation(QCoreApplication.instance())  # type: ignore[arg-type]
    assert [r.levelname for r in caplog.records if "translation zh_CN missing" in r.getMessage()] == ["WARNING"]

    monkeypatch.setattr(app, "sign_in", lambda backend: None)  # stop once the start-up has spoken
    assert app.start(db_url) is None
    warnings = [text for kind, text in messages if kind == "warning"]
    assert len(warnings) == 1 and "zh_CN translation is missing" in warnings[0] and "reinstall" in warnings[0]


def test_settings_live_under_alsdesk_home(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from alsdesk.ui.app import keep_settings_in_home

    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path))
    keep_settings_in_home()
    settings = QSettings()
    settings.setValue("ui/language", "zh_CN")
    settings.sync()
    assert Path(settings.fileName()) == tmp_path / "alsdesk" / "alsdesk.ini"
    assert "language=zh_CN" in (tmp_path / "alsdesk" / "alsdesk.ini").read_text()


@pytest.mark.parametrize("speaks", ["en", "zh_CN"])
def test_an_unchosen_language_shows_the_one_the_window_speaks(qtbot, backend, request, speaks) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.printing.view import workstation_language

    if speaks == "zh_CN":
        request.getfixturevalue("chinese")  # started in Chinese from the system's language
    QSettings().remove("ui/language")
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    assert admin.language.currentData() == speaks
    assert workstation_language() == speaks
