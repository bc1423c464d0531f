"""Start the desktop app: open the database, greet an empty one, show the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from alsdesk.errors import AlsdeskError
from alsdesk.services import accounts, clinic, patients
from alsdesk.ui.i18n.texts import error_text
from alsdesk.ui.widgets.status import status_sink
from alsdesk.ui.widgets.worker import Backend
from alsdesk.vocab import LANGUAGES

if TYPE_CHECKING:  # the dialogs and the window are imported when first needed (start-up time)
    from sqlalchemy.orm import Session

    from alsdesk.services.access import Actor
    from alsdesk.ui.main_window import MainWindow
    from alsdesk.ui.signin.dialog import SignedIn, SignInDialog
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

log = logging.getLogger(__name__)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        keep_settings_in_home()
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("alsdesk")
    QCoreApplication.setApplicationName("alsdesk")
    register_fonts()
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication; ours is a QApplication


def keep_settings_in_home() -> None:
    """With ALSDESK_HOME set, QSettings() (language, window sizes, print folder) reads and writes
    $ALSDESK_HOME/alsdesk/alsdesk.ini instead of the user's profile, so one home holds it all."""
    home = os.environ.get("ALSDESK_HOME")
    if home:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home).expanduser()))


_FONT_FAMILIES: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled CJK font (once) so Chinese renders on machines that have none, as a
    fallback behind the system's UI font: Latin text keeps the system font, characters it lacks
    come from the bundled one. Returns the families the bundled font provides."""
    if _FONT_FAMILIES:
        return _FONT_FAMILIES
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from alsdesk.paths import resource

    # The family the system's UI font resolves to ("Sans Serif" is an alias), read before the
    # bundled font exists so it cannot take the alias over.
    default = QApplication.font()
    system = QFontInfo(default).family()
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", "wqy-microhei.ttc")))
    if font_id < 0:
        log.warning("the bundled CJK font could not be loaded; Chinese needs a system font")
        return []
    _FONT_FAMILIES.extend(QFontDatabase.applicationFontFamilies(font_id))
    cjk = [f for f in _FONT_FAMILIES if "Mono" not in f] or _FONT_FAMILIES
    default.setFamilies([system, *(f for f in cjk if f != system)])
    QApplication.setFont(default)
    return _FONT_FAMILIES


class TranslationMissing(AlsdeskError):
    """A language alsdesk ships has no compiled catalogue here: a broken installation."""


def install_translation(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load `language` (else the chosen one, else the system's), with Qt's own catalogue for its
    standard buttons and dialogs; returns the translators installed (none for English, or for a
    system language alsdesk has no translation for). A language alsdesk ships whose catalogue is
    missing raises TranslationMissing: the window must not turn English without a word."""
    language = language or str(QSettings().value("ui/language", QLocale.system().name()))
    if language not in LANGUAGES or language == "en":
        return []
    from alsdesk.ui.i18n.translator import CatalogueTranslator

    try:
        translator = CatalogueTranslator(language, app)
    except AlsdeskError:
        from alsdesk.i18n.catalogue import catalogue_file

        folder = catalogue_file(language).parent
        log.warning("translation %s missing from %s; the window stays in English", language, folder)
        raise TranslationMissing(
            "The {language} translation is missing from {folder}, so the window is in English; reinstall alsdesk.",
            language=language,
            folder=folder,
        ) from None
    installed: list[QTranslator] = [translator]  # first: Qt asks the last installed (qtbase) first
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for t in installed:
        app.installTranslator(t)
    # The language asked through Qt itself, so the log (which the wheel and bundle smoke tests read)
    # shows the catalogue in effect, and where Qt's own texts came from: an installer ships both.
    from alsdesk.ui.i18n.translator import window_language

    answer = window_language()
    log.info(
        "translation %s loaded: Qt answers in %s, its own texts from %s", language, answer, qt.filePath() or "nowhere"
    )
    if not qt.filePath():
        log.warning("Qt's own texts for %s are missing; its standard buttons and dialogs stay in English", language)
    return installed


def open_backend(url: str | None, parent: QWidget | None = None) -> Backend | None:
    """Open the clinic database. A refusal is explained in words, never as a traceback; a damaged
    file gets the latest good backups offered, a locked one Retry. None when the user quits."""
    from alsdesk.app import open_clinic

    while True:
        try:
            db = open_clinic(url, backup_now=False)  # the day's backup runs on a worker (DailyBackup)
        except AlsdeskError as err:
            log.error("database not opened: %s", err)
            if not recover(err, url, parent):
                return None
            continue  # retried, or restored: open again
        return Backend(db)


def recover(err: AlsdeskError, url: str | None, parent: QWidget | None = None) -> bool:
    """Show why the database was refused; True when the user restored a backup or asked to retry."""
    from alsdesk.app.files import clinic_file, good_backups
    from alsdesk.ui.recovery_dialog import RecoveryDialog, describe

    refusal = describe(err)
    path = clinic_file(url)
    backups = good_backups(path) if refusal.offer_backups and path is not None else []
    dialog = RecoveryDialog(refusal, path, backups, parent)
    outcome = dialog.exec()
    if outcome == RecoveryDialog.RESTORED and dialog.restored_from is not None:
        when = dialog.restored_from.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if dialog.kept is None:  # the clinic file was missing: nothing was replaced
            text = QCoreApplication.translate("app", "The database was restored from the backup of {0}.").format(when)
        else:
            text = QCoreApplication.translate(
                "app", "The database was restored from the backup of {0}. The file it replaced was kept as {1}."
            ).format(when, dialog.kept)
        QMessageBox.information(parent, QCoreApplication.translate("app", "Backup restored"), text)
    return outcome in (RecoveryDialog.RETRY, RecoveryDialog.RESTORED)


def existing_sqlite_file(url: str | None) -> Path | None:
    """The clinic's SQLite file when it already holds data (a new, empty file needs no backup)."""
    from alsdesk.app.files import existing_clinic_file

    return existing_clinic_file(url)  # None for a bad URL too: open_backend reports it in words


def first_run(window: QWidget | None, backend: Backend) -> None:
    """When the database has no clinic profile, ask for one (and offer demo data if it is empty)."""

    def check(session: Session) -> tuple[bool, bool]:
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
            sink = status_sink(window)
            if sink is not None:  # the demo's summary goes to the status line
                loader.finished.connect(sink.statusMessage)
            loader.start()

    backend.read(check, decide)


def has_accounts(backend: Backend) -> bool:
    """One indexed query, asked before any window exists (so it is not worth a worker)."""
    with backend.db.read() as session:
        return accounts.has_accounts(session=session)


def sign_in(backend: Backend) -> SignedIn | None:
    """The sign-in dialog, or on a database without accounts the first-administrator dialog
    (which may ask to encrypt the new database). Returns who signed in, or None when the user
    gave up (the app then quits)."""
    if has_accounts(backend):
        from alsdesk.ui.signin.dialog import SignInDialog

        dialog: SignInDialog | FirstAdminDialog = SignInDialog(backend)
    else:
        from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

        dialog = FirstAdminDialog(backend)
    dialog.exec()
    encrypt_as = getattr(dialog, "encrypt_as", None)
    if dialog.result_ is not None and encrypt_as is not None:
        encrypt_backend(backend, dialog.result_.actor, *encrypt_as)
    return dialog.result_


def encrypt_backend(backend: Backend, actor: Actor, username: str, password: str) -> None:
    """Encrypt the database the first administrator just made and put the reopened one behind
    `backend` (idle: no window exists yet); on failure keep it plain and say so."""
    from alsdesk.app import encrypt_clinic, open_clinic

    url = backend.db.url
    with backend.db.read(actor=actor) as session:
        empty = patients.count_patients(session=session, include_archived=True) == 0
    backend.shutdown()
    try:
        db, _kept = encrypt_clinic(backend.db, username, password, keep_backup=not empty)
    except AlsdeskError as err:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("app", "The database was not encrypted"),
            QCoreApplication.translate("app", "The database stays unencrypted: {0}").format(error_text(err)),
        )
        db = open_clinic(url)
    backend.db = db


def start(url: str | None = None) -> tuple[QApplication, MainWindow, Backend] | None:
    """Everything before the event loop: the database, sign-in, the main window, the first-run check.

    An encrypted database is opened by the sign-in itself (its key is unwrapped with the password)."""
    from alsdesk.app import is_encrypted
    from alsdesk.private_files import private_umask

    private_umask()  # also when the window is started without the CLI
    app = application()
    try:
        install_translation(app)
    except TranslationMissing as err:
        QMessageBox.warning(None, QCoreApplication.translate("app", "Translation missing"), str(err))
    existing = existing_sqlite_file(url)
    if is_encrypted(url):
        from alsdesk.ui.signin.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(url)
        dialog.exec()
        if dialog.result_ is None:
            return None
        backend, signed = dialog.result_
    else:
        opened = open_backend(url)
        if opened is None:
            return None
        backend = opened
        signed = None
    from alsdesk.ui.daily_backup import DailyBackup

    daily = DailyBackup(backend, existing, backend)
    daily.start()  # while the user signs in; the status bar shows it until it is done
    if signed is None:
        signed = sign_in(backend)
        if signed is None:
            backend.shutdown()
            return None
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, signed_in=signed, daily_backup=daily)
    from alsdesk.ui.exit_backup import back_up_on_exit

    window.closed.connect(lambda: back_up_on_exit(backend))
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
