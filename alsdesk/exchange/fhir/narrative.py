"""A resource's or a section's human-readable text (FHIR Narrative): what any receiver shows."""

from __future__ import annotations

import html
from typing import Any


def narrative(lines: list[str], status: str = "generated") -> dict[str, Any]:
    """The lines as an XHTML list; `status` "additional" when they say more than the coded data."""
    body = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return {"status": status, "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><ul>{body}</ul></div>'}
