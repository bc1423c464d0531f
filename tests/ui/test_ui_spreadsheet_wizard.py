"""Administration › Import / export › "Import a patient list…": the wizard, driven by clicks and
keys, imports a good list whole, refuses a list with a bad cell whole, remembers the mapping and
imports nothing when cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWizard

GOOD = "Record no,family_name,given_name,sex,birth_date\nW-1,Wang,Li,female,1960-03-01\nW-2,Zhao,Min,male,1955-07-09\n"


@pytest.fixture
def page(qtbot, backend):  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView

    admin = AdminView(backend)
    qtbot.addWidget(admin)
    admin.show()
    admin.tabs.setCurrentWidget(admin.exchange)
    return admin.exchange


def _mrns(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return set(s.scalars(sa.text("SELECT mrn FROM patient WHERE mrn LIKE 'W-%'")))


def _open(qtbot, idle, page, monkeypatch, path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    QTest.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    idle()
    wizard = page.wizard
    assert wizard is not None
    QTest.mouseClick(wizard.file_page.choose, Qt.MouseButton.LeftButton)
    assert wizard.file_page.message.text() == "Reading the file…" and not wizard.file_page.isComplete()
    idle()  # read on a worker
    assert wizard.file_page.encoding.text() == "Text encoding: UTF-8"
    return wizard


def _next(wizard, idle) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    idle()


def _map_mrn(wizard) -> None:  # type: ignore[no-untyped-def]
    """The header "Record no" is no field's name: choose MRN for it by keyboard."""
    combos = wizard.mapping_page.combos
    assert [combos[h].currentData() for h in ("family_name", "sex", "birth_date")] == [
        "family_name",
        "sex",
        "birth_date",
    ]
    combo = combos["Record no"]
    assert combo.currentData() is None
    combo.setFocus()
    while combo.currentData() != "mrn":
        QTest.keyClick(combo, Qt.Key.Key_Down)


def test_a_good_list_imports_every_row_and_its_mapping_is_offered_next_time(
    qtbot, backend, idle, page, db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    _map_mrn(wizard)
    _next(wizard, idle)
    assert wizard.preview_page.summary.text() == "2 row(s) to add."
    assert wizard.preview_page.grid.rowCount() == 2
    _next(wizard, idle)  # Import
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=15000)
    assert wizard.import_page.result.text() == "Imported 2 patient(s)."
    assert _mrns(db) == {"W-1", "W-2"}
    QTest.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()

    again = tmp_path / "again.csv"
    again.write_text(GOOD.replace("W-", "X-"), encoding="utf-8")
    wizard = _open(qtbot, idle, page, monkeypatch, again)
    _next(wizard, idle)
    assert wizard.mapping_page.combos["Record no"].currentData() == "mrn"  # the saved mapping


def test_a_column_set_to_not_imported_stays_out_though_its_header_names_a_field(
    qtbot, backend, idle, page, db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "phones.csv"
    path.write_text(GOOD.replace("birth_date\n", "birth_date,phone\n").replace("-01\n", "-01,0101\n"), encoding="utf-8")
    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    _map_mrn(wizard)
    phone = wizard.mapping_page.combos["phone"]
    assert phone.currentData() == "phone"  # mapped by its header
    phone.setFocus()
    QTest.keyClick(phone, Qt.Key.Key_Home)
    assert phone.currentText() == "(not imported)"
    _next(wizard, idle)
    _next(wizard, idle)  # Import
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=15000)
    with db.read() as s:
        phones = dict(s.execute(sa.text("SELECT mrn, phone FROM patient WHERE mrn LIKE 'W-%'")).all())
    assert phones == {"W-1": "", "W-2": ""}
    QTest.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    assert wizard.mapping_page.combos["phone"].currentData() is None  # the choice is kept for the clinic


def test_a_file_that_is_no_spreadsheet_is_refused_in_words_and_next_stays_off(
    qtbot, backend, idle, page, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"this is not a workbook")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    QTest.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    idle()
    wizard = page.wizard
    QTest.mouseClick(wizard.file_page.choose, Qt.MouseButton.LeftButton)
    idle()
    message = wizard.file_page.message.text()
    assert "list.xlsx" in message and "Traceback" not in message and message != "Reading the file…"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_only_the_file_chosen_last_is_shown(qtbot, backend, idle, page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad, good = tmp_path / "bad.xlsx", tmp_path / "good.csv"
    bad.write_bytes(b"not a workbook")
    good.write_text(GOOD, encoding="utf-8")
    chosen = iter([bad, good])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(next(chosen)), ""))
    QTest.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    idle()
    wizard = page.wizard
    QTest.mouseClick(wizard.file_page.choose, Qt.MouseButton.LeftButton)
    QTest.mouseClick(wizard.file_page.choose, Qt.MouseButton.LeftButton)  # before the first is read
    idle()
    assert wizard.file_page.path.text() == str(good) and wizard.path == good
    assert wizard.file_page.message.text() == "" and wizard.file_page.isComplete()


def test_a_bad_cell_is_shown_and_nothing_can_be_imported(qtbot, backend, idle, page, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text(GOOD.replace("1955-07-09", "1955-13-40"), encoding="utf-8")
    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    _map_mrn(wizard)
    _next(wizard, idle)
    preview = wizard.preview_page
    cell = preview.grid.item(1, 4)
    assert cell.text().startswith("⚠ ") and cell.toolTip()
    assert preview.problems.item(0).text().startswith("Row 3, column birth_date: ")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert _mrns(db) == set()


def test_cancel_during_the_import_imports_nothing(qtbot, backend, idle, page, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.progress import CancellableProgress

    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    real = CancellableProgress.report

    def cancel_first(self, done: int, total: int) -> None:  # type: ignore[no-untyped-def]
        self.cancel()  # as if Cancel was pressed before the first report
        real(self, done, total)

    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    _map_mrn(wizard)
    _next(wizard, idle)
    monkeypatch.setattr(CancellableProgress, "report", cancel_first)
    _next(wizard, idle)
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=15000)
    assert wizard.import_page.result.text() == "Cancelled; nothing was imported."
    assert _mrns(db) == set()


def test_possible_duplicates_say_what_matched_in_words(qtbot, backend, idle, page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Two rows with one phone: listed as a possible duplicate by what matched, not by its code."""
    path = tmp_path / "list.csv"
    rows = GOOD.splitlines()
    path.write_text(
        "\n".join([rows[0] + ",phone", rows[1] + ",0898 1234 5678", rows[2] + ",0898 1234 5678"]) + "\n",
        encoding="utf-8",
    )
    wizard = _open(qtbot, idle, page, monkeypatch, path)
    _next(wizard, idle)
    _map_mrn(wizard)
    _next(wizard, idle)
    found = [wizard.preview_page.duplicates.item(i).text() for i in range(wizard.preview_page.duplicates.count())]
    assert found == ["Row 3 may be row 2 (same phone)"]
