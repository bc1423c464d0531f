"""Which day a screen shows: ◀, the date, ▶ and Today. While it shows today it follows the clock,
so a workstation left on overnight shows the new day after midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from alsdesk.ui.widgets.dates import DateEdit

Clock = Callable[[], datetime]


class DayPicker(QWidget):
    changed = Signal(object)  # the day now shown (a date)

    def __init__(self, clock: Clock = datetime.now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._today = clock().date()
        self.edit = DateEdit(self._today)
        self.edit.setAccessibleName(self.tr("Day shown"))
        self.previous = QToolButton()
        self.previous.setText("◀")
        self.previous.setAccessibleName(self.tr("Previous day"))
        self.previous.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.previous.setShortcut(QKeySequence("Alt+Left"))
        self.previous.clicked.connect(lambda: self.set_day(self.day() - timedelta(days=1)))
        self.next = QToolButton()
        self.next.setText("▶")
        self.next.setAccessibleName(self.tr("Next day"))
        self.next.setToolTip(self.tr("Next day (Alt+Right)"))
        self.next.setShortcut(QKeySequence("Alt+Right"))
        self.next.clicked.connect(lambda: self.set_day(self.day() + timedelta(days=1)))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setToolTip(self.tr("Show today, and follow the date past midnight"))
        self.today_button.clicked.connect(lambda: self.set_day(self.today()))
        label = QLabel(self.tr("Da&y:"))
        label.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.previous)
        layout.addWidget(self.edit)
        layout.addWidget(self.next)
        layout.addWidget(self.today_button)
        self.edit.dateChanged.connect(self._changed)
        self.midnight = QTimer(self, singleShot=True)
        self.midnight.timeout.connect(self.catch_up)
        self._arm()

    def today(self) -> date:
        return self.clock().date()

    def day(self) -> date:
        value = self.edit.value()
        return value if value is not None else self.today()

    def set_day(self, day: date) -> None:
        self.edit.set_value(day)  # emits `changed` through dateChanged when it is a new day

    @property
    def following(self) -> bool:
        """Showing the day the clock was last seen on: moves on with it."""
        return self.day() == self._today

    def catch_up(self) -> None:
        """At midnight (or whenever asked, e.g. after the computer slept): a view of today moves
        to the new today; a day chosen by hand stays."""
        today = self.today()
        if today != self._today:
            follow, self._today = self.following, today
            if follow:
                self.set_day(today)
        self._arm()

    def _arm(self) -> None:
        now = self.clock()
        # A second past midnight, so the clock has surely turned when the timer fires.
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 0, 1), tzinfo=now.tzinfo)
        self.midnight.start(max(1000, int((midnight - now).total_seconds() * 1000)))

    def _changed(self) -> None:
        self.changed.emit(self.day())
