# ruff: noqa: F811  (the fixtures of test_ui_printing.py, imported, are taken as arguments)
"""Every chart tab fits the chart's opening width (1200 pixels, on a 1366-pixel laptop) without
scrolling sideways, with two milestones and settings in use (their lines must wrap, not widen the
tab), and its content is the same width as the tab it sits in."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QScrollArea

from alsdesk.ui.chart.window import TABS
from tests.ui.test_ui_printing import chart, charted  # noqa: F401  (fixtures)


def test_every_tab_fits_the_opening_width(qtbot, db, chart, charted, idle) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications, plan_settings

    with db.write() as s:
        for kind, on in (("gastrostomy", date(2025, 10, 17)), ("niv", date(2026, 5, 14))):
            medications.record_milestone(session=s, patient_id=charted.patient_id, kind=kind, occurred_on=on)
        niv = plan_settings.NivSettings(date(2026, 5, 14), "spontaneous_timed", 14, 6, "oronasal", 12, True, 12)
        plan_settings.record_niv_settings(session=s, patient_id=charted.patient_id, settings=niv)
    chart.reload()
    idle()
    chart.resize(1200, 738)  # ChartWindow's opening size on a 1366×768 screen
    for tab in TABS:
        chart.show_tab(tab)
        idle()
        area = chart.pages[tab].parentWidget().parentWidget()
        assert isinstance(area, QScrollArea)
        qtbot.waitUntil(lambda a=area: a.width() > 1100, timeout=2000)  # a tab built now is laid out
        needed = area.widget().minimumSizeHint().width()
        assert needed <= area.viewport().width(), f"{tab}: needs {needed} px, has {area.viewport().width()}"
