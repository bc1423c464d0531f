"""The patient summary: diagnosis, current stage (the date of death once deceased), trend charts, care in progress."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from alsdesk.i18n import N_
from alsdesk.printdata import AlsfrsScore, Appointment, Diagnosis, Line, Measure, Progression, SummaryData
from alsdesk.reports import charts, layout
from alsdesk.reports.layout import heading, para
from alsdesk.reports.texts import code, t

# The subscores (printdata.AlsfrsScore.subscores keys), as the stage line names them.
SUBSCORES = {
    "bulbar": N_("bulbar"),
    "fine_motor": N_("fine motor"),
    "gross_motor": N_("gross motor"),
    "respiratory": N_("respiratory"),
}


def _yes_no(lang: str, value: bool | None) -> str:
    return t(lang, "not recorded") if value is None else (t(lang, "yes") if value else t(lang, "no"))


def _code(lang: str, group: str, value: str | None) -> str:
    return code(lang, group, value) if value else t(lang, "not recorded")


def diagnosis_rows(d: Diagnosis, lang: str) -> list[tuple[str, str]]:
    onset = d.onset_date.isoformat() if d.onset_date else t(lang, "not recorded")
    if d.onset_region:
        onset += f" ({_code(lang, 'region', d.onset_region)})"
    rows = [
        (t(lang, "Status"), _code(lang, "status", d.status)),
        *([(t(lang, "Date of death"), d.death_date.isoformat())] if d.death_date else []),
        (t(lang, "Symptom onset"), onset),
        (t(lang, "Diagnosed"), d.diagnosis_date.isoformat() if d.diagnosis_date else t(lang, "not recorded")),
        (t(lang, "El Escorial (revised)"), _code(lang, "escorial", d.el_escorial)),
        (t(lang, "Gold Coast criteria"), _yes_no(lang, d.gold_coast_met)),
        (t(lang, "Awaji rules applied"), _yes_no(lang, d.awaji_applied)),
        (t(lang, "Family history"), _yes_no(lang, d.family_history)),
        (t(lang, "Genetics"), _code(lang, "genetics", d.genetics)),
    ]
    if d.findings:
        found = (f"{_code(lang, 'region', f.text)} {f.detail}".strip() for f in d.findings)
        rows.append((t(lang, "Findings"), t(lang, ", ").join(found)))
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
        band = code(lang, "band", p.at_diagnosis_band) if p.at_diagnosis_band else ""
        at_dx = t(
            lang,
            "{value:.2f} points/month ({band}; assessed {date})",
            value=p.at_diagnosis,
            band=band,
            date=p.at_diagnosis_on.isoformat(),
        )
    else:
        at_dx = t(lang, "none (no assessment within 30 days of diagnosis)")
    if p.slope is not None and p.slope_from is not None and p.slope_to is not None:
        slope = t(
            lang,
            "{value:.2f} points lost per month ({start} → {end})",
            value=p.slope,
            start=p.slope_from.isoformat(),
            end=p.slope_to.isoformat(),
        )
    else:
        slope = t(lang, "none (fewer than two scored visits)")
    return [(t(lang, "ΔFS at diagnosis"), at_dx), (t(lang, "Latest slope"), slope)]


def stage_rows(s: AlsfrsScore, lang: str, progression: Progression | None = None) -> list[tuple[str, str]]:
    """The visit's total and subscores, its rate (with `progression`: ΔFS at diagnosis and the
    latest slope instead of the visit's own ΔFS), King's and MiToS."""
    subs = t(lang, ", ").join(f"{t(lang, name)} {s.subscores.get(k, 0)}" for k, name in SUBSCORES.items())
    rows = [(t(lang, "ALSFRS-R total"), f"{s.total}/48 ({t(lang, 'assessed {date}', date=s.on.isoformat())}); {subs}")]
    if progression is not None:
        rows += progression_rows(progression, lang)
    elif s.delta_fs is not None:
        band = code(lang, "band", s.delta_fs_band) if s.delta_fs_band else ""
        rows.append((t(lang, "ΔFS"), t(lang, "{value:.2f} points/month ({band})", value=s.delta_fs, band=band)))
    rows.append((t(lang, "King's stage"), s.kings))
    rows.append((t(lang, "MiToS stage"), str(s.mitos)))
    return rows


def death_rows(data: SummaryData, lang: str) -> list[tuple[str, str]]:
    """In place of a current stage: the stages from the date of death, and the last ALSFRS-R, dated."""
    died = data.diagnosis.death_date.isoformat() if data.diagnosis.death_date else ""
    rows = [(t(lang, "Date of death"), died)]
    if data.kings_now is not None and data.mitos_now is not None:
        rows.append((t(lang, "King's stage"), t(lang, "{stage} (death, {date})", stage=data.kings_now, date=died)))
        rows.append((t(lang, "MiToS stage"), t(lang, "{stage} (death, {date})", stage=data.mitos_now, date=died)))
    if data.alsfrs:
        last = data.alsfrs[-1]
        rows.append(
            (t(lang, "Last ALSFRS-R"), f"{last.total}/48 ({t(lang, 'assessed {date}', date=last.on.isoformat())})")
        )
    return rows


def dated_lines(lines: Sequence[Line], lang: str, width: float) -> Flowable:
    if not lines:
        return para(t(lang, "None recorded."), "body", lang)
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
    return [
        Line(
            a.on,
            code(lang, "discipline", a.discipline),
            t(lang, ", ").join(x for x in (a.at and a.at.isoformat(timespec="minutes"), a.detail, a.place) if x),
        )
        for a in items
    ]


def trend_row(data: SummaryData, lang: str, width: float) -> Table:
    w = width / 3
    empty = t(lang, "No values yet")
    totals = [Measure(s.on, float(s.total)) for s in data.alsfrs]
    trend = partial(charts.trend, width=w - 4, height=105, empty_text=empty)
    cells = [
        trend(t(lang, "ALSFRS-R (0–48)"), totals, axis=charts.ALSFRS_AXIS),
        trend(t(lang, "FVC (% predicted)"), data.fvc, axis=charts.FVC_AXIS, lines=charts.FVC_LINES),
        trend(t(lang, "Weight (kg)"), data.weight, floor=0),
    ]
    table = Table([cells], colWidths=[w] * 3)
    table.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.25, layout.RULE), ("GRID", (0, 0), (-1, -1), 0.25, layout.RULE)])
    )
    return table


def summary_pdf(data: SummaryData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "Patient summary")
    story: list[Flowable] = [para(title, "title", lang)]
    if data.alerts:
        story += [heading(t(lang, "Open alerts"), lang)]
        story += [para(f"{a.on.isoformat() if a.on else ''}  {a.text}", "warning", lang) for a in data.alerts]
    story += [heading(t(lang, "Diagnosis"), lang), key_values(diagnosis_rows(data.diagnosis, lang), lang, width)]
    latest = data.alsfrs[-1] if data.alsfrs else None
    if data.diagnosis.death_date is not None:  # never a "current" stage after death
        story += [heading(t(lang, "Death"), lang), key_values(death_rows(data, lang), lang, width)]
    else:
        story.append(heading(t(lang, "Current stage"), lang))
        story.append(
            key_values(stage_rows(latest, lang, data.progression), lang, width)
            if latest
            else para(t(lang, "No ALSFRS-R on record."), "body", lang)
        )
    story += [heading(t(lang, "Trends"), lang), trend_row(data, lang, width)]
    measures = list(data.latest_measures)
    if data.weight_change_percent is not None:
        measures.append(
            Line(None, t(lang, "Weight change since diagnosis: {value:+.1f} %", value=data.weight_change_percent))
        )
    last = [heading(t(lang, "Latest measurements"), lang), dated_lines(measures, lang, width)]
    story += last
    empty = []
    for key, lines in (
        (N_("Active medications"), data.medications),
        (N_("Therapies"), data.therapies),
        (N_("Open workups"), data.workups),
        (N_("Open referrals"), data.referrals),
        (N_("Upcoming appointments"), appointment_lines(data.appointments, lang)),
        (N_("Care programs"), data.programs),
        (N_("Key milestones"), data.milestones),
    ):
        if lines:
            last = [heading(t(lang, key), lang), dated_lines(lines, lang, width)]
            story += last
        else:
            empty.append(t(lang, key))
    if empty:  # one line instead of a heading per empty section: "none" is still stated
        closing: list[Flowable] = [
            heading(t(lang, "Nothing on record"), lang),
            para(t(lang, ", ").join(empty), "body", lang),
        ]
        # kept with the section before it, so the line never goes alone to a last page
        story[-len(last) :] = [KeepTogether(last + closing)]
    return layout.render(data.header, title, story, invariant=invariant)
