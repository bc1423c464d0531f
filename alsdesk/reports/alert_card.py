"""The alert card: a wallet-size emergency card (ID-1, 85.6 x 54 mm) to cut out and fold.

Front and back panels sit side by side with a fold line between them and cut marks outside the
corners. Text is at least 8 pt, headings bold, black on white, so it reads in grey print.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer

from alsdesk.i18n import N_
from alsdesk.i18n.labels import code_text
from alsdesk.printdata import AlertCardData
from alsdesk.reports import layout
from alsdesk.reports.handout import OXYGEN, contact_rows
from alsdesk.reports.layout import para
from alsdesk.reports.referral import INTERVENTION_NAMES, allergy_text
from alsdesk.reports.texts import t

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm  # ISO/IEC 7810 ID-1, a bank card
PAD = 2.5 * mm  # inside each panel
MARK = 4 * mm  # cut marks: this long, this far outside the corners
TITLE = N_("Alert card")
DIAGNOSIS = N_("Diagnosis: ALS (amyotrophic lateral sclerosis), a motor neuron disease")
ADRT_IN_PLACE = N_("advance decision to refuse treatment (ADRT) in place")
KEEP = N_("Cut out along the marks, fold in the middle and keep it with you.")
MORE = N_("Did not fit on the card:")
LABELLED = N_("{label}: {value}")  # a full-width colon in Chinese


def labelled(lang: str, label: str, value: str) -> str:
    return t(lang, LABELLED, label=label, value=value)


def front_lines(data: AlertCardData) -> list[tuple[str, str]]:
    """(style, text): who, the diagnosis, what is in place, allergies, the advance care plan."""
    lang = data.header.lang
    lines = [("card_head", t(lang, TITLE)), ("card", layout.identity(data.header)), ("card", t(lang, DIAGNOSIS))]
    for kind, since in data.in_place:
        name = INTERVENTION_NAMES[kind]  # marked with N_ in reports/referral.py
        since_text = t(lang, "in place since {date}", date=since.isoformat())
        lines.append(("card", labelled(lang, t(lang, name), since_text)))
    lines.append(("card", labelled(lang, t(lang, "Allergies"), allergy_text(data.allergies, lang))))
    lines.append(("card", labelled(lang, t(lang, "Advance care plan"), plan_status(data, lang))))
    return lines


def plan_status(data: AlertCardData, lang: str) -> str:
    """The structured plan's resuscitation decision, an ADRT in place and the plan's day; without
    one, the day of the latest note of the plan's kind, or "not recorded"."""
    plan = data.care_plan
    if plan is None:
        if data.care_plan_noted is None:
            return t(lang, "not recorded")
        return t(lang, "latest note {date}", date=data.care_plan_noted.isoformat())
    cpr = code_text(plan.resuscitation, lang)
    parts = [cpr + (f" {plan.resuscitation_on.isoformat()}" if plan.resuscitation_on else "")]
    if plan.adrt_in_place:
        parts.append(t(lang, ADRT_IN_PLACE))
    parts.append(t(lang, "recorded {date}", date=plan.recorded_on.isoformat()))
    return t(lang, "; ").join(parts)


def back_lines(data: AlertCardData) -> list[tuple[str, str]]:
    """(style, text): the oxygen caution when NIV is in place, then whom to call."""
    lang = data.header.lang
    lines = [("card_warning", t(lang, OXYGEN))] if any(k == "niv" for k, _ in data.in_place) else []
    lines.append(("card_head", t(lang, "Whom to call")))
    for label, value in contact_rows(data.header.clinic, data.key_worker, lang):
        lines.append(("card", labelled(lang, label, value.replace("\n", ", "))))
    return lines


class CardSheet(Flowable):
    """Both panels, outlined, with cut marks; each panel's lines set in a frame of its own."""

    def __init__(self, front: list[Paragraph], back: list[Paragraph]) -> None:
        super().__init__()
        self.panels = (front, back)

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 2 * CARD_WIDTH, CARD_HEIGHT + 2 * MARK

    def draw(self) -> None:
        c: Any = self.canv
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.4)
        bottom, left, right, top = MARK, 0.0, 2 * CARD_WIDTH, MARK + CARD_HEIGHT
        for x in (left, right):
            for y in (bottom, top):
                c.line(x, y + (-MARK if y == bottom else MARK), x, y + (-1 if y == bottom else 1))
                c.line(x + (-MARK if x == left else MARK), y, x + (-1 if x == left else 1), y)
        c.setDash(2, 2)  # the fold
        c.line(CARD_WIDTH, bottom - MARK, CARD_WIDTH, bottom - 1)
        c.line(CARD_WIDTH, top + 1, CARD_WIDTH, top + MARK)
        c.setDash()
        c.setLineWidth(0.6)
        c.rect(left, bottom, CARD_WIDTH, CARD_HEIGHT)
        c.rect(CARD_WIDTH, bottom, CARD_WIDTH, CARD_HEIGHT)
        c.restoreState()
        for i, lines in enumerate(self.panels):
            frame = Frame(i * CARD_WIDTH, bottom, CARD_WIDTH, CARD_HEIGHT, PAD, PAD, PAD, PAD, showBoundary=0)
            frame.addFromList(list(lines), c)


def paragraphs(lines: list[tuple[str, str]], lang: str) -> list[Paragraph]:
    return [para(text, name, lang) for name, text in lines]


def split_to_fit(lines: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """The lines that fit on one panel, and the rest (a long allergy list): never silently dropped."""
    room, width = CARD_HEIGHT - 2 * PAD, CARD_WIDTH - 2 * PAD
    for i, line in enumerate(lines):
        room -= line.wrap(width, room)[1] + line.getSpaceAfter()
        if room < 0:
            return lines[:i], lines[i:]
    return lines, []


def alert_card_story(data: AlertCardData) -> list[Flowable]:
    """The card, then under it, in the same type, whatever did not fit on its panels."""
    lang = data.header.lang
    front, front_rest = split_to_fit(paragraphs(front_lines(data), lang))
    back, back_rest = split_to_fit(paragraphs(back_lines(data), lang))
    rest = front_rest + back_rest
    more = [Spacer(1, 4 * mm), para(t(lang, MORE), "card_head", lang), *rest] if rest else []
    return [para(t(lang, KEEP), "plain", lang), CardSheet(front, back), *more]


def alert_card_pdf(data: AlertCardData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), alert_card_story(data))
    return layout.render_parts([part], invariant=invariant)
