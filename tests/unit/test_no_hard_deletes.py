"""No clinical row is hard-deleted (issue 14 item 6): a removal is a status that travels with the
patient to another clinic. The services delete only what is derived or this clinic's own rule."""

from __future__ import annotations

import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "alsdesk" / "services"
DELETE = re.compile(r"session\.delete\((\w+)|sa\.delete\((\w+)\)")


def test_the_services_delete_no_clinical_row() -> None:
    found = {
        (path.name, m.group(1) or m.group(2))
        for path in SERVICES.glob("*.py")
        for m in DELETE.finditer(path.read_text("utf-8"))
    }
    # Search keys are derived from the patient; restricted.py's `current[staff_id]` is a care team
    # member, this clinic's access rule (not exported).
    assert found == {("patients.py", "PatientSearchKey"), ("restricted.py", "current")}
