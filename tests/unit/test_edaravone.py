"""Edaravone cycles (FDA labels): cycle 1 daily for 14 days then 14 off; later cycles 10 days
within a 14-day period then 14 off. Dates worked out by hand from a first dose on Mon 3 March 2025."""

from datetime import date, timedelta

from alsdesk.services.therapy import edaravone_days

START = date(2025, 3, 3)


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_first_cycle_is_14_days_on_then_14_off() -> None:
    assert edaravone_days(START, 1) == span(date(2025, 3, 3), date(2025, 3, 16))


def test_three_cycles_by_hand() -> None:
    days = edaravone_days(START, 3)
    assert days == [
        *span(date(2025, 3, 3), date(2025, 3, 16)),  # cycle 1: 14 days on, 17-30 March off
        *span(date(2025, 3, 31), date(2025, 4, 9)),  # cycle 2: 10 days of 31 March-13 April, then 14 off
        *span(date(2025, 4, 28), date(2025, 5, 7)),  # cycle 3: 10 days of 28 April-11 May
    ]
    assert len(days) == 14 + 10 + 10
    assert date(2025, 3, 17) not in days and date(2025, 3, 30) not in days  # the first drug-free fortnight
    assert not any(date(2025, 4, 10) <= d <= date(2025, 4, 27) for d in days)  # rest of period 2, then 14 off
