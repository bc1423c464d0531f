"""The family's gastrostomy plan: whom to call, the tube, the feed and its times, water flushes,
tube care, what to do if it is blocked or comes out, medicines through the tube."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from alsdesk.i18n import N_
from alsdesk.printdata import GastrostomyPlanData, GastrostomySettings
from alsdesk.reports import layout
from alsdesk.reports.handout import tube_failure_plan
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.medication_card import TUBE, medicine_lines
from alsdesk.reports.plan_parts import call_section, settings_section
from alsdesk.reports.texts import code, t

TITLE = N_("Your feeding tube plan")
LABELS = (N_("Tube"), N_("Tube size"), N_("Put in on"), N_("Feed"), N_("Amount"), N_("Pump rate"), N_("Feed times"))
CARE = (
    N_("Wash your hands before you touch the tube."),
    N_("Clean the skin round the tube each day with soap and water, and dry it well."),
    N_("Sit up while the feed goes in, and for 1 hour after."),
    N_("Call the clinic if the skin round the tube is red, sore or wet, or if the feed leaks."),
)


def setting_rows(s: GastrostomySettings, lang: str) -> list[tuple[str, str]]:
    """(label, value) in the order of LABELS, then the day they were set."""
    values = (
        code(lang, "tube_type", s.tube_type),
        f"{s.tube_size} Fr" if s.tube_size else "",
        s.placed_on.isoformat() if s.placed_on else "",
        s.feed_name,
        t(lang, "{ml} ml a day", ml=s.feed_volume) if s.feed_volume else "",
        t(lang, "{ml} ml an hour", ml=s.feed_rate) if s.feed_rate else "",
        s.feed_times,
    )
    rows = [(t(lang, label), value) for label, value in zip(LABELS, values, strict=True)]
    return [*rows, (t(lang, "Set on"), s.set_on.isoformat())]


def flush_line(s: GastrostomySettings | None, lang: str) -> str:
    if s is None or s.flush_volume is None:
        return t(lang, "Flush the tube with ____ ml of water before and after each feed and each medicine.")
    return t(
        lang, "Flush the tube with {ml} ml of water before and after each feed and each medicine.", ml=s.flush_volume
    )


def gastrostomy_plan_story(data: GastrostomyPlanData) -> list[Flowable]:
    lang, s = data.header.lang, data.settings
    intro = t(
        lang, "You have had a feeding tube since {date}. Keep this plan with your feeds.", date=data.since.isoformat()
    )
    story: list[Flowable] = [para(t(lang, TITLE), "title", lang), para(intro, "plain", lang)]
    team = "\n".join(x for x in (s.contact_name, s.contact_phone) if x) if s is not None else ""
    story += call_section(data.header, data.key_worker, [(t(lang, "Your tube and feed team"), team)])  # first
    rows = None if s is None else setting_rows(s, lang)
    story += settings_section(data.header, t(lang, "Your tube and feed"), rows, [t(lang, x) for x in LABELS])
    story.append(heading(t(lang, "Water flushes"), lang, "h2_plain"))
    story.append(para(flush_line(s, lang), "plain", lang))
    story.append(heading(t(lang, "Tube care"), lang, "h2_plain"))
    story += bullet_list([t(lang, x) for x in CARE], "plain", lang)
    story.append(KeepTogether(tube_failure_plan(lang)))  # before the medicines: what to do at once
    if data.medicines:
        story.append(heading(t(lang, "Medicines through the tube"), lang, "h2_plain"))
        story.append(para(t(lang, TUBE), "plain", lang))
        for m in data.medicines:  # each medicine whole on a page
            story.append(KeepTogether([para(m.name, "h3", lang), *bullet_list(medicine_lines(m, lang), "plain", lang)]))
    return story


def gastrostomy_plan_pdf(data: GastrostomyPlanData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), gastrostomy_plan_story(data))
    return layout.render_parts([part], invariant=invariant)
