"""Recording a death in the chart window, by keyboard: the header shows the date of death and
stage 5, and the running medication ends on that date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from alsdesk.services import assessments, medications
from tests.ui.modal import on_next_modal
from tests.ui.test_ui_dates import open_chart, stored, type_date

DEATH = date(2025, 8, 1)
ITEMS = {"1": 4, "2": 4, "3": 4, "4": 4, "5a": 4, "6": 4, "7": 4, "8": 3, "9": 3, "10": 4, "11": 4, "12": 3}


def test_recording_a_death_by_keyboard_shows_it_in_the_header(qtbot, backend, idle, patient, db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 7, 1), items=ITEMS)
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date(2025, 6, 10),
            acknowledge_warnings=True,
        )
    window = open_chart(qtbot, backend, idle, patient.id)
    header = window.header
    assert header.fields["kings"].text() == "4B" and header.fields["mitos"].text() == "0"  # item 12 = 3
    assert "died" not in header.identity.text()

    def record(dialog: QWidget) -> None:
        dialog.status.setFocus()
        QTest.keyClicks(dialog.status, "Dec")  # the combo's keyboard search: "Deceased"
        type_date(qtbot, dialog.death, DEATH.isoformat())
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # Save is the dialog's default button

    seen = on_next_modal(record)
    header.edit_button.setFocus()
    QTest.keyClick(header.edit_button, Qt.Key.Key_Space)
    assert seen and seen[0].status.currentData() == "deceased"
    idle()
    qtbot.waitUntil(lambda: "died" in header.identity.text(), timeout=10000)
    assert header.identity.text().endswith(f"· died {DEATH}")
    assert header.fields["kings"].text() == f"5 (died {DEATH})"
    assert header.fields["mitos"].text() == f"5 (died {DEATH})"
    (riluzole,) = stored(db, patient.id).medications
    assert (riluzole.stopped_on, riluzole.stop_reason) == (DEATH, f"Died on {DEATH}")


def test_the_header_in_chinese(qtbot, backend, idle, patient, db, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import patients

    with db.write() as s:
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date(2025, 6, 10),
            acknowledge_warnings=True,
        )
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=DEATH)
    window = open_chart(qtbot, backend, idle, patient.id)
    assert window.header.identity.text().endswith(f"· {DEATH} 去世")
    assert window.header.fields["kings"].text() == f"5（{DEATH} 去世）"
    from alsdesk.ui.i18n.texts import message_text

    (riluzole,) = stored(db, patient.id).medications
    assert riluzole.stop_reason == f"Died on {DEATH}"  # stored, and printed by the CLI, in English
    assert message_text(medications.shown_stop_reason(riluzole)) == f"于 {DEATH} 去世"
