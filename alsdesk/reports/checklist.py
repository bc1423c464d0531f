"""The 15-day checklist sheet: program items as rows, dated day columns to tick, a QR code to scan it back."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from alsdesk.i18n import N_
from alsdesk.printdata import ChecklistData, enrollment_qr
from alsdesk.reports import fonts, layout
from alsdesk.reports.layout import para
from alsdesk.reports.texts import t

QR_SIZE = 26 * mm
CODE_COLUMN = 36 * mm  # the QR code with the sheet ID under it, on two lines
DAY_SIZE = 9  # day headers: date and weekday, read at arm's length
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def qr_payload(enrollment_id: str) -> str:
    """What the sheet's QR code holds; printdata.parse_enrollment_qr reads it back for the scanner field."""
    return enrollment_qr(enrollment_id)


def sheet_id(enrollment_id: str) -> str:
    """The ID the QR code holds, printed for a person to type (printdata.parse_enrollment_qr reads
    it), broken after its third dash to fit under the code."""
    return f"{enrollment_id[:19]}\n{enrollment_id[19:]}"


def qr_code(payload: str, size: float = QR_SIZE) -> QrCode:
    # The flowable draws straight on the canvas; the QrCodeWidget drawing builds and validates a
    # shape per module twice and cost 30 of a checklist's 60 ms.
    return QrCode(payload, width=size, height=size, qrLevel="M", qrBorder=4)


def grid_table(data: ChecklistData, width: float) -> Table:
    lang = data.header.lang
    sheet = data.program
    days = len(sheet.dates)
    day_width = min(13 * mm, (width * 0.68) / max(days, 1))
    item_width = width - day_width * days
    names = [t(lang, day) for day in WEEKDAYS]
    # Day headers are short fixed strings: plain cells draw far faster than 15 wrapped paragraphs.
    head = [para(t(lang, "Each day"), "cell", lang)] + [
        f"{i + 1}\n{d.strftime('%m-%d')}\n{names[d.weekday()]}" for i, d in enumerate(sheet.dates)
    ]
    readings = sheet.readings or ("",) * len(sheet.items)
    rows = [head] + [
        [item_cell(item, unit, lang)] + [unit] * days for item, unit in zip(sheet.items, readings, strict=True)
    ]
    # A reading's unit sits small in the corner of each day's box: the number is written before it.
    reading_rows = [
        command
        for r, unit in enumerate(readings, start=1)
        if unit
        for command in (
            ("ALIGN", (1, r), (-1, r), "RIGHT"),
            ("VALIGN", (1, r), (-1, r), "BOTTOM"),
            ("FONT", (1, r), (-1, r), fonts.register(), 8),
            ("TEXTCOLOR", (1, r), (-1, r), colors.HexColor("#55606e")),
        )
    ]
    # Rows as tall as the page allows (room to tick with a shaky hand), within 10–16 mm.
    row_height = min(16 * mm, max(10 * mm, 100 * mm / max(len(sheet.items), 1)))
    table = Table(
        rows, colWidths=[item_width] + [day_width] * days, rowHeights=[None] + [row_height] * len(sheet.items)
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#55606e")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                ("FONT", (1, 0), (-1, 0), fonts.register(), DAY_SIZE, DAY_SIZE + 1.5),
                ("LEFTPADDING", (1, 0), (-1, 0), 1),
                ("RIGHTPADDING", (1, 0), (-1, 0), 1),
                *reading_rows,
            ]
        )
    )
    return table


def item_cell(item: str, unit: str, lang: str) -> Flowable | list[Flowable]:
    """An item; one that asks for a reading says to write it in each day's box."""
    if not unit:
        return para(item, "item", lang)
    return [para(item, "item", lang), para(t(lang, "Write the reading in each box ({unit}).", unit=unit), "body", lang)]


def checklist_pdf(data: ChecklistData, *, invariant: bool = False) -> bytes:
    return layout.render_parts([checklist_part(data)], invariant=invariant)


def checklist_part(data: ChecklistData) -> layout.Part:
    header, sheet = data.header, data.program
    lang = header.lang
    width = layout.content_width(header, landscape=True)
    title = t(lang, "Daily checklist")
    intro: list[Flowable] = [
        para(t(lang, "Daily checklist: {name}", name=sheet.name), "title", lang),
        para(f"{sheet.dates[0].isoformat()} – {sheet.dates[-1].isoformat()}", "body", lang),
        para(t(lang, "Tick a box each day the item was done. Bring this sheet back to the clinic."), "body", lang),
    ]
    if sheet.investigational and sheet.warning:
        intro.append(para(sheet.warning, "warning_plain", lang))
    if sheet.diet_restrictions:
        intro.append(para(t(lang, "Food and drink: {text}", text=sheet.diet_restrictions), "body", lang))
    code_cell = [
        qr_code(qr_payload(sheet.enrollment_id)),
        para(t(lang, "Scan to enter"), "small", lang),
        para(t(lang, "Sheet ID (type it in if the code will not scan):"), "small", lang),
        para(sheet_id(sheet.enrollment_id), "small", lang),
    ]
    top = Table([[intro, code_cell]], colWidths=[width - CODE_COLUMN, CODE_COLUMN])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [top, Spacer(1, 3 * mm), grid_table(data, width), Spacer(1, 4 * mm)]
    phone = header.clinic.phone
    call = (
        t(lang, "Call the clinic on {phone} if anything on this sheet worries you.", phone=phone)
        if phone
        else t(lang, "Call the clinic if anything on this sheet worries you.")
    )
    story.append(para(call, "h3", lang))
    story.append(para(t(lang, "Returned on: ____________   Entered by: ____________"), "body", lang))
    return layout.Part(header, title, story, landscape=True)
