"""Every window and dialog fits a 1366×768 laptop less its taskbar (1366×728), also at 125 %
scaling (1093×582 logical pixels) and in Chinese; windows reopen at the size they were left at,
clamped to the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from alsdesk.ui.widgets.geometry import TITLE_BAR

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = {
    "main window",
    "chart window",
    "print preview",
    "first administrator",
    "first run",
    "sign in",
    "unlock",
    "new patient",
    "edit patient",
    "findings",
    "care team",
    "NIV settings",
    "tube and feed",
    "emergency access",
    "drug",
    "workup type",
    "program",
    "recovery",
}


@pytest.fixture
def demo_clinic(db) -> str:  # type: ignore[no-untyped-def]
    from alsdesk import demo

    with db.write() as s:
        demo.load_demo(session=s, patients=25)
    return db.url


def sizes(url: str, tmp_path: Path, scale: str, language: str = "en") -> dict:  # type: ignore[type-arg]
    """Measured in a process of its own: the screen and scale must be set before Qt starts."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728, "logicalDpi": 96}]})
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR=scale)
    command = [sys.executable, "-m", "tests.ui.window_sizes", url, "--language", language]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def too_large(measured: dict) -> list[str]:  # type: ignore[type-arg]
    """Windows whose smallest or opening size (with a title bar above) overflows the screen."""
    width, height = measured.pop("screen")
    assert set(measured) == WINDOWS
    return [
        f"{name} {kind} {w}×{h} on a {width}×{height} screen"
        for name, found in measured.items()
        for kind, (w, h) in found.items()
        if w > width or h + TITLE_BAR > height
    ]


@pytest.mark.parametrize(("scale", "screen"), [("1", [1366, 728]), ("1.25", [1093, 582])])
def test_every_window_fits_a_laptop_screen(demo_clinic, tmp_path, scale, screen) -> None:  # type: ignore[no-untyped-def]
    measured = sizes(demo_clinic, tmp_path, scale)
    assert measured["screen"] == screen
    assert too_large(measured) == []


def test_every_window_fits_at_125_percent_in_chinese(demo_clinic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    measured = sizes(demo_clinic, tmp_path, "1.25", "zh_CN")
    assert measured["screen"] == [1093, 582]
    assert too_large(measured) == []


def fits(widget) -> bool:  # type: ignore[no-untyped-def]
    """On the screen, title bar included (the test screen is 800×800: no narrower than the window's minimum)."""
    free = widget.screen().availableGeometry()
    if widget.width() > free.width():  # only when the window cannot be narrower
        return widget.width() == widget.minimumWidth() and widget.height() + TITLE_BAR <= free.height()
    return (
        free.left() <= widget.x()
        and widget.x() + widget.width() <= free.right() + 1
        and free.top() <= widget.y()
        and widget.y() + widget.height() <= free.bottom() + 1
        and widget.height() + TITLE_BAR <= free.height()
    )


def test_the_chart_window_reopens_at_its_size(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient.id)  # deleted on close: not left to qtbot to close
    window.show()
    idle()
    assert fits(window)  # the default (1200×820) is cut to the screen
    window.resize(window.minimumWidth(), 600)  # the test screen is 800 wide: the height tells
    window.close()
    again = ChartWindow(backend, patient.id)
    qtbot.addWidget(again)
    again.show()
    idle()
    assert again.height() == 600 and fits(again)


def test_a_remembered_size_larger_than_the_screen_is_clamped(qtbot, backend, idle, settings) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    idle()
    free = window.screen().availableGeometry()
    window.resize(free.width() + 900, free.height() + 700)  # left on a large monitor
    window.move(free.width(), free.height())
    window.close()
    again = MainWindow(backend, settings)
    qtbot.addWidget(again)
    again.show()
    idle()
    assert fits(again) and again.width() == max(free.width(), again.minimumWidth())


def test_the_print_preview_reopens_at_its_size(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.app.documents import Request, build
    from alsdesk.ui.printing.preview import PrintPreviewDialog

    with db.read() as s:
        job = build(s, "summary", Request(patient_id=patient.id))
    dialog = PrintPreviewDialog(backend, job, "Patient summary")
    qtbot.addWidget(dialog)
    dialog.show()
    assert fits(dialog) and dialog.print_button.isVisible()  # 900×1000 is cut to the screen
    dialog.resize(QSize(700, 500))
    dialog.close()
    again = PrintPreviewDialog(backend, job, "Patient summary")
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 500)


def test_a_second_chart_opens_down_from_the_first(qtbot, backend, idle, db, patient, settings) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients
    from alsdesk.ui.main_window import CASCADE, MainWindow

    with db.write() as s:
        other = patients.add_patient(
            session=s, mrn="T0002", family_name="Other", given_name="Pat", birth_date=date(1955, 1, 2), sex="male"
        )
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    first = window.open_chart(patient.id)
    first.resize(first.minimumWidth(), 400)  # charts 400 tall: room below on the 600-pixel test screen
    first.close()  # remembers that size
    idle()
    first = window.open_chart(patient.id)
    first.move(first.x(), 40)
    idle()
    second = window.open_chart(other.id)
    idle()
    assert second.y() == first.y() + CASCADE
    for chart in (first, second):
        chart.close()
