"""Small trend charts (ALSFRS-R, FVC, weight) drawn with reportlab.graphics."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from alsdesk.printdata import Measure
from alsdesk.reports import fonts

LINE = colors.HexColor("#1f5fa8")
TEXT_SIZE = 8  # axis and reference labels: the smallest a reader over 70 reads without a lens
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)  # whole-number tick steps: labels never repeat


@dataclass(frozen=True)
class Axis:
    """A value axis from `low` to `high` in `step`s. A fixed axis keeps a 2-point change looking
    like the 2 points it is, where auto-zoom would fill the chart with it."""

    low: float
    high: float
    step: float

    def ticks(self) -> list[float]:
        return [self.low + i * self.step for i in range(round((self.high - self.low) / self.step) + 1)]


ALSFRS_AXIS = Axis(0, 48, 12)  # the scale's whole range
FVC_AXIS = Axis(0, 120, 20)  # % predicted
# NICE NG42 1.11: FVC below 50 % is a reason to discuss NIV; below 30 % it is late to start it.
FVC_LINES = (50.0, 30.0)


def auto_axis(values: Sequence[float], floor: float | None = None) -> Axis:
    """A scale around `values` with at most 5 steps; one value (or a flat line) gets 1 unit either side."""
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, 1.0)
    low, high = low - pad, high + pad
    if floor is not None:
        low = max(low, floor)
    step = next((s for s in STEPS if math.ceil(high / s) - math.floor(low / s) <= 5), STEPS[-1])
    return Axis(math.floor(low / step) * step, math.ceil(high / step) * step, step)


def covering(axis: Axis, values: Sequence[float]) -> Axis:
    """A fixed axis, stretched in whole steps if a value lies beyond it (an FVC of 125 %)."""
    high = max([axis.high, *values])
    return Axis(axis.low, axis.low + math.ceil((high - axis.low) / axis.step) * axis.step, axis.step)


def trend(
    title: str,
    points: Sequence[Measure],
    *,
    width: float,
    height: float,
    empty_text: str,
    axis: Axis | None = None,
    floor: float | None = None,
    lines: Sequence[float] = (),
) -> Drawing:
    """A line chart of dated values; x is days since the first value, labelled with dates.

    `axis` fixes the value scale (else it fits the values, not below `floor`); `lines` are
    dashed reference lines, each labelled with its value in per cent at the right."""
    font = fonts.register()
    d = Drawing(width, height)
    d.add(String(2, height - 10, title, fontName=font, fontSize=9, fillColor=colors.black))
    if not points:
        d.add(String(width / 2, height / 2, empty_text, fontName=font, fontSize=TEXT_SIZE, textAnchor="middle"))
        return d
    first = points[0].on
    data = [((p.on - first).days, p.value) for p in points]
    plot = LinePlot()
    plot.x, plot.y = 28, 18
    # Right room for the last date label and the reference labels.
    plot.width, plot.height = width - 54, height - 36  # type: ignore[assignment]  # stubs say int; any number works
    plot.data = [data]
    plot.lines[0].strokeColor = LINE
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=2.5, fillColor=LINE, strokeColor=LINE)  # type: ignore[no-untyped-call]  # untyped in types-reportlab
    days = _date_ticks(data[-1][0])
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = (days[0], days[-1]) if len(days) > 1 else (-1, 1)
    plot.xValueAxis.valueSteps = days
    short = data[-1][0] <= 62  # within two months, months alone would print the same label twice
    plot.xValueAxis.labelTextFormat = lambda n: _date_label(first, n, short)
    values = [v for _, v in data]
    scale = covering(axis, values) if axis is not None else auto_axis(values, floor)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = scale.low, scale.high
    plot.yValueAxis.valueSteps = scale.ticks()
    plot.yValueAxis.labelTextFormat = "%.0f"
    for value_axis in (plot.xValueAxis, plot.yValueAxis):
        value_axis.labels.fontName = font
        value_axis.labels.fontSize = TEXT_SIZE
        value_axis.strokeColor = colors.grey
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#e3e7ec")
    d.add(plot)
    right = plot.x + plot.width
    for value in lines:
        y = plot.y + (value - scale.low) / (scale.high - scale.low) * plot.height
        d.add(Line(plot.x, y, right, y, strokeColor=colors.black, strokeWidth=0.7, strokeDashArray=[3, 2]))
        d.add(String(right + 2, y - 3, f"{value:.0f} %", fontName=font, fontSize=TEXT_SIZE))
    return d


def _date_ticks(span: int) -> list[int]:
    """Days to label: the first and last value, and the middle of a long span; one value, one label."""
    if span <= 0:
        return [0]
    return sorted({0, span} | ({span // 2} if span > 60 else set()))


def _date_label(first: date, days: float, short: bool) -> str:
    return (first + timedelta(days=int(days))).strftime("%Y-%m-%d" if short else "%Y-%m")
