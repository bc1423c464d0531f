"""The main window's status line, as the parts below the window reach it."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@runtime_checkable
class StatusSink(Protocol):
    """A window with a status line (MainWindow)."""

    def statusMessage(self, text: str, *args: Any) -> None: ...


def status_sink(widget: QWidget | None) -> StatusSink | None:
    """The status line of the window `widget` is in; None outside the main window (a test's bare page)."""
    top = widget.window() if widget is not None else None
    return top if isinstance(top, StatusSink) else None
