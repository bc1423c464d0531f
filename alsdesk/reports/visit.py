"""The visit report with its ALSFRS-R items, and the blank ALSFRS-R form for paper use."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from alsdesk.paths import resource
from alsdesk.printdata import AlertLine, FormData, VisitData
from alsdesk.reports import layout
from alsdesk.reports.layout import grid, heading, para
from alsdesk.reports.messages import t
from alsdesk.reports.summary import dated_lines, key_values, stage_rows


@cache
def alsfrs_items() -> tuple[dict[str, Any], ...]:
    """The twelve items (5a/5b apart) with their level texts, score 4 first (Cedarbaum et al. 1999)."""
    return tuple(json.loads(resource("catalog", "alsfrs_r.json").read_text("utf-8")))


def item_name(item: dict[str, Any], lang: str) -> str:
    name: str = item["zh"] if lang == "zh_CN" and item.get("zh") else item["en"]
    return f"{item['key']}. {name}"


def alert_line(a: AlertLine, lang: str) -> Flowable:
    """An open alert as a warning; an acknowledged or closed one says so (and why it closed)."""
    if a.status == "open":
        return para(a.text, "warning", lang)
    if a.status == "closed":
        reason = t(lang, f"alert.reason.{a.closed_reason}") if a.closed_reason else ""
        state = t(lang, "alert.closed", date=a.closed_on.isoformat() if a.closed_on else "", reason=reason)
    else:
        state = t(lang, "alert.acknowledged")
    return para(t(lang, "alert.line", state=state, text=a.text), "body", lang)


def visit_pdf(data: VisitData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "title.visit")
    story: list[Flowable] = [para(f"{title} — {data.assessed_on.isoformat()}", "title", lang)]
    if data.death_date is not None:
        story.append(para(t(lang, "died_on", date=data.death_date.isoformat()), "body", lang))
    story += [alert_line(a, lang) for a in data.alerts]
    if data.score is None:
        story.append(para(t(lang, "visit.no_items"), "body", lang))
    else:
        s, prev = data.score, data.previous
        story += [heading(t(lang, "visit.stage"), lang), key_values(stage_rows(s, lang, data.progression), lang, width)]
        if prev is not None:
            story.append(Spacer(1, 2 * mm))
            story.append(
                para(t(lang, "visit.change", date=prev.on.isoformat(), delta=s.total - prev.total), "body", lang)
            )
        story.append(heading(t(lang, "visit.items"), lang))
        rows: list[list[Any]] = [[t(lang, "visit.item"), t(lang, "visit.score"), ""]]
        if prev is not None:
            rows[0][2] = t(lang, "visit.previous", date=prev.on.isoformat())
        for item in alsfrs_items():
            key = item["key"]
            if key not in s.items:
                continue
            score = s.items[key]
            before = "" if prev is None or key not in prev.items else str(prev.items[key])
            rows.append([item_name(item, lang), f"{score} — {item['levels'][4 - score]}", before])
        rows.append([t(lang, "alsfrs_total"), f"{s.total}/48", f"{prev.total}/48" if prev else ""])
        story.append(grid(rows, [width * 0.36, width * 0.46, width * 0.18], lang))
    if data.measures:
        story += [heading(t(lang, "visit.measures"), lang), dated_lines(data.measures, lang, width)]
    if data.note:
        story += [heading(t(lang, "visit.note"), lang), para(data.note, "body", lang)]
    return layout.render(data.header, title, story, invariant=invariant)


def _level_table(item: dict[str, Any], lang: str, width: float) -> Table:
    """One item: its name, then five rows 'score  description' to circle."""
    rows = [[para(item_name(item, lang), "h2", lang), ""]]
    rows += [[para(str(4 - i), "body", lang), para(text, "body", lang)] for i, text in enumerate(item["levels"])]
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
    title = t(lang, "title.alsfrs_form")
    visit = data.visit_date.isoformat() if data.visit_date else "______________"
    story: list[Flowable] = [para(title, "title", lang)]
    if data.header.patient is None:
        story.append(para(t(lang, "form.patient"), "body", lang))
    story.append(para(f"{t(lang, 'form.date', date=visit)}    {t(lang, 'form.rater')}", "body", lang))
    story.append(para(t(lang, "form.instructions"), "body", lang))
    half = (width - 6 * mm) / 2
    items = [_level_table(item, lang, half) for item in alsfrs_items()]
    pairs = [items[i : i + 2] + [""] * (2 - len(items[i : i + 2])) for i in range(0, len(items), 2)]
    body = Table(pairs, colWidths=[half + 6 * mm, half])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 2 * mm), body, Spacer(1, 3 * mm)]
    story.append(KeepTogether([para(t(lang, "form.total"), "body", lang), para(t(lang, "form.source"), "small", lang)]))
    return layout.render(data.header, title, story, invariant=invariant)
