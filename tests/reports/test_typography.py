"""Type a family and a print shop can rely on (issue 13 item 4), read back from the PDFs: sizes,
bold headings, boxed warnings, embedded fonts, the confidential footer, no page of one line."""

from __future__ import annotations

import io
import itertools
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from alsdesk import formats
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING
from alsdesk.services.printing import PrintOptions
from alsdesk.services.printing_sheets import checklist_data, handout_data
from tests.reports.conftest import PRINT_DAY, Span, pdf_spans

OPTS = PrintOptions(lang="en", printed_on=PRINT_DAY, printed_by="nurse1")
ZH = PrintOptions(lang="zh_CN", printed_on=PRINT_DAY)


def content(pdf: bytes) -> list[list[Span]]:
    """Each page's text inside the frame: the chrome above and below it left out."""
    from alsdesk.reports.layout import BOTTOM, TOP

    reader = PdfReader(io.BytesIO(pdf))
    heights = [float(page.mediabox.height) for page in reader.pages]
    return [[s for s in spans if BOTTOM < s.y < h - TOP] for spans, h in zip(pdf_spans(pdf), heights, strict=True)]


def body_size(spans: list[Span]) -> float:
    """The size most of the text is set in."""
    return Counter(s.size for s in spans).most_common(1)[0][0]


def spans_of(pages: list[list[Span]], text: str) -> list[Span]:
    return [s for page in pages for s in page if text in s.text]


@pytest.mark.parametrize(("large", "low", "high"), [(False, 12, 12), (True, 14, 16)])
def test_handout_body_is_12_pt_or_large_print_14_to_16_with_bold_headings(db, rich, large, low, high):
    from alsdesk.reports.handout import handout_pdf

    with db.read() as s:
        data = handout_data(session=s, patient_id=rich.patient_id, options=OPTS)
    pages = content(handout_pdf(data, invariant=True, large_print=large))
    spans = [s for page in pages for s in page]
    assert low <= body_size(spans) <= high
    assert min(s.size for s in spans) >= low  # nothing on the handout smaller than its body
    (heading,) = spans_of(pages, "Your coming appointments")
    assert heading.bold and heading.size > body_size(spans)
    assert not any(s.bold for s in spans_of(pages, "Breathing exercises"))  # body text stays regular
    warning = [s for s in spans if s.text in INVESTIGATIONAL_WARNING["en"]]
    assert warning and all(s.bold and s.size >= body_size(spans) for s in warning)


def test_checklist_items_11_pt_day_headers_9_pt_and_the_warning_clear_of_the_qr_column(db, rich):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.reports.layout import style

    with db.read() as s:
        data = checklist_data(session=s, patient_id=rich.patient_id, enrollment_id=rich.diet_id, options=OPTS)
    pages = content(checklist_pdf(data, invariant=True))
    for item in data.program.items:
        assert all(s.size >= 11 for s in spans_of(pages, item[:20])), item
    days = spans_of(pages, "09-02") + spans_of(pages, "Tue")
    assert days and all(s.size >= 9 for s in days)
    warning = [s for s in pages[0] if s.text in INVESTIGATIONAL_WARNING["en"]]
    assert warning and all(s.bold and s.size >= 11 for s in warning)
    # The warning's box ends left of the QR column's "Scan to enter" (it ran into it).
    (scan,) = spans_of(pages, "Scan to enter")
    box = style("warning_plain", "en")
    right_edge = max(s.x + stringWidth(s.text, box.fontName, s.size) for s in warning) + box.borderPadding[1]
    assert right_edge < scan.x - 6


@pytest.mark.parametrize("name", ["warning", "warning_plain"])
def test_a_warning_box_is_drawn_inside_its_column_with_a_mark_and_no_coloured_text(name):
    from reportlab.lib import colors

    from alsdesk.reports.layout import MARKS, para, style

    box = style(name, "en")
    _top, right, _bottom, left = box.borderPadding
    assert box.leftIndent - left >= box.borderWidth / 2 and box.rightIndent - right >= box.borderWidth / 2
    assert box.bulletIndent > box.leftIndent - left  # the mark inside the box, not on its edge
    assert box.textColor == colors.black and box.borderWidth >= 1.5  # mono print: black text, a bold border
    assert para("Take care", name, "en").bulletText == MARKS[name]


def test_an_open_alert_prints_bold_behind_its_mark():
    """A visit's open alert (a pink box of dark red text before) reads in mono print."""
    from alsdesk.printdata import AlertLine, Clinic, Header, Person
    from alsdesk.reports.layout import MARKS, render
    from alsdesk.reports.visit import alert_line

    header = Header(Clinic("C"), Person("x", "M1", "Li", "Na", "李娜", PRINT_DAY), "en", PRINT_DAY)
    alert = alert_line(AlertLine(PRINT_DAY, "FVC fell below 50 %", "open"), "en")
    (page,) = content(render(header, "T", [alert], invariant=True))
    (mark,) = [s for s in page if s.text == MARKS["warning"]]
    (text,) = [s for s in page if s.text == "FVC fell below 50 %"]
    assert text.bold and mark.x < text.x and abs(mark.y - text.y) < 1


def all_documents(db, rich, lang: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """Every kind for the rich patient (the checklist of its investigational diet), as of PRINT_DAY."""
    from alsdesk.app import documents
    from alsdesk.services import medications

    with db.write() as s:  # the NIV and gastrostomy plans print only while these are in place
        for kind in ("niv", "gastrostomy"):
            medications.record_milestone(session=s, patient_id=rich.patient_id, kind=kind, occurred_on=PRINT_DAY)
    made = {}
    with db.read() as s:
        for kind, document in documents.DOCUMENTS.items():
            request = documents.Request(
                patient_id=None if document.patient == "none" else rich.patient_id,
                record_id=rich.diet_id if kind == "checklist" else None,
                as_of=PRINT_DAY,
                lang=lang,
            )
            made[kind] = documents.build(s, kind, request).pdf
    return made


def fonts_of(pdf: bytes) -> dict[str, bool]:
    """Every font a page or a form on it uses, and whether its program is embedded."""
    found = {}

    def visit(resources) -> None:  # type: ignore[no-untyped-def]
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            descriptors = [p["/FontDescriptor"].get_object() for p in parts if "/FontDescriptor" in p]
            embedded = any(k in d for d in descriptors for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        visit(page.get("/Resources"))
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_kind_embeds_every_font_and_says_confidential_on_every_page(db, rich, lang):
    from alsdesk.reports.layout import BOTTOM

    word = "Confidential" if lang == "en" else "保密"
    made = all_documents(db, rich, lang)
    assert set(made) == set(formats.DOCUMENTS)  # every kind the CLI prints
    for kind, pdf in made.items():
        fonts = fonts_of(pdf)
        assert fonts and all(fonts.values()), (kind, fonts)  # no Helvetica for the bullets, or anything
        for number, spans in enumerate(pdf_spans(pdf), start=1):
            # the GP letter's plain copy is in the patient's language (Chinese for the fixture patient)
            words = {word, "保密"} if kind == "gp-letter" else {word}
            assert [s for s in spans if s.text in words and s.y < BOTTOM], (kind, number)


def test_the_day_batch_embeds_every_font(db, rich):
    from alsdesk.reports.batch import batch_pdf

    with db.read() as s:
        handout = handout_data(session=s, patient_id=rich.patient_id, options=OPTS)
        sheet = checklist_data(session=s, patient_id=rich.patient_id, enrollment_id=rich.diet_id, options=OPTS)
    fonts = fonts_of(batch_pdf([handout, sheet], invariant=True))
    assert fonts and all(fonts.values())


def content_lines(pdf: bytes) -> list[int]:
    """How many lines of text each page holds inside its frame (baselines a point apart or more)."""
    return [len({round(s.y) for s in page}) for page in content(pdf)]


def test_content_lines_counts_the_lines_inside_the_frame():
    from alsdesk.printdata import Clinic, HandoutData, Header, Line, Person
    from alsdesk.reports.handout import handout_pdf

    header = Header(Clinic("C"), Person("x", "M1", "Li", "Na", "李娜", PRINT_DAY), "en", PRINT_DAY)
    meds = (Line(None, "Riluzole", "50 mg"),)
    lines = content_lines(handout_pdf(HandoutData(header, (), (), meds, (), (), ""), invariant=True))
    # title, intro, appointments heading and its line, medicines heading and one medicine,
    # the signs heading and five signs, the call heading and the emergency line
    assert lines == [14]


@pytest.mark.slow
def test_no_page_of_any_kind_holds_a_single_line_for_demo_patients(db):
    from sqlalchemy import select

    from alsdesk import demo
    from alsdesk.app import documents
    from alsdesk.errors import AlsdeskError
    from alsdesk.models import Patient

    with db.write() as s:
        demo.load_demo(session=s, patients=40, anchor=date.today())
    with db.read() as s:
        patients = s.scalars(select(Patient.id)).all()
    kinds = [(k, False) for k, d in documents.DOCUMENTS.items() if d.patient != "none"] + [("handout", True)]
    wanted = [(kind, large, patient_id) for patient_id in patients for kind, large in kinds]
    wanted += [("worklist", False, None)]  # the clinic's, once
    checked = Counter[str]()
    lonely = []
    for (kind, large, patient_id), lang in itertools.product(wanted, ("en", "zh_CN")):
        request = documents.Request(patient_id=patient_id, lang=lang, large_print=large)
        with db.read() as s:
            try:
                pdf = documents.build(s, kind, request).pdf
            except AlsdeskError:
                continue  # a kind this patient has nothing for (no referral, no running program)
        checked[kind] += 1
        lines = content_lines(pdf)
        if len(lines) > 1 and min(lines) <= 1:
            lonely.append((kind, lang, large, lines))
    assert set(checked) == set(documents.DOCUMENTS)  # every kind was printed for someone
    assert not lonely
