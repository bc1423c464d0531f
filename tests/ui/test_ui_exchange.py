"""Administration › Import / export: the window's export and import match the CLI's, run on a
worker, can be cancelled without leaving anything behind, and are shown only to roles allowed them."""

from __future__ import annotations

import json
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk import demo, exchange
from alsdesk.services.access import Actor

ANCHOR = date(2026, 11, 27)


@pytest.fixture
def source(template_db, tmp_path, db):  # type: ignore[no-untyped-def]
    """A second clinic with a few demo patients: what the exported file comes from."""
    from alsdesk import demo
    from alsdesk.app import open_clinic

    path = tmp_path / "source.sqlite3"
    shutil.copy(template_db, path)
    other = open_clinic(f"sqlite:///{path}")
    # The db fixture's all-permissions actor (importing tests.conftest again would re-run it and
    # give later tests a new ALSDESK_HOME, so a new audit key).
    other.actor = db.actor
    with other.write() as s:
        demo.load_demo(session=s, patients=6, anchor=ANCHOR)
    yield other
    other.dispose()


@pytest.fixture
def export_file(source, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    from alsdesk.storage.files import atomic_text_file

    path = tmp_path / "clinic.json"
    with source.write() as s, atomic_text_file(path) as out:
        exchange.write_export(session=s, out=out)
    return path


@pytest.fixture
def page(qtbot, backend):  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    admin.tabs.setCurrentWidget(admin.exchange)
    return admin.exchange


def _count(db, table: str) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def _on_worker(monkeypatch, name: str, seen: list[bool], gate=None):  # type: ignore[no-untyped-def]
    """Wrap exchange.<name> to record whether it ran on the GUI thread (and optionally pause it)."""
    real = getattr(exchange, name)

    def wrapped(**kwargs):  # type: ignore[no-untyped-def]
        seen.append(threading.current_thread() is threading.main_thread())
        if gate is not None:
            kwargs["progress"] = gate(kwargs["progress"])
        return real(**kwargs)

    monkeypatch.setattr(exchange, name, wrapped)


def test_export_all_writes_the_same_document_as_the_service(
    qtbot, backend, idle, page, db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import demo

    with db.write() as s:
        demo.load_demo(session=s, patients=5, anchor=ANCHOR)
    on_gui: list[bool] = []
    _on_worker(monkeypatch, "write_export", on_gui)
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    page.export_to(target)
    idle()
    assert on_gui == [False]
    with db.write() as s:
        expected = json.loads(json.dumps(exchange.export_document(session=s), ensure_ascii=False))
    assert json.loads(target.read_text("utf-8")) == expected
    assert len(expected["patients"]) == 5
    assert page.result.text() == f"Exported 5 patient(s) to {target}."
    assert not page.progress.dialog.isVisible() and page.export_button.isEnabled()
    assert [p.name for p in target.parent.iterdir()] == ["all.json"]  # no temporary file left
    with db.read() as s:  # audited like the CLI's export: one entry per patient
        audited = s.execute(sa.text("SELECT count(*) FROM audit_entry WHERE action = 'export'")).scalar_one()
    assert audited == 2 * 5  # this export and the service's one above


def test_export_save_dialog_proposes_a_dated_name(page, idle, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def save(parent, title, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    page.export_button.click()
    assert Path(asked[0]).name == f"alsdesk-export-{date.today().isoformat()}.json"
    assert page.progress is None  # nothing started when the dialog was dismissed


def test_import_through_the_window_creates_the_patients(
    qtbot, backend, idle, page, db, source, export_file, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    assert _count(db, "patient") == 0
    on_gui: list[bool] = []
    _on_worker(monkeypatch, "import_document", on_gui)
    changes: list = []
    backend.changed.connect(changes.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(export_file), "")))
    page.import_button.click()
    idle()
    assert on_gui == [False]
    with source.read() as s:
        mrns = sorted(s.scalars(sa.text("SELECT mrn FROM patient")))
    with db.read() as s:
        assert sorted(s.scalars(sa.text("SELECT mrn FROM patient"))) == mrns and len(mrns) == 6
    document = json.loads(export_file.read_text("utf-8"))
    records = sum(len(rows) for p in document["patients"] for rows in p["records"].values())
    assert document["site_id"]  # from another clinic: each patient keeps its MRN there as an identifier
    records += 6
    assert page.result.text().startswith(f"Imported 6 patient(s) with {records:,} records and ")
    assert any(c.patients for c in changes)  # the patient list and worklist refresh


def test_importing_the_same_file_again_merges_it(qtbot, backend, idle, page, db, export_file, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Patients already here are merged record by record, and the window says how it went."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(export_file), "")))
    page.import_button.click()
    idle()
    page.import_button.click()
    idle()
    assert _count(db, "patient") == 6
    assert page.result.text() == (
        "Imported 0 patient(s) with 0 records and 0 new staff. "
        "Merged 6 patient(s) already here: 0 records updated, 0 in conflict for a person to resolve."
    )


def test_cancelling_an_import_leaves_nothing(qtbot, backend, idle, page, db, export_file, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    started, go, on_gui = threading.Event(), threading.Event(), []

    def gate(progress):  # type: ignore[no-untyped-def]
        def paused(done: int, total: int) -> None:
            progress(done, total)
            started.set()
            go.wait(10)  # the administrator presses Cancel while the file is being checked

        return paused

    _on_worker(monkeypatch, "import_document", on_gui, gate)
    page.import_from(export_file)
    qtbot.waitUntil(started.is_set, timeout=10000)
    assert page.progress.dialog.isVisible()
    page.progress.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    go.set()
    idle()
    assert on_gui == [False]
    assert page.result.text() == "Cancelled; nothing was written or imported."
    assert not page.message.isVisible() and not page.progress.dialog.isVisible()
    assert _count(db, "patient") == 0 and _count(db, "clinical_note") == 0
    with db.read() as s:
        assert s.execute(sa.text("SELECT count(*) FROM audit_entry WHERE action = 'import'")).scalar_one() == 0


def test_cancelling_an_export_leaves_no_file(qtbot, backend, idle, page, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import demo

    with db.write() as s:
        demo.load_demo(session=s, patients=3, anchor=ANCHOR)
    page_progress: list = []

    def gate(progress):  # type: ignore[no-untyped-def]
        def cancel_then_report(done: int, total: int) -> None:
            page_progress.append(done)
            page.progress._cancel.set()  # as the Cancel button does (thread-safe event)
            progress(done, total)

        return cancel_then_report

    _on_worker(monkeypatch, "write_export", [], gate)
    target = tmp_path / "cancelled.json"
    page.export_to(target)
    idle()
    assert page_progress == [0]
    assert list(tmp_path.glob("*cancelled.json*")) == []
    assert page.result.text() == "Cancelled; nothing was written or imported."
    with db.read() as s:  # the audit entries were rolled back with the cancelled export
        assert s.execute(sa.text("SELECT count(*) FROM audit_entry WHERE action = 'export'")).scalar_one() == 0


def test_a_bad_file_names_the_field_and_writes_nothing(qtbot, idle, page, db, export_file) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(export_file.read_text("utf-8"))
    del document["patients"][2]["patient"]["birth_date"]
    bad = export_file.with_name("bad.json")
    bad.write_text(json.dumps(document), "utf-8")
    staff = _count(db, "staff")
    page.import_from(bad)
    idle()
    assert page.message.isVisible()
    assert page.message.text() == "patients[2].patient.birth_date: is missing"
    assert page.result.text() == "" and page.import_button.isEnabled()
    assert _count(db, "patient") == 0 and _count(db, "staff") == staff


def test_a_sealed_file_asks_for_its_passphrase(qtbot, idle, page, db, export_file, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from alsdesk.storage.sealed import seal_file

    sealed = export_file.with_name("clinic.sealed")
    seal_file(export_file, sealed, "correct horse battery")
    answers = iter([("wrong passphrase!", True), ("correct horse battery", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    page.import_from(sealed)
    idle()
    assert page.message.isVisible() and "clinic.sealed" in page.message.text()
    assert _count(db, "patient") == 0
    page.import_from(sealed)
    idle()
    assert page.result.text().startswith("Imported 6 patient(s)") and _count(db, "patient") == 6


@pytest.mark.parametrize(
    ("role", "tab", "export", "imports"),
    [("coordinator", False, False, False), ("read_only", False, False, False), ("clinician", True, True, False),
     ("administrator", True, True, True)],
)  # fmt: skip
def test_only_roles_with_the_permission_see_the_controls(qtbot, backend, idle, role, tab, export, imports) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    backend.actor = Actor("someone", None, role)
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    titles = [admin.tabs.tabText(i) for i in range(admin.tabs.count())]
    assert ("Import / export" in titles) is tab
    if tab:
        assert admin.exchange.export_button.isVisibleTo(admin.exchange) is export
        assert admin.exchange.import_button.isVisibleTo(admin.exchange) is imports
    idle()


def test_chinese_window_words_the_result_and_the_bad_field(qtbot, idle, page, db, export_file, chinese) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(export_file.read_text("utf-8"))
    bad = export_file.with_name("bad.json")
    del document["patients"][0]["patient"]["birth_date"]
    bad.write_text(json.dumps(document), "utf-8")
    page.import_from(bad)
    idle()
    assert page.message.text().startswith("导入文件中的 patients[0].patient.birth_date：")
    assert "缺少" in page.message.text() and "missing" not in page.message.text()
    page.import_from(export_file)
    idle()
    text = page.result.text()
    assert text.startswith("已导入 6 位患者") and "Imported" not in text


def test_chart_exports_this_patient_only(qtbot, backend, idle, db, tmp_path, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from alsdesk import demo
    from alsdesk.services import patients
    from alsdesk.ui.chart.window import ChartWindow

    with db.write() as s:
        demo.load_demo(session=s, patients=3, anchor=ANCHOR)  # the others must stay out of the file
        chosen = patients.list_patients(session=s, limit=3)[1]
    mrn = chosen.mrn
    window = ChartWindow(backend, chosen.id)
    qtbot.addWidget(window)
    window.show()
    idle()
    asked: list[str] = []
    target = tmp_path / "one.json"

    def save(parent, title, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(target), ""

    on_gui: list[bool] = []
    _on_worker(monkeypatch, "write_export", on_gui)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    assert window.print_button.export_action.isVisible()
    window.print_button.export_action.trigger()
    idle()
    assert on_gui == [False]
    assert Path(asked[0]).name == f"alsdesk-export-{mrn}-{date.today().isoformat()}.json"
    with db.write() as s:
        expected = json.loads(json.dumps(exchange.export_document(session=s, mrns=[mrn]), ensure_ascii=False))
    assert json.loads(target.read_text("utf-8")) == expected
    assert [p["patient"]["mrn"] for p in expected["patients"]] == [mrn]
    assert messages[-1] == ("information", f"Exported 1 patient(s) to {target}.")


def test_chart_hides_the_export_from_roles_without_it(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow

    backend.actor = Actor("coord", None, "coordinator")
    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    idle()
    assert not window.print_button.export_action.isVisible()
    assert not window.print_button.export_action.isEnabled()


def test_an_import_files_fixed_reasons_read_in_chinese(qapp, db, chinese) -> None:  # type: ignore[no-untyped-def]
    """The import's fixed reasons are texts at their source (alsdesk/exchange/, exchange.format.reason):
    the window words them in its language, the CLI prints the English."""
    from alsdesk.ui.i18n.texts import error_text

    made = demo.demo_document(patients=3, seed=1, anchor=date(2026, 3, 1))
    del made["patients"][2]["patient"]["birth_date"]
    made["patients"][1]["records"]["alert_history"] = []
    cases = [
        ({**made, "extra": 1}, "extra: is not part of the format", "导入文件中的 extra：不属于该格式"),
        (
            {**made, "patients": made["patients"][2:]},
            "patients[0].patient.birth_date: is missing",
            "导入文件中的 patients[0].patient.birth_date：缺少该字段",
        ),
        (
            {**made, "patients": made["patients"][1:2]},
            "patients[0].records.alert_history: is not a record table",
            "导入文件中的 patients[0].records.alert_history：不是记录表",
        ),
        ({**made, "staff": {}}, "staff: must be a list", "导入文件中的 staff：必须是列表"),
    ]
    for document, english, shown in cases:
        with pytest.raises(exchange.ImportFileError) as caught, db.write() as s:
            exchange.import_document(session=s, document=document)
        assert (str(caught.value), error_text(caught.value)) == (english, shown)
