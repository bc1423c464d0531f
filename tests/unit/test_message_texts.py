"""Texts services return (services/messages.py) are keys with typed values: every key is in every
language's catalogue with the same placeholders, and each value is worded in the message's language."""

from __future__ import annotations

import re

import pytest

from alsdesk.i18n import LANGUAGES, Msg
from alsdesk.i18n.values import Code, Codes, Days, Name, Plain, decode, encode
from alsdesk.services import messages
from tests.unit.catalogue import translations


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w*)[^}]*\}", text))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_service_template_is_translated_with_the_same_placeholders(lang: str) -> None:
    found = translations(lang, messages.CONTEXT)
    missing = [t for t in messages.TEMPLATES if not found.get(t)]
    assert missing == []
    differ = [t for t in messages.TEMPLATES if placeholders(t) != placeholders(found[t])]
    assert differ == []
    assert len(messages.TEMPLATES) >= 40


def test_the_english_text_is_the_template_filled() -> None:
    text = messages.text(messages.WORKUP_REVIEW, workup=Name("MRI brain", "头颅 MRI"), date="2026-01-02", days=Days(1))
    assert str(text) == text.text("en") == "MRI brain resulted on 2026-01-02; not reviewed within 1 day"
    assert text.text("zh_CN") == "头颅 MRI 已于 2026-01-02 出结果；1天内未审阅"


def test_values_are_worded_by_what_they_are() -> None:
    urgency = Code("urgent", "Urgent")
    assert (urgency.text("en"), urgency.text("zh_CN")) == ("Urgent", "紧急")
    criteria = Codes((Code("fvc_50", "fvc_50"), Code("snip_40", "snip_40")))
    assert criteria.text("en") == "fvc_50, snip_40"
    assert criteria.text("zh_CN") == "FVC 低于 50%、SNIP 低于 40 cmH2O"
    assert (Days(1).text("en"), Days(12).text("en"), Days(12).text("zh_CN")) == ("1 day", "12 days", "12天")
    assert (Name("Riluzole", "利鲁唑").text("zh_CN"), Name("Trial drug", "").text("zh_CN")) == ("利鲁唑", "Trial drug")
    assert Plain("typed by a person").text("zh_CN") == "typed by a person"
    assert Code("", "").text("zh_CN") == "—"  # no code recorded


def test_stored_values_read_back_as_they_were() -> None:
    quoted = messages.text(messages.DIED, date="2026-03-01")
    values = {
        "criteria": Codes((Code("fvc_50", "fvc_50"),)),
        "days": Days(3),
        "drug": Name("Riluzole", "利鲁唑"),
        "status": Code("ordered", "ordered"),
        "quoted": quoted,
        "plain": "48",
    }
    assert {k: decode(encode(v)) for k, v in values.items()} == values
    with pytest.raises(ValueError):
        decode({"unknown": 1})


def test_a_message_quoting_another_renders_it_in_the_same_language() -> None:
    warning = messages.text(messages.DRUG_WITHDRAWN, drug=Name("AMX0035", "AMX0035（已撤市）"), facts=Name("", ""))
    outer = Msg("{warning}", {"warning": warning})
    assert outer.text("zh_CN") == warning.text("zh_CN") != warning.text("en")


def test_a_stored_alert_reads_back_its_message_or_shows_its_english() -> None:
    from alsdesk.services import alerts

    made = messages.text(messages.ABG, spo2="91", limit="94")
    columns = alerts.message_columns(made)
    english = columns["message"]
    assert english == "SpO2 91% (below 94%, no lung disease): arterial blood gas needed"
    assert alerts.stored_message(columns["message_key"], columns["message_values"], english) == made
    # An import of an older file has no key; a file may hold anything: the English shows as it is.
    for key, values in (("", "{}"), (messages.ABG, "not json"), (messages.ABG, "{}"), ("{x}", '{"x": 1}')):
        shown = alerts.stored_message(key, values, english)
        assert shown == messages.text(english) and str(shown) == english
    assert alerts.stored_message(messages.ABG, '{"spo2": "90", "limit": "94"}', english) == messages.text(english)
