"""The clinic letter to the GP after a visit, then the patient's copy in plain words and language.

The letter says what changed since the visit before, what the GP and the patient are to do (only
what the worklist's rules set: liver tests, the reassessment) and the next review; it tells a
receiving doctor about the patient in the referral letter's own blocks."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from alsdesk.i18n import N_
from alsdesk.printdata import AlsfrsScore, Change, GpLetterData
from alsdesk.reports import layout
from alsdesk.reports.handout import appointment_table, due_lines
from alsdesk.reports.layout import bullet_list, grid, heading, para
from alsdesk.reports.referral import (
    INTERVENTION_NAMES,
    care_rows,
    diagnosis_text,
    lab_lines,
    letterhead,
    patient_rows,
    signer_lines,
)
from alsdesk.reports.summary import dated_lines, diagnosis_rows, key_values
from alsdesk.reports.texts import t

TITLE = N_("Clinic letter to the GP")
PLAIN_TITLE = N_("Your visit in plain words")
# The patient's copy: short sentences and everyday words (tests/reports/test_plain_words.py, grade 6).
PLAIN_INTRO = N_("We wrote to your family doctor after your visit on {date}. This is your copy in plain words.")
PLAIN_SCORE = N_("Your score for daily tasks (ALSFRS-R) is {now} out of 48. Last time it was {before}.")
PLAIN_SCORE_FIRST = N_("Your score for daily tasks (ALSFRS-R) is {now} out of 48.")
PLAIN_FVC = N_("Your breathing test (FVC) is {now} %. Last time it was {before} %.")
PLAIN_FVC_FIRST = N_("Your breathing test (FVC) is {now} %.")
PLAIN_WEIGHT = N_("Your weight is {now} kg. Last time it was {before} kg.")
PLAIN_WEIGHT_FIRST = N_("Your weight is {now} kg.")
PLAIN_STARTED = N_("New medicine: {drug}.")
PLAIN_STOPPED = N_("Stopped medicine: {drug}.")
PLAIN_IN_PLACE = {
    "gastrostomy": N_("You now have a feeding tube."),
    "niv": N_("You now use a breathing machine (NIV)."),
    "tracheostomy": N_("You now have a breathing tube in your neck."),
}
PLAIN_REVIEW = N_("Your next check-up at the clinic is due on {date}.")
PLAIN_NO_REVIEW = N_("The clinic will tell you when to come back.")
PLAIN_CALL = N_("If you have questions, call the clinic on {phone}.")
PLAIN_CALL_NO_PHONE = N_("If you have questions, call the clinic.")


def number(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:g}{unit}"


def dated(value: str, on: object) -> str:
    return f"{value} ({on})" if on is not None and value != "—" else value


def score_cells(s: AlsfrsScore | None, lang: str) -> list[str]:
    """ALSFRS-R total, ΔFS, King's and MiToS stage of one visit ("—" where not scored)."""
    if s is None:
        return ["—"] * 4
    rate = "—" if s.delta_fs is None else t(lang, "{value:.2f} points/month", value=s.delta_fs)
    return [dated(f"{s.total}/48", s.on.isoformat()), rate, s.kings, str(s.mitos)]


def change_cells(c: Change, unit: str) -> list[str]:
    return [
        dated(number(c.before, unit), c.before_on.isoformat() if c.before_on else None),
        dated(number(c.now, unit), c.now_on.isoformat() if c.now_on else None),
    ]


def changes_table(data: GpLetterData, lang: str, width: float) -> Flowable:
    """This visit beside the visit before: ALSFRS-R, ΔFS, stage, FVC and weight, each dated."""
    before = score_cells(data.previous_score, lang)
    now = score_cells(data.score, lang)
    names = [t(lang, "ALSFRS-R total"), t(lang, "ΔFS"), t(lang, "King's stage"), t(lang, "MiToS stage")]
    rows: list[list[str]] = [[n, b, c] for n, b, c in zip(names, before, now, strict=True)]
    rows.append([t(lang, "FVC (% predicted)"), *change_cells(data.fvc, " %")])
    rows.append([t(lang, "Weight"), *change_cells(data.weight, " kg")])
    previous = data.previous_on.isoformat() if data.previous_on else "—"
    head = ["", t(lang, "Visit before ({date})", date=previous), t(lang, "This visit ({date})", date=data.visit_on)]
    return grid([head, *rows], [width * 0.28, width * 0.36, width * 0.36], lang)


def care_changes(data: GpLetterData, lang: str) -> list[str]:
    """Medicines started and stopped and interventions begun since the visit before."""
    lines = [t(lang, "Started: {drug}, {dose}", drug=m.text, dose=m.detail) for m in data.started]
    lines += [t(lang, "Stopped: {drug}", drug=m.text) + (f" ({m.detail})" if m.detail else "") for m in data.stopped]
    for kind in data.new_interventions:
        name = INTERVENTION_NAMES[kind]  # marked with N_ in reports/referral.py
        lines.append(t(lang, "New: {what}", what=t(lang, name)))
    return lines


def gp_actions(data: GpLetterData, lang: str) -> list[str]:
    """Only what the clinic's rules set for the GP: the liver blood tests (ALT) falling due."""
    return [
        t(lang, "Please arrange a liver blood test (ALT) for {drug} by {date}.", drug=d.detail, date=d.on)
        for d in data.due
        if d.kind == "alt"
    ]


def letter_story(data: GpLetterData) -> list[Flowable]:
    lang, header = data.header.lang, data.header
    width = layout.content_width(header)
    p = header.patient
    story: list[Flowable] = [letterhead(header, width), Spacer(1, 4 * mm), para(t(lang, TITLE), "title", lang)]
    meta = [
        (t(lang, "To"), data.contacts.gp_name or t(lang, "The patient's GP")),
        (t(lang, "Visit"), str(data.visit_on)),
    ]
    if p is not None:
        who = (p.display_name(lang), f"{t(lang, 'MRN')} {p.mrn}", f"{t(lang, 'born')} {p.birth_date}")
        meta.append((t(lang, "Patient"), t(lang, ", ").join(who)))
    story += [key_values(meta, lang, width), Spacer(1, 3 * mm), para(t(lang, "Dear colleague,"), "body", lang)]
    story.append(para(t(lang, "We saw your patient at the clinic on {date}.", date=data.visit_on), "body", lang))
    history = [(t(lang, "Diagnosis"), diagnosis_text(data.diagnosis, lang)), *diagnosis_rows(data.diagnosis, lang)]
    story += [heading(t(lang, "Diagnosis"), lang), key_values(history, lang, width)]
    story.append(heading(t(lang, "What changed since the visit before"), lang))
    if data.previous_on is None:
        story.append(
            para(t(lang, "This was the first visit: there is no earlier visit to compare with."), "body", lang)
        )
    story += [changes_table(data, lang, width), Spacer(1, 2 * mm)]
    changed = care_changes(data, lang)
    story += (
        bullet_list(changed, "body", lang)
        if changed
        else [para(t(lang, "No change in medicines or care."), "body", lang)]
    )
    if data.alerts:
        story += [heading(t(lang, "Issues the clinic is acting on"), lang), dated_lines(data.alerts, lang, width)]
    story.append(heading(t(lang, "Actions for you"), lang))
    actions = gp_actions(data, lang)
    story += (
        bullet_list(actions, "body", lang)
        if actions
        else [para(t(lang, "No action is needed from you now."), "body", lang)]
    )
    review = (
        t(lang, "Next review at the clinic: {date}", date=data.next_review)
        if data.next_review
        else t(lang, "Next review: the clinic will arrange it.")
    )
    story += [
        heading(t(lang, "Actions for the patient"), lang),
        *bullet_list([*due_lines(data.due, lang), review], "body", lang),
        para(t(lang, "The patient has a copy of this letter in plain words."), "body", lang),
    ]
    story += [
        heading(t(lang, "About the patient"), lang),
        key_values(patient_rows(data.contacts, data.allergies, lang), lang, width),
        heading(t(lang, "Current care"), lang),
        key_values(care_rows(data, lang), lang, width),
    ]
    if data.latest_measures:
        story += [heading(t(lang, "Latest measurements"), lang), dated_lines(data.latest_measures, lang, width)]
    if data.labs:
        story += [
            heading(t(lang, "Latest laboratory results"), lang),
            dated_lines(lab_lines(data.labs, lang), lang, width),
        ]
    story += [heading(t(lang, "Current medications"), lang), dated_lines(data.medications, lang, width)]
    signature = [
        Spacer(1, 4 * mm),
        para(t(lang, "Yours sincerely,"), "body", lang),
        Spacer(1, 12 * mm),
        para("_" * 34 + f"  {t(lang, 'Signature')}", "body", lang),
        *signer_lines(data.signer, "neurology", header.clinic.name, lang),
    ]
    story.append(KeepTogether(signature))
    return story


def plain_lines(data: GpLetterData) -> list[str]:
    """What changed, in the patient's language and short sentences; only what was measured."""
    lang = data.plain_header.lang
    lines = []
    s, before = data.score, data.previous_score
    if s is not None and s.on == data.visit_on:  # scored at this visit
        text = PLAIN_SCORE if before is not None else PLAIN_SCORE_FIRST
        lines.append(t(lang, text, now=s.total, before=before.total if before else ""))
    for c, again, first in ((data.fvc, PLAIN_FVC, PLAIN_FVC_FIRST), (data.weight, PLAIN_WEIGHT, PLAIN_WEIGHT_FIRST)):
        if c.now is not None and c.now_on == data.visit_on:  # measured at this visit
            text = again if c.before is not None else first
            lines.append(t(lang, text, now=f"{c.now:g}", before=f"{c.before or 0:g}"))
    lines += [t(lang, PLAIN_STARTED, drug=drug) for drug in data.plain_started]
    lines += [t(lang, PLAIN_STOPPED, drug=drug) for drug in data.plain_stopped]
    for kind in data.new_interventions:
        text = PLAIN_IN_PLACE[kind]
        lines.append(t(lang, text))
    return lines


def plain_story(data: GpLetterData) -> list[Flowable]:
    """The patient's copy: what we found, what to do, the next check-up, whom to call."""
    lang = data.plain_header.lang
    width = layout.content_width(data.plain_header)

    def text(value: str) -> Flowable:
        return para(value, "plain", lang)

    story: list[Flowable] = [para(t(lang, PLAIN_TITLE), "title", lang), text(t(lang, PLAIN_INTRO, date=data.visit_on))]
    found = plain_lines(data)
    if found:
        story += [heading(t(lang, "What we found"), lang, "h2_plain"), *bullet_list(found, "plain", lang)]
    todo = due_lines(data.plain_due, lang)
    if todo:
        story += [heading(t(lang, "Tests and check-ups due"), lang, "h2_plain"), *bullet_list(todo, "plain", lang)]
    if data.coming:
        story += [
            heading(t(lang, "Your coming appointments"), lang, "h2_plain"),
            appointment_table(data.coming, lang, width),
            Spacer(1, 2 * mm),
        ]
    review = t(lang, PLAIN_REVIEW, date=data.next_review) if data.next_review else t(lang, PLAIN_NO_REVIEW)
    phone = data.plain_header.clinic.phone
    call = t(lang, PLAIN_CALL, phone=phone) if phone else t(lang, PLAIN_CALL_NO_PHONE)
    return [*story, text(review), text(call)]


def gp_letter_pdf(data: GpLetterData, *, invariant: bool = False) -> bytes:
    """The letter, then the plain copy (its own pages and numbering); none once the patient has died."""
    parts = [layout.Part(data.header, t(data.header.lang, TITLE), letter_story(data))]
    if data.diagnosis.death_date is None:
        plain = data.plain_header
        parts.append(layout.Part(plain, t(plain.lang, PLAIN_TITLE), plain_story(data)))
    return layout.render_parts(parts, invariant=invariant)
