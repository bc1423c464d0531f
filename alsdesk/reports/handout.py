"""The family handout, in the patient's language and plain words."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from alsdesk.printdata import Appointment, HandoutData, ProgramSheet
from alsdesk.reports import layout
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.messages import code, t

# Signs that need a call (NICE NG42 respiratory and nutrition review; riluzole SmPC for fever).
WATCH = ("breath", "morning", "choking", "weight", "fall")


def appointment_table(items: Sequence[Appointment], lang: str, width: float, *, dated: bool = True) -> Table:
    """Date, who, what; undated for ongoing care, whose start date would read as an appointment."""
    rows = [
        ([para(a.on.isoformat(), "plain", lang)] if dated else [])
        + [para(code(lang, "discipline", a.discipline), "plain", lang), para(a.detail, "plain", lang)]
        for a in items
    ]
    first = 28 * mm if dated else 0
    widths = ([first] if dated else []) + [width * 0.38, width - first - width * 0.38]
    table = Table(rows, colWidths=widths)
    table.setStyle(layout.ruled_rows())
    return table


def program_section(p: ProgramSheet, lang: str) -> list[Flowable]:
    """One program; an investigational one carries the warning right under its name."""
    parts: list[Flowable] = [para(p.name, "h3", lang)]
    if p.investigational and p.warning:
        parts.append(para(p.warning, "warning", lang))
    parts.append(para(t(lang, "ho.daily"), "plain", lang))
    parts += bullet_list(p.items, "plain", lang)
    if p.diet_restrictions:
        parts.append(para(t(lang, "ho.diet", text=p.diet_restrictions), "plain", lang))
    if p.instructions:
        parts.append(para(t(lang, "ho.how", text=p.instructions), "plain", lang))
    parts.append(para(t(lang, "ho.from", start=p.start_date.isoformat()), "plain", lang))
    return [KeepTogether(parts)]


def handout_story(data: HandoutData) -> list[Flowable]:
    lang = data.header.lang
    width = layout.content_width(data.header)
    story: list[Flowable] = [para(t(lang, "title.handout"), "title", lang), para(t(lang, "ho.intro"), "plain", lang)]
    story.append(heading(t(lang, "ho.appointments"), lang))
    if data.appointments:
        story.append(appointment_table(data.appointments, lang, width))
    else:
        story.append(para(t(lang, "ho.nothing"), "plain", lang))
    if data.therapies:
        story.append(heading(t(lang, "ho.therapies"), lang))
        story.append(appointment_table(data.therapies, lang, width, dated=False))
    if data.medications:
        story.append(heading(t(lang, "ho.medications"), lang))
        story += bullet_list([f"{m.text}  {m.detail}".strip() for m in data.medications], "plain", lang)
    if data.programs:
        story.append(heading(t(lang, "ho.programs"), lang))
        for program in data.programs:
            story += program_section(program, lang)
    signs = [t(lang, f"ho.watch.{k}") for k in WATCH + (("fever",) if data.on_riluzole else ())]
    watch: list[Flowable] = [heading(t(lang, "ho.watch"), lang), *bullet_list(signs, "plain", lang)]
    story.append(KeepTogether(watch))
    call: list[Flowable] = [heading(t(lang, "ho.call"), lang)]
    if data.clinic_phone:
        call.append(para(t(lang, "ho.call.clinic", phone=data.clinic_phone), "plain", lang))
    call.append(para(t(lang, "ho.call.emergency"), "plain", lang))
    story.append(KeepTogether(call))
    if data.education:
        story.append(heading(t(lang, "ho.education"), lang))
        story += bullet_list([f"{e.on.isoformat() if e.on else ''}  {e.text}" for e in data.education], "plain", lang)
    return story


def handout_part(data: HandoutData) -> layout.Part:
    return layout.Part(data.header, t(data.header.lang, "title.handout"), handout_story(data))


def handout_pdf(data: HandoutData, *, invariant: bool = False) -> bytes:
    return layout.render_parts([handout_part(data)], invariant=invariant)
