"""Start-up screen for a database that cannot be opened: why, in plain words, and the way out."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alsdesk.app import restore_clinic
from alsdesk.app.files import BackupInfo, backup_folder, format_size
from alsdesk.errors import (
    AlsdeskError,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseTooNew,
    ForeignDatabase,
)
from alsdesk.ui.i18n.texts import error_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refusal:
    """What the dialog says about one refusal. New cases (an encrypted file without its key, …)
    add a mapping in `describe` and need nothing else here."""

    title: str
    advice: str
    details: str  # the storage layer's exact message: which file and what was found
    offer_backups: bool = False
    retry: bool = False


def describe(err: AlsdeskError) -> Refusal:
    """Plain words for each kind of refusal; only a damaged file gets a backup offer."""
    details = error_text(err)
    if isinstance(err, DatabaseMissing):  # before DatabaseDamaged, which it is a kind of
        return Refusal(
            QCoreApplication.translate("RecoveryDialog", "The clinic database is missing or empty"),
            QCoreApplication.translate(
                "RecoveryDialog",
                "Nothing was changed. Restore the latest good backup below to open the clinic with its data again.",
            ),
            details,
            offer_backups=True,
        )
    if isinstance(err, DatabaseDamaged):
        return Refusal(
            QCoreApplication.translate("RecoveryDialog", "The clinic database is damaged"),
            QCoreApplication.translate(
                "RecoveryDialog",
                "alsdesk has not changed the file. Restore the latest good backup below: the damaged "
                "file is moved aside unchanged, so nothing in it is lost for good.",
            ),
            details,
            offer_backups=True,
        )
    if isinstance(err, DatabaseLocked):
        return Refusal(
            QCoreApplication.translate("RecoveryDialog", "The clinic database is in use by another program"),
            QCoreApplication.translate(
                "RecoveryDialog",
                "Close the other program that has the file open (another alsdesk window, a backup or "
                "copying tool), or wait a moment, then choose Retry. The file was not changed.",
            ),
            details,
            retry=True,
        )
    if isinstance(err, DatabaseTooNew):
        return Refusal(
            QCoreApplication.translate("RecoveryDialog", "This database was made by a newer version of alsdesk"),
            QCoreApplication.translate(
                "RecoveryDialog",
                "Install that newer version of alsdesk on this computer to open it. An older backup "
                "would lose the newer work, so none is offered. The file was not changed.",
            ),
            details,
        )
    if isinstance(err, ForeignDatabase):
        return Refusal(
            QCoreApplication.translate("RecoveryDialog", "This file is not an alsdesk database"),
            QCoreApplication.translate(
                "RecoveryDialog",
                "It belongs to another program and was not changed. Check which database alsdesk "
                "is told to open (--database or ALSDESK_DATABASE_URL).",
            ),
            details,
        )
    return Refusal(
        QCoreApplication.translate("RecoveryDialog", "alsdesk cannot open the database"),
        QCoreApplication.translate(
            "RecoveryDialog", "Nothing was changed. Fix the cause named below, then choose Retry."
        ),
        details,
        retry=True,
    )


class RecoveryDialog(QDialog):
    """The refusal explained; where a backup can help, the latest good ones with Restore."""

    RETRY = 2
    RESTORED = 3

    def __init__(
        self,
        refusal: Refusal,
        db_path: Path | None,
        backups: list[BackupInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.backups = backups
        self.kept: Path | None = None  # where the replaced file went, after a restore (None: there was none)
        self.restored_from: BackupInfo | None = None
        self.setWindowTitle(refusal.title)
        title = QLabel(f"<b>{refusal.title}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        self.advice = QLabel(refusal.advice)
        self.advice.setWordWrap(True)
        self.details = QLabel(refusal.details)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("What was found"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.details)
        layout.addWidget(self.advice)

        self.backup_list = QListWidget()
        self.backup_list.setAccessibleName(self.tr("Good backups, newest first"))
        self.restore_button: QPushButton | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        self.message.hide()
        buttons = QDialogButtonBox()
        if refusal.offer_backups and db_path is not None:
            if backups:
                layout.addWidget(QLabel(self.tr("Good backups, newest first:")))
                for b in backups:
                    when = b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    item = QListWidgetItem(f"{when}  ·  {format_size(b.size)}  ·  {b.path.name}")
                    item.setToolTip(str(b.path))
                    self.backup_list.addItem(item)
                self.backup_list.setCurrentRow(0)
                self.backup_list.setMaximumHeight(self.backup_list.sizeHintForRow(0) * 6 + 8)  # a few rows
                layout.addWidget(self.backup_list)
                self.restore_button = buttons.addButton(
                    self.tr("&Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole
                )
                self.restore_button.clicked.connect(self.restore)
            else:
                layout.addWidget(
                    QLabel(
                        self.tr("No good backup was found in {0}. Keep the file as it is and ask for IT help.").format(
                            backup_folder(db_path)
                        )
                    )
                )
        self.retry_button: QPushButton | None = None
        if refusal.retry:
            self.retry_button = buttons.addButton(self.tr("Re&try"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.retry_button.clicked.connect(lambda: self.done(self.RETRY))
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def restore(self) -> None:
        """The same restore as `alsdesk restore`: verify, move the damaged file aside, copy back,
        and record it in the restored database's audit trail."""
        row = self.backup_list.currentRow()
        if row < 0 or self.db_path is None:
            return
        chosen = self.backups[row]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # seconds for a big file; no window yet
        try:
            replaced = self.db_path.exists()
            kept = restore_clinic(chosen.path, self.db_path)
            self.kept = kept if replaced else None
        except AlsdeskError as err:
            self.message.setText(error_text(err))
            self.message.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.restored_from = chosen
        log.warning("restored %s from %s; the replaced file is %s", self.db_path, chosen.path, self.kept)
        self.done(self.RESTORED)
