"""On quitting: let the database work finish, check the file and take the exit backup (app.close_clinic)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from alsdesk.ui.texts import error_text
from alsdesk.ui.worker import Backend

log = logging.getLogger(__name__)


def back_up_on_exit(backend: Backend) -> str | None:
    """Run once the main window has closed. A failed check or backup is shown (the day it
    happens, so a damaged file is noticed) but never keeps the app from quitting. Returns the
    problem, or None when the backup was taken (or there is no SQLite file to back up)."""
    from alsdesk.app import close_clinic

    busy = QProgressDialog(QCoreApplication.translate("exit_backup", "Checking and backing up the database…"), "", 0, 0)
    busy.setWindowTitle(QCoreApplication.translate("exit_backup", "Closing alsdesk"))
    busy.setCancelButton(None)  # the file is being copied: there is nothing safe to cancel
    busy.setMinimumDuration(0)
    busy.show()
    QApplication.processEvents()
    try:
        backend.shutdown()  # a write in flight must finish before the copy
        problem = close_clinic(backend.db)
        text = error_text(problem) if problem is not None else None
    except Exception as err:  # never trap the user in a window that will not close
        log.exception("exit backup failed")
        text = str(err)
    finally:
        busy.close()
    if text:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("exit_backup", "The exit backup was not taken"),
            QCoreApplication.translate(
                "exit_backup", "alsdesk checked the database before closing and did not back it up: {0}"
            ).format(text),
        )
    return text
