"""Who is signed in to the main window: the idle lock, switching user, and each user's hidden charts."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from alsdesk.services import settings as clinic_settings
from alsdesk.ui.signin.dialog import SignedIn
from alsdesk.ui.signin.lock_screen import Curtain, IdleWatcher, LockScreen
from alsdesk.ui.signin.roles import apply_role

if TYPE_CHECKING:  # the window makes its guard
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = clinic_settings.SPECS["idle_lock_minutes"].default


class SessionGuard(QObject):
    """Locks the window after idle time or on request; unlocking as the same user brings back the
    charts exactly as they were (unsaved entries included). Another user gets a window without the
    previous user's charts; those stay in memory and return only when that user signs in again."""

    user_changed = Signal(object)  # SignedIn
    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow, signed: SignedIn | None, idle_lock_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.backend = window.backend
        self.signed = signed
        self.locked = False
        self._hidden: list[QWidget] = []
        self._curtains: list[Curtain] = []
        self._stash: dict[str, tuple[dict[uuid.UUID, ChartWindow], list[QWidget]]] = {}
        self.backend.actor = signed.actor if signed is not None else None
        self.lock_screen = LockScreen(self.backend, window)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.quit_requested.connect(self.quit_locked)
        self.quitting = False
        self.idle: IdleWatcher | None = None
        if signed is not None:  # no accounts yet: nobody to lock out
            self.idle = IdleWatcher(idle_lock_ms or int(DEFAULT_IDLE_MINUTES * 60_000), self)
            self.idle.timed_out.connect(lambda: self.lock(idle=True))
            if idle_lock_ms is None:
                self.backend.read(
                    lambda s: clinic_settings.load_settings(session=s)["idle_lock_minutes"],
                    self._set_minutes,
                    owner=window,
                )

    def _set_minutes(self, minutes: float) -> None:
        if self.idle is not None:
            self.idle.set_timeout(int(minutes * 60_000))

    def lock(self, *, idle: bool = False) -> None:
        """Hide all patient data behind the sign-in form; nothing typed is discarded."""
        if self.locked or self.signed is None:
            return
        self.locked = True
        self._hidden = [w for w in self.window.charts.values() if w.isVisible()]
        for chart in self._hidden:
            chart.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self._curtains = [
            Curtain(w) for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        if self.idle is not None:
            self.idle.pause()
        self.lock_screen.lock(self.signed, idle=idle)
        self.locked_changed.emit(True)
        log.info("window locked (%s)", "idle" if idle else "on request")

    def switch_user(self) -> None:
        self.lock(idle=False)
        self.lock_screen.panel.set_user("", fixed=False)

    def unlock(self, signed: SignedIn) -> None:
        previous = self.signed
        if previous is not None and signed.actor.username != previous.actor.username:
            # Park the previous user's charts (and their unsaved entries) out of sight.
            self._stash[previous.actor.username] = (dict(self.window.charts), self._hidden)
            charts, hidden = self._stash.pop(signed.actor.username, ({}, []))
            self.window.charts.clear()
            self.window.charts.update(charts)
            self._hidden = hidden
        same = previous is not None and signed.actor.username == previous.actor.username
        for curtain in self._curtains:
            dialog = curtain.parentWidget()
            curtain.deleteLater()
            if not same and isinstance(dialog, QDialog):
                dialog.reject()  # a dialog cannot wait hidden for its user: cancelled, nothing saved
        self._curtains = []
        self.signed = signed
        self.backend.actor = signed.actor
        if previous is None or signed.actor != previous.actor:
            self.window.reset_pages()
        for chart in self.window.charts.values():
            apply_role(chart, self.backend)
        apply_role(self.window, self.backend)
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.lock_screen.hide()
        for window in self._hidden:
            window.show()
        self._hidden = []
        self.locked = False
        if self.idle is not None:
            self.idle.resume()
        self.user_changed.emit(signed)
        self.locked_changed.emit(False)

    def quit_locked(self) -> bool:
        """Close the app from the lock screen, showing no patient data on the way.

        Nobody is signed in, so nothing typed can be saved (a save needs the user who typed it);
        keeping it as a draft would leave patient data on the workstation for whoever comes next.
        So unsaved entries are discarded, after a warning that only counts them. Returns whether
        the app is closing.
        """
        charts = list(self.window.charts.values()) + [c for charts, _ in self._stash.values() for c in charts.values()]
        unsaved = sum(1 for c in charts if c.unsaved_tabs()) + len(self._curtains)
        if unsaved:
            answer = QMessageBox.warning(
                self.lock_screen,
                self.tr("Quit alsdesk"),
                self.tr(
                    "%n open window(s) hold entries that were not saved. Nobody is signed in, so they "
                    "cannot be saved: quitting discards them. To keep them, sign in and save first.",
                    "",
                    unsaved,
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return False
        log.info("quit from the lock screen (%d unsaved windows discarded)", unsaved)
        self.quitting = True
        for curtain in self._curtains:
            dialog = curtain.parentWidget()
            if isinstance(dialog, QDialog):
                dialog.reject()
        self._curtains = []
        for chart in charts:
            chart.discard_on_close = True
            chart.close()
        self.window.charts.clear()
        self._stash.clear()
        self.lock_screen.hide()
        self.window.close()
        return True

    def parked_charts(self, username: str) -> list[QWidget]:
        """The charts kept hidden for a user who is not signed in (empty for the current user)."""
        return list(self._stash.get(username, ({}, []))[0].values())
