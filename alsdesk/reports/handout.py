"""The family handout, in the patient's language and plain words."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from alsdesk.i18n import N_
from alsdesk.printdata import Appointment, Clinic, Due, HandoutData, ProgramSheet, StaffMember
from alsdesk.reports import layout
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.texts import code, t

# Signs that need a call (NICE NG42 respiratory and nutrition review; riluzole SmPC for fever).
WATCH = (
    N_("more short of breath, or short of breath when lying flat"),
    N_("headaches in the morning or sleepiness in the day"),
    N_("coughing or choking when eating or drinking"),
    N_("losing weight"),
    N_("a fall"),
)
EATING = WATCH[2]  # left out for a patient fed only by tube (services.interventions.nil_by_mouth)
WATCH_RILUZOLE = N_("fever or a sore throat (riluzole can lower the white blood cells)")

# What to do when what the patient has fails (NICE NG42 1.11, 1.12; the ventilation and gastrostomy
# plans families are given): only for what is in place (services.interventions).
NIV_FAILS = (
    N_("Check the power, the tubing and the mask, then switch the machine off and on again."),
    N_("Sit upright and breathe slowly."),
    N_("If it still does not work, call the out-of-hours line or the clinic now."),
    N_("If breathing becomes very hard, or the lips turn blue, call the emergency number."),
)
# Extra oxygen can stop a weak-breathing patient from breathing out CO2 (NICE NG42 1.11.11).
OXYGEN = N_(
    "Oxygen: do not use oxygen at home unless your ALS team has prescribed it. With weak breathing"
    " muscles, extra oxygen can make breathing worse. Tell paramedics that you use NIV, and show them this sheet."
)
TUBE_FAILS = (
    N_("Blocked: flush gently with warm water from a 50 ml syringe. Never push anything else into the tube."),
    N_(
        "Out or moved: do not use it. Cover the opening with a clean dressing. Call the clinic or"
        " the out-of-hours line at once. The opening can start to close within hours."
    ),
)
# A tube in the neck (NICE NG42 1.12.4: carers trained in its care; the steps are those of the
# UK National Tracheostomy Safety Project's emergency algorithm, in the order it gives them).
TRACHEOSTOMY_FAILS = (
    N_(
        "Keep by the bed at all times: two spare tubes (one the same size and one smaller), the suction machine and the hand bag."
    ),
    N_("Hard to breathe: suction the tube as you were shown."),
    N_("Still blocked: take out the inner tube and put in a clean one."),
    N_("Still blocked, or the tube comes out: put in a spare tube as you were shown."),
    N_("If you cannot, or breathing is still hard, call the emergency number at once."),
    N_("If the breathing machine stops, breathe for the patient with the hand bag, then call the supplier."),
)
BRING = N_("Bring to each appointment: this sheet, your medicines or a list of them, and your checklist sheets.")
DUE = {
    "reassessment": N_("{date}: check-up at the clinic (ALSFRS-R score, breathing and weight)"),
    "alt": N_("{date}: liver blood test (ALT) for {drug}"),
}


def when(a: Appointment) -> str:
    """An appointment's day, and its start time when known: "2026-03-02 09:30"."""
    return a.on.isoformat() if a.at is None else f"{a.on.isoformat()} {a.at.isoformat(timespec='minutes')}"


def appointment_table(
    items: Sequence[Appointment], lang: str, width: float, *, dated: bool = True, scale: float = 1.0
) -> Table:
    """Date (and start time when known), who, what (and where, when recorded); undated for ongoing
    care, whose start date would read as an appointment."""
    rows = [
        ([para(when(a), "plain", lang, scale)] if dated else [])
        + [
            para(code(lang, "discipline", a.discipline), "plain", lang, scale),
            para(t(lang, ", ").join(x for x in (a.detail, a.place) if x), "plain", lang, scale),
        ]
        for a in items
    ]
    timed = dated and any(a.at is not None for a in items)
    first = (38 if timed else 28) * mm * scale if dated else 0
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


def contact_rows(clinic: Clinic, key_worker: StaffMember | None, lang: str) -> list[tuple[str, str]]:
    """Whom to call, most urgent first; a number the clinic has not set is left out, not invented."""
    rows = [
        (t(lang, "Emergency number"), clinic.emergency_phone),
        (t(lang, "Clinic phone"), clinic.phone),
        (t(lang, "Clinic hours"), clinic.hours(lang)),
        (t(lang, "Out-of-hours line"), clinic.out_of_hours_phone),
    ]
    if key_worker is not None:
        title = key_worker.title(lang)
        who = t(lang, "{name} ({detail})", name=key_worker.name, detail=title) if title else key_worker.name
        rows.append((t(lang, "Your key worker"), f"{who}\n{key_worker.phone}".strip()))
    return [(label, value) for label, value in rows if value]


def contact_table(rows: list[tuple[str, str]], lang: str, width: float, scale: float) -> Table:
    table = Table(
        [[para(k, "h3", lang, scale), para(v, "plain", lang, scale)] for k, v in rows],
        colWidths=[width * 0.38, width * 0.62],
    )
    table.setStyle(layout.ruled_rows(2))
    return table


def emergency_line(clinic: Clinic, lang: str) -> str:
    """When to call the emergency number, with it when the clinic has set one."""
    if clinic.emergency_phone:
        return t(
            lang,
            "Call {phone} at once if it is very hard to breathe, or if choking does not stop.",
            phone=clinic.emergency_phone,
        )
    return t(lang, "Call emergency services at once if it is very hard to breathe, or if choking does not stop.")


def niv_failure_plan(lang: str, scale: float = 1.0) -> list[Flowable]:
    """What to do when the NIV fails, then the oxygen caution (the handout and the NIV plan)."""
    story: list[Flowable] = [
        heading(t(lang, "If your breathing machine (NIV) stops working or does not help"), lang, "h2_plain", scale)
    ]
    story += bullet_list([t(lang, x) for x in NIV_FAILS], "plain", lang, scale)
    return story


def oxygen_caution(lang: str, scale: float = 1.0) -> Flowable:
    return para(t(lang, OXYGEN), "warning_plain", lang, scale)


def tube_failure_plan(lang: str, scale: float = 1.0) -> list[Flowable]:
    """What to do if the feeding tube is blocked or comes out (the handout and the gastrostomy plan)."""
    story: list[Flowable] = [heading(t(lang, "If the feeding tube is blocked or comes out"), lang, "h2_plain", scale)]
    story += bullet_list([t(lang, x) for x in TUBE_FAILS], "plain", lang, scale)
    return story


def tracheostomy_failure_plan(lang: str, scale: float = 1.0) -> list[Flowable]:
    """What to do if the tube in the neck is blocked or comes out, or its ventilator stops."""
    title = t(lang, "If the breathing tube in the neck is blocked or comes out")
    story: list[Flowable] = [heading(title, lang, "h2_plain", scale)]
    story += bullet_list([t(lang, x) for x in TRACHEOSTOMY_FAILS], "plain", lang, scale)
    return story


def safety_block(data: HandoutData, width: float, scale: float) -> list[Flowable]:
    """Page 1, first: whom to call, then what to do if the ventilator, the tube in the neck or the
    feeding tube fails."""
    lang, clinic = data.header.lang, data.header.clinic
    story: list[Flowable] = [heading(t(lang, "Whom to call"), lang, "h2_plain", scale)]
    rows = contact_rows(clinic, data.key_worker, lang)
    if rows:
        story.append(contact_table(rows, lang, width, scale))
    story.append(para(emergency_line(clinic, lang), "plain", lang, scale))
    if "tracheostomy" in data.in_place:
        story += tracheostomy_failure_plan(lang, scale)
    elif "niv" in data.in_place:  # a mask, not a tube in the neck
        story += niv_failure_plan(lang, scale)
    if "niv" in data.in_place:
        story.append(oxygen_caution(lang, scale))
    if "gastrostomy" in data.in_place:
        story += tube_failure_plan(lang, scale)
    return story  # first on page 1: nothing to keep together (measuring it twice cost a batch)


def due_lines(due: Sequence[Due], lang: str) -> list[str]:
    lines = []
    for d in due:
        text = DUE[d.kind]
        lines.append(t(lang, text, date=d.on.isoformat(), drug=d.detail))
    return lines


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
        *safety_block(data, width, scale),
    ]
    watched = [sign for sign in WATCH if not (data.nil_by_mouth and sign == EATING)]
    signs = [t(lang, sign) for sign in watched + ([WATCH_RILUZOLE] if data.on_riluzole else [])]
    story.append(KeepTogether([head(t(lang, "Call the clinic soon if you notice")), *bullets(signs)]))
    if data.appointments or not data.due:
        story.append(head(t(lang, "Your coming appointments")))
    if data.appointments:
        story.append(appointment_table(data.appointments, lang, width, scale=scale))
    if data.due:
        story.append(head(t(lang, "Tests and check-ups due")))
        story += bullets(due_lines(data.due, lang))
    if data.appointments or data.due:
        story.append(text(t(lang, BRING)))
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
    if data.education:  # at most 8 short lines
        story.append(
            KeepTogether(
                [
                    head(t(lang, "What we talked about")),
                    *bullets([f"{e.on.isoformat() if e.on else ''}  {e.text}" for e in data.education]),
                ]
            )
        )
    return story


def handout_part(data: HandoutData, *, large_print: bool = False) -> layout.Part:
    return layout.Part(data.header, t(data.header.lang, "Your care plan"), handout_story(data, large_print=large_print))


def handout_pdf(data: HandoutData, *, invariant: bool = False, large_print: bool = False) -> bytes:
    return layout.render_parts([handout_part(data, large_print=large_print)], invariant=invariant)
