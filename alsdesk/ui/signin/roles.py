"""What the signed-in role may do, applied to widgets: controls it may not use are hidden, and
notes that explain what is missing are shown only to those who lack the permission."""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

PERMISSION = "alsdesk_permission"
HIDDEN_BY_ROLE = "alsdesk_hidden_by_role"
SHOWN_WITHOUT = "alsdesk_shown_without"

W = TypeVar("W", bound=QObject)


class MayCheck(Protocol):
    def may(self, permission: str) -> bool: ...


def needs(control: W, permission: str) -> W:
    """Mark a button, action or form as needing `permission`; `apply_role` shows or hides it."""
    control.setProperty(PERMISSION, permission)
    return control


def shown_without(widget: W, permission: str) -> W:
    """Mark a widget (a note saying why a form is missing) as shown only to those who lack
    `permission`; it starts hidden, and `apply_role` shows it to them."""
    widget.setProperty(SHOWN_WITHOUT, permission)
    if isinstance(widget, QWidget):
        widget.setVisible(False)
    return widget


def apply_role(root: QWidget, who: MayCheck) -> None:
    """Hide every marked control under `root` that the signed-in actor may not use, and bring
    back those hidden earlier for a previous user (never ones hidden for other reasons)."""
    controls: list[QWidget | QAction] = [root, *root.findChildren(QWidget), *root.findChildren(QAction)]
    for control in controls:
        lacking = control.property(SHOWN_WITHOUT)
        if lacking and isinstance(control, QWidget):
            control.setVisible(not who.may(str(lacking)))
            continue
        permission = control.property(PERMISSION)
        if not permission:
            continue
        allowed = who.may(str(permission))
        if not allowed and not control.property(HIDDEN_BY_ROLE):
            control.setProperty(HIDDEN_BY_ROLE, True)
            control.setVisible(False)
            if isinstance(control, QAction):
                control.setEnabled(False)
        elif allowed and control.property(HIDDEN_BY_ROLE):
            control.setProperty(HIDDEN_BY_ROLE, False)
            control.setVisible(True)
            if isinstance(control, QAction):
                control.setEnabled(True)
