"""The clinic worklist for a day, grouped by kind as on screen."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from alsdesk.printdata import WorklistData
from alsdesk.reports import layout
from alsdesk.reports.layout import heading, para
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
        # The group heading is the table's first row and repeats with the column heads on each
        # page it runs over, so a long group continues under its name and none starts orphaned.
        cells = [[heading(f"{code(lang, 'kind', kind)} ({len(rows)})", lang), "", ""]]
        cells.append([para(t(lang, k), "cell", lang) for k in ("wl.due", "wl.patient", "wl.reason")])
        cells += [
            [
                para(r.due.isoformat(), "cell", lang),
                para(f"{r.name}\n{t(lang, 'mrn')} {r.mrn}", "cell", lang),
                para(r.reason, "cell", lang),
            ]
            for r in rows
        ]
        table = Table(cells, colWidths=widths, repeatRows=2)
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("LEFTPADDING", (0, 0), (-1, 0), 0),
                    ("GRID", (0, 1), (-1, -1), 0.4, layout.RULE),
                    ("BACKGROUND", (0, 1), (-1, 1), layout.HEAD),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 1), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
                ]
            )
        )
        table.spaceAfter = 3 * mm  # not a Spacer: a Spacer that does not fit starts a page of its own
        story.append(table)
    return layout.render(data.header, title, story, invariant=invariant)
