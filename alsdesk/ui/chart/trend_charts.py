"""QtCharts line charts over dates: ALSFRS-R with subscores, FVC, weight."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPainter


@functools.lru_cache(maxsize=4096)
def _ms(d: date) -> float:
    # Cached: Qt's local-time conversion takes ~0.1 ms, and a chart converts each visit's date for
    # seven lines (~4 ms of every chart opening).
    return QDateTime(datetime(d.year, d.month, d.day)).toMSecsSinceEpoch()  # type: ignore[call-overload]  # PySide6 converts a datetime; its stub has no such overload


class TrendChart(QChartView):
    """One chart; `plot` replaces its series. An empty chart says there is nothing to show."""

    def __init__(self, title: str, unit: str, low: float, high: float) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.unit, self.low, self.high = unit, low, high
        self.title = title

    def plot(self, lines: Sequence[tuple[str, Sequence[tuple[date, float]]]]) -> int:
        """Draw each named line; returns the number of points drawn."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        points = [p for _, pts in lines for p in pts]
        if not points:
            chart.setTitle(self.tr("{0}: no measurements yet").format(self.title))
            return 0
        chart.setTitle(self.title)
        x_axis = QDateTimeAxis()
        first, last = min(d for d, _ in points), max(d for d, _ in points)
        # Over a short span month labels repeat ("2026-08" six times): label days, fewer of them.
        short = (last - first).days + 30 < 180
        x_axis.setFormat("yyyy-MM-dd" if short else "yyyy-MM")
        x_axis.setTickCount(4 if short else 6)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_ms(first)) - 86_400_000 * 15),
            QDateTime.fromMSecsSinceEpoch(int(_ms(last)) + 86_400_000 * 15),
        )
        y_axis = QValueAxis()
        y_axis.setRange(self.low, self.high)
        y_axis.setTickCount(5 if self.high - self.low in (48, 40, 20) else 6)
        y_axis.setTitleText(self.unit)
        y_axis.setLabelFormat("%d")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for name, pts in lines:
            series = QLineSeries()
            series.setName(name)
            series.setPointsVisible(True)
            for d, value in pts:
                series.append(_ms(d), value)
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        chart.legend().setVisible(len(lines) > 1)
        return len(points)
