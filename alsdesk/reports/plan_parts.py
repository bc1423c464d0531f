"""What the NIV plan and the gastrostomy plan share: a table of settings (or blank lines to fill
in when none are recorded yet) and whom to call."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from alsdesk.i18n import N_
from alsdesk.printdata import Header, StaffMember
from alsdesk.reports import layout
from alsdesk.reports.handout import contact_rows, contact_table, emergency_line
from alsdesk.reports.layout import heading, para
from alsdesk.reports.texts import t

BLANK = "_" * 24  # a line to write on
NOT_RECORDED = N_("Settings not recorded. Ask the clinic to write them on these lines.")


def settings_section(
    header: Header, title: str, rows: Sequence[tuple[str, str]] | None, labels: Sequence[str]
) -> list[Flowable]:
    """`rows` (label, value) under `title`; with none recorded (None), `labels` with blank lines."""
    lang, width = header.lang, layout.content_width(header)
    story: list[Flowable] = [heading(title, lang, "h2_plain")]
    if rows is None:
        story.append(para(t(lang, NOT_RECORDED), "plain", lang))
        rows = [(label, BLANK) for label in labels]
    shown = [(label, value) for label, value in rows if value]
    if shown:
        story.append(contact_table(shown, lang, width, 1.0))
    return story


def call_section(header: Header, key_worker: StaffMember | None, extra: Sequence[tuple[str, str]]) -> list[Flowable]:
    """The clinic's numbers and the key worker (as on the handout), then `extra` (label, value)
    rows left blank to fill in when not recorded, then when to call the emergency number."""
    lang = header.lang
    rows = [*contact_rows(header.clinic, key_worker, lang), *((k, v or BLANK) for k, v in extra)]
    return [
        heading(t(lang, "Whom to call"), lang, "h2_plain"),
        contact_table(rows, lang, layout.content_width(header), 1.0),
        para(emergency_line(header.clinic, lang), "plain", lang),
    ]
