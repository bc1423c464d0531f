"""The demo clinic's staff rows and patient documents, made lazily in one fixed sequence."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from alsdesk.demo.people import STAFF
from alsdesk.demo.rows import Rows
from alsdesk.demo.story import PatientMaker
from alsdesk.services.catalogs import load_resource
from alsdesk.services.setting_values import SPECS

# Patients per import batch in load_demo: memory stays flat however large the clinic.
CHUNK = 1000


def demo_parts(
    *, patients: int, seed: int, anchor: date | None, existing_staff: dict[str, uuid.UUID] | None
) -> tuple[list[dict[str, Any]], Iterator[dict[str, Any]]]:
    """Staff rows to create, and the patient documents one by one (generated lazily, same sequence)."""
    rng = random.Random(seed)
    anchor = anchor or date.today()
    existing_staff = existing_staff or {}
    rows = Rows(rng, anchor)
    staff_rows = [
        rows.make(
            "staff",
            anchor - timedelta(days=400),
            username=u,
            display_name=n,
            discipline=d,
            role=r,
            active=True,
            job_title=title,
            phone=phone,
            job_title_zh=title_zh,
        )
        for u, n, d, r, title, title_zh, phone in STAFF
    ]
    # Ids as export text: every row that refers to a staff member carries it as is.
    staff_ids = {r["username"]: str(existing_staff.get(r["username"], r["id"])) for r in staff_rows}
    staff_rows = [r for r in staff_rows if r["username"] not in existing_staff]
    maker = PatientMaker(
        rng,
        rows,
        anchor,
        staff_ids,
        [w["code"] for w in load_resource("workup_types.json")],
        {k: s.default for k, s in SPECS.items()},
    )
    maker.templates = {t["code"]: t for t in load_resource("programs.json")}
    maker.drugs = {d["code"]: d for d in load_resource("drugs.json")}
    maker.contacts_rng = random.Random(f"contacts {seed}")
    maker.care_plans_rng = random.Random(f"care plans {seed}")
    maker.plans_rng = random.Random(f"plans {seed}")
    return staff_rows, (maker.patient(n) for n in range(1, patients + 1))
