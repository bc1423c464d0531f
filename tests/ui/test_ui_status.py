"""The main window's status line as the parts below it reach it (ui/widgets/status.py)."""

from __future__ import annotations


def test_a_page_reaches_the_main_windows_status_line(qtbot, backend, settings, idle) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from alsdesk.ui.main_window import MainWindow
    from alsdesk.ui.widgets.status import status_sink

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    idle()
    sink = status_sink(window.show_page("patients"))
    assert sink is window
    sink.statusMessage("Demo clinic loaded: 12 patients")
    assert window.statusBar().currentMessage() == "Demo clinic loaded: 12 patients"
    bare = QWidget()
    qtbot.addWidget(bare)
    assert status_sink(bare) is None  # a page shown on its own has no status line
    assert status_sink(None) is None  # first_run before any window
