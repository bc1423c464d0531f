"""Trend charts that do not mislead (issue 13 item 5), read back from the drawn PDF: fixed scales,
the FVC reference lines, ticks for one or two points, axis text of 8 pt or more."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.printdata import Measure
from tests.reports.conftest import Span, pdf_spans


def drawn(points: list[tuple[date, float]], **kwargs) -> list[Span]:  # type: ignore[no-untyped-def]
    """The text of a trend chart of `points` as it prints."""
    from reportlab.graphics import renderPDF

    from alsdesk.reports import charts

    measures = [Measure(on, value) for on, value in points]
    drawing = charts.trend("Title", measures, width=170, height=105, empty_text="none", **kwargs)
    (page,) = pdf_spans(renderPDF.drawToString(drawing))
    return [s for s in page if s.text != "Title"]


def y_labels(spans: list[Span]) -> list[str]:
    """The value axis's labels from bottom to top (they stand left of the plot)."""
    return [s.text for s in sorted((s for s in spans if s.x < 28 and s.y >= 12), key=lambda s: s.y)]


def x_labels(spans: list[Span]) -> list[str]:
    return [s.text for s in sorted((s for s in spans if s.y < 12), key=lambda s: s.x)]  # below the axis


def test_one_point_gets_distinct_whole_ticks_and_one_date():
    spans = drawn([(date(2026, 3, 5), 44.7)], floor=0)
    assert y_labels(spans) == ["43", "44", "45", "46"]  # was 44, 44, 45, 46: ticks half a unit apart
    assert x_labels(spans) == ["2026-03-05"]  # was the month twice


def test_two_points_get_distinct_ticks_and_two_distinct_dates():
    spans = drawn([(date(2026, 3, 5), 60.0), (date(2026, 3, 25), 59.5)], floor=0)
    labels = y_labels(spans)
    assert len(labels) == len(set(labels)) >= 2 and labels == sorted(labels, key=float)
    assert x_labels(spans) == ["2026-03-05", "2026-03-25"]  # same month: the day tells them apart
    long = drawn([(date(2025, 3, 5), 60.0), (date(2026, 3, 5), 52.0)], floor=0)
    assert x_labels(long) == ["2025-03", "2025-09", "2026-03"]


def test_alsfrs_keeps_its_whole_0_to_48_scale_for_a_two_point_fall():
    from alsdesk.reports.charts import ALSFRS_AXIS

    spans = drawn([(date(2026, 1, 5), 40.0), (date(2026, 4, 5), 38.0)], axis=ALSFRS_AXIS)
    assert y_labels(spans) == ["0", "12", "24", "36", "48"]


def test_fvc_runs_0_to_120_with_labelled_lines_at_50_and_30():
    from alsdesk.reports.charts import FVC_AXIS, FVC_LINES

    spans = drawn([(date(2026, 1, 5), 82.0), (date(2026, 4, 5), 71.0)], axis=FVC_AXIS, lines=FVC_LINES)
    assert y_labels(spans) == ["0", "20", "40", "60", "80", "100", "120"]
    at = {s.text: s.y for s in spans}
    # each line's label sits at its value: between the ticks either side of it
    assert at["40"] < at["50 %"] < at["60"] and at["20"] < at["30 %"] < at["40"]
    assert at["50 %"] - at["40"] == pytest.approx((at["60"] - at["40"]) / 2, abs=1)


def test_a_value_beyond_a_fixed_scale_stretches_it_in_whole_steps():
    from alsdesk.reports.charts import FVC_AXIS, covering

    assert covering(FVC_AXIS, [125.0]).ticks()[-1] == 140
    assert covering(FVC_AXIS, [80.0]) == FVC_AXIS


@pytest.mark.parametrize("points", [1, 2, 6])
def test_every_label_is_8_pt_or_more(points):
    from alsdesk.reports.charts import FVC_AXIS, FVC_LINES

    data = [(date(2025, 1 + i, 1), 90.0 - 5 * i) for i in range(points)]
    spans = drawn(data, axis=FVC_AXIS, lines=FVC_LINES)
    assert spans and min(s.size for s in spans) >= 8
