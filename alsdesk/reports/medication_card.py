"""The medication card: the family's list of medicines, in the patient's language and plain words."""

from __future__ import annotations

from reportlab.platypus import Flowable

from alsdesk.i18n import N_
from alsdesk.printdata import CardMedicine, MedicationCardData
from alsdesk.reports import layout
from alsdesk.reports.layout import bullet_list, heading, para
from alsdesk.reports.texts import t

TITLE = N_("Your medicines")
KEEP = N_("Keep this list with you. Show it to any doctor, nurse or pharmacist you see.")
# Once for the card, not per medicine: whether a tablet may be crushed is the pharmacist's call.
TUBE = N_("Before you give a medicine through the feeding tube, ask the pharmacist. Some must not be crushed.")


def medicine_lines(m: CardMedicine, lang: str) -> list[str]:
    """What it is for, when to take it, the blood test due."""
    lines = [t(lang, "What it is for: {text}", text=m.purpose)] if m.purpose else []
    lines.append(t(lang, "When to take it: {text}", text=m.dose))
    if m.alt_due is not None:
        lines.append(t(lang, "Next liver blood test (ALT): {date}", date=m.alt_due.isoformat()))
    return lines


def medication_card_story(data: MedicationCardData) -> list[Flowable]:
    lang = data.header.lang
    story: list[Flowable] = [
        para(t(lang, TITLE), "title", lang),
        para(t(lang, KEEP), "plain", lang),
    ]
    if any(m.by_tube for m in data.medicines):
        story.append(para(t(lang, TUBE), "plain", lang))
    for m in data.medicines:
        story.append(heading(m.name, lang, "h2_plain"))
        story += bullet_list(medicine_lines(m, lang), "plain", lang)
    return story


def medication_card_pdf(data: MedicationCardData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), medication_card_story(data))
    return layout.render_parts([part], invariant=invariant)
