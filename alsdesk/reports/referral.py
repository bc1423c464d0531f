"""The referral letter: letterhead, recipient, reason and urgency, history, questions, signature."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from alsdesk.i18n import N_
from alsdesk.printdata import (
    Allergies,
    Diagnosis,
    GpLetterData,
    Header,
    Line,
    PatientContacts,
    ReferralData,
    StaffMember,
)
from alsdesk.reports import layout
from alsdesk.reports.layout import heading, para
from alsdesk.reports.summary import dated_lines, diagnosis_rows, key_values, stage_rows
from alsdesk.reports.texts import code, t

LANGUAGE_NAMES = {"en": N_("English"), "zh_CN": N_("Chinese")}
INTERVENTION_NAMES = {"gastrostomy": N_("Gastrostomy"), "niv": N_("NIV"), "tracheostomy": N_("Tracheostomy")}
ALS = ("diagnosed", "palliative", "deceased")  # statuses under which the diagnosis is ALS itself


def letterhead(header: Header, width: float) -> Flowable:
    lang, clinic = header.lang, header.clinic
    lines: list[Flowable] = [para(clinic.name, "letterhead", lang)]
    contact = "   ".join(x for x in (clinic.address_in(lang), clinic.phone) if x)
    if contact:
        lines.append(para(contact, "small", lang))
    if not clinic.logo_png:
        return KeepTogether(lines)
    logo = Image(io.BytesIO(clinic.logo_png), width=18 * mm, height=18 * mm, kind="proportional")
    table = Table([[lines, logo]], colWidths=[width - 22 * mm, 22 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def diagnosis_text(d: Diagnosis, lang: str) -> str:
    """The diagnosis named, with its criteria as stored and its date (the rows below give the rest)."""
    name = t(lang, "Amyotrophic lateral sclerosis (ALS)") if d.status in ALS else code(lang, "status", d.status)
    parts = [name]
    if d.el_escorial:
        parts.append(t(lang, "El Escorial (revised): {category}", category=code(lang, "escorial", d.el_escorial)))
    if d.gold_coast_met is not None:
        parts.append(t(lang, "Gold Coast criteria met") if d.gold_coast_met else t(lang, "Gold Coast criteria not met"))
    if d.diagnosis_date:
        parts.append(t(lang, "diagnosed {date}", date=d.diagnosis_date.isoformat()))
    return t(lang, "; ").join(parts)


def allergy_text(a: Allergies, lang: str) -> str:
    """Allergies, or "no known allergies" with the day it was checked, or "not recorded"."""
    if a.items:
        return t(lang, "; ").join(
            t(lang, ", ").join(x for x in (i.substance, i.reaction, severity(i.severity, lang)) if x) for i in a.items
        )
    if a.no_known_since is not None:
        return t(lang, "No known allergies (checked {date})", date=a.no_known_since.isoformat())
    return t(lang, "not recorded")


def severity(value: str, lang: str) -> str:
    return "" if value == "unknown" else code(lang, "severity", value)


def patient_rows(c: PatientContacts, allergies: Allergies, lang: str) -> list[tuple[str, str]]:
    carer = t(lang, ", ").join(x for x in (c.carer_name, c.carer_relation, c.carer_phone) if x)
    spoken = LANGUAGE_NAMES[c.language]
    language = t(lang, spoken)
    if c.interpreter_needed:
        language += t(lang, "; ") + t(lang, "interpreter needed")
    gp = t(lang, ", ").join(x for x in (c.gp_name, c.gp_contact) if x)
    none = t(lang, "not recorded")
    return [
        (t(lang, "Address"), c.address or none),
        (t(lang, "Phone"), c.phone or none),
        (t(lang, "Carer"), carer or none),
        (t(lang, "Language"), language),
        (t(lang, "Allergies"), allergy_text(allergies, lang)),
        (t(lang, "GP"), gp or none),
    ]


def care_rows(data: ReferralData | GpLetterData, lang: str) -> list[tuple[str, str]]:
    """Gastrostomy and NIV in place or not, and the weight from the first to the latest visit."""
    since = dict(data.in_place)
    rows = []
    for kind, name in INTERVENTION_NAMES.items():
        if kind in since:
            rows.append((t(lang, name), t(lang, "in place since {date}", date=since[kind].isoformat())))
        elif kind != "tracheostomy":  # a tracheostomy is named only when there is one
            rows.append((t(lang, name), t(lang, "not in place")))
    first, latest = data.first_weight, data.latest_weight
    if first is not None and latest is not None:
        change = (latest.kg - first.kg) / first.kg * 100
        rows.append(
            (
                t(lang, "Weight change"),
                t(
                    lang,
                    "{start:g} kg ({start_on}) to {end:g} kg ({end_on}): {change:+.1f} %",
                    start=first.kg,
                    start_on=first.on.isoformat(),
                    end=latest.kg,
                    end_on=latest.on.isoformat(),
                    change=change,
                ),
            )
        )
    return rows


def lab_lines(labs: tuple[Line, ...], lang: str) -> list[Line]:
    return [
        Line(lab.on, lab.text, t(lang, "upper limit {limit}", limit=lab.detail) if lab.detail else "") for lab in labs
    ]


def reply_slip(data: ReferralData, lang: str, width: float) -> list[Flowable]:
    """The page the receiving clinician sends back, matched to the referral by its reference."""
    p = data.header.patient
    clinic = data.header.clinic
    rule = "_" * 90
    story: list[Flowable] = [
        PageBreak(),
        para(t(lang, "Reply slip"), "title", lang),
        para(t(lang, "Please fill in this page and return it to {clinic}.", clinic=clinic.name), "body", lang),
    ]
    meta = [(t(lang, "Reference"), data.reference)] if data.reference else []
    if p is not None:
        meta.append(
            (t(lang, "Patient"), f"{p.display_name(lang)}, {t(lang, 'MRN')} {p.mrn}, {t(lang, 'born')} {p.birth_date}")
        )
    meta.append((t(lang, "Referral date"), data.referral_date.isoformat()))
    story += [key_values(meta, lang, width), Spacer(1, 6 * mm)]
    story += [heading(t(lang, "Seen on"), lang), para(rule, "body", lang)]
    for label in (t(lang, "Your findings"), t(lang, "Your recommendations")):
        story += [heading(label, lang), *[para(rule, "body", lang) for _ in range(4)]]
    story += [
        Spacer(1, 8 * mm),
        para("_" * 34 + f"  {t(lang, 'Name and job title')}", "body", lang),
        Spacer(1, 8 * mm),
        para("_" * 34 + f"  {t(lang, 'Signature')}", "body", lang),
    ]
    return story


def referral_pdf(data: ReferralData, *, invariant: bool = False) -> bytes:
    lang = data.header.lang
    width = layout.content_width(data.header)
    title = t(lang, "Referral letter")
    p = data.header.patient
    to = t(lang, ", ").join(
        x for x in (data.to_person, code(lang, "discipline", data.to_specialty), data.to_facility) if x
    )
    urgency = code(lang, "urgency", data.urgency)
    story: list[Flowable] = [letterhead(data.header, width), Spacer(1, 4 * mm), para(title, "title", lang)]
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
    if data.reference:
        meta.append((t(lang, "Reference"), data.reference))
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
    history = [(t(lang, "Diagnosis"), diagnosis_text(data.diagnosis, lang)), *diagnosis_rows(data.diagnosis, lang)]
    story += [heading(t(lang, "Relevant history"), lang), key_values(history, lang, width)]
    if data.latest_alsfrs is not None:
        story.append(key_values(stage_rows(data.latest_alsfrs, lang, data.progression), lang, width))
    story += [
        heading(t(lang, "About the patient"), lang),
        key_values(patient_rows(data.contacts, data.allergies, lang), lang, width),
    ]
    story += [heading(t(lang, "Current care"), lang), key_values(care_rows(data, lang), lang, width)]
    if data.latest_measures:
        story += [heading(t(lang, "Latest measurements"), lang), dated_lines(data.latest_measures, lang, width)]
    if data.labs:
        story += [
            heading(t(lang, "Latest laboratory results"), lang),
            dated_lines(lab_lines(data.labs, lang), lang, width),
        ]
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
        *signer_lines(data.signer, data.from_specialty, data.header.clinic.name, lang, data.signed_by),
    ]
    if data.reference:
        signature.append(
            para(t(lang, "Please quote reference {reference} in your reply.", reference=data.reference), "body", lang)
        )
    story.append(KeepTogether(signature))
    story += reply_slip(data, lang, width)
    return layout.render(data.header, title, story, invariant=invariant)


def signer_lines(signer: StaffMember | None, team: str, clinic: str, lang: str, name: str = "") -> list[Flowable]:
    """Name, job title, discipline (else the `team`'s) and clinic: the job title people use, not the access role."""
    name = signer.name if signer else name
    discipline = code(lang, "discipline", signer.discipline if signer and signer.discipline else team)
    lines = [name or " "]
    if signer and signer.title(lang):
        lines.append(signer.title(lang))
    lines.append(t(lang, ", ").join(x for x in (discipline, clinic) if x))
    return [para(line, "body", lang) for line in lines]
