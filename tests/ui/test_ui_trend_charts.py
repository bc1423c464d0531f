"""Trend charts label their time axis so that no two ticks read the same."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QDateTimeAxis

from alsdesk.ui.chart.trend_charts import TrendChart


def tick_labels(chart: TrendChart) -> list[str]:
    axis = next(a for a in chart.chart().axes() if isinstance(a, QDateTimeAxis))
    low, high = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
    n = axis.tickCount()
    return [axis.min().addMSecs(round((high - low) * i / (n - 1))).toString(axis.format()) for i in range(n)]


@pytest.mark.parametrize(
    "days",
    [[0], [0, 20], [0, 90], [0, 120, 400], [0, 90, 180, 270, 365, 730]],
    ids=["one visit", "three weeks", "three months", "a year", "two years"],
)
def test_time_axis_labels_are_all_different(qtbot, days: list[int]) -> None:  # type: ignore[no-untyped-def]
    chart = TrendChart("ALSFRS-R", "points", 0, 48)
    qtbot.addWidget(chart)
    start = date(2026, 8, 17)
    assert chart.plot([("Total", [(start + timedelta(days=d), 40 - d / 100) for d in days])]) == len(days)
    labels = tick_labels(chart)
    assert len(set(labels)) == len(labels), labels
