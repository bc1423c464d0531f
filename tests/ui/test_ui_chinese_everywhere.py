"""In the Chinese window no screen of a demo clinic shows English where a translation exists.

Walks every main screen and chart tab (widget texts and item-model cells) for ASCII words. Allowed:
acronyms and units (english_scan.ALLOWED) and what people typed or named (patient and staff names,
facilities, plan titles, notes, doses…), read from the database's free-text columns.
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from tests.ui.english_scan import english_texts, typed_pattern

ANCHOR = date(2026, 11, 27)
# Free text people enter (or proper names): shown as typed, in whatever language it was typed.
FREE_TEXT = {
    "patient": ("mrn", "family_name", "given_name", "caregiver_name", "gp_name", "gp_contact"),
    "staff": ("display_name", "username", "job_title"),
    "allergy": ("substance", "reaction"),
    "clinic_profile": ("name", "address", "site_id"),  # a site ID is an identifier, as an MRN is
    "therapy_plan": ("title", "goals"),
    "clinical_note": ("topic", "text"),
    "referral": (
        "reference",
        "to_facility",
        "to_person",
        "reason",
        "requested_service",
        "questions",
        "findings",
        "recommendations",
    ),
    "workup": ("result", "interpretation", "note"),
    "medication": ("dose_note", "stop_reason", "warning_acknowledged"),
    # Brand names inside Chinese names (Qalsody) stay; English drug names, purposes and facts must not
    # show: each shipped drug has Chinese ones.
    "drug": ("name_zh",),
    "program_template": ("purpose", "source"),
    "lab_result": ("test", "unit"),
}


CLINIC_SIZE = 300  # big enough that some patient has workups, alerts, referrals and a program in this demo mix


@pytest.fixture
def demo_clinic(db, monkeypatch):  # type: ignore[no-untyped-def]
    from alsdesk import demo

    with db.write() as s:
        demo.load_demo(session=s, patients=CLINIC_SIZE, anchor=ANCHOR)
    return db


def typed_values(db) -> set[str]:  # type: ignore[no-untyped-def]
    values: set[str] = set()
    with db.read() as s:
        for table, columns in FREE_TEXT.items():
            have = {c["name"] for c in sa.inspect(s.get_bind()).get_columns(table)}
            for column in columns:
                if column in have:
                    for (value,) in s.execute(sa.text(f"SELECT {column} FROM {table}")):
                        values.add(value or "")
    return values


def test_no_english_left_in_the_chinese_window(qtbot, backend, idle, settings, demo_clinic, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import chart, patients, worklist
    from alsdesk.ui.chart.window import TABS
    from alsdesk.ui.main_window import PAGES, MainWindow

    # The language list names each language in itself.
    allowed = typed_pattern(typed_values(demo_clinic) | {"English"})
    window = MainWindow(backend, settings)
    qtbot.addWidget(window)
    window.show()
    left: dict[str, list[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        if key == "schedule":
            page.show_week(ANCHOR)  # the demo's busy week
        idle()
        left[key] = english_texts(page, allowed)
    # The fullest chart, so every tab has rows (alerts, workups, referrals, programs…).
    with demo_clinic.read() as s:  # a chart where the tabs that show service-built texts all have rows
        patient_id = next(
            p.id
            for p in patients.list_patients(session=s, limit=CLINIC_SIZE)
            if (c := chart.patient_chart(session=s, patient_id=p.id)).workups
            and c.alerts
            and c.referrals
            and c.enrollments
        )
    chart_window = window.open_chart(patient_id)
    for tab in TABS:
        chart_window.show_tab(tab)
        # A tab is built on first show and laid out by a queued event: wait until it is shown.
        qtbot.waitUntil(lambda t=tab: chart_window.pages[t].isVisibleTo(chart_window))
        idle()
        left[tab] = english_texts(chart_window, allowed)
    chart_window.close()
    window.close()
    assert {k: v for k, v in left.items() if v} == {}, "\n".join(f"{k}: {t!r}" for k, v in left.items() for t in v)
    # The walk saw the texts services build: alert and worklist reasons, in Chinese.
    with demo_clinic.read() as s:
        items = worklist.worklist(session=s, on=ANCHOR)
        full = chart.patient_chart(session=s, patient_id=patient_id)
        assert patients.count_patients(session=s, include_archived=True) == CLINIC_SIZE
    assert any(i.kind == "alert" for i in items) and any(i.kind == "referral_followup" for i in items)
    assert full.workups and full.alerts and full.referrals and full.enrollments


def test_every_worklist_and_alert_text_is_a_known_template(demo_clinic) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.models import Alert
    from alsdesk.services import alerts, messages, worklist

    with demo_clinic.read() as s:
        reasons = [i.reason for i in worklist.worklist(session=s, on=ANCHOR)]
        stored = s.execute(sa.select(Alert.message, Alert.message_key, Alert.message_values)).all()
    reasons += [alerts.stored_message(key, values, english) for english, key, values in stored]
    assert [str(r) for r in reasons if r.key not in messages.TEMPLATES] == []
    assert [english for english, key, _ in stored if key not in messages.TEMPLATES] == []
    # Each shows in Chinese: its template translated and its values by what they are.
    assert [str(r) for r in reasons if r.text("zh_CN") == str(r)] == []
    assert len({r.key for r in reasons}) >= 10  # most kinds of reason occur in the demo clinic


def test_message_text_translates_values_and_keeps_unknown_text(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.i18n.values import Code, Days, Name, Plain
    from alsdesk.services import messages
    from alsdesk.ui.i18n import texts

    overdue = messages.text(
        messages.WORKUP_OVERDUE,
        workup=Name("Nerve conduction studies", "神经传导检查"),
        status=Code("scheduled", "scheduled"),
        date="2026-10-17",
        days=Days(41),
    )
    assert str(overdue) == "Nerve conduction studies scheduled, due 2026-10-17, not performed (41 days overdue)"
    assert texts.message_text(overdue) == "神经传导检查 已预约，应于 2026-10-17 完成，尚未检查（逾期 41天）"
    assert texts.message_text(Plain("Something a person typed")) == "Something a person typed"
    assert texts.weekday(date(2026, 11, 23)) == "周一"


def test_conflict_text_is_translated(qapp, chinese) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from alsdesk.errors import ConflictError
    from alsdesk.services.audit import ChangeBy
    from alsdesk.ui.chart.conflict_dialog import conflict_text

    at = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)
    error = ConflictError("English text from the service", (ChangeBy("wxu", "Xu Wen", at, ("birth date", "phone")),))
    lines = conflict_text(error).splitlines()
    assert lines[0] == "您打开此记录后，它已在另一台工作站上被修改；您的修改未保存。"
    # the fields changed are named in Chinese too (context "columns")
    assert lines[1].startswith("Xu Wen (wxu) 于 2026-11-27 ") and lines[1].endswith(" 修改了：出生日期、电话")
