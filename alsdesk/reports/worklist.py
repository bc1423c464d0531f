"""The clinic worklist for a day, grouped by kind as on screen."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from alsdesk.i18n import N_, translate
from alsdesk.printdata import WorklistData
from alsdesk.reports import layout
from alsdesk.reports.layout import heading, para
from alsdesk.reports.texts import code, t


def kind_heading(lang: str, kind: str) -> str:
    """A group's heading as the window's worklist words it (services.worklist.KINDS, context
    "worklist"; written out here because reports may not import services), or as documents always
    have where the window's Chinese differs (reports/code_words.py)."""
    headings = {
        "alert": translate(lang, "Guideline alerts", "worklist"),
        "workup_overdue": translate(lang, "Workups overdue", "worklist"),
        "workup_due": translate(lang, "Workups due today", "worklist"),
        "workup_review": translate(lang, "Results awaiting review", "worklist"),
        "referral_followup": translate(lang, "Referrals awaiting a response", "worklist"),
        "therapy_due": translate(lang, "Therapy sessions today", "worklist"),
        "therapy_missed": translate(lang, "Therapy sessions missed", "worklist"),
        "restricted": translate(lang, "Restricted records", "worklist"),
    }
    return headings[kind] if kind in headings else code(lang, "kind", kind)


def worklist_pdf(data: WorklistData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "Clinic worklist for {date}", date=data.on.isoformat())
    story: list[Flowable] = [para(title, "title", lang)]
    if not data.groups:
        story.append(para(t(lang, "Nothing is due on this day."), "body", lang))
    widths = [20 * mm, 56 * mm, width - 76 * mm]
    for kind, rows in data.groups:
        # The group heading is the table's first row and repeats with the column heads on each
        # page it runs over, so a long group continues under its name and none starts orphaned.
        cells = [[heading(f"{kind_heading(lang, kind)} ({len(rows)})", lang), "", ""]]
        cells.append([para(t(lang, k), "cell", lang) for k in (N_("Due"), N_("Patient"), N_("Reason"))])
        cells += [
            [
                para(r.due.isoformat(), "cell", lang),
                para(f"{r.name}\n{t(lang, 'MRN')} {r.mrn}", "cell", lang),
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
