"""Administration › Catalogs: adding and editing drugs, workup types and care program templates
through their forms, refusals shown beside the form, and the read-only disciplines list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from alsdesk.errors import NotFoundError
from alsdesk.services import catalogs
from alsdesk.services.access import Actor
from alsdesk.vocab import DISCIPLINES


def open_admin(qtbot, backend, idle):  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.view import AdminView
    from alsdesk.ui.signin.roles import apply_role

    admin = AdminView(backend)
    qtbot.addWidget(admin)
    apply_role(admin, backend)  # as the main window does for each page
    admin.show()
    idle()
    return admin


def drug_codes(admin) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in admin.drugs.rows()]


def test_add_then_edit_a_drug(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.drug_dialog import DrugDialog

    admin = open_admin(qtbot, backend, idle)
    assert not admin.add_drug_button.isHidden() and not admin.edit_drug_button.isHidden()  # on a tab not shown yet
    assert "clinicol" not in drug_codes(admin)
    admin.add_drug_button.click()
    dialog = admin.dialog
    assert isinstance(dialog, DrugDialog) and not dialog.lines["code"].isReadOnly()
    dialog.lines["code"].setText("Clinicol")
    dialog.lines["name"].setText("Clinicol")
    dialog.lines["name_zh"].setText("诊所醇")
    dialog.lines["purpose"].setText("Cramp relief")
    dialog.lines["default_dose"].setText("10 mg at night")
    dialog.lines["default_dose_zh"].setText("每晚10毫克")
    dialog.boxes["facts"].setPlainText("Line one.\nLine two.")
    dialog.approval.setCurrentIndex(dialog.approval.findData("off_label"))
    dialog.genetics.setCurrentIndex(dialog.genetics.findData("SOD1"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    idle()
    assert dialog.saved and not dialog.isVisible()
    with db.read() as s:
        drug = catalogs.get_drug(session=s, code="clinicol")
    assert (drug.name, drug.name_zh, drug.purpose, drug.approval) == ("Clinicol", "诊所醇", "Cramp relief", "off_label")
    assert (drug.default_dose_zh, drug.facts, drug.requires_genetics) == ("每晚10毫克", "Line one.\nLine two.", "SOD1")
    idle()
    assert "clinicol" in drug_codes(admin)  # the table reloaded on the catalogs change

    row = drug_codes(admin).index("clinicol")
    assert not admin.edit_drug_button.isEnabled()  # nothing selected (the reload cleared it): nothing to edit
    admin.drug_table.selectRow(row)
    assert admin.edit_drug_button.isEnabled()
    admin.drug_table.activated.emit(admin.drugs.index(row, 0))  # what Enter or a double-click sends
    dialog = admin.dialog
    assert isinstance(dialog, DrugDialog) and dialog.drug is not None and dialog.drug.code == "clinicol"
    assert dialog.lines["code"].isReadOnly() and dialog.lines["name_zh"].text() == "诊所醇"
    assert "code" in dialog.lines["code"].toolTip()  # says why it cannot be changed
    dialog.lines["purpose"].setText("Cramps and spasticity")
    dialog.approval.setCurrentIndex(dialog.approval.findData("withdrawn"))
    dialog.save()
    idle()
    with db.read() as s:
        drug = catalogs.get_drug(session=s, code="clinicol")
    assert (drug.purpose, drug.approval, drug.name) == ("Cramps and spasticity", "withdrawn", "Clinicol")
    idle()
    edited = admin.drugs.rows()[drug_codes(admin).index("clinicol")]
    assert edited.purpose == "Cramps and spasticity"


def test_cancel_asks_before_discarding_typed_text(qtbot, backend, idle, messages) -> None:  # type: ignore[no-untyped-def]
    admin = open_admin(qtbot, backend, idle)
    admin.add_drug_button.click()
    dialog = admin.dialog
    dialog.reject()  # nothing typed: closes without asking
    assert not dialog.isVisible() and messages == []
    admin.add_drug_button.click()
    dialog = admin.dialog
    dialog.lines["name"].setText("Half typed")
    dialog.reject()  # the recorded question answers Ok, not Discard: the form stays
    assert [kind for kind, _ in messages] == ["question"] and dialog.isVisible()
    assert dialog.lines["name"].text() == "Half typed"


def test_refused_drug_shows_the_chinese_message_and_keeps_the_text(qtbot, backend, idle, db, chinese) -> None:  # type: ignore[no-untyped-def]
    admin = open_admin(qtbot, backend, idle)
    admin.add_drug_button.click()
    dialog = admin.dialog
    assert dialog.windowTitle() == QCoreApplication.translate("DrugDialog", "Add drug") != "Add drug"
    dialog.lines["code"].setText("nameless")
    dialog.lines["purpose"].setText("Something")
    dialog.boxes["facts_zh"].setPlainText("中文事实")
    dialog.save()
    idle()
    text = dialog.message.text()
    assert not dialog.saved and dialog.isVisible() and not dialog.message.isHidden()
    assert QCoreApplication.translate("fields", "Name") in text and any("\u4e00" <= c <= "\u9fff" for c in text)
    assert not any(c.isascii() and c.isalpha() for c in text), text
    assert dialog.lines["code"].text() == "nameless" and dialog.boxes["facts_zh"].toPlainText() == "中文事实"
    assert dialog.buttons.isEnabled()
    with db.read() as s, pytest.raises(NotFoundError):
        catalogs.get_drug(session=s, code="nameless")


def test_add_workup_type(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.admin.workup_type_dialog import WorkupTypeDialog

    admin = open_admin(qtbot, backend, idle)
    admin.add_workup_button.click()
    dialog = admin.dialog
    assert isinstance(dialog, WorkupTypeDialog)
    dialog.code.setText("sleep_study")
    dialog.name_en.setText("Sleep study")
    dialog.name_zh.setText("睡眠监测")
    dialog.discipline.setCurrentIndex(dialog.discipline.findData("respiratory_medicine"))
    dialog.save()
    idle()
    with db.read() as s:
        found = [w for w in catalogs.workup_types(session=s) if w.code == "sleep_study"]
    assert [(w.name_en, w.name_zh, w.discipline) for w in found] == [
        ("Sleep study", "睡眠监测", "respiratory_medicine")
    ]
    idle()
    assert "sleep_study" in [w.code for w in admin.workups.rows()]
    admin.add_workup_button.click()  # the same code again is refused beside the form
    again = admin.dialog
    again.code.setText("sleep_study")
    again.name_en.setText("Another")
    again.save()
    idle()
    assert again.isVisible() and "sleep_study" in again.message.text()


def test_add_and_edit_a_program_template(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.programs.template_dialog import ProgramTemplateDialog

    def stored():  # type: ignore[no-untyped-def]
        with db.read() as s:
            return next(t for t in catalogs.program_templates(session=s) if t.code == "breath_club")

    admin = open_admin(qtbot, backend, idle)
    admin.add_template_button.click()
    dialog = admin.dialog
    assert isinstance(dialog, ProgramTemplateDialog) and dialog.items.rowCount() == 1
    dialog.code.setText("breath_club")
    dialog.name_en.setText("Breathing club")
    dialog.name_zh.setText("呼吸俱乐部")
    dialog.evidence.setCurrentIndex(dialog.evidence.findData("expert-consensus"))
    dialog.duration.setValue(30)
    dialog.items.item(0, 0).setText("Breathing exercises")
    dialog.items.item(0, 1).setText("呼吸练习")
    dialog.add_button.click()
    dialog.items.item(1, 0).setText("Cough assist")
    dialog.add_button.click()  # a blank third row is ignored
    dialog.texts["diet_restrictions"].setPlainText("None")
    dialog.texts["instructions_zh"].setPlainText("每天练习")
    dialog.source.setText("Clinic protocol 2026")
    dialog.save()
    idle()
    template = stored()
    assert [(i.en, i.zh) for i in template.items] == [("Breathing exercises", "呼吸练习"), ("Cough assist", "")]
    assert (template.name_zh, template.evidence_level, template.duration_days) == ("呼吸俱乐部", "expert-consensus", 30)
    assert (template.instructions_zh, template.source) == ("每天练习", "Clinic protocol 2026")
    idle()
    row = [t.code for t in admin.templates.rows()].index("breath_club")
    admin.template_table.selectRow(row)
    admin.edit_template_button.click()
    dialog = admin.dialog
    assert dialog.template is not None and dialog.code.isReadOnly() and dialog.items.rowCount() == 2
    dialog.items.setCurrentCell(0, 0)
    dialog.remove_button.click()
    dialog.items.item(0, 1).setText("咳嗽辅助")
    dialog.add_button.click()
    dialog.items.item(1, 0).setText("Rest")
    dialog.duration.setValue(7)
    dialog.save()
    idle()
    template = stored()
    assert [(i.en, i.zh) for i in template.items] == [("Cough assist", "咳嗽辅助"), ("Rest", "")]
    assert template.duration_days == 7 and template.name_en == "Breathing club"


def test_coordinator_sees_no_add_or_edit_buttons(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    import uuid

    backend.actor = Actor("coord", uuid.uuid4(), "coordinator")
    admin = open_admin(qtbot, backend, idle)
    buttons = (
        admin.add_workup_button,
        admin.add_drug_button,
        admin.edit_drug_button,
        admin.add_template_button,
        admin.edit_template_button,
    )
    assert admin.drugs.rowCount() > 0
    assert all(b.isHidden() for b in buttons)
    admin.drug_table.activated.emit(admin.drugs.index(0, 0))  # a double-click opens no form either
    assert admin.dialog is None


def test_disciplines_tab_lists_every_discipline(qtbot, backend, idle, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.ui.widgets.common import code_label

    admin = open_admin(qtbot, backend, idle)
    model = admin.disciplines
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == list(DISCIPLINES)
    labels = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert labels == [code_label(c) for c in DISCIPLINES]
    assert QCoreApplication.translate("codes", "Neurology") in labels and "Neurology" not in labels
    titles = [admin.catalog_tabs.tabText(i) for i in range(admin.catalog_tabs.count())]
    assert QCoreApplication.translate("AdminView", "Disciplines") in titles


def test_drug_form_keyboard_order_mnemonics_and_names(qtbot, backend, idle) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFormLayout, QLabel

    admin = open_admin(qtbot, backend, idle)
    admin.add_drug_button.click()
    dialog = admin.dialog
    fields = [
        *(dialog.lines[k] for k in ("code", "name", "name_zh", "purpose", "purpose_zh")),
        dialog.approval,
        dialog.lines["default_dose"],
        dialog.lines["default_dose_zh"],
        dialog.boxes["facts"],
        dialog.boxes["facts_zh"],
        dialog.genetics,
    ]
    order, widget = [], fields[0]
    for _ in range(200):  # the focus chain, in the order Tab walks it
        if widget in fields and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == fields
    assert all(box.tabChangesFocus() for box in dialog.boxes.values())
    form = dialog.findChild(QFormLayout)
    mnemonics = []
    for field in fields:
        label = form.labelForField(field)
        assert isinstance(label, QLabel) and label.buddy() is field and "&" in label.text()
        mnemonics.append(label.text().split("&")[1][0].lower())
        assert field.accessibleName() == label.text().replace("&", "")
    assert len(set(mnemonics)) == len(mnemonics), mnemonics
