"""The clinic worklist for a day, grouped by kind as on screen."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from alsdesk.printdata import WorklistData
from alsdesk.reports import layout
from alsdesk.reports.layout import grid, heading, para
from alsdesk.reports.messages import code, t


def worklist_pdf(data: WorklistData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "title.worklist", date=data.on.isoformat())
    story: list[Flowable] = [para(title, "title", lang)]
    if not data.groups:
        story.append(para(t(lang, "wl.empty"), "body", lang))
    widths = [20 * mm, 56 * mm, width - 76 * mm]
    for kind, rows in data.groups:
        story.append(heading(f"{code(lang, 'kind', kind)} ({len(rows)})", lang))
        table = [[t(lang, "wl.due"), t(lang, "wl.patient"), t(lang, "wl.reason")]]
        table += [[r.due.isoformat(), f"{r.name}\n{t(lang, 'mrn')} {r.mrn}", r.reason] for r in rows]
        story.append(grid(table, widths, lang))
    return layout.render(data.header, title, story, invariant=invariant)
