"""Small trend charts (ALSFRS-R, FVC, weight) drawn with reportlab.graphics."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from alsdesk.printdata import Measure
from alsdesk.reports import fonts

LINE = colors.HexColor("#1f5fa8")


def _nice_range(values: Sequence[float], floor: float | None, ceiling: float | None) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, 1.0)
    low, high = low - pad, high + pad
    if floor is not None:
        low = max(low, floor)
    if ceiling is not None:
        high = min(high, ceiling)
    return low, high


def trend(
    title: str,
    points: Sequence[Measure],
    *,
    width: float,
    height: float,
    empty_text: str,
    floor: float | None = None,
    ceiling: float | None = None,
) -> Drawing:
    """A line chart of dated values; x is days since the first value, labelled with year-month."""
    font = fonts.register()
    d = Drawing(width, height)
    d.add(String(2, height - 10, title, fontName=font, fontSize=8, fillColor=colors.black))
    if not points:
        d.add(String(width / 2, height / 2, empty_text, fontName=font, fontSize=8, textAnchor="middle"))
        return d
    first = points[0].on
    data = [((p.on - first).days, p.value) for p in points]
    plot = LinePlot()
    plot.x, plot.y = 28, 18
    # Right room for the last date label. (types-reportlab says int; ReportLab takes any number.)
    plot.width, plot.height = width - 50, height - 36  # type: ignore[assignment]
    plot.data = [data]
    plot.lines[0].strokeColor = LINE
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=2.5, fillColor=LINE, strokeColor=LINE)  # type: ignore[no-untyped-call]  # untyped in types-reportlab
    span = max(data[-1][0], 1)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, span
    plot.xValueAxis.valueSteps = sorted({0, span} | ({span // 2} if span > 60 else set()))
    plot.xValueAxis.labelTextFormat = lambda days: _month_label(first, days)
    low, high = _nice_range([v for _, v in data], floor, ceiling)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.labelTextFormat = "%.0f"
    plot.yValueAxis.maximumTicks = 5
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 6.5
        axis.strokeColor = colors.grey
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#e3e7ec")
    d.add(plot)
    return d


def _month_label(first: date, days: float) -> str:
    return (first + timedelta(days=int(days))).strftime("%Y-%m")
