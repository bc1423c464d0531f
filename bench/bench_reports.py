"""Time the printed documents: one summary, one checklist, one medication card, one alert card,
one GP letter, one appointment letter, one care-plan summary, one NIV plan, one gastrostomy plan, a batch of 1,000 handouts (medians, one process)."""

# Run from the checkout: PYTHONPATH=. python bench/bench_reports.py [--patients 200] [--batch 1000]
# Budgets (issue 4, this 2-core machine, after start-up): summary < 150 ms, checklist < 60 ms,
# medication card, alert card, GP letter, appointment letter, care-plan summary, NIV plan and gastrostomy plan < 150 ms each (issue 13 item 7),
# 1,000 handouts < 40 s. Each figure includes gathering the data from the database, as printing does.

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlalchemy as sa

ANCHOR = date(2026, 6, 1)


def timed(fn: Callable[[], object], repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock times; CPU times go to `cpu` (this machine is shared, so both are reported)."""
    times = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from alsdesk import demo
    from alsdesk.app import open_clinic
    from alsdesk.models import (
        AdvanceCarePlan,
        Assessment,
        Enrollment,
        GastrostomySetting,
        Medication,
        NivSetting,
        Patient,
    )
    from alsdesk.reports.alert_card import alert_card_pdf
    from alsdesk.reports.appointment import appointment_pdf
    from alsdesk.reports.care_plan import care_plan_pdf
    from alsdesk.reports.checklist import checklist_pdf
    from alsdesk.reports.gastrostomy_plan import gastrostomy_plan_pdf
    from alsdesk.reports.gp_letter import gp_letter_pdf
    from alsdesk.reports.handout import handout_pdf
    from alsdesk.reports.medication_card import medication_card_pdf
    from alsdesk.reports.niv_plan import niv_plan_pdf
    from alsdesk.reports.summary import summary_pdf
    from alsdesk.services import clinic
    from alsdesk.services import printing as pr
    from alsdesk.services import printing_cards as pc
    from alsdesk.services import printing_letters as pl
    from alsdesk.services import printing_plans as pp
    from alsdesk.services import printing_sheets as ps
    from alsdesk.services.access import Actor
    from alsdesk.services.printing_care_plan import care_plan_data

    tmp = Path(tempfile.mkdtemp(prefix="alsdesk-bench-"))
    db = open_clinic(f"sqlite:///{tmp / 'bench.sqlite3'}")
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    try:
        with db.write() as s:
            demo.load_demo(session=s, patients=args.patients, seed=1, anchor=ANCHOR)
            clinic.save_clinic(  # every number the handout's safety block prints
                session=s,
                name="Bench ALS Clinic 渐冻症门诊",
                phone="0898-0000",
                emergency_phone="120",
                out_of_hours_phone="0898-9999",
                opening_hours="Mon-Fri 08:00-17:00",
            )
        opts = pr.PrintOptions(printed_on=ANCHOR, printed_by="bench")
        with db.read() as s:
            busiest = s.execute(
                sa.select(Assessment.patient_id).group_by(Assessment.patient_id).order_by(sa.func.count().desc())
            ).scalar()
            enrollment = s.execute(
                sa.select(Enrollment.patient_id, Enrollment.id, Enrollment.start_date)
                .where(Enrollment.status == "active")
                .limit(1)
            ).first()
            # Printed on its first day: the demo's programs may have ended by ANCHOR, and no checklist
            # is printed for a program that has ended.
            sheet_opts = pr.PrintOptions(printed_on=enrollment.start_date, printed_by="bench")
            medicated = s.execute(  # the living patient with the most current medicines
                sa.select(Medication.patient_id)
                .join(Patient, Patient.id == Medication.patient_id)
                .where(Medication.stopped_on.is_(None), Patient.status != "deceased")
                .group_by(Medication.patient_id)
                .order_by(sa.func.count().desc())
            ).scalar()
            planned = s.execute(  # the living patient with the most plan versions
                sa.select(AdvanceCarePlan.patient_id)
                .join(Patient, Patient.id == AdvanceCarePlan.patient_id)
                .where(Patient.status != "deceased")
                .group_by(AdvanceCarePlan.patient_id)
                .order_by(sa.func.count().desc())
            ).scalar()
            living = sa.select(Patient.id).where(Patient.status != "deceased")  # with settings recorded
            ventilated = s.scalar(sa.select(NivSetting.patient_id).where(NivSetting.patient_id.in_(living)).limit(1))
            tube_fed = s.scalar(  # the one with the most current medicines (the plan lists them)
                sa.select(GastrostomySetting.patient_id)
                .join(Medication, Medication.patient_id == GastrostomySetting.patient_id)
                .where(GastrostomySetting.patient_id.in_(living), Medication.stopped_on.is_(None))
                .group_by(GastrostomySetting.patient_id)
                .order_by(sa.func.count().desc())
            )
            everyone = list(s.scalars(sa.select(Patient.id).where(Patient.status != "deceased").order_by(Patient.mrn)))
            # Warm-up outside the timings: font registration and first-use imports (about 0.1 s).
            summary_pdf(pr.summary_data(session=s, patient_id=busiest, options=opts))

            def summary() -> bytes:
                return summary_pdf(pr.summary_data(session=s, patient_id=busiest, options=opts))

            def checklist() -> bytes:
                data = ps.checklist_data(
                    session=s, patient_id=enrollment.patient_id, enrollment_id=enrollment.id, options=sheet_opts
                )
                return checklist_pdf(data)

            def card() -> bytes:
                return medication_card_pdf(pc.medication_card_data(session=s, patient_id=medicated, options=opts))

            def alert() -> bytes:
                return alert_card_pdf(pc.alert_card_data(session=s, patient_id=medicated, options=opts))

            def letter() -> bytes:  # the busiest chart: the most visits to compare
                return gp_letter_pdf(pl.gp_letter_data(session=s, patient_id=busiest, options=opts))

            booked = next(p for p in everyone if ps.handout_data(session=s, patient_id=p, options=opts).appointments)

            def appointment() -> bytes:
                return appointment_pdf(pl.appointment_data(session=s, patient_id=booked, options=opts))

            letter_cpu: list[float] = []
            appointment_cpu: list[float] = []
            letters = timed(letter, args.repeat, letter_cpu)
            appointments = timed(appointment, args.repeat, appointment_cpu)

            def plan() -> bytes:
                return care_plan_pdf(care_plan_data(session=s, patient_id=planned, options=opts))

            def niv() -> bytes:
                return niv_plan_pdf(pp.niv_plan_data(session=s, patient_id=ventilated, options=opts))

            def tube() -> bytes:
                return gastrostomy_plan_pdf(pp.gastrostomy_plan_data(session=s, patient_id=tube_fed, options=opts))

            summary_cpu: list[float] = []
            care_cpu: list[float] = []
            card_cpu: list[float] = []
            alert_cpu: list[float] = []
            checklist_cpu: list[float] = []
            summaries = timed(summary, args.repeat, summary_cpu)
            checklists = timed(checklist, args.repeat, checklist_cpu)
            cards = timed(card, args.repeat, card_cpu)
            alerts = timed(alert, args.repeat, alert_cpu)
            cares = timed(plan, args.repeat, care_cpu)
            plan_cpu: dict[str, list[float]] = {"niv": [], "tube": []}
            plans = {
                "niv": timed(niv, args.repeat, plan_cpu["niv"]),
                "tube": timed(tube, args.repeat, plan_cpu["tube"]),
            }
            handouts: list[float] = []
            handout_cpu: list[float] = []
            sizes: list[int] = []
            batch_start, batch_cpu = time.perf_counter(), time.process_time()
            for i in range(args.batch):
                pid = everyone[i % len(everyone)]

                def one(pid: object = pid) -> None:
                    sizes.append(len(handout_pdf(ps.handout_data(session=s, patient_id=pid, options=opts))))

                handouts += timed(one, 1, handout_cpu)
            batch = time.perf_counter() - batch_start
            batch_cpu = time.process_time() - batch_cpu
    finally:
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)

    def ms(values: list[float], cpu: list[float]) -> str:
        p90 = sorted(values)[int(len(values) * 0.9)]
        return (
            f"median {statistics.median(values) * 1000:6.1f} ms (CPU {statistics.median(cpu) * 1000:5.1f}),"
            f" p90 {p90 * 1000:6.1f} ms"
        )

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"demo clinic: {args.patients} patients, anchored {ANCHOR}; load average {load} on {os.cpu_count()} cores")
    print(f"summary   ({args.repeat}x, busiest chart): {ms(summaries, summary_cpu)}   budget 150 ms")
    print(f"checklist ({args.repeat}x):               {ms(checklists, checklist_cpu)}   budget 60 ms")
    print(f"med. card ({args.repeat}x, most medicines): {ms(cards, card_cpu)}   budget 150 ms")
    print(f"alert card ({args.repeat}x, same patient):   {ms(alerts, alert_cpu)}   budget 150 ms")
    print(f"GP letter ({args.repeat}x, busiest chart):  {ms(letters, letter_cpu)}   budget 150 ms")
    print(f"appointment ({args.repeat}x):              {ms(appointments, appointment_cpu)}   budget 150 ms")
    print(f"care plan ({args.repeat}x, most versions):  {ms(cares, care_cpu)}   budget 150 ms")
    print(f"NIV plan  ({args.repeat}x, with settings):  {ms(plans['niv'], plan_cpu['niv'])}   budget 150 ms")
    print(f"tube plan ({args.repeat}x, most medicines): {ms(plans['tube'], plan_cpu['tube'])}   budget 150 ms")
    print(
        f"handouts  ({args.batch:,} in one batch):     {batch:5.1f} s total (CPU {batch_cpu:.1f} s), "
        f"{ms(handouts, handout_cpu)}, {sum(sizes) / len(sizes) / 1024:.0f} KB each   budget 40 s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
