"""The family's NIV plan: whom to call, the settings, when to use the machine, mask care, what to
do when it fails, alarms or the power goes off, and the oxygen caution. Plain words (grade 6)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from alsdesk.i18n import N_
from alsdesk.printdata import NivPlanData, NivSettings
from alsdesk.reports import layout
from alsdesk.reports.handout import niv_failure_plan, oxygen_caution
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.plan_parts import call_section, settings_section
from alsdesk.reports.texts import code, t

TITLE = N_("Your breathing machine (NIV) plan")
LABELS = (
    N_("Mode"),
    N_("IPAP (breathing in)"),
    N_("EPAP (breathing out)"),
    N_("Backup rate"),
    N_("Mask"),
    N_("Machine"),
)
# Mask and machine care as the home ventilation services' leaflets give it (NICE NG42 1.11).
CARE = (
    N_("Wash the mask each morning in warm water with a little mild soap. Rinse it and let it dry."),
    N_("Wash the tube once a week in the same way, and hang it up to dry."),
    N_("If the machine has a water tank, empty it each day and fill it with cooled boiled water."),
    N_("Check the filter each week. Change it when it looks grey, or when the supplier says."),
    N_("If the mask hurts your nose or leaks, tell the clinic. A different size can help."),
)
MORE_FAILS = (
    N_(
        "If the machine beeps: check that the mask fits and the tube is pushed on. If it still beeps, call the supplier."
    ),
    N_("If the power goes off: use the battery if the machine has one, sit up, and call the supplier."),
)


def setting_rows(s: NivSettings, lang: str) -> list[tuple[str, str]]:
    """(label, value) in the order of LABELS, then the day they were set."""
    pressure = N_("{value} cmH2O")
    values = (
        code(lang, "niv_mode", s.mode),
        t(lang, pressure, value=f"{s.ipap:g}"),
        t(lang, pressure, value=f"{s.epap:g}"),
        t(lang, "{count} breaths a minute", count=s.backup_rate) if s.backup_rate else "",
        code(lang, "niv_mask", s.mask),
        s.machine,
    )
    rows = [(t(lang, label), value) for label, value in zip(LABELS, values, strict=True)]
    return [*rows, (t(lang, "Set on"), s.set_on.isoformat())]


def use_lines(s: NivSettings | None, lang: str) -> list[str]:
    """When to use it: the recorded night and hours, else a line to fill in."""
    if s is None:
        return [t(lang, "Use it for ____ hours a day, as the clinic tells you.")]
    lines = [t(lang, "Use it every night, all night.")] if s.overnight else []
    if s.hours_per_day:
        lines.append(t(lang, "Use it for about {hours} hours a day in all.", hours=s.hours_per_day))
    lines.append(t(lang, "Use it too when you nap, or when you feel short of breath."))
    return lines


def niv_plan_story(data: NivPlanData) -> list[Flowable]:
    lang, s = data.header.lang, data.settings
    intro = t(lang, "You have used NIV since {date}. Keep this plan next to the machine.", date=data.since.isoformat())
    story: list[Flowable] = [para(t(lang, TITLE), "title", lang), para(intro, "plain", lang)]
    supplier = s.supplier_phone if s is not None else ""  # whom to call first, as on the handout
    story += call_section(data.header, data.key_worker, [(t(lang, "Machine supplier"), supplier)])
    rows = None if s is None else setting_rows(s, lang)
    story += settings_section(data.header, t(lang, "Your settings"), rows, [t(lang, x) for x in LABELS])
    story.append(heading(t(lang, "When to use it"), lang, "h2_plain"))
    story += bullet_list(use_lines(s, lang), "plain", lang)
    story.append(heading(t(lang, "Cleaning and mask care"), lang, "h2_plain"))
    story += bullet_list([t(lang, x) for x in CARE], "plain", lang)
    fails = [*niv_failure_plan(lang), *bullet_list([t(lang, x) for x in MORE_FAILS], "plain", lang)]
    return [*story, KeepTogether([*fails, oxygen_caution(lang)])]  # what to do when it fails, on one page


def niv_plan_pdf(data: NivPlanData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), niv_plan_story(data))
    return layout.render_parts([part], invariant=invariant)
