"""The one date field of every form: typed text (ISO or the window language's short form) plus a
calendar; and the one time field, beside the date of an appointment.

A QDateEdit's sections fought typing (a blank field took `1967-03-15` as "not recorded9670315", ↑
stored 1901-01-01, Tab walked the sections), so the field is a plain QLineEdit read by `read_date`:
`YYYY-MM-DD` always, and `dd/MM/yyyy` in English or `yyyy/M/d` in Chinese. Two-digit years are
refused, never guessed. An unreadable text is never turned into some other date: `value()` raises
`DateTextError` (naming the field) and keeps the text; actions that read dates are wrapped in
`reads_dates`, which shows that message and puts the cursor back in the field. A `TimeEdit` is the
same kind of plain text field for a start time (`HH:MM`, read by services.common.parse_time; blank:
no time known), and refuses the same way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, time
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QMessageBox, QSizePolicy, QToolTip, QWidget

from alsdesk.errors import DomainError
from alsdesk.limits import EARLIEST_DATE
from alsdesk.services.common import check_date, parse_time
from alsdesk.ui.i18n.texts import chinese, error_text, locale

LATEST_DATE = date(2100, 12, 31)
OLDEST_PLAUSIBLE_AGE = 110  # older than any recorded human but a few: ask before saving
_ISO = re.compile(r"(\d+)-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d+)")  # English: 15/03/1967
_YEAR_FIRST = re.compile(r"(\d+)/(\d{1,2})/(\d{1,2})")  # Chinese: 1967/3/15

F = TypeVar("F", bound=Callable[..., Any])


class Unreadable(ValueError):
    """Why a text is not a date: `short_year`, `no_such_day` or `unreadable`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_date(text: str, *, zh: bool) -> date | None:
    """The date a text means (None when blank): ISO, else the language's short form; four-digit years only."""
    text = text.strip()
    if not text:
        return None
    short, order = (_YEAR_FIRST, "ymd") if zh else (_DAY_FIRST, "dmy")
    for pattern, fields in ((_ISO, "ymd"), (short, order)):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        parts = dict(zip(fields, found.groups(), strict=True))
        if len(parts["y"]) != 4:
            raise Unreadable("short_year")
        try:
            return date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
        except ValueError:
            raise Unreadable("no_such_day") from None
    raise Unreadable("unreadable")


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class DateTextError(ValueError):
    """A date (or time) field's text that is not one (or a required field left blank); the message names the field."""

    def __init__(self, field: DateEdit | TimeEdit, message: str) -> None:
        super().__init__(message)
        self.field = field


def _calendar_icon() -> QIcon:
    """A small drawn calendar (no theme icon is dependable on every platform)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#444"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#c0392b"))
    for row in (8, 11):
        for col in (4, 7, 10):
            painter.fillRect(col, row, 2, 2, QColor("#444"))
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QCalendarWidget):
    """The calendar under a date field: Enter or a click picks the day, Esc closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setLocale(locale())
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.clicked.connect(self.picked)
        self.activated.connect(self.picked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateEdit(QLineEdit):
    """A date typed as text or picked from a calendar (Alt+↓ or F4); `optional` fields may stay blank.

    Bounds come from the form: never before 1900 (the services' floor), and with `not_future` never
    after today. A text that breaks them turns the field red at once, its tooltip saying why in the
    services' words. The calendar opens at the value, else at `opens_at`, else today.
    """

    dateChanged = Signal()  # the text changed, so value() may have

    def __init__(
        self,
        value: date | None = None,
        *,
        optional: bool = False,
        not_future: bool = False,
        opens_at: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.not_future = not_future
        self.opens_at = opens_at
        self._touched = False
        self._popup: _CalendarPopup | None = None
        self._hint = ""
        self.setPlaceholderText(self.formats())
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 40)
        # As wide as its hint in a row of controls (a QLineEdit would take all the room); forms stretch it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.calendar_action = QAction(_calendar_icon(), self.tr("Calendar (Alt+Down)"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textChanged.connect(self._text_changed)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._tidy)
        self.set_value(value)

    # -- reading and writing ---------------------------------------------------------------
    def formats(self) -> str:
        """What may be typed, in the window's language."""
        return self.tr("YYYY-MM-DD or DD/MM/YYYY")  # the Chinese catalogue names yyyy/M/d instead

    def label(self) -> str:
        """The field's name in messages: its accessible name (the form's label)."""
        return self.accessibleName() or self.tr("Date")

    def latest(self) -> date:
        return date.today() if self.not_future else LATEST_DATE

    def _read(self) -> date | None:
        """The typed date, raising DateTextError when the text is not one (or a required field is blank)."""
        try:
            value = read_date(self.text(), zh=chinese())
        except Unreadable as err:
            raise DateTextError(self, self._unreadable_text(err.reason)) from None
        if value is None and not self.optional:
            raise DateTextError(self, self.tr("{0} is required.").format(self.label()))
        return value

    def _unreadable_text(self, reason: str) -> str:
        what, text = self.label(), self.text().strip()
        if reason == "short_year":
            return self.tr("{0}: write the year with four digits (1967, not 67).").format(what)
        if reason == "no_such_day":
            return self.tr("{0}: {1} is not a day of the calendar.").format(what, text)
        return self.tr("{0}: “{1}” is not a date. Type it as {2}.").format(what, text, self.formats())

    def value(self) -> date | None:
        """The date (None for a blank optional field); raises DateTextError rather than guess."""
        return self._read()

    def date_or_none(self) -> date | None:
        """The date when the text is one, else None: for previews (a duplicate search), never for saving."""
        try:
            return self._read()
        except DateTextError:
            return None

    def problem(self) -> str:
        """Why the field cannot be saved as it is ('' when it can): unreadable, required, or out of bounds."""
        try:
            value = self._read()
            if value is not None:
                check_date(value, self.label(), not_before=EARLIEST_DATE, not_after=self.latest())
        except DateTextError as err:
            return str(err)
        except DomainError as err:
            return error_text(err)
        return ""

    def set_value(self, value: date | None) -> None:
        self.setText("" if value is None else value.isoformat())
        self._touched = False
        self._show_state()

    def sizeHint(self) -> QSize:
        """Wide enough for the placeholder naming the formats, where the layout allows."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.fontMetrics().horizontalAdvance(self.formats()) + 40), hint.height())

    def setToolTip(self, text: str) -> None:
        """A form's own tooltip is kept and shown with the formats (a refusal replaces both while it lasts)."""
        self._hint = text
        self._show_state()

    # -- feedback ----------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._show_state()
        self.dateChanged.emit()

    def _edited(self) -> None:
        self._touched = True
        self._show_state()

    def _tidy(self) -> None:
        """On leaving the field: a readable date is rewritten as ISO, so the user sees what was understood."""
        self._touched = True
        try:
            value = self._read()
        except DateTextError:
            value = None
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())
        self._show_state()

    def _show_state(self) -> None:
        """Red with the reason as tooltip while the text cannot be saved (a blank required field once touched)."""
        problem = self.problem() if (self._touched or self.text().strip()) else ""
        self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; background: #fff5f5; }" if problem else "")
        super().setToolTip(problem or "\n".join(t for t in (self._hint, self.formats()) if t))
        self.setAccessibleDescription(problem)

    def complain(self, message: str | None = None) -> None:
        """Show why the field cannot be saved, and put the cursor there with the text kept."""
        self._touched = True
        self._show_state()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message or self.problem(), self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            try:
                self._read()
            except DateTextError as err:  # Enter must not save what cannot be read
                self.complain(str(err))
                event.accept()
                return
        super().keyPressEvent(event)

    # -- calendar ----------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        popup = self._popup
        first, last = EARLIEST_DATE, self.latest()
        popup.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
        start = self.date_or_none() or self.opens_at or date.today()
        start = min(max(start, first), last)
        popup.setSelectedDate(QDate(start.year, start.month, start.day))
        popup.setCurrentPage(start.year, start.month)
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: QDate) -> None:
        if self._popup is not None:
            self._popup.close()
        self.setText(date(day.year(), day.month(), day.day()).isoformat())
        self._touched = True
        self._show_state()
        self.textEdited.emit(self.text())  # a pick is an edit, as typing is
        self.setFocus(Qt.FocusReason.PopupFocusReason)


class TimeEdit(QLineEdit):
    """A start time typed as HH:MM (9:30 is read as 09:30, and shown so on leaving the field);
    blank means no time is known. Text that is not a time turns the field red at once, its tooltip
    naming the field in the services' words; `value()` then raises DateTextError, so an action
    wrapped in `reads_dates` stops with the message and the cursor back here."""

    def __init__(self, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("HH:MM"))
        self.setMaxLength(8)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") + 36)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._show_state)
        self.editingFinished.connect(self._tidy)
        self.set_value(value)

    def label(self) -> str:
        """The field's name in messages: its accessible name (the form's label)."""
        return self.accessibleName() or self.tr("Start time")

    def value(self) -> time | None:
        """The time (None when blank); raises DateTextError rather than guess."""
        try:
            return parse_time(self.text(), self.label())
        except DomainError as err:
            raise DateTextError(self, error_text(err)) from None

    def problem(self) -> str:
        try:
            self.value()
        except DateTextError as err:
            return str(err)
        return ""

    def set_value(self, value: time | None) -> None:
        self.setText("" if value is None else value.isoformat(timespec="minutes"))

    def _tidy(self) -> None:
        if not self.problem() and self.text().strip():
            shown = self.text()
            value = self.value()
            if value is not None and value.isoformat(timespec="minutes") != shown:
                self.setText(value.isoformat(timespec="minutes"))

    def _show_state(self) -> None:
        problem = self.problem()
        self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; background: #fff5f5; }" if problem else "")
        super().setToolTip(problem or self.tr("Start time, HH:MM; leave it blank when no time is set"))
        self.setAccessibleDescription(problem)

    def complain(self, message: str | None = None) -> None:
        """Show why the field cannot be saved, and put the cursor there with the text kept."""
        self._show_state()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message or self.problem(), self)


def birth_date_edit(value: date | None = None, *, parent: QWidget | None = None) -> DateEdit:
    """A birth date: required, never in the future, its calendar opening sixty years back."""
    return DateEdit(value, not_future=True, opens_at=years_before(date.today(), 60), parent=parent)


def confirm_plausible_age(parent: QWidget, field: DateEdit) -> bool:
    """Ask before saving a birth date over OLDEST_PLAUSIBLE_AGE years ago; No puts the cursor back in the field."""
    birth, today = field.date_or_none(), date.today()
    if birth is None or age_on(birth, today) <= OLDEST_PLAUSIBLE_AGE:
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("DateEdit", "Check the birth date"),
        QCoreApplication.translate("DateEdit", "{0} {1} makes the patient {2} years old. Save it anyway?").format(
            field.label(), birth.isoformat(), age_on(birth, today)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return True
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.selectAll()
    return False


def _run_reading_dates(owner: Any, call: Callable[[], Any]) -> Any:
    """Run a form action; an unreadable date stops it with the field's message (in the owner's
    `message` line when it has one) and the cursor back in that field, text kept."""
    try:
        return call()
    except DateTextError as err:
        message = getattr(owner, "message", None)
        if isinstance(message, QLabel):
            message.setText(str(err))
            message.show()
        err.field.complain(str(err))
        return None


def reads_dates(action: F) -> F:
    """Decorate a form method that reads date fields (see `_run_reading_dates`)."""

    @functools.wraps(action)
    def run(owner: Any, *args: Any, **kwargs: Any) -> Any:
        return _run_reading_dates(owner, lambda: action(owner, *args, **kwargs))

    return run  # type: ignore[return-value]  # wraps keeps the signature; mypy cannot see it


def reading_dates(owner: Any, call: Callable[[], Any]) -> Callable[[], Any]:
    """A slot for a lambda that reads date fields (see `_run_reading_dates`)."""
    return lambda: _run_reading_dates(owner, call)
