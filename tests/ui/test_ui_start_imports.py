"""The window's start-up imports the layers under it before Qt: once PySide6 is loaded it reads the
source of every module imported after it (alsdesk/ui/__init__.py), ~15 MB for SQLAlchemy, the models
and the services."""

from __future__ import annotations

import subprocess
import sys

FIRST = ("sqlalchemy.orm", "alsdesk.models", "alsdesk.app", "alsdesk.services.patients", "alsdesk.services.accounts")


def test_the_window_imports_sqlalchemy_models_and_services_before_pyside() -> None:
    # As `alsdesk gui` starts the window (alsdesk.cli.cmd_gui), in a process of its own.
    code = "import sys; import alsdesk.ui.app; print(' '.join(sys.modules))"  # in the order they were imported
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    order = done.stdout.split()
    qt = order.index("PySide6")
    assert all(order.index(name) < qt for name in FIRST), [name for name in FIRST if order.index(name) > qt]
