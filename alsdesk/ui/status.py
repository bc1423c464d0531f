"""One way for any widget to confirm a save: the status bar of the window it lives in."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget | None, text: str) -> bool:
    """Show `text` through the nearest `statusMessage` up the parent chain (the main window's or a
    chart window's status bar); False when the widget lives in no such window."""
    while widget is not None:
        status = getattr(widget, "statusMessage", None)
        if callable(status):
            status(text)
            return True
        widget = widget.parentWidget()
    return False


def saved_text(what: str | None = None) -> str:
    at = datetime.now().strftime("%H:%M")
    if what:
        return QCoreApplication.translate("status", "{0} saved at {1}.").format(what, at)
    return QCoreApplication.translate("status", "Saved at {0}.").format(at)


def announce_saved(widget: QWidget | None, what: str | None = None) -> bool:
    """Confirm a successful save in the status bar: "Saved at 14:05." or "Patient saved at 14:05."."""
    return announce(widget, saved_text(what))
