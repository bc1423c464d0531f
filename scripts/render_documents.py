"""Print every document kind in English and Chinese with the real CLI, from a fresh demo clinic, into
docs/samples/ (PDF), with PNGs of every page and one grey-scale page per kind (issue 13 item 9)."""

# Run from the checkout: PYTHONPATH=. python scripts/render_documents.py [--out DIR]
# The demo is made with a fixed seed and anchor day, and each document is printed as of that day
# (--date), so the samples change only when a document does (and in the footer's printed-on date).

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from alsdesk.formats import DOCUMENTS

ANCHOR = date(2026, 6, 1)
SEED, PATIENTS = 1, 80
ROOT = Path(__file__).resolve().parents[1]
KINDS = DOCUMENTS  # every kind the CLI prints, in its order
LANGS = ("en", "zh_CN")
ADMIN = ("admin", "demo-admin-2026")  # the demo's administrator account (alsdesk.demo)
DPI = 50  # small enough to keep the repository light, large enough to read


def alsdesk(url: str, *args: str) -> None:
    env = {**os.environ, "ALSDESK_USER": ADMIN[0], "ALSDESK_PASSWORD": ADMIN[1]}
    subprocess.run([sys.executable, "-m", "alsdesk", "--database", url, *args], check=True, env=env)


def richest_patient(url: str) -> str:
    """The MRN of the living patient whose documents show the most sections: NIV, gastrostomy,
    riluzole, tests due, medicines, care programs (a running one is needed for the checklist), an
    open referral, scored visits; ties go to the lower MRN."""
    import sqlalchemy as sa

    from alsdesk.app import open_clinic
    from alsdesk.models import Assessment, Patient, Referral
    from alsdesk.services.access import Actor
    from alsdesk.services.printing import PrintOptions
    from alsdesk.services.printing_sheets import handout_data

    db = open_clinic(url)
    db.actor = Actor("samples", role="administrator")  # a tool on synthetic data
    try:
        with db.read() as s:
            referred = set(s.scalars(sa.select(Referral.patient_id)))
            scored = set(s.scalars(sa.select(Assessment.patient_id).where(Assessment.item_1.is_not(None))))
            living = s.execute(
                sa.select(Patient.id, Patient.mrn).where(Patient.status != "deceased").order_by(Patient.mrn)
            ).all()
            options = PrintOptions(lang="en", printed_on=ANCHOR)
            best: tuple[int, str] = (-1, "")
            for pid, mrn in living:
                if pid not in referred or pid not in scored:
                    continue
                d = handout_data(session=s, patient_id=pid, options=options)
                if not d.programs:
                    continue
                shown = ("niv" in d.in_place, "gastrostomy" in d.in_place, d.on_riluzole, len(d.due), d.medications)
                score = sum(bool(x) for x in shown) + len(d.due)
                if score > best[0]:
                    best = (score, mrn)
            return best[1]
    finally:
        db.dispose()


def planned_patient(url: str) -> str:
    """The MRN of the living patient whose advance care plan shows the most (the care-plan summary's
    patient: the richest may have none): most versions, then an ADRT, then a person named; ties go
    to the lower MRN."""
    import sqlalchemy as sa

    from alsdesk.models import AdvanceCarePlan as Plan
    from alsdesk.models import Patient

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(Patient.mrn, Plan.revision, Plan.adrt_in_place, Plan.decider != "no_one_named")
                .join(Plan, Plan.patient_id == Patient.id)
                .where(Patient.status != "deceased")
            ).all()
    finally:
        engine.dispose()
    best = {mrn: (revision, adrt, named) for mrn, revision, adrt, named in sorted(rows, key=lambda r: r[1])}
    return min(best, key=lambda mrn: (tuple(-int(x) for x in best[mrn]), mrn))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    args = parser.parse_args()
    out: Path = args.out
    png = out / "png"
    png.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.pdf"), *png.glob("*.png")]:
        old.unlink()  # a kind or page that no longer exists leaves no stale sample
    with tempfile.TemporaryDirectory(prefix="alsdesk-samples-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite3'}"
        alsdesk(url, "demo", "--patients", str(PATIENTS), "--seed", str(SEED), "--anchor", ANCHOR.isoformat())
        mrn, planned = richest_patient(url), planned_patient(url)
        print(f"patient {mrn}; care-plan summary: {planned}")
        for kind in KINDS:
            for lang in LANGS:
                name = f"{kind}-{lang}"
                pdf = out / f"{name}.pdf"
                who = [] if kind == "worklist" else ["--patient", planned if kind == "care-plan-summary" else mrn]
                # the visit (and the GP letter's) is the latest; the others count coming appointments from the anchor day
                day = [] if kind in ("visit", "gp-letter", "alsfrs-form") else ["--date", ANCHOR.isoformat()]
                alsdesk(url, "report", kind, *who, *day, "--lang", lang, "-o", str(pdf))
                subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(png / name)], check=True)
            first = out / f"{kind}-en.pdf"  # grey print: page 1 of the English copy
            grey = ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile"]
            subprocess.run([*grey, str(first), str(png / f"{kind}-en-grey")], check=True)
    total = sum(f.stat().st_size for f in [*out.glob("*.pdf"), *png.glob("*.png")])
    print(f"{out}: {total // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
