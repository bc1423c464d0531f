"""What the signed-in role may do, applied to widgets: controls it may not use are hidden."""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

PERMISSION = "alsdesk_permission"
HIDDEN_BY_ROLE = "alsdesk_hidden_by_role"

W = TypeVar("W", bound=QObject)


class MayCheck(Protocol):
    def may(self, permission: str) -> bool: ...


def needs(control: W, permission: str) -> W:
    """Mark a button, action or form as needing `permission`; `apply_role` shows or hides it."""
    control.setProperty(PERMISSION, permission)
    return control


def apply_role(root: QObject, who: MayCheck) -> None:
    """Hide every marked control under `root` that the signed-in actor may not use, and bring
    back those hidden earlier for a previous user (never ones hidden for other reasons)."""
    controls = [root, *root.findChildren(QWidget), *root.findChildren(QAction)]
    for control in controls:
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
