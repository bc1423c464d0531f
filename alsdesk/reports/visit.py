"""The visit report with its ALSFRS-R items, and the blank ALSFRS-R form for paper use."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from alsdesk.i18n import translate
from alsdesk.paths import resource
from alsdesk.printdata import AlertLine, FormData, VisitData
from alsdesk.reports import layout
from alsdesk.reports.layout import grid, heading, para
from alsdesk.reports.summary import dated_lines, key_values, stage_rows
from alsdesk.reports.texts import code, t


@cache
def alsfrs_items() -> tuple[dict[str, Any], ...]:
    """The twelve items (5a/5b apart) with their level texts, score 4 first (Cedarbaum et al. 1999)."""
    return tuple(json.loads(resource("catalog", "alsfrs_r.json").read_text("utf-8")))


def item_name(item: dict[str, Any], lang: str) -> str:
    name: str = item["zh"] if lang == "zh_CN" and item.get("zh") else item["en"]
    return f"{item['key']}. {name}"


def levels(item: dict[str, Any], lang: str) -> list[str]:
    """The item's five answers, score 4 first, in `lang`: the window's words (context "alsfrs")."""
    return [translate(lang, text, "alsfrs") for text in item["levels"]]


def alert_line(a: AlertLine, lang: str) -> Flowable:
    """An open alert as a warning; an acknowledged or closed one says so (and why it closed)."""
    if a.status == "open":
        return para(a.text, "warning", lang)
    if a.status == "closed":
        reason = code(lang, "closed", a.closed_reason) if a.closed_reason else ""
        state = t(lang, "Closed {date} ({reason})", date=a.closed_on.isoformat() if a.closed_on else "", reason=reason)
    else:
        state = t(lang, "Acknowledged")
    return para(t(lang, "{state}: {text}", state=state, text=a.text), "body", lang)


def visit_pdf(data: VisitData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "Visit report")
    story: list[Flowable] = [para(f"{title} — {data.assessed_on.isoformat()}", "title", lang)]
    if data.death_date is not None:
        story.append(para(t(lang, "Date of death: {date}", date=data.death_date.isoformat()), "body", lang))
    story += [alert_line(a, lang) for a in data.alerts]
    if data.score is None:
        story.append(para(t(lang, "No ALSFRS-R was scored at this visit."), "body", lang))
    else:
        s, prev = data.score, data.previous
        story += [
            heading(t(lang, "Stage at this visit"), lang),
            key_values(stage_rows(s, lang, data.progression), lang, width),
        ]
        if prev is not None:
            story.append(Spacer(1, 2 * mm))
            story.append(
                para(
                    t(
                        lang,
                        "Change in total since {date}: {delta:+d}",
                        date=prev.on.isoformat(),
                        delta=s.total - prev.total,
                    ),
                    "body",
                    lang,
                )
            )
        story.append(heading(t(lang, "ALSFRS-R items"), lang))
        rows: list[list[Any]] = [[t(lang, "Item"), t(lang, "Score"), ""]]
        if prev is not None:
            rows[0][2] = t(lang, "Previous ({date})", date=prev.on.isoformat())
        for item in alsfrs_items():
            key = item["key"]
            if key not in s.items:
                continue
            score = s.items[key]
            before = "" if prev is None or key not in prev.items else str(prev.items[key])
            rows.append([item_name(item, lang), f"{score} — {levels(item, lang)[4 - score]}", before])
        rows.append([t(lang, "ALSFRS-R total"), f"{s.total}/48", f"{prev.total}/48" if prev else ""])
        story.append(grid(rows, [width * 0.36, width * 0.46, width * 0.18], lang))
    if data.measures:
        story += [heading(t(lang, "Measurements at this visit"), lang), dated_lines(data.measures, lang, width)]
    if data.note:
        story += [heading(t(lang, "Note"), lang), para(data.note, "body", lang)]
    return layout.render(data.header, title, story, invariant=invariant)


def _level_table(item: dict[str, Any], lang: str, width: float) -> Table:
    """One item: its name, then five rows 'score  description' to circle."""
    rows = [[para(item_name(item, lang), "h2", lang), ""]]
    rows += [[para(str(4 - i), "body", lang), para(text, "body", lang)] for i, text in enumerate(levels(item, lang))]
    table = Table(rows, colWidths=[10 * mm, width - 10 * mm])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("BOX", (0, 1), (0, -1), 0.4, layout.RULE),
                ("INNERGRID", (0, 1), (0, -1), 0.4, layout.RULE),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ]
        )
    )
    return table


def form_pdf(data: FormData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "ALSFRS-R rating form")
    visit = data.visit_date.isoformat() if data.visit_date else "______________"
    story: list[Flowable] = [para(title, "title", lang)]
    if data.header.patient is None:
        story.append(para(t(lang, "Patient: ________________________   MRN: ____________"), "body", lang))
    story.append(para(f"{t(lang, 'Date: {date}', date=visit)}    {t(lang, 'Rated by: ______________')}", "body", lang))
    story.append(
        para(
            t(lang, "Circle one score per item. Score either 5a (no gastrostomy) or 5b (with gastrostomy), not both."),
            "body",
            lang,
        )
    )
    half = (width - 6 * mm) / 2
    items = [_level_table(item, lang, half) for item in alsfrs_items()]
    pairs = [items[i : i + 2] + [""] * (2 - len(items[i : i + 2])) for i in range(0, len(items), 2)]

    def rows(chosen: list[list[Any]]) -> Table:
        table = Table(chosen, colWidths=[half + 6 * mm, half])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    story += [Spacer(1, 2 * mm), rows(pairs[:-1])]
    story.append(  # the last items go over with the total, so no page holds the total alone
        KeepTogether(
            [
                rows(pairs[-1:]),
                Spacer(1, 3 * mm),
                para(
                    t(
                        lang,
                        "Total (0–48): ______    Bulbar ____   Fine motor ____   Gross motor ____   Respiratory ____",
                    ),
                    "body",
                    lang,
                ),
                para(t(lang, "Cedarbaum et al., J Neurol Sci 1999;169:13–21."), "small", lang),
            ]
        )
    )
    return layout.render(data.header, title, story, invariant=invariant)
