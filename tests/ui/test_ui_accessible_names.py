"""Every input a person can reach has a name a screen reader can say: an accessible name or a label
that names it (its buddy). Walks every screen, tab and main dialog (tests/ui/widget_walk.py)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.widget_walk import cut_off_labels, pages, unnamed_inputs


def test_every_input_on_every_screen_and_chart_tab_is_named(qtbot, backend, idle, settings, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.main_window import PAGES, MainWindow

    found: dict[str, list[str]] = {}
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    for key in PAGES:
        window.show_page(key)
        idle()
        for page in pages(window, idle):
            if missing := unnamed_inputs(window):
                found[f"main › {key} › {page}"] = missing
    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.show()
    idle()
    for page in pages(chart, idle):
        if missing := unnamed_inputs(chart):
            found[f"chart › {page}"] = missing
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())


def main_dialogs(backend, patient):  # type: ignore[no-untyped-def]
    """The main dialogs, each as a factory (tests/ui/test_ui_mnemonics.py walks them too)."""
    from alsdesk.services import chart
    from alsdesk.ui.admin.drug_dialog import DrugDialog
    from alsdesk.ui.admin.workup_type_dialog import WorkupTypeDialog
    from alsdesk.ui.chart.break_glass_dialog import BreakGlassDialog
    from alsdesk.ui.chart.care_plan_dialog import CarePlanDialog
    from alsdesk.ui.chart.care_team_dialog import CareTeamDialog
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog
    from alsdesk.ui.chart.findings_dialog import FindingsDialog
    from alsdesk.ui.chart.plan_settings_dialog import GastrostomySettingsDialog, NivSettingsDialog
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog
    from alsdesk.ui.programs.template_dialog import ProgramTemplateDialog
    from alsdesk.ui.signin.dialog import SignInDialog
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog

    with backend.db.read() as s:
        findings = chart.patient_chart(session=s, patient_id=patient.id).findings
    return {
        "new patient": lambda: NewPatientDialog(backend),
        "edit patient": lambda: EditPatientDialog(backend, patient),
        "findings": lambda: FindingsDialog(backend, patient.id, findings),
        "care team": lambda: CareTeamDialog(backend, patient.id),
        "NIV settings": lambda: NivSettingsDialog(backend, patient.id, None),
        "tube and feed": lambda: GastrostomySettingsDialog(backend, patient.id, None),
        "emergency access": lambda: BreakGlassDialog(backend, patient.id, patient.mrn),
        "advance care plan": lambda: CarePlanDialog(backend, patient.id, None),
        "drug": lambda: DrugDialog(backend),
        "workup type": lambda: WorkupTypeDialog(backend),
        "program template": lambda: ProgramTemplateDialog(backend),
        "sign in": lambda: SignInDialog(backend),
        "first administrator": lambda: FirstAdminDialog(backend),
    }


def test_every_input_of_the_main_dialogs_is_named(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    dialogs = main_dialogs(backend, patient)
    found: dict[str, list[str]] = {}
    for name, make in dialogs.items():
        dialog = make()
        dialog.show()
        idle()
        for page in pages(dialog, idle):
            if missing := unnamed_inputs(dialog):
                found[f"{name} › {page}"] = missing
        dialog.close()
        dialog.deleteLater()  # now, not at teardown: its loads must not outlive this test's database
        idle()
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())


@pytest.fixture(params=["en", "zh_CN"])
def language(request):  # type: ignore[no-untyped-def]
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return request.param


def test_no_text_is_cut_off_and_columns_fit_at_1366(qtbot, backend, idle, settings, db, language) -> None:  # type: ignore[no-untyped-def]
    """At 1366×728 a label too narrow for its text wraps or carries it as a tooltip (chart header,
    alert badges…), and table columns are as wide as their contents (within limits)."""
    from PySide6.QtWidgets import QTableView

    from alsdesk import demo
    from alsdesk.services import chart, patients
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.main_window import PAGES, MainWindow
    from alsdesk.ui.widgets.columns import MAX_WIDTH

    with db.write() as s:
        demo.load_demo(session=s, patients=40, anchor=date.today())
    found: dict[str, list[str]] = {}
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    for key in PAGES:
        window.show_page(key)
        idle()
        for page in pages(window, idle):
            if cut := cut_off_labels(window):
                found[f"main › {key} › {page}"] = cut
    with db.read() as s:  # the patient with the most open alerts: the longest header
        rows = patients.list_patients(session=s, offset=0, limit=40)
        fullest = max(rows, key=lambda r: len(chart.patient_chart(session=s, patient_id=r.id).open_alerts))
    chart_window = ChartWindow(backend, fullest.id)
    qtbot.addWidget(chart_window)
    chart_window.resize(1366, 728)
    chart_window.show()
    idle()
    badge = chart_window.findChild(QLabel, "alertBadge")
    assert badge is not None and badge.accessibleDescription() and badge.text() in badge.toolTip()
    for page in pages(chart_window, idle):
        if cut := cut_off_labels(chart_window):
            found[f"chart › {page}"] = cut
        for table in chart_window.findChildren(QTableView):
            model = table.model()
            if not table.isVisible() or model is None or not model.rowCount():
                continue
            for column in range(model.columnCount() - 1):  # the last one stretches
                wanted = min(
                    MAX_WIDTH, max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))
                )
                if table.columnWidth(column) < wanted:
                    found.setdefault(f"chart › {page} › {table.accessibleName()}", []).append(
                        f"column {column}: {table.columnWidth(column)} < {wanted}"
                    )
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())
