"""The referral letter: letterhead, recipient, reason and urgency, history, questions, signature."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from alsdesk.printdata import ReferralData
from alsdesk.reports import layout
from alsdesk.reports.layout import heading, para
from alsdesk.reports.summary import dated_lines, diagnosis_rows, key_values, stage_rows
from alsdesk.reports.texts import code, t


def letterhead(data: ReferralData, width: float) -> Flowable:
    lang, clinic = data.header.lang, data.header.clinic
    lines: list[Flowable] = [para(clinic.name, "letterhead", lang)]
    contact = "   ".join(x for x in (clinic.address, clinic.phone) if x)
    if contact:
        lines.append(para(contact, "small", lang))
    if not clinic.logo_png:
        return KeepTogether(lines)
    logo = Image(io.BytesIO(clinic.logo_png), width=18 * mm, height=18 * mm, kind="proportional")
    table = Table([[lines, logo]], colWidths=[width - 22 * mm, 22 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def referral_pdf(data: ReferralData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "Referral letter")
    p = data.header.patient
    to = t(lang, ", ").join(
        x for x in (data.to_person, code(lang, "discipline", data.to_specialty), data.to_facility) if x
    )
    urgency = code(lang, "urgency", data.urgency)
    story: list[Flowable] = [letterhead(data, width), Spacer(1, 4 * mm), para(title, "title", lang)]
    meta = [
        (t(lang, "To"), to),
        (t(lang, "Date"), data.referral_date.isoformat()),
        (t(lang, "Urgency"), urgency),
    ]
    if p is not None:
        meta.append(
            (
                t(lang, "Patient"),
                t(lang, ", ").join(
                    (p.display_name(lang), f"{t(lang, 'MRN')} {p.mrn}", f"{t(lang, 'born')} {p.birth_date}")
                ),
            )
        )
    story.append(key_values(meta, lang, width))
    if data.urgency == "urgent":
        story.append(para(urgency, "warning", lang))
    story += [Spacer(1, 3 * mm), para(t(lang, "Dear colleague,"), "body", lang)]
    story.append(
        para(
            t(
                lang,
                "We would be grateful if you would see our patient, who is under the care of our {specialty} team.",
                specialty=code(lang, "discipline", data.from_specialty),
            ),
            "body",
            lang,
        )
    )
    story += [heading(t(lang, "Reason for referral"), lang), para(data.reason, "body", lang)]
    if data.requested_service:
        story += [heading(t(lang, "Service requested"), lang), para(data.requested_service, "body", lang)]
    story += [heading(t(lang, "Relevant history"), lang), key_values(diagnosis_rows(data.diagnosis, lang), lang, width)]
    if data.latest_alsfrs is not None:
        story.append(key_values(stage_rows(data.latest_alsfrs, lang, data.progression), lang, width))
    if data.latest_measures:
        story += [heading(t(lang, "Latest measurements"), lang), dated_lines(data.latest_measures, lang, width)]
    if data.medications:
        story += [heading(t(lang, "Active medications"), lang), dated_lines(data.medications, lang, width)]
    if data.questions:
        story += [heading(t(lang, "Questions for you"), lang), para(data.questions, "body", lang)]
    signature = [
        Spacer(1, 4 * mm),
        para(
            t(lang, "Thank you for your help. Please send your findings and recommendations to the clinic."),
            "body",
            lang,
        ),
        Spacer(1, 3 * mm),
        para(t(lang, "Yours sincerely,"), "body", lang),
        Spacer(1, 12 * mm),
        para("_" * 34 + f"  {t(lang, 'Signature')}", "body", lang),
        para(data.signed_by or " ", "body", lang),
        para(
            t(lang, ", ").join((code(lang, "discipline", data.from_specialty), data.header.clinic.name)), "body", lang
        ),
    ]
    story.append(KeepTogether(signature))
    return layout.render(data.header, title, story, invariant=invariant)
