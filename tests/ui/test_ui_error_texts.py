"""In the Chinese window a service's refusal reads in Chinese with its values filled in; the
English window shows the service's exact English words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alsdesk.services.access import Actor
from alsdesk.services.catalogs import load_resource


def _new_patient_dialog(qtbot, backend):  # type: ignore[no-untyped-def]
    from alsdesk.ui.patients.new_patient_dialog import NewPatientDialog

    dialog = NewPatientDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_new_patient_validation_and_duplicate_mrn_in_chinese(qtbot, backend, idle, patient, chinese) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_patient_dialog(qtbot, backend)
    tomorrow = date.today() + timedelta(days=1)
    dialog.birth.set_value(tomorrow)  # nobody is born tomorrow
    dialog.check(everything=True)
    assert dialog.field_errors["birth_date"].text() == f"出生日期（{tomorrow}）不能晚于 {date.today()}。"
    assert dialog.field_errors["family_name"].text() == "请填写姓。"
    assert dialog.field_errors["mrn"].text() == "请填写病历号。"

    dialog.mrn.setText("T0001")  # the fixture patient's MRN: refused by the service on save
    dialog.family.setText("Other")
    dialog.given.setText("X")
    dialog.birth.set_value(date(1970, 1, 1))
    dialog.save()
    idle()
    assert dialog.message.text() == (
        "病历号 T0001 已被 TEST, Patient（出生于 1960-05-17）使用。每位患者须有自己的病历号。"
    )


def test_dates_out_of_order_in_chinese(qtbot, backend, idle, chinese) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_patient_dialog(qtbot, backend)
    dialog.mrn.setText("N1")
    dialog.family.setText("Order")
    dialog.given.setText("Dates")
    dialog.birth.set_value(date(1960, 1, 1))
    dialog.onset.set_value(date(1959, 6, 1))
    assert dialog.problem() == "症状起病日期（1959-06-01）不能早于出生日期（1960-01-01）。"


def test_permission_refusal_in_chinese(qtbot, backend, idle, chinese) -> None:  # type: ignore[no-untyped-def]
    backend.actor = Actor("viewer", None, "read_only")
    dialog = _new_patient_dialog(qtbot, backend)
    dialog.mrn.setText("R1")
    dialog.family.setText("Read")
    dialog.given.setText("Only")
    dialog.birth.set_value(date(1970, 1, 1))
    dialog.save()
    idle()
    assert dialog.message.text() == "只读角色的账户无权登记或编辑患者；未做任何更改。"


def test_illegal_workup_move_in_chinese(qtbot, backend, idle, patient, db, chinese) -> None:  # type: ignore[no-untyped-def]
    """A refusal nobody asked to handle reaches the window through the worker's error signal."""
    from alsdesk.services import workups

    with db.write() as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=date.today())
    with qtbot.waitSignal(backend.error, timeout=15000) as shown:
        backend.write(lambda s: workups.advance_workup(session=s, workup_id=w.id, to="reviewed", on=date.today()))
    assert shown.args == ["状态为“已开单”的检查不能改为“已审阅”；下一步可为：已预约、已检查、已取消。"]


def test_values_translated_by_what_they_are(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.errors import DomainError, NotFoundError
    from alsdesk.services import common, restricted
    from alsdesk.ui.i18n.texts import error_text

    missing = NotFoundError("No {what} has the ID {value}.", what="therapy session", value="abc")
    assert error_text(missing) == "没有 ID 为 abc 的治疗。"
    try:
        common.check_choice("x", ("upper_limb", "bulbar"), "Onset region")
    except DomainError as err:
        assert error_text(err) == "起病部位必须是以下之一：上肢、延髓（收到 'x'）。"
    refusal = restricted._refusal(Actor("doc", None, "clinician"), None, "M9")  # type: ignore[arg-type]
    assert error_text(refusal) == "受限病历（M9）：仅其诊疗团队和管理员可以打开。"
    # Sign-in refusals are services/messages.py texts (returned, or raised when unlocking a file).
    from alsdesk.services import accounts, messages

    assert error_text(accounts.SignInError(accounts.WRONG)) == "用户名或密码错误。"
    locked = messages.text(messages.SIGNIN_LOCKED, minutes=14)
    assert error_text(accounts.SignInError(locked)) == "登录失败次数过多：此账户将再锁定 14 分钟。"
    # A text not worded from a template, or one without a translation, is shown as it is.
    assert error_text(DomainError("Something only the CLI says.")) == "Something only the CLI says."
    assert error_text(ValueError("not ours")) == "not ours"


def test_english_window_shows_the_services_words(qtbot, backend, idle, patient) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_patient_dialog(qtbot, backend)
    tomorrow = date.today() + timedelta(days=1)
    dialog.birth.set_value(tomorrow)
    dialog.check(everything=True)
    assert dialog.field_errors["birth_date"].text() == f"Birth date ({tomorrow}) cannot be after {date.today()}."
    assert dialog.field_errors["family_name"].text() == "Family name is required."


def test_prescription_warning_still_asks_in_chinese(qtbot, backend, idle, patient, messages, chinese) -> None:  # type: ignore[no-untyped-def]
    """The 'prescribe anyway?' question is recognised by the error's template, not its English words."""
    from alsdesk.ui.chart.window import ChartWindow

    window = ChartWindow(backend, patient.id)
    qtbot.addWidget(window)
    window.show()
    idle()
    window.show_tab("therapy")
    idle()
    tab = window.pages["therapy"]
    tab.drug.setCurrentIndex(tab.drug.findData("amx0035"))  # withdrawn from the market
    tab.prescribe(False)
    idle()
    assert len(messages) == 1 and messages[0][0] == "warning"
    # The warning itself in Chinese too: the drug's Chinese name and the catalog's Chinese facts.
    amx = next(d for d in load_resource("drugs.json") if d["code"] == "amx0035")
    assert messages[0][1].startswith(f"处方警告：{amx['name_zh']}已撤市。{amx['facts_zh']}")
    assert messages[0][1].endswith("如仍要开药，请确认。")
    tab.drug.setCurrentIndex(tab.drug.findData("tofersen"))  # only for SOD1-ALS; none documented
    tab.prescribe(False)
    idle()
    tofersen = next(d for d in load_resource("drugs.json") if d["code"] == "tofersen")
    assert messages[1][1].startswith(f"处方警告：{tofersen['name_zh']}仅用于 SOD1 突变型 ALS，而该患者未记录 SOD1 变异")
    assert "variant" not in messages[1][1] and "not_tested" not in messages[1][1]
    tab.drug.setCurrentIndex(tab.drug.findData("riluzole"))  # no ALT on record: no baseline
    tab.prescribe(False)
    idle()
    assert messages[2][1].startswith("处方警告：") and "开始使用利鲁唑前需查基线肝功能" in messages[2][1]
    assert "baseline" not in messages[2][1] and "Riluzole" not in messages[2][1]


# Names of programs, files, settings and commands that a Chinese message keeps as they are.
TECHNICAL = {"alsdesk", "SQLite", "PostgreSQL", "JSON", "UTF-8", "YYYY-MM-DD", "sqlcipher3", "sslmode", "NUL", "ID"}
TECHNICAL |= {"ALSDESK", "AUDIT", "KEY", "PG", "SSLMODE", "PASSWORD", "a4", "letter", "user", "NAME"}
TECHNICAL |= {"db", "upgrade", "database"}  # `alsdesk db upgrade`, --database
TECHNICAL |= {"URL", "postgresql", "psycopg"}  # the database URL forms (sqlite:///FILE, postgresql+psycopg://…)
TECHNICAL |= {"audit", "verify", "key"}  # `alsdesk audit verify`, the audit.key file
TECHNICAL |= {
    "disable",
    "encrypt",
    "NEW-MRN",
}  # `alsdesk user disable NAME`, `db encrypt`, `patient set-mrn OLD NEW-MRN`
TECHNICAL |= {"yes", "csv", "xls", "xlsx", "GB18030"}  # `import --yes`; file kinds and an encoding's name
TECHNICAL |= {"local", "incoming"}  # `conflicts resolve ID --keep local|incoming`
TECHNICAL |= {"HH", "MM"}  # a time written HH:MM, as "YYYY-MM-DD" names a date's form


def test_every_error_template_reads_in_chinese(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    """Each template, filled with neutral values through the compiled catalogue, leaves no English
    word but acronyms and names of programs, settings and commands."""
    from alsdesk.errors import DomainError
    from alsdesk.ui.i18n.texts import error_text
    from tests.ui.english_scan import ALLOWED, WORD
    from tests.unit import catalogue

    left: dict[str, set[str]] = {}
    for template in catalogue.texts("errors"):
        err = DomainError(template, **dict.fromkeys(catalogue.placeholders(template), 7))
        shown = error_text(err)
        assert shown != str(err) or not any(ch.isalpha() for ch in str(err)), template
        words = set(WORD.findall(shown)) - ALLOWED - TECHNICAL
        if words:
            left[template] = words
    assert left == {}


def test_an_imported_field_that_breaks_an_entry_rule_is_worded_in_chinese(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    """The importer keeps the service's own refusal, so the window words it like an entry refusal."""
    from alsdesk import exchange
    from alsdesk.exchange import validate
    from alsdesk.ui.i18n.texts import error_text

    row = {"occurred_on": date.today(), "topic": "", "text": " "}
    with pytest.raises(exchange.ImportFileError) as refused:
        validate.entry_checks("clinical_note", row, "patients[0].records.clinical_note[0]", date(1960, 1, 1))
    assert str(refused.value) == "patients[0].records.clinical_note[0].text: Text is required."
    assert error_text(refused.value) == "导入文件中的 patients[0].records.clinical_note[0].text：请填写内容。"
