"""Start the desktop app: open the database, greet an empty one, show the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alsdesk.errors import AlsdeskError
from alsdesk.services import accounts, clinic, patients
from alsdesk.ui.worker import Backend

log = logging.getLogger(__name__)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("alsdesk")
    QCoreApplication.setApplicationName("alsdesk")
    register_fonts()
    return app  # type: ignore[return-value]


_FONT_FAMILIES: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled CJK font (once) so Chinese renders on machines that have none, and
    add it as a fallback behind the system's default font; returns the families it provides."""
    if _FONT_FAMILIES:
        return _FONT_FAMILIES
    from PySide6.QtGui import QFont, QFontDatabase

    from alsdesk.paths import resource

    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", "wqy-microhei.ttc")))
    if font_id < 0:
        log.warning("the bundled CJK font could not be loaded; Chinese needs a system font")
        return []
    _FONT_FAMILIES.extend(QFontDatabase.applicationFontFamilies(font_id))
    default = QApplication.font()
    QFont.insertSubstitutions(default.family(), _FONT_FAMILIES)
    return _FONT_FAMILIES


def install_translation(app: QApplication) -> list[QTranslator]:
    """Load the chosen language's compiled translation when one ships, with Qt's own for its standard
    buttons and dialogs; returns the translators installed (none for English or a missing catalogue)."""
    language = str(QSettings().value("ui/language", QLocale.system().name()))
    if language == "en":
        return []
    from alsdesk.paths import resources_dir

    folder = resources_dir() / "translations"
    translator = QTranslator(app)
    if not (folder.is_dir() and translator.load(f"alsdesk_{language}", str(folder))):
        return []
    installed = [translator]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for t in installed:
        app.installTranslator(t)
    return installed


def open_backend(url: str | None, parent: QWidget | None = None) -> Backend | None:
    """Open the clinic database; a failure is shown in words, never as a traceback."""
    from alsdesk.app import open_clinic

    try:
        db = open_clinic(url, backup_now=False)  # the day's backup runs on a worker (DailyBackup)
    except AlsdeskError as err:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("app", "alsdesk cannot open the database"),
            str(err),
        )
        return None
    return Backend(db)


def existing_sqlite_file(url: str | None) -> Path | None:
    """The clinic's SQLite file when it already holds data (a new, empty file needs no backup)."""
    from alsdesk.storage import resolve_database_url
    from alsdesk.storage.config import sqlite_path

    try:
        path = sqlite_path(resolve_database_url(url))
    except AlsdeskError:
        return None  # open_backend reports a bad URL in words
    return path if path is not None and path.exists() and path.stat().st_size > 0 else None


def first_run(window: Any, backend: Backend) -> None:
    """When the database has no clinic profile, ask for one (and offer demo data if it is empty)."""

    def check(session: Any) -> tuple[bool, bool]:
        return clinic.get_clinic(session=session) is None, patients.count_patients(
            session=session, include_archived=True
        ) == 0

    def decide(result: tuple[bool, bool]) -> None:
        missing, empty = result
        if not missing or not backend.may("admin"):  # only an administrator can set the clinic up
            return
        from alsdesk.ui.first_run import DemoLoader, FirstRunDialog

        dialog = FirstRunDialog(backend, empty=empty, parent=window)
        if dialog.exec() and dialog.wants_demo:
            loader = DemoLoader(backend, dialog.demo_count.value(), window)
            loader.finished.connect(window.show_status)
            loader.start()

    backend.read(check, decide)


def has_accounts(backend: Backend) -> bool:
    """One indexed query, asked before any window exists (so it is not worth a worker)."""
    with backend.db.read() as session:
        return accounts.has_accounts(session=session)


def sign_in(backend: Backend) -> Any:
    """The sign-in dialog, or on a database without accounts the first-administrator dialog.
    Returns who signed in, or None when the user gave up (the app then quits)."""
    if has_accounts(backend):
        from alsdesk.ui.signin_dialog import SignInDialog

        dialog: Any = SignInDialog(backend)
    else:
        from alsdesk.ui.first_admin_dialog import FirstAdminDialog

        dialog = FirstAdminDialog(backend)
    dialog.exec()
    return dialog.result_


def start(url: str | None = None) -> tuple[QApplication, Any, Backend] | None:
    """Everything before the event loop: the database, sign-in, the main window, the first-run check."""
    app = application()
    install_translation(app)
    existing = existing_sqlite_file(url)
    backend = open_backend(url)
    if backend is None:
        return None
    from alsdesk.ui.daily_backup import DailyBackup

    daily = DailyBackup(backend, existing, backend)
    daily.start()  # while the user signs in; the status bar shows it until it is done
    signed = sign_in(backend)
    if signed is None:
        backend.shutdown()
        return None
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, signed_in=signed, daily_backup=daily)
    window.show()
    first_run(window, backend)
    return app, window, backend


def run(url: str | None = None) -> int:
    """The `alsdesk gui` entry point; returns the process exit status."""
    started = start(url)
    if started is None:
        return 1  # the database could not be opened, or nobody signed in
    app, _window, backend = started
    try:
        return app.exec()
    finally:
        backend.shutdown()
