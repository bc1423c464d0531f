"""Printing in the window: preview, print, save as PDF, the chart's Print menu, the Printing page."""

from __future__ import annotations

import dataclasses
import io
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog

from alsdesk.app.documents import Request, build
from alsdesk.services import printlog

ITEMS = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}
SEEN_ON = date.today() + timedelta(days=1)


@dataclass(frozen=True)
class Charted:
    patient_id: uuid.UUID
    mrn: str
    referral_id: uuid.UUID
    enrollment_id: uuid.UUID
    first_visit: date


@pytest.fixture
def charted(db, patient) -> Charted:  # type: ignore[no-untyped-def]
    """The fixture patient with two visits, a referral, one active program and a session tomorrow."""
    from alsdesk.services import assessments, clinic, programs, referrals, therapy

    first = date.today() - timedelta(days=60)
    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", phone="0898-1234567")
        for on, fvc in ((first, 82.0), (date.today() - timedelta(days=5), 75.0)):
            assessments.record_assessment(
                session=s, patient_id=patient.id, assessed_on=on, items=ITEMS, fvc_percent=fvc, weight_kg=60.0
            )
        ref, _ = referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="respiratory_medicine",
            reason="FVC falling; discuss NIV.",
            referral_date=date.today() - timedelta(days=4),
        )
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Home exercise review",
            start_date=SEEN_ON,
            interval_days=14,
            session_count=2,
        )
        enrollment, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="daily_routine", start_date=date.today()
        )
    return Charted(patient.id, patient.mrn, ref.id, enrollment.id, first)


def pages_of(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def log_entries(db) -> list[printlog.PrintLogEntry]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return printlog.print_log(session=s)


@pytest.fixture
def preview(qtbot, backend, db, charted):  # type: ignore[no-untyped-def]
    from alsdesk.app.documents import Request, build
    from alsdesk.ui.printing.preview import PrintPreviewDialog

    with db.read() as s:
        job = build(s, "summary", Request(patient_id=charted.patient_id))
    dialog = PrintPreviewDialog(backend, job, "Patient summary")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_shows_the_pdf_and_pages_through_it(preview, charted) -> None:  # type: ignore[no-untyped-def]
    assert preview.page_count() == preview.job.pages > 0
    assert preview.page_label.text() == f"Page 1 of {preview.page_count()}"
    assert not preview.prev_button.isEnabled()
    assert preview.job.patient_mrn == charted.mrn and preview.job.file_name == f"summary-{charted.mrn}.pdf"
    preview.zoom.setCurrentIndex(4)  # 100%
    assert preview.view.zoomFactor() == 1.0


def test_save_as_writes_a_valid_pdf_and_logs_it(preview, qtbot, db, charted, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "for the family"  # no suffix: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    preview.save_as()
    qtbot.waitUntil(lambda: bool(preview.logged), timeout=10000)
    written = tmp_path / "for the family.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    text = pages_of(written.read_bytes())
    assert len(text) == preview.page_count() and "T0001" in text[0]
    [entry] = log_entries(db)
    assert (entry.kind, entry.destination, entry.patient_mrn) == ("summary", str(written), charted.mrn)
    assert entry.pages == preview.page_count() and entry.patient_id == charted.patient_id
    assert "Saved to" in preview.message.text()
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: offered.append(a[2]) or ("", "")))
    preview.save_as()
    assert offered == [str(tmp_path / f"summary-{charted.mrn}.pdf")]  # the next save starts in the same folder


def test_cancelled_save_loses_nothing_and_logs_nothing(preview, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    preview.save_as()
    assert "Not saved" in preview.message.text() and preview.message.isVisible()
    assert preview.page_count() > 0  # the document is still there to print or save
    assert log_entries(db) == []


def test_no_printer_says_so_and_never_opens_the_dialog(preview, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    opened = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: opened.append(self) or 0)
    preview.print_document()
    assert opened == []
    assert "No printer is set up" in preview.message.text() and preview.message.isVisible()
    assert log_entries(db) == []


def test_cancelled_print_dialog_prints_nothing(preview, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    preview.print_document()
    assert "cancelled" in preview.message.text()
    assert log_entries(db) == []


def test_print_renders_every_page_and_logs_it(preview, qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:  # the user picks "print to file" (no real printer here)
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview.print_document()
    assert len(PdfReader(str(out)).pages) == preview.page_count()
    qtbot.waitUntil(lambda: bool(preview.logged), timeout=10000)
    [entry] = log_entries(db)
    assert entry.destination == str(out) and entry.kind == "summary"


# --- the chart's Print menu --------------------------------------------------------------------


@pytest.fixture
def chart(qtbot, backend, idle, charted):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, charted.patient_id)
    qtbot.addWidget(window)
    window.show()
    idle()
    return window


def previewed(qtbot, chart, kind: str):  # type: ignore[no-untyped-def]
    chart.print_button.preview = None
    chart.print_button.actions_by_kind[kind].trigger()
    qtbot.waitUntil(lambda: chart.print_button.preview is not None, timeout=15000)
    dialog = chart.print_button.preview
    qtbot.addWidget(dialog)
    assert dialog.page_count() > 0 and dialog.job.kind == kind
    return dialog


def test_chart_prints_the_selected_visit_and_referral(qtbot, chart, charted) -> None:  # type: ignore[no-untyped-def]
    visits = chart.pages["assessments"]
    rows = visits.model.rows()
    visits.table.selectRow(next(i for i, a in enumerate(rows) if a.assessed_on == charted.first_visit))
    dialog = previewed(qtbot, chart, "visit")
    assert dialog.job.file_name == f"visit-{charted.mrn}-{charted.first_visit.isoformat()}.pdf"
    chart.show_tab("referrals", charted.referral_id)
    dialog = previewed(qtbot, chart, "referral")
    assert dialog.job.record_id == charted.referral_id
    assert "FVC falling" in "".join(pages_of(dialog.job.pdf))


def test_chart_prints_checklist_handout_summary_and_blank_form(qtbot, chart, charted) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, chart, "checklist")  # the only active program
    assert dialog.job.record_id == charted.enrollment_id
    assert "handout" in previewed(qtbot, chart, "handout").job.file_name
    assert "T0001" in pages_of(previewed(qtbot, chart, "summary").job.pdf)[0]
    assert "ALSFRS-R" in "".join(pages_of(previewed(qtbot, chart, "alsfrs-form").job.pdf))


def test_chart_shows_why_a_document_cannot_be_printed(qtbot, backend, db, idle, chart, charted) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import programs

    with db.write() as s:
        programs.stop_enrollment(session=s, enrollment_id=charted.enrollment_id)
    chart.print_button.request("checklist")  # nothing selected on an unopened tab: the only active one
    idle()
    assert "no active care program" in chart.message.text() and chart.message.isVisible()
    assert chart.print_button.isEnabled() and chart.print_button.preview is None


def body_size(pdf: bytes) -> float:
    from collections import Counter

    from tests.reports.conftest import pdf_spans

    return Counter(s.size for page in pdf_spans(pdf) for s in page).most_common(1)[0][0]


def test_a_handout_preview_switches_to_large_print_and_back(qtbot, chart, preview) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    assert not preview.large_print.isVisibleTo(preview)  # a summary has no large print
    dialog = previewed(qtbot, chart, "handout")
    assert dialog.large_print.isVisibleTo(dialog) and not dialog.large_print.isChecked()  # off by default
    assert body_size(dialog.job.pdf) == 12
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Large print
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled() and body_size(dialog.job.pdf) == 15, timeout=15000)
    assert dialog.large_print.isChecked() and dialog.job.kind == "handout"
    assert dialog.page_count() == dialog.job.pages and dialog.page_label.text().endswith(f"of {dialog.job.pages}")
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled() and body_size(dialog.job.pdf) == 12, timeout=15000)


def test_the_preview_prints_a_letter_in_the_language_chosen(qtbot, chart, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A referral letter opens in the clinic's letter language (English) though the patient reads
    Chinese, whose handout opens in Chinese; Alt+G and a key choose Chinese for the letter, and
    what is printed (the print dialog accepted) and saved is the Chinese letter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    handout = previewed(qtbot, chart, "handout")
    assert handout.job.language == "zh_CN" and handout.language.currentText() == "简体中文"
    handout.close()
    dialog = previewed(qtbot, chart, "referral")
    assert dialog.job.language == "en" and dialog.language.currentText() == "English"
    assert "Referral letter" in pages_of(dialog.job.pdf)[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Lan&guage:
    assert QApplication.focusWidget() is dialog.language
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled() and dialog.job.language == "zh_CN", timeout=15000)
    assert dialog.page_count() == dialog.job.pages

    printed = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:  # the user picks "print to file" and presses Print
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.logged), timeout=10000)
    assert len(PdfReader(str(printed)).pages) == dialog.page_count()
    saved = tmp_path / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.logged) == 2, timeout=10000)
    text = "".join(pages_of(saved.read_bytes()))
    assert "转诊信" in text and "Referral letter" not in text and "呼吸科" in text
    assert {(e.kind, e.language) for e in log_entries(db)} == {("referral", "zh_CN")}


def test_ctrl_p_opens_the_print_menu(qtbot, chart) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    [action] = [a for a in chart.actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)]
    action.trigger()
    qtbot.waitUntil(chart.print_button.print_menu.isVisible, timeout=5000)
    chart.print_button.print_menu.hide()


# --- the Printing page -------------------------------------------------------------------------


@pytest.fixture
def demo_day(db) -> tuple[date, list[str]]:  # type: ignore[no-untyped-def]
    """A demo clinic of 60 patients; the first coming day with at least two patients booked, one of them
    on a program running that day (so the batch holds a checklist), and their MRNs."""
    import sqlalchemy as sa

    from alsdesk import demo
    from alsdesk.models import Enrollment
    from alsdesk.services import patients, printing_sheets, programs

    def on_program(ids: list, day: date) -> bool:  # type: ignore[type-arg]
        """Someone's program runs on `day` (an ended one prints no checklist)."""
        rows = s.execute(
            sa.select(Enrollment.status, Enrollment.start_date, Enrollment.duration_days).where(
                Enrollment.patient_id.in_(ids)
            )
        )
        return any(
            programs.enrollment_state(status=st, start_date=start, duration_days=n, on=day) in programs.RUNNING_STATES
            for st, start, n in rows
        )

    with db.write() as s:
        demo.load_demo(session=s, patients=60)
    with db.write() as s:
        day = date.today() + timedelta(days=1)
        while len(ids := printing_sheets.patients_with_appointments(session=s, on=day)) < 2:
            day += timedelta(days=1)
            assert day < date.today() + timedelta(days=60), "the demo clinic books nobody"
        if not on_program(ids, day):  # the demo's programs end within two weeks: start one that day
            programs.enroll(session=s, patient_id=ids[0], template_code="daily_routine", start_date=day)
        return day, [patients.get_patient(session=s, patient_id=i).mrn for i in ids]


@pytest.fixture
def page(qtbot, backend):  # type: ignore[no-untyped-def]
    from alsdesk.ui.printing.view import PrintingView

    opened: list[tuple] = []
    view = PrintingView(backend, lambda *args: opened.append(args))
    view.opened = opened
    qtbot.addWidget(view)
    view.show()
    return view


def test_batch_for_a_demo_day_is_one_pdf_with_every_patient(qtbot, page, idle, db, demo_day) -> None:  # type: ignore[no-untyped-def]
    day, mrns = demo_day
    page.batch_day.set_value(day)
    page.prepare_batch()
    assert page.batch.dialog.isVisible()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=60000)
    qtbot.addWidget(page.preview)
    job = page.preview.job
    assert job.kind == "day-batch" and page.preview.page_count() == job.pages >= len(mrns)
    text = pages_of(job.pdf)
    for mrn in mrns:
        assert any(mrn in p for p in text), f"no page for {mrn}"
    assert not page.batch.dialog.isVisible()
    assert f"{job.pages} pages ready" in page.notice.text()
    assert sum(p.pages for p in job.parts) == job.pages and {p.patient_mrn for p in job.parts} == set(mrns)
    assert [p.kind for p in job.parts].count("handout") == len(mrns)


def test_a_saved_batch_is_logged_per_document_and_partial_prints_per_page(  # type: ignore[no-untyped-def]
    qtbot, page, db, demo_day, tmp_path, monkeypatch
) -> None:
    from alsdesk.app.documents import printed_parts

    page.batch_day.set_value(demo_day[0])
    page.prepare_batch()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=60000)
    qtbot.addWidget(page.preview)
    job = page.preview.job
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "b.pdf"), "")))
    page.preview.save_as()
    qtbot.waitUntil(lambda: bool(page.preview.logged), timeout=10000)
    entries = log_entries(db)
    assert len(entries) == len(job.parts) and sum(e.pages for e in entries) == job.pages
    assert {e.patient_mrn for e in entries} == set(demo_day[1])  # for whom, not just "a batch"
    assert all(e.record_id is not None for e in entries if e.kind == "checklist")
    first = job.parts[0]
    assert printed_parts(job, range(0, 1)) == [dataclasses.replace(first, pages=1)]  # page 1 only: first document
    assert sum(p.pages for p in printed_parts(job, range(1, job.pages))) == job.pages - 1


def test_batch_can_be_cancelled_between_patients(qtbot, page, idle, db, demo_day, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from alsdesk.services import printing_sheets

    day, _mrns = demo_day
    started, go, calls = threading.Event(), threading.Event(), []
    real = printing_sheets.patient_day_documents

    def slow_first_patient(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["patient_id"])
        started.set()
        go.wait(10)  # the nurse presses Cancel while the first patient is being prepared
        return real(**kwargs)

    monkeypatch.setattr(printing_sheets, "patient_day_documents", slow_first_patient)
    page.batch_day.set_value(day)
    page.prepare_batch()
    qtbot.waitUntil(started.is_set, timeout=10000)
    from PySide6.QtWidgets import QPushButton

    page.batch.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    go.set()
    idle()
    assert len(calls) == 1  # stopped before the second patient
    assert page.preview is None and "cancelled; nothing was printed" in page.notice.text()
    assert page.batch_button.isEnabled() and not page.batch.dialog.isVisible()
    assert log_entries(db) == []


def test_batch_for_a_day_without_appointments_says_so(page, idle, charted) -> None:  # type: ignore[no-untyped-def]
    page.batch_day.set_value(date.today() + timedelta(days=300))
    page.prepare_batch()
    idle()
    assert "there is nothing to print" in page.message.text() and page.preview is None


def test_worklist_preview_and_the_log_it_leaves(qtbot, page, idle, db, charted, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    idle()
    assert page.log_model.rowCount() == 0 and "Nothing has been printed" in page.log_count.text()
    page.preview_worklist()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=15000)
    qtbot.addWidget(page.preview)
    assert page.preview.job.kind == "worklist" and page.preview.page_count() > 0
    assert page.preview.job.language == "en"  # no language chosen for this workstation
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "w.pdf"), "")))
    page.preview.save_as()
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=10000)  # the log follows the save
    assert page.log_model.index(0, 1).data() == "Clinic worklist"
    assert page.log_model.index(0, 7).data() == str(tmp_path / "w.pdf")


def test_log_table_lists_entries_most_recent_first(page, idle, db, charted) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        for kind in ("summary", "handout"):
            printlog.log_print(
                session=s, kind=kind, language="zh_CN", paper="a4", pages=2, destination="printer: Ward",
                printed_by="nurse", patient_id=charted.patient_id, patient_mrn=charted.mrn,
            )  # fmt: skip
    page.reload_log()
    idle()
    rows = [[page.log_model.index(r, c).data() for c in range(8)] for r in range(page.log_model.rowCount())]
    assert [r[1] for r in rows] == ["Family handout", "Patient summary"]
    assert rows[0][2:] == ["T0001", "2", "Simplified Chinese", "A4", "nurse", "printer: Ward"]
    assert page.log_count.text() == "2 entries."


def test_scanned_sheet_opens_the_chart_on_care_programs(qtbot, backend, settings, idle, charted) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from alsdesk.printdata import enrollment_qr
    from alsdesk.ui.main_window import MainWindow

    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    view = window.show_page("printing")
    idle()
    qtbot.keyClicks(view.scan, "hello")
    qtbot.keyClick(view.scan, Qt.Key.Key_Return)
    assert "is not the code of an alsdesk checklist sheet" in view.message.text()
    assert window.charts == {}
    qtbot.keyClicks(view.scan, enrollment_qr(str(charted.enrollment_id)).upper())  # scanners may shout
    qtbot.keyClick(view.scan, Qt.Key.Key_Return)
    idle()
    chart = window.charts[charted.patient_id]
    qtbot.addWidget(chart)
    idle()
    assert chart.current_tab() == "programs"
    assert chart.pages["programs"].current_enrollment().id == charted.enrollment_id
    assert view.scan.text() == "" and "Opened the sheet" in view.notice.text()


def test_unknown_sheet_code_says_so(page, idle) -> None:  # type: ignore[no-untyped-def]
    page.scanned(f"alsdesk:enrollment:{uuid.uuid4()}")
    idle()
    assert page.opened == [] and page.message.isVisible() and "enrollment" in page.message.text().lower()


def test_a_landscape_checklist_prints_on_landscape_paper(qtbot, backend, db, charted, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.app.documents import Request, build
    from alsdesk.ui.printing.preview import PrintPreviewDialog

    with db.read() as s:
        job = build(s, "checklist", Request(patient_id=charted.patient_id))
    dialog = PrintPreviewDialog(backend, job, "Checklist")
    qtbot.addWidget(dialog)
    out = tmp_path / "sheet.pdf"

    def accept(self: QPrintDialog) -> int:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog.print_document()
    [page] = PdfReader(str(out)).pages
    assert float(page.mediabox.width) > float(page.mediabox.height)
    qtbot.waitUntil(lambda: bool(dialog.logged), timeout=10000)
    [entry] = log_entries(db)
    assert entry.kind == "checklist" and entry.record_id == charted.enrollment_id


def test_pages_name_the_signed_in_staff_member(db, charted) -> None:  # type: ignore[no-untyped-def]
    # The window reads as the signed-in account (backend.actor); the document names who the session acts for.
    from alsdesk.services import clinic
    from alsdesk.services.access import Actor

    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="lchen", display_name="Li Chen", discipline="specialist_nursing", role="coordinator"
        )
    with db.read(actor=Actor("lchen", staff_id=staff.id, role="coordinator")) as s:
        job = build(s, "summary", Request(patient_id=charted.patient_id))
    with db.read() as s:
        nobody = build(s, "summary", Request(patient_id=charted.patient_id))
    assert "Li Chen" in pages_of(job.pdf)[0] and "Li Chen" not in pages_of(nobody.pdf)[0]


def test_the_print_log_records_the_signed_in_account(qtbot, backend, db, charted, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One identity for who printed: the signed-in account's username and staff record, whatever the
    computer's login; the page shows the staff member's display name."""
    import getpass

    from alsdesk.services import clinic
    from alsdesk.services.access import Actor
    from alsdesk.ui.printing.preview import PrintPreviewDialog

    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="lchen", display_name="Li Chen", discipline="specialist_nursing", role="coordinator"
        )
    monkeypatch.setattr(getpass, "getuser", lambda: "ward-pc")
    backend.actor = Actor("lchen", staff_id=staff.id, role="coordinator")
    with db.read(actor=backend.actor) as s:
        job = build(s, "summary", Request(patient_id=charted.patient_id))
    assert "Li Chen" in pages_of(job.pdf)[0]
    dialog = PrintPreviewDialog(backend, job, "Patient summary")
    qtbot.addWidget(dialog)
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.save_as()
    qtbot.waitUntil(lambda: bool(dialog.logged), timeout=10000)
    [entry] = log_entries(db)
    assert entry.printed_by == "lchen" and target.exists()
    with db.read() as s:
        from alsdesk.models import PrintLog

        assert s.query(PrintLog.staff_id).scalar() == staff.id


def test_printing_one_checklist_page_of_a_batch(qtbot, page, db, demo_day, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A page range prints only those pages; a landscape sheet is turned onto the job's portrait paper."""
    page.batch_day.set_value(demo_day[0])
    page.prepare_batch()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=60000)
    qtbot.addWidget(page.preview)
    job = page.preview.job
    starts = [sum(p.pages for p in job.parts[:i]) for i in range(len(job.parts))]
    index = next(i for i, p in enumerate(job.parts) if p.kind == "checklist")
    sheet = starts[index] + 1  # 1-based, as the print dialog counts
    out = tmp_path / "one.pdf"

    def accept(self: QPrintDialog) -> int:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        self.printer().setFromTo(sheet, sheet)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: [QPrinterInfo()]))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.preview.print_document()
    [printed] = PdfReader(str(out)).pages
    assert float(printed.mediabox.width) < float(printed.mediabox.height)  # the batch starts with a handout
    qtbot.waitUntil(lambda: bool(page.preview.logged), timeout=10000)
    [entry] = log_entries(db)
    assert (entry.kind, entry.pages, entry.record_id) == ("checklist", 1, job.parts[index].record_id)
    assert entry.patient_mrn == job.parts[index].patient_mrn


def test_window_and_chart_load_no_reportlab_and_no_qtpdf_until_something_is_printed() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, alsdesk.ui.main_window, alsdesk.ui.chart.window, alsdesk.ui.printing.view; "
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPdf'))))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "[]"


def test_a_chinese_workstation_prints_the_worklist_in_chinese(qtbot, page, charted) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings().setValue("ui/language", "zh_CN")
    page.preview_worklist()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=15000)
    qtbot.addWidget(page.preview)
    assert page.preview.job.language == "zh_CN" and "门诊工作清单" in pages_of(page.preview.job.pdf)[0]


def _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, kind: str) -> str:  # type: ignore[no-untyped-def]
    """Click `kind` in the chart's Print menu, save its preview through Save As: the preview's text,
    once the file is written and its print logged (the log's only entry)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    button = chart.print_button
    button.popup()
    qtbot.waitUntil(button.print_menu.isVisible, timeout=5000)
    action = button.actions_by_kind[kind]
    qtbot.mouseClick(
        button.print_menu, Qt.MouseButton.LeftButton, pos=button.print_menu.actionGeometry(action).center()
    )
    qtbot.waitUntil(lambda: button.preview is not None, timeout=15000)
    dialog = button.preview
    qtbot.addWidget(dialog)
    assert dialog.job.kind == kind
    target = tmp_path / f"{kind}.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.save_as()
    qtbot.waitUntil(lambda: bool(log_entries(db)), timeout=10000)
    assert target.read_bytes().startswith(b"%PDF") and [e.kind for e in log_entries(db)] == [kind]
    return "".join(pages_of(dialog.job.pdf))


def test_medication_card_is_clicked_in_the_print_menu_and_saved(qtbot, db, chart, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications

    with db.write() as s:  # the card is printed at the click: the medicine prescribed since the chart opened counts
        medications.prescribe(
            session=s,
            patient_id=chart.patient_id,
            drug_code="riluzole",
            started_on=date.today(),
            dose="50 mg twice daily",
            acknowledge_warnings=True,
        )
    assert "Riluzole" in _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "medication-card")


def test_alert_card_is_clicked_in_the_print_menu_and_saved(qtbot, db, chart, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert chart.print_button.actions_by_kind["alert-card"].text() == "Alert card…"
    # a family document: in the patient's language (Chinese for the fixture patient)
    assert "运动神经元病" in _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "alert-card")


def test_gp_letter_is_clicked_in_the_print_menu_and_saved_for_the_latest_visit(
    qtbot, db, chart, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert chart.print_button.actions_by_kind["gp-letter"].text() == "Letter to the GP (latest visit)…"
    latest = (date.today() - timedelta(days=5)).isoformat()
    text = _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "gp-letter")
    # a letter to clinicians in the clinic's letter language; the plain copy in the patient's (Chinese)
    assert f"This visit ({latest})" in text and "用简单的话说说您这次就诊" in text


def test_appointment_letter_is_clicked_in_the_print_menu_and_saved(qtbot, db, chart, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert chart.print_button.actions_by_kind["appointment"].text() == "Appointment letter (next appointment)…"
    text = _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "appointment")
    assert "您的预约" in text and SEEN_ON.isoformat() in text  # the session tomorrow, in the patient's language


def test_care_plan_summary_is_offered_once_a_plan_is_recorded_then_clicked_and_saved(  # type: ignore[no-untyped-def]
    qtbot, db, chart, idle, tmp_path, monkeypatch
) -> None:
    from alsdesk.services import care_plans
    from alsdesk.services.care_plans import PlanFields

    action = chart.print_button.actions_by_kind["care-plan-summary"]
    assert action.text() == "Advance care plan summary…"
    assert not action.isEnabled() and action.toolTip() == "No advance care plan recorded"
    with db.write() as s:
        plan = PlanFields(date.today(), "Stay at home", resuscitation="for_cpr", resuscitation_on=date.today())
        care_plans.record_plan(session=s, patient_id=chart.patient_id, plan=plan)
    chart.reload()
    qtbot.waitUntil(action.isEnabled, timeout=10000)
    idle()
    text = _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "care-plan-summary")
    assert "预立医疗照护计划" in text and "重新跳动（心肺复苏）" in text  # the patient's language


def test_plans_are_offered_only_with_their_intervention_then_clicked_and_saved(
    qtbot, db, chart, idle, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications

    actions = chart.print_button.actions_by_kind
    assert chart.print_button.print_menu.toolTipsVisible()
    for kind, why in (("niv-plan", "has no NIV in place"), ("gastrostomy-plan", "has no gastrostomy in place")):
        assert not actions[kind].isEnabled() and why in actions[kind].toolTip()
    with db.write() as s:
        medications.record_milestone(session=s, patient_id=chart.patient_id, kind="niv", occurred_on=date.today())
    chart.reload()
    idle()
    assert actions["niv-plan"].isEnabled() and "in place" not in actions["niv-plan"].toolTip()
    assert not actions["gastrostomy-plan"].isEnabled()
    # a family document: in the patient's language (Chinese for the fixture patient), no settings yet
    text = _click_print_and_save(qtbot, db, chart, tmp_path, monkeypatch, "niv-plan")
    assert "呼吸机（NIV）计划" in text and "参数尚未记录" in text
