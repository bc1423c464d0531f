"""Open every window and dialog alsdesk shows over a demo clinic and print their minimum and
opening sizes (logical pixels) as JSON. Run in its own process, so QT_SCALE_FACTOR and the
language apply from the start:

    python -m tests.ui.window_sizes DATABASE_URL [--language zh_CN]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(widget: Any) -> dict[str, list[int]]:
    """The smallest size the window can be given, and the size it opens at."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    QApplication.processEvents()
    if widget.layout() is not None:
        widget.layout().activate()
    smallest = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    return {"minimum": [smallest.width(), smallest.height()], "opens": [widget.width(), widget.height()]}


def windows(backend: Any, settings: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """(name, factory) for every top-level window and dialog, built over the demo clinic."""
    from alsdesk.app.documents import Request, build
    from alsdesk.services import catalogs, chart, patients
    from alsdesk.storage.backup import BackupInfo
    from alsdesk.ui.admin.drug_dialog import DrugDialog
    from alsdesk.ui.admin.workup_type_dialog import WorkupTypeDialog
    from alsdesk.ui.chart.break_glass_dialog import BreakGlassDialog
    from alsdesk.ui.chart.care_team_dialog import CareTeamDialog
    from alsdesk.ui.chart.edit_patient_dialog import EditPatientDialog
    from alsdesk.ui.chart.findings_dialog import FindingsDialog
    from alsdesk.ui.chart.plan_settings_dialog import GastrostomySettingsDialog, NivSettingsDialog
    from alsdesk.ui.chart.window import TABS, ChartWindow
    from alsdesk.ui.first_run import FirstRunDialog
    from alsdesk.ui.main_window import PAGES, MainWindow
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog
    from alsdesk.ui.printing.preview import PrintPreviewDialog
    from alsdesk.ui.programs.template_dialog import ProgramTemplateDialog
    from alsdesk.ui.recovery_dialog import RecoveryDialog, describe
    from alsdesk.ui.screenshots import pick_patient, settle
    from alsdesk.ui.signin.dialog import SignedIn, SignInDialog
    from alsdesk.ui.signin.first_admin_dialog import FirstAdminDialog
    from alsdesk.ui.signin.unlock_dialog import UnlockDialog

    patient_id = pick_patient(backend, None)
    with backend.db.read(actor=backend.actor) as session:
        full = chart.patient_chart(session=session, patient_id=patient_id)
        drug = catalogs.drugs(session=session)[0]
        template = catalogs.program_templates(session=session)[0]
        job = build(session, "summary", Request(patient_id=patient_id))
        assert patients.count_patients(session=session) > 0

    def main_window() -> Any:
        window = MainWindow(backend, settings, signed_in=SignedIn(backend.actor, "Sizes"), idle_lock_ms=3_600_000)
        for key in PAGES:  # the window is as large as its largest screen needs
            page = window.show_page(key)
            settle(backend)
            if os.environ.get("SIZES_DEBUG"):
                hint = page.minimumSizeHint()
                print(f"  {key}: {hint.width()}x{hint.height()}", file=sys.stderr)
        return window

    def chart_window() -> Any:
        window = ChartWindow(backend, patient_id)
        for tab in TABS:
            window.show_tab(tab)
            settle(backend)
            if os.environ.get("SIZES_DEBUG"):
                hint = window.pages[tab].minimumSizeHint()
                print(f"  {tab}: {hint.width()}x{hint.height()}", file=sys.stderr)
        return window

    def recovery() -> Any:
        from alsdesk.errors import DatabaseDamaged

        refusal = describe(DatabaseDamaged("The database file is damaged: {reason}", reason="malformed"))
        info = BackupInfo(path=Path("/tmp/alsdesk-20261201T000000Z-daily.sqlite3"), taken_at=_now(), size=1 << 20)
        return RecoveryDialog(refusal, Path("/tmp/alsdesk.sqlite3"), [info] * 5)

    yield "main window", main_window
    yield "chart window", chart_window
    yield "print preview", lambda: PrintPreviewDialog(backend, job, "Patient summary")
    yield "first administrator", lambda: FirstAdminDialog(backend)
    yield "first run", lambda: FirstRunDialog(backend, empty=True)
    yield "sign in", lambda: SignInDialog(backend)
    yield "unlock", lambda: UnlockDialog(backend.db.url)
    yield "new patient", lambda: NewPatientDialog(backend)
    yield "edit patient", lambda: EditPatientDialog(backend, full.patient)
    yield "findings", lambda: FindingsDialog(backend, patient_id, full.findings)
    yield "care team", lambda: CareTeamDialog(backend, patient_id)
    yield "NIV settings", lambda: NivSettingsDialog(backend, patient_id, None)
    yield "tube and feed", lambda: GastrostomySettingsDialog(backend, patient_id, None)
    yield "emergency access", lambda: BreakGlassDialog(backend, patient_id, full.patient.mrn)
    yield "drug", lambda: DrugDialog(backend, drug)
    yield "workup type", lambda: WorkupTypeDialog(backend)
    yield "program", lambda: ProgramTemplateDialog(backend, template)
    yield "recovery", recovery


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--language", default="en", help="the language to show the windows in (en, zh_CN)")
    args = parser.parse_args(argv)
    from alsdesk.services.access import Actor
    from alsdesk.ui.app import application, install_translation, open_backend
    from alsdesk.ui.screenshots import private_settings, settle

    class Everyone(Actor):  # every form shown: the largest each window gets
        def may(self, permission: str) -> bool:
            return True

    from PySide6.QtWidgets import QMessageBox

    def report(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        print(f"message box: {text}", file=sys.stderr)  # never a modal box nobody can close
        return QMessageBox.StandardButton.Cancel

    for kind in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, kind, staticmethod(report))
    app = application()
    translators = install_translation(app, args.language)  # kept referenced while the windows show
    assert translators or args.language == "en"
    backend = open_backend(args.url)
    assert backend is not None
    backend.actor = Everyone("sizes", role="administrator")
    screen = app.primaryScreen().availableGeometry()
    sizes: dict[str, Any] = {"screen": [screen.width(), screen.height()]}
    with tempfile.TemporaryDirectory() as tmp:
        settings = private_settings(tmp)
        for name, make in windows(backend, settings):
            widget = make()
            settle(backend)
            sizes[name] = measure(widget)
            widget.close()
            widget.deleteLater()
            settle(backend)
    backend.shutdown()
    json.dump(sizes, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
