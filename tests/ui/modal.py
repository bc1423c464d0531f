"""Answering a modal dialog from a test: its exec() blocks, so the answer is queued beforehand."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def on_next_modal(act: Callable[[QWidget], None], timeout: float = 15.0) -> list[QWidget]:
    """Run act(dialog) on the next modal dialog shown; the returned list then holds that dialog."""
    seen: list[QWidget] = []
    deadline = time.monotonic() + timeout

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is not None and w.isVisible():
            seen.append(w)
            act(w)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def click_button(box: QWidget, text: str) -> None:
    """Click the message box button labelled `text` with the mouse."""
    assert isinstance(box, QMessageBox), box
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
