"""The patient summary: diagnosis, current stage (the date of death once deceased), trend charts, care in progress."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from alsdesk.printdata import AlsfrsScore, Appointment, Diagnosis, Line, Measure, Progression, SummaryData
from alsdesk.reports import charts, layout
from alsdesk.reports.layout import heading, para
from alsdesk.reports.messages import code, t

SUBSCORES = ("bulbar", "fine_motor", "gross_motor", "respiratory")


def _yes_no(lang: str, value: bool | None) -> str:
    return t(lang, "unknown") if value is None else t(lang, "yes" if value else "no")


def _code(lang: str, group: str, value: str | None) -> str:
    return code(lang, group, value) if value else t(lang, "unknown")


def diagnosis_rows(d: Diagnosis, lang: str) -> list[tuple[str, str]]:
    onset = d.onset_date.isoformat() if d.onset_date else t(lang, "unknown")
    if d.onset_region:
        onset += f" ({_code(lang, 'region', d.onset_region)})"
    rows = [
        (t(lang, "status"), _code(lang, "status", d.status)),
        *([(t(lang, "death_date"), d.death_date.isoformat())] if d.death_date else []),
        (t(lang, "onset"), onset),
        (t(lang, "diagnosed"), d.diagnosis_date.isoformat() if d.diagnosis_date else t(lang, "unknown")),
        (t(lang, "el_escorial"), _code(lang, "escorial", d.el_escorial)),
        (t(lang, "gold_coast"), _yes_no(lang, d.gold_coast_met)),
        (t(lang, "awaji"), _yes_no(lang, d.awaji_applied)),
        (t(lang, "family_history"), _yes_no(lang, d.family_history)),
        (t(lang, "genetics"), _code(lang, "genetics", d.genetics)),
    ]
    if d.findings:
        found = (f"{_code(lang, 'region', f.text)} {f.detail}".strip() for f in d.findings)
        rows.append((t(lang, "findings"), t(lang, "sep").join(found)))
    return rows


def key_values(rows: Sequence[tuple[str, str]], lang: str, width: float) -> Table:
    table = Table(
        [[para(k, "cell", lang), para(v, "cell", lang)] for k, v in rows], colWidths=[width * 0.3, width * 0.7]
    )
    table.setStyle(layout.ruled_rows(1.5, ("TEXTCOLOR", (0, 0), (0, -1), layout.INK)))
    return table


def progression_rows(p: Progression, lang: str) -> list[tuple[str, str]]:
    """ΔFS at diagnosis (the prognostic figure) and the latest slope, each labelled, "none" stated."""
    if p.at_diagnosis is not None and p.at_diagnosis_on is not None:
        band = t(lang, f"band.{p.at_diagnosis_band}") if p.at_diagnosis_band else ""
        at_dx = t(lang, "dfs_diagnosis_value", value=p.at_diagnosis, band=band, date=p.at_diagnosis_on.isoformat())
    else:
        at_dx = t(lang, "dfs_diagnosis_none")
    if p.slope is not None and p.slope_from is not None and p.slope_to is not None:
        slope = t(lang, "slope_value", value=p.slope, start=p.slope_from.isoformat(), end=p.slope_to.isoformat())
    else:
        slope = t(lang, "slope_none")
    return [(t(lang, "dfs_diagnosis"), at_dx), (t(lang, "slope_latest"), slope)]


def stage_rows(s: AlsfrsScore, lang: str, progression: Progression | None = None) -> list[tuple[str, str]]:
    """The visit's total and subscores, its rate (with `progression`: ΔFS at diagnosis and the
    latest slope instead of the visit's own ΔFS), King's and MiToS."""
    subs = t(lang, "sep").join(f"{t(lang, k)} {s.subscores.get(k, 0)}" for k in SUBSCORES)
    rows = [(t(lang, "alsfrs_total"), f"{s.total}/48 ({t(lang, 'assessed', date=s.on.isoformat())}); {subs}")]
    if progression is not None:
        rows += progression_rows(progression, lang)
    elif s.delta_fs is not None:
        band = t(lang, f"band.{s.delta_fs_band}") if s.delta_fs_band else ""
        rows.append((t(lang, "delta_fs"), t(lang, "per_month", value=s.delta_fs, band=band)))
    rows.append((t(lang, "kings"), s.kings))
    rows.append((t(lang, "mitos"), str(s.mitos)))
    return rows


def death_rows(data: SummaryData, lang: str) -> list[tuple[str, str]]:
    """In place of a current stage: the stages from the date of death, and the last ALSFRS-R, dated."""
    died = data.diagnosis.death_date.isoformat() if data.diagnosis.death_date else ""
    rows = [(t(lang, "death_date"), died)]
    if data.kings_now is not None and data.mitos_now is not None:
        rows.append((t(lang, "kings"), t(lang, "stage_death", stage=data.kings_now, date=died)))
        rows.append((t(lang, "mitos"), t(lang, "stage_death", stage=data.mitos_now, date=died)))
    if data.alsfrs:
        last = data.alsfrs[-1]
        rows.append((t(lang, "last_alsfrs"), f"{last.total}/48 ({t(lang, 'assessed', date=last.on.isoformat())})"))
    return rows


def dated_lines(lines: Sequence[Line], lang: str, width: float) -> Flowable:
    if not lines:
        return para(t(lang, "none"), "body", lang)
    dated = any(line.on for line in lines)  # no empty date column for undated lists
    rows = [
        ([para(line.on.isoformat() if line.on else "", "cell", lang)] if dated else [])
        + [para(line.text + (f" — {line.detail}" if line.detail else ""), "cell", lang)]
        for line in lines
    ]
    table = Table(rows, colWidths=[22 * mm, width - 22 * mm] if dated else [width])
    table.setStyle(layout.ruled_rows())
    return table


def appointment_lines(items: Sequence[Appointment], lang: str) -> list[Line]:
    return [Line(a.on, code(lang, "discipline", a.discipline), a.detail) for a in items]


def trend_row(data: SummaryData, lang: str, width: float) -> Table:
    w = width / 3
    empty = t(lang, "chart.empty")
    totals = [Measure(s.on, float(s.total)) for s in data.alsfrs]
    trend = partial(charts.trend, width=w - 4, height=105, empty_text=empty)
    cells = [
        trend(t(lang, "chart.alsfrs"), totals, axis=charts.ALSFRS_AXIS),
        trend(t(lang, "chart.fvc"), data.fvc, axis=charts.FVC_AXIS, lines=charts.FVC_LINES),
        trend(t(lang, "chart.weight"), data.weight, floor=0),
    ]
    table = Table([cells], colWidths=[w] * 3)
    table.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.25, layout.RULE), ("GRID", (0, 0), (-1, -1), 0.25, layout.RULE)])
    )
    return table


def summary_pdf(data: SummaryData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "title.summary")
    story: list[Flowable] = [para(title, "title", lang)]
    if data.alerts:
        story += [heading(t(lang, "sec.alerts"), lang)]
        story += [para(f"{a.on.isoformat() if a.on else ''}  {a.text}", "warning", lang) for a in data.alerts]
    story += [heading(t(lang, "sec.diagnosis"), lang), key_values(diagnosis_rows(data.diagnosis, lang), lang, width)]
    latest = data.alsfrs[-1] if data.alsfrs else None
    if data.diagnosis.death_date is not None:  # never a "current" stage after death
        story += [heading(t(lang, "sec.death"), lang), key_values(death_rows(data, lang), lang, width)]
    else:
        story.append(heading(t(lang, "sec.stage"), lang))
        story.append(
            key_values(stage_rows(latest, lang, data.progression), lang, width)
            if latest
            else para(t(lang, "no_alsfrs"), "body", lang)
        )
    story += [heading(t(lang, "sec.trends"), lang), trend_row(data, lang, width)]
    measures = list(data.latest_measures)
    if data.weight_change_percent is not None:
        measures.append(Line(None, t(lang, "weight_change", value=data.weight_change_percent)))
    last = [heading(t(lang, "sec.measures"), lang), dated_lines(measures, lang, width)]
    story += last
    empty = []
    for key, lines in (
        ("sec.medications", data.medications),
        ("sec.therapies", data.therapies),
        ("sec.workups", data.workups),
        ("sec.referrals", data.referrals),
        ("sec.appointments", appointment_lines(data.appointments, lang)),
        ("sec.programs", data.programs),
        ("sec.milestones", data.milestones),
    ):
        if lines:
            last = [heading(t(lang, key), lang), dated_lines(lines, lang, width)]
            story += last
        else:
            empty.append(t(lang, key))
    if empty:  # one line instead of a heading per empty section: "none" is still stated
        closing: list[Flowable] = [heading(t(lang, "sec.empty"), lang), para(t(lang, "sep").join(empty), "body", lang)]
        # kept with the section before it, so the line never goes alone to a last page
        story[-len(last) :] = [KeepTogether(last + closing)]
    return layout.render(data.header, title, story, invariant=invariant)
