"""Each document's text, read back from the PDF: content, chrome on every page, languages."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from alsdesk.printdata import Clinic, Header, Person
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING
from alsdesk.services.printing import PrintOptions, summary_data
from alsdesk.services.printing_sheets import checklist_data, handout_data
from tests.reports.conftest import PRINT_DAY, pdf_pages, pdf_text

OPTS = PrintOptions(lang="en", printed_on=PRINT_DAY, printed_by="nurse1")
ZH = PrintOptions(lang="zh_CN", printed_on=PRINT_DAY)


def test_summary_shows_stage_trends_and_care(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = pdf_text(summary_pdf(data, invariant=True))
    assert "Patient summary" in text
    assert "38/48" in text  # the latest ALSFRS-R total
    assert "bulbar 9, fine motor 9, gross motor 8, respiratory 12" in text
    assert "King's stage" in text and "MiToS stage" in text
    assert "ALSFRS-R (0–48)" in text and "FVC (% predicted)" in text and "Weight (kg)" in text  # chart titles
    assert "Riluzole" in text and "50 mg by mouth twice a day" in text  # the dose in the document's language
    assert "Haikou People's Hospital" in text
    assert "Printed 2025-09-01 by nurse1" in text


def test_every_page_carries_identity_and_page_n_of_m(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    pages = pdf_pages(summary_pdf(data, invariant=True))
    assert len(pages) >= 1
    for number, page in enumerate(pages, start=1):
        assert "Lecheng ALS Clinic" in page
        assert "MRN T0001" in page and "TEST, Patient" in page
        assert f"Page {number} of {len(pages)}" in page


def test_long_content_breaks_pages_with_chrome_on_each():
    from alsdesk.printdata import HandoutData, Line
    from alsdesk.reports.handout import handout_pdf

    header = Header(Clinic("C"), Person("x", "M1", "Li", "Na", "李娜", PRINT_DAY), "en", PRINT_DAY)
    meds = tuple(Line(None, f"Medicine number {i}", "once daily") for i in range(120))
    pages = pdf_pages(handout_pdf(HandoutData(header, (), (), meds, (), (), ""), invariant=True))
    assert len(pages) >= 3
    assert all(f"Page {i} of {len(pages)}" in p and "MRN M1" in p for i, p in enumerate(pages, 1))


def test_handout_prints_investigational_warning_in_english(db, rich):
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        data = handout_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = pdf_text(handout_pdf(data, invariant=True))
    assert INVESTIGATIONAL_WARNING["en"] in text.replace("\n", " ")
    assert "Low-glutamate diet" in text and "Daily care routine" in text
    assert "Breathing exercises" in text  # a program item
    assert "MSG" in text  # diet restrictions
    assert "0898-1234567" in text  # whom to call
    assert "2025-09-03" in text and "Physiotherapy" in text  # coming appointment


def test_handout_in_chinese_extracts_the_same_characters(db, rich):
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        data = handout_data(session=s, patient_id=rich.patient_id, options=ZH)
    text = pdf_text(handout_pdf(data, invariant=True))
    flat = text.replace("\n", "")
    assert INVESTIGATIONAL_WARNING["zh_CN"] in flat
    assert "您的护理计划" in text
    assert "低谷氨酸饮食" in text and "呼吸训练" in text
    assert "避免高谷氨酸食物" in flat and "Avoid high-glutamate" not in flat  # the diet in the family's language
    assert "张伟" in text
    assert "第 1 页，共 1 页" in text or "第 1 页，共" in text
    assert "利鲁唑（Riluzole）" in flat  # the drug by its Chinese name, and the name on the box


def test_each_document_prints_the_dose_in_its_own_language(db, rich):
    """The riluzole dose typed in English (as the catalog words it) and a baclofen dose left to the
    catalog print in Chinese in a Chinese handout and in English in an English summary of the same
    Chinese-reading patient: the dose follows the document, not the language it was typed in."""
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.reports.summary import summary_pdf
    from alsdesk.services import medications

    with db.write() as s:
        medications.prescribe(session=s, patient_id=rich.patient_id, drug_code="baclofen", started_on=PRINT_DAY)
    with db.read() as s:
        zh = handout_data(session=s, patient_id=rich.patient_id, options=ZH)
        en = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    assert [(m.text, m.detail) for m in zh.medications] == [
        ("利鲁唑（Riluzole）", "50 mg 口服 每日两次"),
        ("巴氯芬（Baclofen）", "5 mg 口服 每日三次；逐步调整剂量"),
    ]
    assert [m.detail for m in en.medications] == [
        "50 mg by mouth twice a day",
        "5 mg by mouth three times a day; adjust the dose step by step",
    ]
    flat = pdf_text(handout_pdf(zh, invariant=True)).replace("\n", "")
    assert "5 mg 口服 每日三次；逐步调整剂量" in flat and "titrate" not in flat and "by mouth" not in flat
    assert "by mouth three times a day" in pdf_text(summary_pdf(en, invariant=True)).replace("\n", " ")


def test_documents_in_chinese_name_drugs_in_chinese_and_english_ones_in_english(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        zh = summary_data(session=s, patient_id=rich.patient_id, options=ZH)
        en = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
        zh_handout = handout_data(session=s, patient_id=rich.patient_id, options=ZH)
    assert [m.text for m in zh.medications] == ["利鲁唑（Riluzole）"] == [m.text for m in zh_handout.medications]
    assert [m.text for m in en.medications] == ["Riluzole"]
    assert "利鲁唑（Riluzole）" in pdf_text(summary_pdf(zh, invariant=True)).replace("\n", "")


def test_handout_without_investigational_program_has_no_warning(db, patient):
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.services import programs

    with db.write() as s:
        programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=PRINT_DAY)
    with db.read() as s:
        data = handout_data(session=s, patient_id=patient.id, options=OPTS)
    text = pdf_text(handout_pdf(data, invariant=True))
    assert "Daily care routine" in text
    assert "Investigational" not in text


def test_checklist_has_items_fifteen_dated_days_and_qr(db, rich):
    from alsdesk.reports.checklist import checklist_pdf, qr_payload

    with db.read() as s:
        data = checklist_data(session=s, patient_id=rich.patient_id, enrollment_id=rich.routine_id, options=OPTS)
    pdf = checklist_pdf(data, invariant=True)
    text = pdf_text(pdf)
    for item in ("Breathing exercises", "Range-of-motion exercises", "Skin check for pressure areas"):
        assert item in text
    assert "09-02" in text and "09-16" in text and "09-17" not in text  # 15 days from 2025-09-02
    assert "MRN T0001" in text and "TEST, Patient" in text
    assert "Investigational" not in text
    assert qr_payload(str(rich.routine_id)) == f"alsdesk:enrollment:{rich.routine_id}"
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    assert content.count(b" re") >= 150  # the QR's dark modules are drawn as vector rectangles


def test_qr_code_encodes_the_enrollment():
    from alsdesk.reports.checklist import qr_code

    code = qr_code("alsdesk:enrollment:1234")
    code.qr.make()
    assert code.value == "alsdesk:enrollment:1234"
    assert code.qr.getModuleCount() >= 21  # a real symbol: version 1 is 21 x 21 modules


def test_checklist_for_investigational_program_carries_warning(db, rich):
    from alsdesk.reports.checklist import checklist_pdf

    with db.read() as s:
        data = checklist_data(session=s, patient_id=rich.patient_id, enrollment_id=rich.diet_id, options=ZH)
    text = pdf_text(checklist_pdf(data, invariant=True)).replace("\n", "")
    assert INVESTIGATIONAL_WARNING["zh_CN"] in text
    assert "周二" in text  # 2025-09-02 was a Tuesday


def test_invariant_output_is_deterministic(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=OPTS)
    assert summary_pdf(data, invariant=True) == summary_pdf(data, invariant=True)


def test_summary_in_chinese_translates_the_stored_codes(db, rich):
    from alsdesk.reports.summary import summary_pdf

    with db.read() as s:
        data = summary_data(session=s, patient_id=rich.patient_id, options=ZH)
    text = pdf_text(summary_pdf(data, invariant=True))
    assert "患者病情摘要" in text and "已确诊" in text and "未检测" in text
    assert "延髓 9，精细运动 9，粗大运动 8，呼吸 12" in text
    assert "diagnosed" not in text and "not tested" not in text


def test_handout_mentions_fever_only_for_patients_on_riluzole(db, rich):
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        with_riluzole = handout_data(session=s, patient_id=rich.patient_id, options=OPTS)
    assert "fever or a sore throat" in pdf_text(handout_pdf(with_riluzole, invariant=True))
    from alsdesk.services import medications
    from alsdesk.services.chart import patient_chart

    with db.write() as s:
        (med,) = patient_chart(session=s, patient_id=rich.patient_id).medications
        medications.stop_medication(session=s, medication_id=med.id, stopped_on=date(2025, 8, 25), reason="nausea")
    with db.read() as s:
        without = handout_data(session=s, patient_id=rich.patient_id, options=OPTS)
    text = pdf_text(handout_pdf(without, invariant=True))
    assert "fever" not in text and "a fall" in text


def test_no_family_papers_for_a_deceased_patient(db, patient):
    import pytest

    from alsdesk.errors import DomainError
    from alsdesk.services import patients

    with db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=PRINT_DAY)
    with db.read() as s, pytest.raises(DomainError, match="deceased"):
        handout_data(session=s, patient_id=patient.id, options=OPTS)


def test_summary_prints_gene_symbols_as_written(db, rich):
    """Official symbols, in English and Chinese documents alike: never "Sod1", "Tardbp", "Fus"."""
    from alsdesk.reports.summary import summary_pdf
    from alsdesk.services import patients

    for gene in ("SOD1", "C9orf72", "TARDBP", "FUS"):
        with db.write() as s:
            patients.update_patient(session=s, patient_id=rich.patient_id, genetics=gene)
        for options in (OPTS, ZH):
            with db.read() as s:
                data = summary_data(session=s, patient_id=rich.patient_id, options=options)
            text = pdf_text(summary_pdf(data, invariant=True))
            assert re.search(rf"\b{gene}\b", text), (gene, options.lang)
            for wrong in {gene.capitalize(), gene.upper(), gene.lower()} - {gene}:
                assert not re.search(rf"\b{wrong}\b", text), (wrong, options.lang)


def test_every_code_to_words_keeps_gene_symbols():
    from alsdesk.reports.texts import code

    for gene in ("SOD1", "C9orf72", "TARDBP", "FUS"):
        assert code("en", "genetics", gene) == gene and code("zh_CN", "genetics", gene) == gene
    assert code("en", "genetics", "not_tested") == "not tested"
