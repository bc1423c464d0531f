"""One way for any widget to reach a status line and confirm a save: the window it lives in."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


@runtime_checkable
class StatusSink(Protocol):
    """A window with a status line (MainWindow, ChartWindow)."""

    def statusMessage(self, text: str, *args: Any) -> None: ...


def status_sink(widget: QWidget | None) -> StatusSink | None:
    """The nearest status line up the parent chain; None outside such a window (a test's bare page)."""
    while widget is not None:
        if isinstance(widget, StatusSink):
            return widget
        widget = widget.parentWidget()
    return None


def announce(widget: QWidget | None, text: str) -> bool:
    """Show `text` in the nearest status line; False when the widget lives in no such window."""
    sink = status_sink(widget)
    if sink is not None:
        sink.statusMessage(text)
    return sink is not None


def saved_text(what: str | None = None) -> str:
    at = datetime.now().strftime("%H:%M")
    if what:
        return QCoreApplication.translate("status", "{0} saved at {1}.").format(what, at)
    return QCoreApplication.translate("status", "Saved at {0}.").format(at)


def announce_saved(widget: QWidget | None, what: str | None = None) -> bool:
    """Confirm a successful save in the status bar: "Saved at 14:05." or "Patient saved at 14:05."."""
    return announce(widget, saved_text(what))
