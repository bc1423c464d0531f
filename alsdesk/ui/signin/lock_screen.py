"""The idle lock: an input watcher, and a screen that hides patient data until the user signs in again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from alsdesk.ui.signin.dialog import SignedIn, SignInPanel
from alsdesk.ui.widgets.worker import Backend

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits `timed_out` after `timeout_ms` with no keyboard or mouse input anywhere in the app.

    Input from the system reaches a top-level window (QWindow) before the widget under it, so the
    watcher filters the windows, not the application: an application-wide filter would run
    Python for every event of every widget (thousands per chart opening). A window is watched
    from when it first takes focus; windows already there are watched from the start."""

    timed_out = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out)
        self.set_timeout(timeout_ms)
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # again for a watched window: Qt keeps one

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(1, int(timeout_ms)))
        self.timer.start()

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)


class Curtain(QLabel):
    """Laid over an open dialog while locked: the dialog and its unsaved entries stay, unseen."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.setText(self.tr("Locked"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #1f2937; color: white; font-size: 14pt;")
        self.setGeometry(dialog.rect())
        self.show()
        self.raise_()


class LockScreen(QFrame):
    """A modal window over the whole main window: only a sign-in form is left. Being a modal
    window of its own, it takes input even while another dialog (a curtained one) is open."""

    unlocked = Signal(object)  # SignedIn
    quit_requested = Signal()

    def __init__(self, backend: Backend, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.covered = parent  # the window it covers, kept to its size
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("alsdesk is locked"))
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#lock_screen { background: #1f2937; }"
            " #lock_card { background: white; border-radius: 8px; }"
            " #lock_title { font-size: 16pt; font-weight: 600; color: #111827; }"
        )
        self.card = QFrame(self)
        self.card.setObjectName("lock_card")
        self.card.setFixedWidth(440)
        self.title = QLabel(self.tr("alsdesk is locked"))
        self.title.setObjectName("lock_title")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.panel = SignInPanel(backend)
        self.panel.signed_in.connect(self.unlocked)
        self.switch_button = QPushButton(self.tr("S&witch user"))
        self.switch_button.setToolTip(
            self.tr("Sign in as someone else; the locked user's open charts stay hidden until they return")
        )
        self.switch_button.clicked.connect(lambda: self.panel.set_user("", fixed=False))
        self.panel.buttons.insertWidget(0, self.switch_button)
        # Anyone at the workstation may close the app (end of the day, a restart) without signing in.
        self.quit_button = QPushButton(self.tr("&Quit alsdesk"))
        self.quit_button.setToolTip(self.tr("Close alsdesk without signing in; entries not saved are discarded"))
        self.quit_button.clicked.connect(self.quit_requested)
        self.panel.buttons.insertWidget(0, self.quit_button)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(24, 20, 24, 20)
        card.addWidget(self.title)
        card.addWidget(self.reason)
        card.addWidget(self.panel)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        parent.installEventFilter(self)
        self.hide()

    def lock(self, signed: SignedIn | None, *, idle: bool) -> None:
        if signed is not None:
            self.reason.setText(
                (
                    self.tr("Locked after a period without use. {0}, enter your password to continue.")
                    if idle
                    else self.tr("Locked by {0}. Enter the password to continue, or switch user.")
                ).format(signed.display_name)
            )
            self.panel.set_user(signed.actor.username, fixed=True)
        else:
            self.reason.setText(self.tr("Signed out. Sign in to continue."))
            self.panel.set_user("", fixed=False)
        self.switch_button.setVisible(signed is not None)
        self.setGeometry(self.covered.geometry())
        self.show()
        self.raise_()
        self.panel.password.setFocus() if signed is not None else self.panel.username.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
        if watched is self.covered and moved and self.isVisible():
            self.setGeometry(self.covered.geometry())
        return False
