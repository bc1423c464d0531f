"""ReportLab stays out of start-up: services and the CLI parser import it only when printing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # python -c puts the working directory first on sys.path


def test_printing_services_and_cli_do_not_import_reportlab():
    code = (
        "import sys, alsdesk.cli, alsdesk.services.printing, alsdesk.services.printing_sheets, "
        "alsdesk.services.printlog, alsdesk.printdata; "
        "alsdesk.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_reports_import_no_qt_and_no_database_layers():
    code = (
        "import sys, alsdesk.reports.summary, alsdesk.reports.handout, alsdesk.reports.checklist, "
        "alsdesk.reports.referral, alsdesk.reports.visit, alsdesk.reports.worklist; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy') "
        "or m.startswith(('alsdesk.models', 'alsdesk.storage', 'alsdesk.services'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"
