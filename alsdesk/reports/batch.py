"""Many documents in one PDF (one print job): each starts a page and keeps its own chrome and numbering."""

from __future__ import annotations

from collections.abc import Sequence

from alsdesk.printdata import ChecklistData, HandoutData
from alsdesk.reports import layout
from alsdesk.reports.checklist import checklist_part
from alsdesk.reports.handout import handout_part


def batch_pdf(documents: Sequence[HandoutData | ChecklistData], *, invariant: bool = False) -> bytes:
    """Handouts and checklist sheets in the order given (services.printing_sheets.day_batch orders them)."""
    parts = [handout_part(d) if isinstance(d, HandoutData) else checklist_part(d) for d in documents]
    return layout.render_parts(parts, invariant=invariant)
