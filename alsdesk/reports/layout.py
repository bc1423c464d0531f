"""Page chrome (clinic, patient, print date, page N of M) around content, and the styles as data."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from alsdesk.printdata import Header
from alsdesk.reports import fonts
from alsdesk.reports.texts import t

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
TOP = 22 * mm  # room for the chrome above the frame
BOTTOM = 16 * mm
INK = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#9aa7b8")


def ruled_rows(padding: float = 1, *extra: tuple[Any, ...]) -> Any:
    """The house style for list tables: top-aligned rows with a hairline under each."""
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            *extra,
        ]
    )


WARN = colors.HexColor("#8a1c1c")
HEAD = colors.HexColor("#e8edf3")
LARGE_PRINT = 1.25  # the handout's large print: 12 pt body -> 15 pt (RNIB clear print: 14-16 pt)

# A warning prints black and bold in a thick dark box with a mark, on a light tint only: it must
# read the same on a mono laser, where coloured text and pink fills turn to grey dither.
_WARNING = dict(
    textColor=colors.black,
    backColor=colors.HexColor("#fbf1f1"),
    borderColor=WARN,
    borderWidth=1.6,
    # The box is drawn borderPadding outside the text; the indents keep it inside the column (it
    # used to stick out into the checklist's QR column and run into "Scan to enter"), with room
    # on the left for the mark.
    borderPadding=(4, 5, 4, 16),
    leftIndent=17,
    rightIndent=6,
    bulletIndent=5,
    spaceBefore=7,
    spaceAfter=9,
)

# Styles as data: name -> ParagraphStyle keywords; the font and word wrapping are added per language.
STYLES: dict[str, dict[str, Any]] = {
    "body": dict(fontSize=9.5, leading=12.5, spaceAfter=2),
    "plain": dict(fontSize=12, leading=16, spaceAfter=3),  # handouts: large and plain
    "item": dict(fontSize=11, leading=13.5),  # checklist rows, read by a family member with a pen
    "small": dict(fontSize=8, leading=10),
    "cell": dict(fontSize=8.5, leading=10.5),
    "cell_small": dict(fontSize=7.5, leading=9),
    "cell_center": dict(fontSize=7.5, leading=9, alignment=1),
    "title": dict(fontSize=16, leading=20, spaceAfter=6, textColor=INK),
    # keepWithNext: a heading never ends a page apart from what it heads
    "h2": dict(fontSize=11.5, leading=14, spaceBefore=7, spaceAfter=3, textColor=INK, keepWithNext=1),
    "h2_plain": dict(fontSize=14, leading=18, spaceBefore=9, spaceAfter=3, textColor=INK, keepWithNext=1),
    "h3": dict(fontSize=13, leading=17, spaceBefore=6, spaceAfter=2, textColor=colors.black, keepWithNext=1),
    "letterhead": dict(fontSize=15, leading=18, textColor=INK),
    # the mark is set larger: the face draws the triangle well under the height of a capital
    "warning": dict(_WARNING, fontSize=10.5, leading=14, bulletFontSize=16),
    "warning_plain": dict(_WARNING, fontSize=12, leading=16, bulletFontSize=18),  # at least the handout's body
    # the alert card (reports/alert_card.py): wallet size, yet never under 8 pt
    "card": dict(fontSize=8, leading=9.6, spaceAfter=1),
    "card_head": dict(fontSize=9, leading=11, spaceAfter=1.5),
    "card_warning": dict(fontSize=8, leading=9.6, spaceAfter=2),
}
# Drawn bold (fill and stroke: the face has no bold), so they stand out in grey print, not by colour alone.
BOLD = frozenset(
    {"title", "h2", "h2_plain", "h3", "letterhead", "warning", "warning_plain", "card_head", "card_warning"}
)
MARKS = {"warning": "▲", "warning_plain": "▲"}  # a mark as well as the box: not colour alone
SCALED = ("fontSize", "leading", "spaceBefore", "spaceAfter", "bulletFontSize")

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
)


@cache
def style(name: str, lang: str, scale: float = 1.0) -> ParagraphStyle:
    # CJK wrapping breaks between any two ideographs; Latin text keeps breaking at spaces.
    font = fonts.register()
    values = {"bulletFontSize": STYLES[name]["fontSize"], **STYLES[name]}
    values.update({k: values[k] * scale for k in SCALED if k in values})
    return ParagraphStyle(
        f"{name}-{lang}-{scale}",
        fontName=font,
        bulletFontName=font,  # ReportLab's default bullet font is a non-embedded Helvetica
        wordWrap="CJK" if lang == "zh_CN" else None,
        **values,
    )


class BoldParagraph(Paragraph):
    """A paragraph drawn fill-then-stroke, the usual faux bold for a face without a bold weight."""

    def beginText(self, x: float, y: float) -> Any:
        text = super().beginText(x, y)
        text.setTextRenderMode(2)
        return text

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * 0.035)
        super().draw()
        canvas.restoreState()


def para(text: str, name: str, lang: str, scale: float = 1.0) -> Paragraph:
    """A paragraph of plain text (escaped: names and notes may hold < or &)."""
    kind = BoldParagraph if name in BOLD else Paragraph
    return kind(escape(text).replace("\n", "<br/>"), style(name, lang, scale), bulletText=MARKS.get(name))


def heading(text: str, lang: str, name: str = "h2", scale: float = 1.0) -> Paragraph:
    return para(text, name, lang, scale)


def grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], lang: str, *, cell: str = "cell") -> Table:
    """A table with a header row; string cells become wrapped paragraphs so nothing is clipped."""
    body = [[para(c, cell, lang) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(body, colWidths=list(widths), repeatRows=1)
    table.setStyle(GRID)
    return table


def bullet_list(lines: Sequence[str], name: str, lang: str, scale: float = 1.0) -> list[Flowable]:
    return [Paragraph(escape(line), style(name, lang, scale), bulletText="•") for line in lines]


def identity(header: Header) -> str:
    p = header.patient
    if p is None:
        return ""
    lang = header.lang
    return f"{p.display_name(lang)}   {t(lang, 'MRN')} {p.mrn}   {t(lang, 'born')} {p.birth_date.isoformat()}"


def fit(text: str, font: str, size: float, room: float) -> str:
    """`text` shortened with an ellipsis to fit `room` points; the patient's identity is never cut."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True)
class Part:
    """One document ready to lay out: its chrome, title and content."""

    header: Header
    title: str
    story: list[Flowable]
    landscape: bool = False


def _chrome(index: int, part: Part) -> Callable[[Canvas, BaseDocTemplate], None]:
    font = fonts.register()
    header, lang = part.header, part.header.lang

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs
        canvas._alsdesk_part = index  # type: ignore[attr-defined]  # ours, kept in the page's saved state: numbering is per document
        canvas.saveState()
        who = identity(header)
        room = width - 2 * MARGIN - stringWidth(who, font, 9) - 6 * mm
        canvas.setFillColor(INK)
        canvas.setFont(font, 9)
        canvas.drawString(MARGIN, height - 12 * mm, fit(header.clinic.name, font, 9, room))
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN, height - 16 * mm, part.title)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 9)
        canvas.drawRightString(width - MARGIN, height - 12 * mm, who)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 18 * mm, width - MARGIN, height - 18 * mm)
        canvas.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
        canvas.setFont(font, 7.5)
        when = header.printed_on.isoformat()
        printed = (
            t(lang, "Printed {date} by {by}", date=when, by=header.printed_by)
            if header.printed_by
            else t(lang, "Printed {date}", date=when)
        )
        # Every page of every document holds health data: say so in the middle of the footer.
        confidential = t(lang, "Confidential")
        room = width / 2 - MARGIN - stringWidth(confidential, font, 8) / 2 - 4 * mm
        canvas.drawString(MARGIN, 8 * mm, fit(printed, font, 7.5, room))
        canvas.setFont(font, 8)
        canvas.drawCentredString(width / 2, 8 * mm, confidential)
        canvas.restoreState()

    return draw


def _numbered_canvas(langs: Sequence[str], counts: list[int] | None = None) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each can say "page N of M" in one pass.

    In a batch, N and M count the pages of that page's own document (patient), not of the job.
    """
    font = fonts.register()

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs

        def save(self) -> None:
            parts = [state.get("_alsdesk_part", 0) for state in self._pages]
            totals = Counter(parts)
            if counts is not None:
                counts[:] = [totals[i] for i in range(len(langs))]
            seen: Counter[int] = Counter()
            for part, state in zip(parts, self._pages, strict=True):
                seen[part] += 1
                self.__dict__.update(state)
                self.setFont(font, 7.5)
                text = t(langs[part], "Page {n} of {m}", n=seen[part], m=totals[part])
                self.drawRightString(self._pagesize[0] - MARGIN, 8 * mm, text)  # type: ignore[attr-defined]  # as above
                super().showPage()
            super().save()

    return NumberedCanvas


def page_size(header: Header, landscape: bool = False) -> tuple[float, float]:
    width, height = PAGE_SIZES.get(header.paper, A4)
    return (height, width) if landscape else (width, height)


def render_parts(parts: Sequence[Part], *, invariant: bool = False, page_counts: list[int] | None = None) -> bytes:
    """Lay documents out one after another, each from a new page with its own chrome and numbering.

    `page_counts`, when given, is filled with each part's number of pages (for the print log).
    """
    if not parts:
        raise ValueError("nothing to print")
    first = parts[0]
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=page_size(first.header, first.landscape),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=first.title if len(parts) == 1 else f"{first.title} (+{len(parts) - 1})",
        author=first.header.clinic.name,
        creator="alsdesk",
        invariant=1 if invariant else 0,
        # Each page opens in the canvas's initial font, Helvetica unless told: a font not embedded.
        initialFontName=fonts.register(),
    )
    templates, story = [], []
    for i, part in enumerate(parts):
        width, height = page_size(part.header, part.landscape)
        frame = Frame(MARGIN, BOTTOM, width - 2 * MARGIN, height - TOP - BOTTOM, id=f"content{i}")
        templates.append(PageTemplate(id=f"part{i}", frames=[frame], onPage=_chrome(i, part), pagesize=(width, height)))
        if i:
            story += [NextPageTemplate(f"part{i}"), PageBreak()]
        story += part.story or [Spacer(1, 1)]
    doc.addPageTemplates(templates)
    doc.build(story, canvasmaker=_numbered_canvas([p.header.lang for p in parts], page_counts))
    return buf.getvalue()


def render(
    header: Header, title: str, story: list[Flowable], *, invariant: bool = False, landscape: bool = False
) -> bytes:
    """Lay `story` out on the header's paper with the chrome on every page; returns the PDF."""
    return render_parts([Part(header, title, story, landscape)], invariant=invariant)


def content_width(header: Header, landscape: bool = False) -> float:
    return page_size(header, landscape)[0] - 2 * MARGIN
