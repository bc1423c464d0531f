"""Window sizes: each window opens at the size it was left at (or its default), never larger than
the screen it opens on, so a 1366×768 laptop with a taskbar shows every button."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

TITLE_BAR = 30  # logical pixels the window manager's frame takes above a window


def fit_on_screen(widget: QWidget) -> None:
    """Shrink (never below the window's minimum) and move the window so it lies on its screen's
    free area, title bar included."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    width = min(widget.width(), free.width())
    height = min(widget.height(), free.height() - TITLE_BAR)
    widget.resize(max(width, widget.minimumWidth()), max(height, widget.minimumHeight()))
    x = min(max(widget.x(), free.left()), free.right() + 1 - widget.width())
    y = min(max(widget.y(), free.top() + TITLE_BAR), free.bottom() + 1 - widget.height())
    widget.move(max(x, free.left()), max(y, free.top()))


def restore_geometry(widget: QWidget, key: str, default: QSize, settings: QSettings | None = None) -> None:
    """The size and place saved under the settings `key`, else `default`; in both cases fitted
    to the screen (a size saved on a larger monitor is clamped)."""
    saved = (settings or QSettings()).value(key)
    if not (isinstance(saved, QByteArray) and widget.restoreGeometry(saved)):
        widget.resize(default)
    fit_on_screen(widget)


def save_geometry(widget: QWidget, key: str, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(key, widget.saveGeometry())


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: it fills the space it gets and scrolls only when the
    window is smaller than it needs (a long form on a short screen)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setMinimumSize(QSize(120, 80))
    return area


def scrolling_form(form: QLayout) -> QScrollArea:
    """A dialog's form (its fields) in a scroll area, so its buttons stay on a short screen."""
    content = QWidget()
    content.setLayout(form)
    form.setContentsMargins(0, 0, 0, 0)
    return scrolling(content)


def open_dialog_at(dialog: QWidget, width: int, area: QScrollArea) -> None:
    """Size `dialog` `width` wide and tall enough to show all of `area` unscrolled, as far as the
    screen allows (a scroll area alone asks for a capped height)."""
    content = area.widget()
    missing = content.sizeHint().height() - area.sizeHint().height() if content is not None else 0
    dialog.resize(width, dialog.sizeHint().height() + max(0, missing))
    fit_on_screen(dialog)
