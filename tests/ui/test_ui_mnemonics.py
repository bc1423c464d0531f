"""No two controls on one visible page answer the same Alt+key, in English and in Chinese: walks
every screen of the main window and every tab of a chart (tests/ui/widget_walk.py)."""

from __future__ import annotations

import pytest

from tests.ui.widget_walk import clashes, labels_without_buddy, pages


@pytest.fixture(params=["en", "zh_CN"])
def language(request):  # type: ignore[no-untyped-def]
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return request.param


def test_no_mnemonic_is_shared_on_any_page(qtbot, backend, idle, settings, patient, language) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.main_window import PAGES, MainWindow

    found: dict[str, object] = {}
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    for key in PAGES:
        window.show_page(key)
        idle()
        for page in pages(window, idle):
            if clash := clashes(window):
                found[f"main › {key} › {page}"] = clash
            if broken := labels_without_buddy(window):
                found[f"main › {key} › {page} (label without a field)"] = broken
    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.show()
    idle()
    for page in pages(chart, idle):
        if clash := clashes(chart):
            found[f"chart › {page}"] = clash
        if broken := labels_without_buddy(chart):
            found[f"chart › {page} (label without a field)"] = broken
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())


def test_no_mnemonic_is_shared_in_a_main_dialog(qtbot, backend, idle, patient, language) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_ui_accessible_names import main_dialogs

    found: dict[str, object] = {}
    for name, make in main_dialogs(backend, patient).items():
        dialog = make()
        dialog.show()
        idle()
        for page in pages(dialog, idle):
            if clash := clashes(dialog):
                found[f"{name} › {page}"] = clash
            if broken := labels_without_buddy(dialog):
                found[f"{name} › {page} (label without a field)"] = broken
        dialog.close()
        dialog.deleteLater()  # now, not at teardown: its loads must not outlive this test's database
        idle()
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())
