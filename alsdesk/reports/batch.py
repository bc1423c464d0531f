"""Many documents in one PDF (one print job): each starts a page and keeps its own chrome and numbering."""

from __future__ import annotations

from collections.abc import Sequence

from alsdesk.printdata import ChecklistData, HandoutData
from alsdesk.reports import layout
from alsdesk.reports.checklist import checklist_part
from alsdesk.reports.handout import handout_part


def batch_pdf(
    documents: Sequence[HandoutData | ChecklistData], *, invariant: bool = False, page_counts: list[int] | None = None
) -> bytes:
    """Handouts and checklist sheets in the order given (services.printing_sheets.day_batch orders them).

    `page_counts`, when given, receives the number of pages of each document, in order.
    """
    parts = [handout_part(d) if isinstance(d, HandoutData) else checklist_part(d) for d in documents]
    return layout.render_parts(parts, invariant=invariant, page_counts=page_counts)
