"""The care-plan summary: the family's copy of the advance care plan (NICE NG42), in the patient's
language and plain words, with lines to sign. Every part says what was decided, or that nothing is
decided yet, so a blank is never mistaken for a choice."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from alsdesk.i18n import N_
from alsdesk.i18n.labels import code_text
from alsdesk.printdata import CarePlan, CarePlanData
from alsdesk.reports import layout
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.texts import t

TITLE = N_("Your advance care plan")
INTRO = N_(
    "This sheet sums up the wishes you shared with your care team. You can change them at any time. "
    "Tell us if anything here is wrong."
)
NOT_YET = N_("Not decided yet.")
HEADINGS = (
    N_("What matters to you"),
    N_("Treatments you do not want"),
    N_("If your heart stops"),
    N_("Where you want to be cared for"),
    N_("Who can decide for you"),
    N_("When we will look at this plan again"),
    N_("When this plan was made and changed"),
)
SIGNATURES = N_("Signatures")
CPR = {
    "for_cpr": N_("The team will try to restart your heart (CPR). This was decided on {date}."),
    "not_for_cpr": N_(
        "The team will not try to restart your heart (do not attempt CPR). You will still get all other care. "
        "This was decided on {date}."
    ),
}
LISTS = (HEADINGS[1], HEADINGS[6])  # sections whose first line leads a list
HISTORY = {True: N_("{date}: plan updated"), False: N_("{date}: talk noted")}  # a revision; a note
SIGNERS = (N_("Patient"), N_("Person with authority to decide"), N_("Clinician"))


def _place(code: str | None, text: str, lang: str) -> str:
    if code is None:
        return t(lang, NOT_YET)
    return t(lang, "{name} ({detail})", name=code_text(code, lang), detail=text) if text else code_text(code, lang)


def sections(plan: CarePlan, history: tuple[tuple[str, bool], ...], lang: str) -> list[tuple[str, list[str]]]:
    """(heading, lines) in the order printed; a heading is an English msgid, lines are in `lang`.
    `history` is (day, a revision of the record) for each entry, latest first."""
    refused = [code_text(c, lang) for c in plan.adrt_refuses] + ([plan.adrt_text] if plan.adrt_text else [])
    adrt = (
        [t(lang, "You made an advance decision to refuse treatment. You do not want:"), *refused]
        if plan.adrt_in_place
        else [t(lang, "You have not made an advance decision to refuse treatment.")]
    )
    decided = CPR.get(plan.resuscitation)  # marked with N_ above
    cpr = (
        t(lang, decided, date=plan.resuscitation_on.isoformat())
        if decided is not None and plan.resuscitation_on is not None
        else t(lang, "Not talked about yet.")
    )
    if plan.decider == "no_one_named":
        decider = [t(lang, "No one is named yet.")]
    else:
        who = plan.decider_name
        if plan.decider_relationship:
            who = t(lang, "{name} ({detail})", name=who, detail=plan.decider_relationship)
        decider = [t(lang, "{label}: {value}", label=code_text(plan.decider, lang), value=who)]
        if plan.decider_phone:
            decider.append(t(lang, "Phone: {phone}", phone=plan.decider_phone))
    made = t(lang, "Written on {date}", date=plan.recorded_on.isoformat()) + (
        t(lang, " by {name}", name=plan.recorded_by) if plan.recorded_by else ""
    )
    dates = [t(lang, text, date=day) for day, text in ((d, HISTORY[r]) for d, r in history)]
    return [
        (HEADINGS[0], [plan.preferences or t(lang, NOT_YET)]),
        (HEADINGS[1], adrt),
        (HEADINGS[2], [cpr]),
        (
            HEADINGS[3],
            [
                t(lang, "Place of care: {place}", place=_place(plan.care_place, plan.care_place_text, lang)),
                t(
                    lang,
                    "Place at the end of life: {place}",
                    place=_place(plan.death_place, plan.death_place_text, lang),
                ),
            ],
        ),
        (HEADINGS[4], decider),
        (HEADINGS[5], [plan.review_on.isoformat() if plan.review_on else t(lang, NOT_YET)]),
        (HEADINGS[6], [made, *dates]),
    ]


def signature_block(lang: str) -> Flowable:
    """A line to sign and a line for the date, for each person who signs."""
    rows = [[para(t(lang, who), "plain", lang), "", para(t(lang, "Date"), "plain", lang), ""] for who in SIGNERS]
    table = Table(rows, colWidths=[55 * mm, 65 * mm, 18 * mm, 32 * mm], rowHeights=[15 * mm] * len(rows))
    table.setStyle(
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
        + [("LINEBELOW", (c, i), (c, i), 0.6, colors.black) for i in range(len(rows)) for c in (1, 3)]
    )
    return table


def care_plan_story(data: CarePlanData) -> list[Flowable]:
    lang = data.header.lang
    history = tuple((day.isoformat(), revision) for day, revision in data.history)
    story: list[Flowable] = [para(t(lang, TITLE), "title", lang), para(t(lang, INTRO), "plain", lang)]
    for title, lines in sections(data.plan, history, lang):
        first, *rest = lines  # a list's lead line, then its items; other lines one under another
        listed = title in LISTS
        body = [para(first, "plain", lang), *(bullet_list(rest, "plain", lang) if listed else [])]
        body += [] if listed else [para(line, "plain", lang) for line in rest]
        story.append(KeepTogether([heading(t(lang, title), lang, "h2_plain"), *body]))
    story += [
        KeepTogether([heading(t(lang, SIGNATURES), lang, "h2_plain"), Spacer(1, 4), signature_block(lang)]),
    ]
    return story


def care_plan_pdf(data: CarePlanData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), care_plan_story(data))
    return layout.render_parts([part], invariant=invariant)
