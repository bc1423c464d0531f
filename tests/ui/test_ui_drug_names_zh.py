"""In the Chinese window drugs are called by their Chinese catalog names; the English window keeps English."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex


def _prescribe_riluzole(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import medications

    # Started two months ago with no ALT before or since (confirmed): the baseline liver test is due.
    with db.write() as s:
        medications.prescribe(
            session=s,
            patient_id=patient.id,
            drug_code="riluzole",
            started_on=date.today() - timedelta(days=62),
            acknowledge_warnings=True,
        )


def _texts(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            found.append(str(model.data(index) or ""))
            if column == 0 and model.rowCount(index):
                found += _texts(model, index)
    return found


def _open_views(qtbot, backend, idle, patient):  # type: ignore[no-untyped-def]
    from alsdesk.ui.chart.window import ChartWindow
    from alsdesk.ui.worklist.view import WorklistView

    view = WorklistView(backend, lambda *a: None)
    qtbot.addWidget(view)
    idle(view)
    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.show()
    chart.show_tab("therapy")
    qtbot.waitUntil(lambda: chart.pages["therapy"].isVisibleTo(chart))
    idle()
    therapy = chart.pages["therapy"]
    return (
        _texts(view.model),
        _texts(therapy.meds),
        [therapy.drug.itemText(i) for i in range(therapy.drug.count())],
        _texts(chart.pages["overview"].model),
    )


def test_chinese_window_shows_chinese_drug_names(qtbot, backend, idle, db, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    _prescribe_riluzole(db, patient)
    worklist, meds, choices, timeline = _open_views(qtbot, backend, idle, patient)
    due = [t for t in worklist if "ALT" in t]
    assert len(due) == 1 and due[0].startswith("利鲁唑") and "Riluzole" not in due[0]
    assert "应查基线肝功能" in due[0] and "baseline" not in due[0]  # which rule set the date, in Chinese
    assert meds[0] == "利鲁唑"
    assert any(c.startswith("利鲁唑") for c in choices) and any(c.startswith("巴氯芬") for c in choices)
    assert not any(c.startswith(("Riluzole", "Baclofen")) for c in choices)
    assert any("利鲁唑" in t for t in timeline) and not any("Riluzole" in t for t in timeline)


def test_english_window_keeps_english_drug_names(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    _prescribe_riluzole(db, patient)
    worklist, meds, choices, timeline = _open_views(qtbot, backend, idle, patient)
    assert any(t.startswith("Riluzole started") for t in worklist)
    assert meds[0] == "Riluzole"
    assert any(c.startswith("Riluzole (") for c in choices) and not any("利鲁唑" in c for c in choices)
    assert any("Started Riluzole" in t for t in timeline)


def _purposes_and_facts(qtbot, backend, idle, db, patient) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """What the therapy tab and the admin Drugs table show of drugs' purposes and facts."""
    from PySide6.QtCore import Qt

    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.chart.window import ChartWindow

    _prescribe_riluzole(db, patient)
    chart = ChartWindow(backend, patient.id)
    qtbot.addWidget(chart)
    chart.show()
    chart.show_tab("therapy")
    qtbot.waitUntil(lambda: chart.pages["therapy"].isVisibleTo(chart))
    admin = AdminView(backend)
    qtbot.addWidget(admin)
    idle()
    therapy = chart.pages["therapy"]
    combo = therapy.drug
    amx = combo.findData("amx0035")
    headers = [str(admin.drugs.headerData(c, Qt.Orientation.Horizontal)) for c in range(admin.drugs.columnCount())]
    purpose, facts = headers.index(admin.tr("Purpose")), headers.index(admin.tr("Facts"))
    row = next(
        r for r in range(admin.drugs.rowCount()) if admin.drugs.index(r, 0).data() == "AMX0035 (Relyvrio / Albrioza)"
    )
    return {
        "choices": [combo.itemText(i) for i in range(combo.count())],
        "withdrawn tooltip": [combo.itemData(amx, Qt.ItemDataRole.ToolTipRole)],
        "medication": [str(therapy.meds.index(0, c).data()) for c in range(2)],
        "medication tooltip": [therapy.meds.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)],
        "admin": [admin.drugs.index(row, purpose).data(), admin.drugs.index(row, facts).data()],
        "admin tooltip": [admin.drugs.index(row, facts).data(Qt.ItemDataRole.ToolTipRole)],
    }


def test_chinese_window_shows_chinese_drug_purposes_and_facts(qtbot, backend, idle, db, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    shown = _purposes_and_facts(qtbot, backend, idle, db, patient)
    assert "利鲁唑：改善病情（标准治疗）" in shown["choices"] and "巴氯芬：痉挛" in shown["choices"]
    assert not any("spasticity" in c or "disease-modifying" in c for c in shown["choices"])
    assert shown["withdrawn tooltip"][0].startswith("3期临床试验PHOENIX失败后")
    assert shown["medication"] == ["利鲁唑", "改善病情（标准治疗）"]
    assert shown["medication tooltip"][0].startswith("标准治疗。肝功能监测")
    assert shown["admin"] == ["改善病情（已撤市）", "3期临床试验PHOENIX失败后，已于2024年4月4日撤出美国和加拿大市场。"]
    tip = shown["admin tooltip"][0]  # administrators see both languages, the window's first
    assert tip.startswith("3期临床试验") and tip.endswith("after the PHOENIX phase 3 trial failed.")


def test_english_window_shows_english_drug_purposes_and_facts(qtbot, backend, idle, db, patient) -> None:  # type: ignore[no-untyped-def]
    shown = _purposes_and_facts(qtbot, backend, idle, db, patient)
    assert "Riluzole (disease-modifying (standard of care))" in shown["choices"]
    assert "Baclofen (spasticity)" in shown["choices"]
    assert shown["withdrawn tooltip"][0].startswith("Withdrawn from the US and Canadian markets on 4 Apr 2024")
    assert shown["medication"] == ["Riluzole", "disease-modifying (standard of care)"]
    assert shown["medication tooltip"][0].startswith("Standard of care. Liver monitoring")
    assert shown["admin"][0] == "disease-modifying (withdrawn)" and shown["admin"][1].startswith("Withdrawn from")
    assert shown["admin tooltip"][0].endswith("撤出美国和加拿大市场。")


def test_catalog_text_translates_a_drugs_facts_and_purpose(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import Drug
    from alsdesk.services import catalogs, medications
    from alsdesk.ui.i18n import texts

    amx = next(d for d in catalogs.load_resource("drugs.json") if d["code"] == "amx0035")
    assert texts.catalog_text(amx["facts"], amx["facts_zh"]) == amx["facts_zh"] != ""
    assert texts.catalog_text(amx["purpose"], amx["purpose_zh"]) == "改善病情（已撤市）"
    assert texts.catalog_text("A clinic's own note") == "A clinic's own note"
    # A prescription warning quoting the drug's facts quotes them in Chinese too.
    fields = {k: v for k, v in amx.items() if k in Drug.__table__.columns}
    (warning,) = medications.prescription_warnings(drug=Drug(**fields), genetics="negative")
    assert amx["facts"] in str(warning) and amx["facts_zh"] in texts.message_text(warning)


def test_chinese_window_words_each_alt_rule_in_chinese(qapp, db, chinese) -> None:  # type: ignore[no-untyped-def]
    """The three reasons a liver test falls due, as the worklist words them, read in Chinese."""
    import sqlalchemy as sa

    from alsdesk.models import Drug
    from alsdesk.services import medications, messages
    from alsdesk.ui.i18n.texts import message_text

    with db.read() as s:
        riluzole = medications.drug_name(s.scalars(sa.select(Drug).where(Drug.code == "riluzole")).one())
    values = {"drug": riluzole, "date": "2025-01-15", "due": "2025-07-01"}
    shown = [
        message_text(messages.text(messages.ALT_DUE_BASELINE, **values, count=30)),
        message_text(messages.text(messages.ALT_DUE, **values, month=6, last="2025-04-15")),
        message_text(messages.text(messages.ALT_DUE_RAISED, **values, value="56", last="2025-06-01", limit="40")),
    ]
    assert shown == [
        "利鲁唑 于 2025-01-15 开始：2025-07-01 应查基线肝功能（ALT）（开始用药前 30 天内未查）",
        "利鲁唑 于 2025-01-15 开始：2025-07-01 应查肝功能（ALT），按计划第 6 个月（上次 ALT 2025-04-15）",
        "利鲁唑 于 2025-01-15 开始：2025-07-01 应查肝功能（ALT），ALT 升高后每月复查（2025-06-01 为 56，高于正常上限 40）",
    ]
