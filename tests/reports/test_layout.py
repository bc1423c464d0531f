"""Page chrome and paper sizes, without a database (the documents' words: test_texts.py)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from alsdesk.printdata import Clinic, FormData, Header, Person
from tests.reports.conftest import pdf_text

DAY = date(2025, 9, 1)
PERSON = Person("id", "M-77", "Wang", "Fang", "王芳", date(1958, 2, 3))


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size_comes_from_the_header(paper, size):
    from alsdesk.reports.visit import form_pdf

    pdf = form_pdf(FormData(Header(Clinic("C"), PERSON, "en", DAY, paper=paper)), invariant=True)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_a_long_clinic_name_is_shortened_but_the_patient_identity_is_whole():
    from alsdesk.reports.visit import form_pdf

    long_name = "The Very Long Name of a Provincial Motor Neuron Disease Multidisciplinary Clinic " * 2
    text = pdf_text(form_pdf(FormData(Header(Clinic(long_name), PERSON, "en", DAY)), invariant=True))
    assert "WANG, Fang 王芳   MRN M-77   born 1958-02-03" in text
    assert "…" in text and long_name not in text


def test_zh_identity_puts_the_chinese_name_first():
    assert PERSON.display_name("zh_CN") == "王芳 (WANG, Fang)"
    assert PERSON.display_name("en") == "WANG, Fang 王芳"


def test_markup_characters_in_clinical_text_print_literally():
    from alsdesk.printdata import HandoutData, Line
    from alsdesk.reports.handout import handout_pdf

    header = Header(Clinic("C & D <clinic>"), PERSON, "en", DAY)
    meds = (Line(None, "Drug <b>X</b> & Y", "1 < 2 tablets"),)
    text = pdf_text(handout_pdf(HandoutData(header, (), (), meds, (), (), ""), invariant=True))
    assert "Drug <b>X</b> & Y" in text and "1 < 2 tablets" in text and "C & D <clinic>" in text


def test_letterhead_carries_the_clinic_logo():
    from PIL import Image

    from alsdesk.printdata import Diagnosis, ReferralData
    from alsdesk.reports.referral import referral_pdf

    buf = io.BytesIO()
    Image.new("RGB", (40, 40), (30, 60, 120)).save(buf, "PNG")
    header = Header(Clinic("Logo Clinic", logo_png=buf.getvalue()), PERSON, "en", DAY)
    diagnosis = Diagnosis("diagnosed", None, None, None, None, False, None, None, "not_tested")
    data = ReferralData(
        header, DAY, "routine", "neurology", "dietetics", "", "", "Weight loss", "", "", diagnosis, None, (), (), ""
    )
    pdf = referral_pdf(data, invariant=True)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1
    assert "Logo Clinic" in pdf_text(pdf)


def test_enrollment_qr_round_trip_and_rejects_other_scans():
    import uuid

    from alsdesk.printdata import enrollment_qr, parse_enrollment_qr

    eid = uuid.uuid4()
    assert parse_enrollment_qr(enrollment_qr(str(eid)) + "\n") == eid  # scanners end with Enter
    assert parse_enrollment_qr("ALSDESK:ENROLLMENT:" + str(eid)) == eid
    assert parse_enrollment_qr("T0001") is None
    assert parse_enrollment_qr("alsdesk:enrollment:not-a-uuid") is None
