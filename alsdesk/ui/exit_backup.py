"""On quitting: let the database work finish, check the file and take the exit backup (app.close_clinic)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from alsdesk.errors import AlsdeskError
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.worker import Backend

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
    outcome: list[Exception | None] = []

    def check_and_copy() -> None:
        try:
            outcome.append(close_clinic(backend.db))
        except Exception as err:  # never trap the user in a window that will not close
            log.exception("exit backup failed")
            outcome.append(err)

    try:
        backend.shutdown()  # a write in flight must finish before the copy
        # The check and copy of a large file take a while: on a thread of their own, so the
        # dialog keeps painting (nothing else touches the database any more).
        work = threading.Thread(target=check_and_copy, name="exit-backup")
        work.start()
        while work.is_alive():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 50)
            work.join(0.05)
    finally:
        busy.close()
    problem = outcome[0] if outcome else None
    if isinstance(problem, AlsdeskError):
        text: str | None = error_text(problem)
    else:
        text = str(problem) if problem is not None else None
    if text:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("exit_backup", "The exit backup was not taken"),
            QCoreApplication.translate(
                "exit_backup", "alsdesk checked the database before closing and did not back it up: {0}"
            ).format(text),
        )
    return text
