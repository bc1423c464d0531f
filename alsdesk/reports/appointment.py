"""The appointment letter: one coming appointment for the family, in their language and plain words:
when, where, what to bring, getting there and an interpreter."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from alsdesk.i18n import N_
from alsdesk.printdata import AppointmentData
from alsdesk.reports import layout
from alsdesk.reports.handout import BRING
from alsdesk.reports.layout import heading, para
from alsdesk.reports.referral import LANGUAGE_NAMES
from alsdesk.reports.texts import code, t

TITLE = N_("Your appointment")
BLANK = "_" * 24  # no time known, or no way there set in the clinic profile: a line to write it on
TRANSPORT = N_("If you need help to get there, call the clinic on {phone} well before the day.")
TRANSPORT_NO_PHONE = N_("If you need help to get there, call the clinic well before the day.")
INTERPRETER = N_("You need an interpreter ({language}). If the clinic has not told you one is booked, call {phone}.")
INTERPRETER_NO_PHONE = N_("You need an interpreter ({language}). Ask the clinic if one is booked.")
CHANGE = N_("If you cannot come, call the clinic on {phone} so that someone else can have the time.")
CHANGE_NO_PHONE = N_("If you cannot come, call the clinic so that someone else can have the time.")


def by_phone(lang: str, text: str, no_phone: str, phone: str, **values: str) -> str:
    """A line that gives the clinic's phone, or says to call the clinic when none is set (never invented)."""
    return t(lang, text, phone=phone, **values) if phone else t(lang, no_phone, **values)


def details_table(rows: list[tuple[str, str]], lang: str, width: float) -> Table:
    table = Table(
        [[para(k, "h3", lang), para(v, "plain", lang)] for k, v in rows], colWidths=[width * 0.3, width * 0.7]
    )
    table.setStyle(layout.ruled_rows(3))
    return table


def appointment_story(data: AppointmentData) -> list[Flowable]:
    lang = data.header.lang
    width = layout.content_width(data.header)
    a = data.appointment
    phone = data.header.clinic.phone
    detail = "" if a.source == "referral" else a.detail  # a referral's detail is its facility: the place
    what = t(lang, ", ").join(x for x in (code(lang, "discipline", a.discipline), detail) if x)
    rows = [
        (t(lang, "What"), what),
        (t(lang, "Date"), a.on.isoformat()),
        (t(lang, "Time"), BLANK if a.at is None else a.at.isoformat(timespec="minutes")),
        (t(lang, "Place"), data.place),
        (t(lang, "Transport"), data.header.clinic.way_in(lang) or BLANK),
    ]
    story: list[Flowable] = [
        para(t(lang, TITLE), "title", lang),
        details_table(rows, lang, width),
        Spacer(1, 3 * mm),
        heading(t(lang, "What to bring"), lang, "h2_plain"),
        para(t(lang, BRING), "plain", lang),
        heading(t(lang, "Getting there"), lang, "h2_plain"),
        para(by_phone(lang, TRANSPORT, TRANSPORT_NO_PHONE, phone), "plain", lang),
    ]
    if data.interpreter_needed:
        language = LANGUAGE_NAMES[data.language]  # marked with N_ in reports/referral.py
        spoken = t(lang, language)
        story += [
            heading(t(lang, "Interpreter"), lang, "h2_plain"),
            para(by_phone(lang, INTERPRETER, INTERPRETER_NO_PHONE, phone, language=spoken), "plain", lang),
        ]
    story.append(para(by_phone(lang, CHANGE, CHANGE_NO_PHONE, phone), "plain", lang))
    return story


def appointment_pdf(data: AppointmentData, *, invariant: bool = False) -> bytes:
    part = layout.Part(data.header, t(data.header.lang, TITLE), appointment_story(data))
    return layout.render_parts([part], invariant=invariant)
