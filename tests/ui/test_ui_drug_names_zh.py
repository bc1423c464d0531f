"""In the Chinese window drugs are called by their Chinese catalog names; the English window keeps English."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex


def _prescribe_riluzole(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications

    # Started two months ago with no ALT since: the first monthly liver test is due.
    with db.write() as s:
        medications.prescribe(
            session=s, patient_id=patient.id, drug_code="riluzole", started_on=date.today() - timedelta(days=62)
        )


def _texts(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            found.append(str(model.data(index) or ""))
            if column == 0 and model.rowCount(index):
                found += _texts(model, index)
    return found


def _open_views(qtbot, backend, idle, patient):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart_window import ChartWindow
    from alsdesk.ui.worklist_view import WorklistView

    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.show()
    chart.show_tab("therapy")
    qtbot.waitUntil(lambda: chart.pages["therapy"].isVisibleTo(chart))
    idle()
    therapy = chart.pages["therapy"]
    return (
        _texts(view.model),
        _texts(therapy.meds),
        [therapy.drug.itemText(i) for i in range(therapy.drug.count())],
        _texts(chart.pages["overview"].model),
    )


def test_chinese_window_shows_chinese_drug_names(qtbot, backend, idle, db, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    _prescribe_riluzole(db, patient)
    worklist, meds, choices, timeline = _open_views(qtbot, backend, idle, patient)
    due = [t for t in worklist if "ALT" in t]
    assert len(due) == 1 and due[0].startswith("利鲁唑") and "Riluzole" not in due[0]
    assert meds[0] == "利鲁唑"
    assert any(c.startswith("利鲁唑") for c in choices) and any(c.startswith("巴氯芬") for c in choices)
    assert not any(c.startswith(("Riluzole", "Baclofen")) for c in choices)
    assert any("利鲁唑" in t for t in timeline) and not any("Riluzole" in t for t in timeline)


def test_english_window_keeps_english_drug_names(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    _prescribe_riluzole(db, patient)
    worklist, meds, choices, timeline = _open_views(qtbot, backend, idle, patient)
    assert any(t.startswith("Riluzole started") for t in worklist)
    assert meds[0] == "Riluzole"
    assert any(c.startswith("Riluzole (") for c in choices) and not any("利鲁唑" in c for c in choices)
    assert any("Started Riluzole" in t for t in timeline)
