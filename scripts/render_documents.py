"""Render every printed document from a fresh demo clinic into docs/samples/ (PDF, and PNG with --png)."""

# Run from the checkout: PYTHONPATH=. python scripts/render_documents.py [--png] [--out DIR]
# The demo is anchored on a fixed day so the samples change only when a layout changes.

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ANCHOR = date(2026, 6, 1)
ROOT = Path(__file__).resolve().parents[1]


def pick(session: Any) -> dict[str, Any]:
    """Demo patients that show each document at its fullest."""
    from alsdesk.models import Assessment, Enrollment, Patient, Referral

    investigational = session.execute(
        sa.select(Enrollment.patient_id, Enrollment.id)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .where(
            Enrollment.status == "active", Enrollment.evidence_level == "investigational", Patient.language == "zh_CN"
        )
        .limit(1)
    ).first()
    most_visits = session.execute(
        sa.select(Assessment.patient_id)
        .join(Patient, Patient.id == Assessment.patient_id)
        .join(Referral, Referral.patient_id == Patient.id)
        .where(Patient.language == "en", Assessment.item_1.is_not(None))
        .group_by(Assessment.patient_id)
        .order_by(sa.func.count(Assessment.id.distinct()).desc())
        .limit(1)
    ).scalar()
    return {"family": investigational.patient_id, "enrollment": investigational.id, "clinical": most_visits}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    parser.add_argument("--png", action="store_true", help="also render each page at 60 dpi with pdftoppm")
    parser.add_argument("--patients", type=int, default=300)  # enough for an active investigational program
    args = parser.parse_args()

    from alsdesk import demo
    from alsdesk.app import open_clinic
    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.reports.referral import referral_pdf
    from alsdesk.reports.summary import summary_pdf
    from alsdesk.reports.visit import form_pdf, visit_pdf
    from alsdesk.reports.worklist import worklist_pdf
    from alsdesk.services import clinic
    from alsdesk.services import printing as pr
    from alsdesk.services import printing_sheets as ps
    from alsdesk.services.access import Actor

    tmp = Path(tempfile.mkdtemp(prefix="alsdesk-samples-"))
    db = open_clinic(f"sqlite:///{tmp / 'demo.sqlite3'}")
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    try:
        with db.write() as s:
            demo.load_demo(session=s, patients=args.patients, seed=1, anchor=ANCHOR)
            clinic.save_clinic(
                session=s,
                name="Boao Lecheng ALS Clinic 博鳌乐城渐冻症门诊",
                address="Lecheng pilot zone, Hainan",
                phone="0898-6000 0000",
            )
        en = pr.PrintOptions(lang="en", printed_on=ANCHOR, printed_by="coordinator")
        zh = pr.PrintOptions(lang="zh_CN", printed_on=ANCHOR, printed_by="coordinator")
        letter = pr.PrintOptions(lang="en", paper="letter", printed_on=ANCHOR, printed_by="coordinator")
        with db.read() as s:
            who = pick(s)
            fam, enr, cli = who["family"], who["enrollment"], who["clinical"]
            jobs: dict[str, tuple[Callable[..., bytes], Any]] = {
                "summary-en": (summary_pdf, pr.summary_data(session=s, patient_id=cli, options=en)),
                "referral-letter-en": (referral_pdf, pr.referral_data(session=s, patient_id=cli, options=letter)),
                "visit-en": (visit_pdf, ps.visit_data(session=s, patient_id=cli, options=en)),
                "handout-zh_CN": (handout_pdf, ps.handout_data(session=s, patient_id=fam, options=zh)),
                "handout-en": (handout_pdf, ps.handout_data(session=s, patient_id=fam, options=en)),
                "checklist-zh_CN": (
                    checklist_pdf,
                    ps.checklist_data(session=s, patient_id=fam, enrollment_id=enr, options=zh),
                ),
                "alsfrs-form-blank-en": (form_pdf, ps.form_data(session=s, options=en)),
                "worklist-en": (worklist_pdf, pr.worklist_data(session=s, on=ANCHOR, options=en)),
            }
    finally:
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (render, data) in jobs.items():
        path = args.out / f"{name}.pdf"
        path.write_bytes(render(data, invariant=True))
        if args.png:
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(args.out / "png" / name)], check=False)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
