"""Time the FHIR export and import of a demo clinic (issue 14): `alsdesk export --format fhir --all`
and `alsdesk import --format fhir` of that file into the emptied clinic, each beside the clinic's
own format of the same patients in the same run, with file sizes and resource counts."""

# Run from the checkout: PYTHONPATH=. python bench/bench_fhir_export.py [--patients 1000] [--repeat 3]
# The native export is the floor: the FHIR one reads the same rows, then builds and validates every
# resource with its fhir.resources model, so the ratio is the cost of the models. The import is
# timed from the file (read, checked, inserted and committed) into the clinic emptied of patients,
# the native import of the native file being its floor.

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

ANCHOR = date(2026, 6, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from alsdesk import demo, exchange
    from alsdesk.app import open_clinic
    from alsdesk.app.exchange_files import export_to_file, read_export
    from alsdesk.exchange.fhir.importing import import_bundle
    from alsdesk.services.access import Actor

    tmp = Path(tempfile.mkdtemp(prefix="alsdesk-bench-fhir-"))
    db = open_clinic(f"sqlite:///{tmp / 'bench.sqlite3'}")
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    try:
        with db.write() as s:
            demo.load_demo(session=s, patients=args.patients, seed=1, anchor=ANCHOR)
        results = {}
        for export_format in ("alsdesk", "fhir"):
            path = tmp / f"all.{export_format}.json"
            wall, cpu = [], []
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                with db.write() as s:
                    n = export_to_file(s, path, export_format=export_format)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            assert n == args.patients
            results[export_format] = (statistics.median(wall), statistics.median(cpu), path.stat().st_size)
            print(
                f"{export_format:8} {n:,} patients: {results[export_format][0]:.2f} s wall "
                f"({results[export_format][1]:.2f} s CPU), {results[export_format][2] / 1e6:.1f} MB"
            )
        document = json.loads((tmp / "all.fhir.json").read_text("utf-8"))
        kinds: dict[str, int] = {}
        for entry in document["entry"]:
            kinds[entry["resource"]["resourceType"]] = kinds.get(entry["resource"]["resourceType"], 0) + 1
        print(
            f"fhir     {len(document['entry']):,} resources: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items()))
        )
        print(
            f"fhir / alsdesk: {results['fhir'][0] / results['alsdesk'][0]:.1f}x the time, "
            f"{results['fhir'][2] / results['alsdesk'][2]:.1f}x the size"
        )
        del document
        imported = {}
        for import_format, use in (
            ("alsdesk", lambda s, doc: exchange.import_document(session=s, document=doc).records),
            ("fhir", lambda s, doc: import_bundle(session=s, document=doc).records),
        ):
            wall, cpu = [], []
            for _ in range(args.repeat):
                _empty(db)
                start, start_cpu = time.perf_counter(), time.process_time()
                doc = read_export(tmp / f"all.{import_format}.json")
                with db.write() as s:
                    records = use(s, doc)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                del doc
            imported[import_format] = statistics.median(wall)
            print(
                f"import {import_format:8} {args.patients:,} patients, {records:,} records: "
                f"{statistics.median(wall):.2f} s wall ({statistics.median(cpu):.2f} s CPU)"
            )
        print(f"import fhir / alsdesk: {imported['fhir'] / imported['alsdesk']:.1f}x the time")
    finally:
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _empty(db) -> None:  # type: ignore[no-untyped-def]
    """The clinic without its patients (and their records), as an import into it finds it."""
    import sqlalchemy as sa

    from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey

    with db.write() as s:
        for model in (*reversed(PATIENT_RECORDS), PatientSearchKey, Patient):
            s.execute(sa.delete(model))


if __name__ == "__main__":
    raise SystemExit(main())
