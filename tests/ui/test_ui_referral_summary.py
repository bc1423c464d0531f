"""The referrals tab saves the patient's International Patient Summary (FHIR R4 IPS document) to
send with a referral; only roles that may export see the button."""

from __future__ import annotations

import json

from fhir.resources.R4B.bundle import Bundle
from PySide6.QtWidgets import QFileDialog, QMessageBox

from alsdesk.services.access import Actor
from tests.ui.test_ui_findings_reverts import open_chart


def test_the_referrals_tab_saves_the_patients_ips(qtbot, backend, idle, db, patient, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_chart(qtbot, backend, idle, patient.id)
    tab = window.pages["referrals"]
    window.tabs.setCurrentWidget(window._holders["referrals"])
    target = tmp_path / "summary.json"
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: offered.append(a[2]) or (str(target), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    assert tab.summary_button.isVisible()
    tab.summary_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert offered[0].endswith(".json") and patient.mrn in offered[0]
    document = json.loads(target.read_text("utf-8"))
    Bundle.model_validate(document)
    assert document["type"] == "document" and document["entry"][0]["resource"]["resourceType"] == "Composition"
    assert str(target) in told[0]


def test_a_role_without_export_sees_no_summary_button(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    backend.actor = Actor("viewer", None, "read_only")
    window = open_chart(qtbot, backend, idle, patient.id)
    window.tabs.setCurrentWidget(window._holders["referrals"])
    assert not window.pages["referrals"].summary_button.isVisible()
