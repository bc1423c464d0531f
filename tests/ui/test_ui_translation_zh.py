"""The Simplified Chinese catalogue is complete and well-formed, and the window speaks Chinese with it."""

from __future__ import annotations

import re

from tests.unit import catalogue

PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[^{}]*\}")


def messages() -> list[tuple[str | None, str, list[str]]]:
    """(context, source, its translations: one, or one per plural form) of every entry."""
    return [
        (
            m.context,
            m.id if isinstance(m.id, str) else m.id[0],
            list(m.string) if isinstance(m.string, tuple) else [m.string],
        )
        for m in catalogue.catalogue("zh_CN")
        if m.id
    ]


def accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


def test_every_message_is_translated_with_its_placeholders_and_accelerator() -> None:
    found = messages()
    assert len(found) > 500
    assert [(m.context, m.id) for m in catalogue.catalogue("zh_CN") if m.fuzzy] == []
    problems = []
    for context, source, texts in found:
        for text in texts:
            if not text.strip():
                problems.append(f"{context}: {source!r} has no translation")
                continue
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} placeholders differ in {text!r}")
            if accelerators(text) != accelerators(source):
                problems.append(f"{context}: {source!r} accelerators differ in {text!r}")
            if "Ctrl+" in source and re.findall(r"Ctrl\+\w", source) != re.findall(r"Ctrl\+\w", text):
                problems.append(f"{context}: {source!r} shortcut text changed in {text!r}")
    assert problems == []


def test_the_catalogue_is_chinese() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    texts = [(s, t[0]) for _, s, t in messages()]
    chinese = [s for s, t in texts if han.search(t)]
    assert len(chinese) / len(texts) > 0.9  # the rest are acronyms, gene names and formats like "{0} ({1})"
    assert dict(texts)["Worklist"] == "工作清单"


def test_install_translation_follows_the_language_setting(qapp, compiled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QDialogButtonBox

    from alsdesk import paths
    from alsdesk.ui.app import install_translation

    monkeypatch.setattr(paths, "resources_dir", lambda: compiled)
    QSettings().setValue("ui/language", "en")
    assert install_translation(qapp) == []
    QSettings().setValue("ui/language", "zh_CN")
    installed = install_translation(qapp)
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "Worklist") == "工作清单"
        if len(installed) == 2:  # Qt's own catalogue ships with the PySide6 wheels
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
            assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Worklist") == "Worklist"


def test_main_window_and_chart_in_chinese(qtbot, backend, idle, settings, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import PAGES, MainWindow

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    idle()
    nav = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert len(nav) == len(PAGES)
    assert nav[:2] == ["工作清单", "患者"]
    assert "护理计划" in nav and "管理" in nav
    assert window.windowTitle() == "alsdesk：ALS门诊"
    assert window.backup_label.text().startswith("上次备份")
    printing = window.page("printing")
    assert printing.worklist_button.text() == "预览工作清单(&W)…"
    assert printing.batch_button.text() == "准备家属须知和打卡表(&H)…"

    chart = window.open_chart(patient.id, "assessments")
    idle()
    tabs = [chart.tabs.tabText(i) for i in range(chart.tabs.count())]
    assert tabs[0] == "概览(&O)"
    assert "评估(&A)" in tabs and "转诊(&R)" in tabs and "治疗与用药(&T)" in tabs
    assert chart.current_tab() == "assessments"
    chart.close()
    window.close()


def test_without_the_translator_the_window_stays_english(qtbot, backend, idle, settings) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    idle()
    assert window.nav.item(0).text() == "Worklist"  # the fixture above removed its translator
