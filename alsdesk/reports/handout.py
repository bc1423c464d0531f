"""The family handout, in the patient's language and plain words."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from alsdesk.i18n import N_
from alsdesk.printdata import Appointment, HandoutData, ProgramSheet
from alsdesk.reports import layout
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.texts import code, t

# Signs that need a call (NICE NG42 respiratory and nutrition review; riluzole SmPC for fever).
WATCH = (
    N_("more breathlessness, or breathlessness lying flat"),
    N_("headaches in the morning or sleepiness in the day"),
    N_("coughing or choking when eating or drinking"),
    N_("losing weight"),
    N_("a fall"),
)
WATCH_RILUZOLE = N_("fever or a sore throat (riluzole can lower the white blood cells)")


def appointment_table(
    items: Sequence[Appointment], lang: str, width: float, *, dated: bool = True, scale: float = 1.0
) -> Table:
    """Date, who, what; undated for ongoing care, whose start date would read as an appointment."""
    rows = [
        ([para(a.on.isoformat(), "plain", lang, scale)] if dated else [])
        + [para(code(lang, "discipline", a.discipline), "plain", lang, scale), para(a.detail, "plain", lang, scale)]
        for a in items
    ]
    first = 28 * mm * scale if dated else 0
    widths = ([first] if dated else []) + [width * 0.38, width - first - width * 0.38]
    table = Table(rows, colWidths=widths)
    table.setStyle(layout.ruled_rows())
    return table


def program_section(p: ProgramSheet, lang: str, scale: float = 1.0) -> list[Flowable]:
    """One program; an investigational one carries the warning right under its name."""
    parts: list[Flowable] = [para(p.name, "h3", lang, scale)]
    if p.investigational and p.warning:
        parts.append(para(p.warning, "warning_plain", lang, scale))
    parts.append(para(t(lang, "Each day:"), "plain", lang, scale))
    parts += bullet_list(p.items, "plain", lang, scale)
    if p.diet_restrictions:
        parts.append(para(t(lang, "Food and drink: {text}", text=p.diet_restrictions), "plain", lang, scale))
    if p.instructions:
        parts.append(para(t(lang, "How to do it: {text}", text=p.instructions), "plain", lang, scale))
    parts.append(
        para(
            t(lang, "From {start}, tick each item on the checklist sheet.", start=p.start_date.isoformat()),
            "plain",
            lang,
            scale,
        )
    )
    return [KeepTogether(parts)]


def handout_story(data: HandoutData, *, large_print: bool = False) -> list[Flowable]:
    """The handout's content; `large_print` sets every size LARGE_PRINT times larger (body 15 pt)."""
    lang = data.header.lang
    scale = layout.LARGE_PRINT if large_print else 1.0
    width = layout.content_width(data.header)

    def text(value: str) -> Flowable:
        return para(value, "plain", lang, scale)

    def head(value: str) -> Flowable:
        return heading(value, lang, "h2_plain", scale)

    def bullets(lines: Sequence[str]) -> list[Flowable]:
        return bullet_list(lines, "plain", lang, scale)

    story: list[Flowable] = [
        para(t(lang, "Your care plan"), "title", lang, scale),
        text(t(lang, "This sheet is for you and your family. Keep it at home and bring it to your next visit.")),
    ]
    story.append(head(t(lang, "Your coming appointments")))
    if data.appointments:
        story.append(appointment_table(data.appointments, lang, width, scale=scale))
    else:
        story.append(text(t(lang, "Nothing planned yet; the clinic will contact you.")))
    if data.therapies:
        story.append(head(t(lang, "Your care for the coming weeks")))
        story.append(appointment_table(data.therapies, lang, width, dated=False, scale=scale))
    if data.medications:
        story.append(head(t(lang, "Your medicines")))
        story += bullets([f"{m.text}  {m.detail}".strip() for m in data.medications])
    if data.programs:
        story.append(head(t(lang, "Your care programs")))
        for program in data.programs:
            story += program_section(program, lang, scale)
    signs = [t(lang, sign) for sign in WATCH + ((WATCH_RILUZOLE,) if data.on_riluzole else ())]
    watch: list[Flowable] = [head(t(lang, "Call the clinic soon if you notice")), *bullets(signs)]
    story.append(KeepTogether(watch))
    call: list[Flowable] = [head(t(lang, "Whom to call"))]
    if data.clinic_phone:
        call.append(text(t(lang, "The clinic: {phone}", phone=data.clinic_phone)))
    call.append(
        text(t(lang, "In an emergency (severe breathlessness, choking that does not stop), call emergency services."))
    )
    if data.education:  # at most 8 short lines, kept with the call block: no last page of one line
        call.append(head(t(lang, "What we talked about")))
        call += bullets([f"{e.on.isoformat() if e.on else ''}  {e.text}" for e in data.education])
    story.append(KeepTogether(call))
    return story


def handout_part(data: HandoutData, *, large_print: bool = False) -> layout.Part:
    return layout.Part(data.header, t(data.header.lang, "Your care plan"), handout_story(data, large_print=large_print))


def handout_pdf(data: HandoutData, *, invariant: bool = False, large_print: bool = False) -> bytes:
    return layout.render_parts([handout_part(data, large_print=large_print)], invariant=invariant)
