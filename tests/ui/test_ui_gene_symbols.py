"""Gene names keep their official symbols in the chart, English and Chinese alike (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from alsdesk.services import chart

GENES = ("SOD1", "C9orf72", "TARDBP", "FUS")


def edit_genetics(qtbot, backend, idle, patient, db, gene: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Choose `gene` in the chart's patient dialog with the keyboard, save with Enter; returns
    the choices the dialog offered."""
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    window.show()
    idle()
    dialog = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(dialog)
    dialog.show()
    choices = [dialog.genetics.itemText(i) for i in range(dialog.genetics.count())]
    dialog.genetics.setFocus()
    QTest.keyClick(dialog.genetics, Qt.Key.Key_Home)
    for _ in range(dialog.genetics.findData(gene)):
        QTest.keyClick(dialog.genetics, Qt.Key.Key_Down)
    assert dialog.genetics.currentText() == gene  # the symbol as written, not "Sod1"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        QTest.keyClick(dialog.genetics, Qt.Key.Key_Return)
    idle()
    with db.read() as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).patient.genetics == gene
    again = EditPatientDialog(backend, window.data.chart.patient, window)
    qtbot.addWidget(again)
    assert again.genetics.currentText() == gene
    return choices


@pytest.mark.parametrize("gene", GENES)
def test_chart_shows_gene_symbols(qtbot, backend, idle, patient, db, gene: str) -> None:  # type: ignore[no-untyped-def]
    choices = edit_genetics(qtbot, backend, idle, patient, db, gene)
    assert sorted(c for c in choices if c.upper() in {g.upper() for g in GENES}) == sorted(GENES)


def test_chinese_chart_shows_gene_symbols(qtbot, backend, idle, patient, db, chinese) -> None:  # type: ignore[no-untyped-def]
    choices = edit_genetics(qtbot, backend, idle, patient, db, "C9orf72")
    assert sorted(choices[: len(GENES)]) == sorted(GENES) and "未检测" in choices
