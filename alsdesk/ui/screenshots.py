"""Render every main screen and chart tab offscreen on the current database, one PNG each.

Usage: python -m alsdesk.ui.screenshots OUT_DIR [--database URL] [--mrn MRN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from alsdesk.ui.widgets.worker import Backend

if TYPE_CHECKING:
    from alsdesk.ui.main_window import MainWindow
    from alsdesk.ui.signin.dialog import SignedIn


def settle(backend: Backend, timeout: float = 20.0) -> None:
    """Process events until no database work is pending (and a little longer for painting)."""
    app = QCoreApplication.instance()
    assert app is not None  # made by application() before any screen
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        app.processEvents()
        quiet = 0 if backend.busy else quiet + 1
        time.sleep(0.02)


def private_settings(folder: str) -> QSettings:
    """Window state (the main window's, and QSettings() of charts and previews) kept in `folder`,
    never in the user's own settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)


def save(widget: QWidget, backend: Backend, path: Path) -> Path:
    settle(backend)
    widget.grab().save(str(path))
    print(path)
    return path


def pick_patient(backend: Backend, mrn: str | None) -> uuid.UUID | None:
    """The given MRN, else the listed patient with the fullest chart (for a useful picture)."""
    from alsdesk.services import chart, patients

    with backend.db.read(actor=backend.actor) as session:
        if mrn:
            return patients.get_by_mrn(session=session, mrn=mrn).id
        best, best_size = None, -1
        for p in patients.list_patients(session=session, limit=80):
            c = chart.patient_chart(session=session, patient_id=p.id)
            parts = (c.assessments, c.workups, c.referrals, c.enrollments, c.plans, c.notes, c.medications, c.alerts)
            # Prefer a chart where every tab has something to show, then trends of several visits,
            # then the fullest one.
            size = sum(bool(x) for x in parts) * 1000 + min(len(c.assessments), 6) * 100 + sum(len(x) for x in parts)
            if p.status == "diagnosed" and size > best_size:
                best, best_size = p.id, size
        return best


def save_preview(backend: Backend, patient_id: uuid.UUID, path: Path) -> None:
    """The print preview of the patient's summary, as a nurse sees it before printing."""
    from alsdesk.app.documents import Request, build
    from alsdesk.ui.printing.preview import PrintPreviewDialog

    with backend.db.read(actor=backend.actor) as session:
        job = build(session, "summary", Request(patient_id=patient_id))
    dialog = PrintPreviewDialog(backend, job, "Patient summary")
    dialog.show()
    save(dialog, backend, path)
    dialog.close()
    dialog.deleteLater()


def signed_in_as(backend: Backend, role: str) -> SignedIn | None:
    """Picture the window as the first active account of `role` sees it (no password: a render tool)."""
    from alsdesk.services import clinic
    from alsdesk.services.access import Actor
    from alsdesk.ui.signin.dialog import SignedIn

    with backend.db.read() as session:
        for staff in clinic.list_staff(session=session):
            if staff.role == role:
                return SignedIn(Actor(staff.username, staff.id, staff.role), staff.display_name)
    return None


def administrator(backend: Backend) -> SignedIn | None:
    return signed_in_as(backend, "administrator")


def trust_screens(window: MainWindow, backend: Backend, out_dir: Path) -> None:
    """The sign-in dialog (with a refusal message), the audit trail, import / export and the lock screen."""
    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.signin.dialog import SignInDialog

    dialog = SignInDialog(backend)
    dialog.panel.username.setText("admin")
    dialog.panel.message.setText(dialog.tr("Wrong user name or password."))
    dialog.panel.message.show()
    dialog.show()
    save(dialog, backend, out_dir / "signin-dialog.png")
    dialog.close()
    admin = window.show_page("admin")
    assert isinstance(admin, AdminView)
    if hasattr(admin, "audit"):
        admin.tabs.setCurrentWidget(admin.audit)
        save(window, backend, out_dir / "audit-trail.png")
    if hasattr(admin, "exchange"):
        admin.tabs.setCurrentWidget(admin.exchange)
        save(window, backend, out_dir / "admin-import-export.png")
    if window.guard.signed is not None:
        window.guard.lock(idle=True)
        save(window.guard.lock_screen, backend, out_dir / "lock-screen.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alsdesk.ui.screenshots")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--database", default=None, help="database URL (default: ALSDESK_DATABASE_URL)")
    parser.add_argument("--mrn", default=None, help="the patient whose chart is shown")
    parser.add_argument("--lang", default="en", help="the window's language: en (default) or zh_CN")
    args = parser.parse_args(argv)
    from alsdesk.ui.app import application, install_translation, open_backend
    from alsdesk.ui.chart.window import TABS
    from alsdesk.ui.main_window import PAGES, MainWindow

    app = application()
    translators = install_translation(app, args.lang)  # kept referenced while the screens render
    backend = open_backend(args.database)
    if backend is None:
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:  # never touch the user's saved window state
        settings = private_settings(tmp)
        admin = administrator(backend)
        # The clinic's screens and charts as a clinician sees them (an administrator does not enter
        # clinical data, so its chart tabs hide the entry forms); Administration as an administrator.
        clinician = signed_in_as(backend, "clinician") or admin
        window = MainWindow(backend, settings, signed_in=clinician, idle_lock_ms=3_600_000)
        window.resize(1366, 728)  # the commonest clinic laptop, less its taskbar
        window.show()
        for n, key in enumerate(PAGES, start=1):
            if key != "admin":
                window.show_page(key)
                save(window, backend, args.out_dir / f"{n:02d}-{key}.png")
        patient_id = pick_patient(backend, args.mrn)
        if patient_id is not None:
            chart = window.open_chart(patient_id)
            for n, tab in enumerate(TABS, start=1):
                chart.show_tab(tab)
                save(chart, backend, args.out_dir / f"chart-{n}-{tab}.png")
            chart.close()
            save_preview(backend, patient_id, args.out_dir / "print-preview.png")
        window.close()
        window = MainWindow(backend, settings, signed_in=admin, idle_lock_ms=3_600_000)
        window.resize(1366, 728)  # the commonest clinic laptop, less its taskbar
        window.show()
        window.show_page("admin")
        save(window, backend, args.out_dir / f"{list(PAGES).index('admin') + 1:02d}-admin.png")
        trust_screens(window, backend, args.out_dir)
        window.close()
    backend.shutdown()
    del translators, app
    return 0


if __name__ == "__main__":
    sys.exit(main())
