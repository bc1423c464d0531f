"""The documents' words come from the one catalogue (context "report", codes in "report-codes"):
every printed text is extracted and translated with the same fields, a code is worded the
document's own way only where the window words it otherwise, and a Chinese document prints no
English word outside an allow-list (the tests of the retired reports/messages.py dictionaries,
ported and extended)."""

from __future__ import annotations

import ast
import re
import string
from datetime import date
from pathlib import Path

import pytest

from alsdesk.i18n import translate
from alsdesk.i18n.labels import code_text
from alsdesk.reports.code_words import CODES_CONTEXT, OWN_WORDS
from alsdesk.reports.texts import CONTEXT, code, t
from alsdesk.reports.worklist import kind_heading
from tests.unit import catalogue

LANGS = ("en", "zh_CN")
REPORTS = Path(__file__).resolve().parents[2] / "alsdesk" / "reports"


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_words_and_codes_print_in_the_documents_language():
    assert t("en", "Page {n} of {m}", n=2, m=3) == "Page 2 of 3"
    assert t("zh_CN", "Page {n} of {m}", n=2, m=3) == "第 2 页，共 3 页"
    assert t("zh_CN", "Confidential") == "保密"
    assert code("zh_CN", "discipline", "dietetics") == "营养科"  # as the window words it
    assert code("zh_CN", "discipline", "respiratory_medicine") == "呼吸科"  # the letter's own word
    assert code("en", "urgency", "urgent") == "URGENT" and code("en", "urgency", "routine") == "Routine"
    assert code("en", "region", "upper_limb") == "upper limb" and code("zh_CN", "region", "upper_limb") == "上肢"
    assert code("en", "discipline", "new_team") == "New team"  # an unknown code reads as words, not a key
    assert code("en", "discipline", "") == "" and code("zh_CN", "genetics", "SOD1") == "SOD1"


@pytest.mark.parametrize("context", [CONTEXT, CODES_CONTEXT])
@pytest.mark.parametrize("lang", catalogue.languages())
def test_every_printed_word_has_a_translation_with_the_same_fields(lang: str, context: str):
    texts = catalogue.texts(context)
    assert len(texts) > (100 if context == CONTEXT else 30)  # the extractor finds the documents' words
    found = catalogue.translations(lang, context)
    assert [text for text in texts if not found.get(text)] == []
    assert [text for text in texts if _fields(found[text]) != _fields(text)] == []


def _text_calls() -> list[str]:
    """Every `t(lang, text)` whose text the extractor cannot read: neither a literal nor a name
    (a name is a loop over an N_ table, whose texts are extracted where they are marked)."""
    bad = []
    for path in sorted(REPORTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t":
                text = node.args[1] if len(node.args) > 1 else None
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
                if not (literal or isinstance(text, ast.Name)):
                    bad.append(f"{path.name}:{node.lineno}")
    return bad


def test_every_printed_word_is_written_where_the_extractor_finds_it():
    assert _text_calls() == []  # t(lang, "yes" if x else "no") printed English in Chinese documents


def test_a_document_words_a_code_its_own_way_only_where_the_window_words_it_otherwise():
    from alsdesk.services.worklist import KINDS

    for (group, value), text in OWN_WORDS.items():
        own = [translate(lang, text, CODES_CONTEXT) for lang in LANGS]
        window = [
            translate(lang, KINDS[value], "worklist") if group == "kind" else code_text(value, lang) for lang in LANGS
        ]
        assert own != window, (group, value)


def test_worklist_headings_are_the_worklists_own():
    from alsdesk.services.worklist import KINDS

    for kind, text in KINDS.items():
        assert kind_heading("en", kind) == text
        if ("kind", kind) not in OWN_WORDS:
            assert kind_heading("zh_CN", kind) == translate("zh_CN", text, "worklist")


# Words a Chinese document may print in Latin letters: standard acronyms, units, the names of scales,
# criteria and stages (issue 13 item 1), and the ALSFRS-R's published citation.
ALLOWED = frozenset(
    "ALS ALSFRS FVC SNIP NIV EMG SpO BMI ALT ULN NICE NG UMN LMN BiPAP RIG FS El Escorial Gold Coast Awaji "
    "King's MiToS Cedarbaum et al Neurol Sci mg kg cm cmH".split()
    # units and ventilator acronyms of the NIV and gastrostomy plans (IPAP, a mode's ST, AVAPS)
    + "ml Fr IPAP EPAP ST AVAPS iVAPS PEG".split()
)
# What the chart-rich patient's staff typed (conftest.rich, every_line), printed as typed; and the
# drug's English name, which a Chinese document prints in brackets after the Chinese one.
TYPED = (
    "Lecheng ALS Clinic",
    "1 Boao Road",
    "FVC falling; discuss NIV.",
    "Is NIV indicated now?",
    "Haikou People's Hospital",
    "Walks with a stick.",
    "Home exercise review",
    "Breathing exercises at home",
    "nurse1",
    "TEST, Patient",
    "50 mg twice daily",  # a dose as typed (its structured form is another change's)
    "（Riluzole）",
)


@pytest.fixture
def every_line(db, rich):  # type: ignore[no-untyped-def]
    """The chart-rich patient with a line of each kind more: a visit that raises alerts, a
    milestone, a workup overdue and one scheduled."""
    from alsdesk.services import assessments, medications, workups

    with db.write() as s:
        assessments.record_assessment(
            session=s,
            patient_id=rich.patient_id,
            assessed_on=date(2025, 8, 28),
            fvc_percent=45.0,
            snip_cmh2o=35.0,
            spo2_percent=93.0,
            weight_kg=52.0,
            height_cm=165.0,
        )
        medications.record_milestone(
            session=s, patient_id=rich.patient_id, kind="wheelchair", occurred_on=date(2025, 8, 1)
        )
        workups.create_workup(
            session=s, patient_id=rich.patient_id, kind="ncs", on=date(2025, 7, 1), due_date=date(2025, 8, 1)
        )
        emg, _ = workups.create_workup(session=s, patient_id=rich.patient_id, kind="emg", on=date(2025, 8, 25))
        workups.advance_workup(session=s, workup_id=emg.id, to="scheduled", on=date(2025, 9, 5))
    return rich


def test_chinese_documents_print_no_english_word(db, every_line):
    """Every kind for the chart-rich patient, in Chinese: no English word but the allowed ones,
    outside what staff typed: alert texts, worklist reasons, measurements, lines of care, coded
    values and the ALSFRS-R answers all print in Chinese."""
    from alsdesk.printdata import FormData
    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.reports.referral import referral_pdf
    from alsdesk.reports.summary import summary_pdf
    from alsdesk.reports.visit import form_pdf, visit_pdf
    from alsdesk.reports.worklist import worklist_pdf
    from alsdesk.services import printing, printing_sheets
    from tests.reports.conftest import PRINT_DAY, pdf_text

    rich = every_line
    zh = printing.PrintOptions(lang="zh_CN", printed_on=PRINT_DAY, printed_by="nurse1")
    with db.read() as s:
        pid = rich.patient_id
        summary = printing.summary_data(session=s, patient_id=pid, options=zh)
        visit = printing_sheets.visit_data(session=s, patient_id=pid, assessed_on=None, options=zh)
        earlier = printing_sheets.visit_data(session=s, patient_id=pid, assessed_on=date(2025, 8, 20), options=zh)
        worklist = printing.worklist_data(session=s, on=PRINT_DAY, options=zh)
        referral = printing.referral_data(session=s, patient_id=pid, referral_id=None, options=zh)
        pdfs = {
            "summary": summary_pdf(summary),
            "referral": referral_pdf(referral),
            "handout": handout_pdf(printing_sheets.handout_data(session=s, patient_id=pid, options=zh)),
            "checklist": checklist_pdf(
                printing_sheets.checklist_data(session=s, patient_id=pid, enrollment_id=rich.diet_id, options=zh)
            ),
            "visit": visit_pdf(visit),
            "visit-scored": visit_pdf(earlier),
            "alsfrs-form": form_pdf(FormData(printing_sheets.form_data(session=s, patient_id=None, options=zh).header)),
            "worklist": worklist_pdf(worklist),
        }
    # every line the test means to read is there, so a missing section cannot pass for a translated one
    assert summary.alerts and visit.alerts and summary.milestones and summary.workups and summary.therapies
    assert summary.programs and summary.referrals and any(a.discipline == "neurology" for a in summary.appointments)
    assert len(worklist.groups) >= 3 and earlier.score is not None
    sheet = str(rich.diet_id)  # the checklist's sheet ID, printed on two lines beside its QR code
    given = [referral.reference, sheet[:19], sheet[19:]]  # data, not words
    leaks = {}
    for kind, pdf in pdfs.items():
        text = pdf_text(pdf).replace("\n", " ")
        assert "保密" in text, kind  # read back, in Chinese
        for free in sorted([*given, *TYPED], key=len, reverse=True):
            text = text.replace(free, "")
        english = set(re.findall(r"[A-Za-z][A-Za-z']+", text)) - ALLOWED
        if english:
            leaks[kind] = sorted(english)
    assert leaks == {}, leaks


def test_a_scheduled_workup_and_a_milestone_print_as_words_in_either_language(db, every_line):
    """Not the stored codes ("emg", "wheelchair") the summary and handout once printed."""
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.services import printing, printing_sheets
    from tests.reports.conftest import PRINT_DAY, pdf_text

    for lang, workup, milestone in (("en", "Electromyography (EMG)", "Wheelchair"), ("zh_CN", "肌电图", "轮椅")):
        options = printing.PrintOptions(lang=lang, printed_on=PRINT_DAY)
        with db.read() as s:
            summary = printing.summary_data(session=s, patient_id=every_line.patient_id, options=options)
            handout = printing_sheets.handout_data(session=s, patient_id=every_line.patient_id, options=options)
        assert [a.detail for a in summary.appointments if a.discipline == "neurology"] == [workup]
        assert [m.text for m in summary.milestones] == [milestone]
        assert workup in pdf_text(handout_pdf(handout))
