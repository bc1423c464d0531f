"""Build (once) the benchmark clinic: 100,000 demo patients in SQLite, timing the demo import.

    PYTHONPATH=. python bench/make_db.py                  # cached in bench/out/, rebuilt when the schema changes
    PYTHONPATH=. python bench/make_db.py --scratch 10000  # throughput only, into a throw-away file

The clinic is `alsdesk demo` (alsdesk.demo.load_demo) with a fixed seed and anchor day, so every
build holds the same patients and the worklist for the anchor day is the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ANCHOR = date(2026, 11, 27)
SEED = 1
MIGRATIONS = Path(__file__).resolve().parent.parent / "alsdesk" / "migrations" / "versions"
DEMO = Path(__file__).resolve().parent.parent / "alsdesk" / "demo"


def schema_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(MIGRATIONS.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def demo_hash() -> str:
    """The demo generator's source: a different clinic mix means a different benchmark clinic."""
    h = hashlib.sha256()
    for path in sorted(DEMO.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def default_path(patients: int) -> Path:
    return OUT / f"clinic-{patients // 1000}k.sqlite3"


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(path: Path, patients: int, seed: int, anchor: date) -> dict[str, object]:
    """Fill a new database at `path` the way `alsdesk demo` does; returns the timings."""
    from alsdesk import demo
    from alsdesk.app import open_clinic
    from alsdesk.services.access import Actor

    remove(path)
    db = open_clinic(f"sqlite:///{path}")
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    last = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 10 or done == total:
            print(f"  {done:,} of {total:,} patients ({done / (now - started):,.0f}/s)", file=sys.stderr, flush=True)
            last[0] = now

    try:
        started, cpu = time.perf_counter(), time.process_time()
        with db.write() as session:
            result = demo.load_demo(session=session, patients=patients, seed=seed, anchor=anchor, progress=progress)
            loaded = time.perf_counter()
        committed, cpu = time.perf_counter(), time.process_time() - cpu
    finally:
        db.dispose()
    # Fold the WAL into the file so the benchmarks start from a plain database.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    seconds = committed - started
    counts = table_counts(path)
    rows = sum(counts.values())
    return {
        "patients": result.patients,
        "records": result.records,
        "rows_total": rows,
        "tables": counts,
        "seconds": round(seconds, 2),
        "commit_seconds": round(committed - loaded, 2),
        "patients_per_second": round(result.patients / seconds, 1),
        # CPU seconds of this process: less sensitive to other jobs on a shared machine.
        "cpu_seconds": round(cpu, 2),
        "patients_per_cpu_second": round(result.patients / cpu, 1),
        "rows_per_second": round(rows / seconds),
        "seed": seed,
        "anchor": anchor.isoformat(),
        "file_mb": round(path.stat().st_size / 1e6),
    }


def import_sample(source: Path, patients: int, export: Path | None = None) -> dict[str, object]:
    """Time `alsdesk import` of an export of the first `patients` patients of `source` into a new file."""
    import sqlalchemy as sa

    from alsdesk import exchange
    from alsdesk.app import open_clinic
    from alsdesk.models import Patient
    from alsdesk.services.access import Actor
    from alsdesk.storage import open_database

    export = export or OUT / f"export-{patients}.json"
    if not export.exists():
        db = open_database(f"sqlite:///{source}", migrate=False, backup=False)
        db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
        try:
            with db.read() as session, open(export, "w", encoding="utf-8") as out:
                wanted = list(session.scalars(sa.select(Patient.mrn).order_by(Patient.mrn).limit(patients)))
                exchange.write_export(session=session, out=out, mrns=wanted)
        finally:
            db.dispose()
    with tempfile.TemporaryDirectory(dir=export.parent) as tmp:
        path = Path(tmp) / "import.sqlite3"
        db = open_clinic(f"sqlite:///{path}")
        db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
        try:
            started, cpu = time.perf_counter(), time.process_time()
            with open(export, encoding="utf-8") as fh:
                document = exchange.read_document(fh)
            parsed = time.perf_counter()
            with db.write() as session:
                result = exchange.import_document(session=session, document=document)
            done, cpu = time.perf_counter(), time.process_time() - cpu
        finally:
            db.dispose()
    return {
        "patients": result.patients,
        "records": result.records,
        "json_seconds": round(parsed - started, 2),
        "import_seconds": round(done - parsed, 2),
        "patients_per_second": round(result.patients / (done - started), 1),
        "patients_per_cpu_second": round(result.patients / cpu, 1),
    }


def report(stats: dict[str, object], label: str) -> None:
    print(
        f"{label}: {stats['patients']:,} patients, {stats['rows_total']:,} rows in {stats['seconds']} s "
        f"({stats['file_mb']} MB): {stats['patients_per_second']:,} patients/s, {stats['rows_per_second']:,} rows/s "
        f"(budget >= 1,000 patients/s); {stats.get('patients_per_cpu_second', '?')} patients per CPU second"
    )


def report_import(sample: dict[str, object]) -> None:
    print(
        f"import of an export of {sample['patients']:,} patients ({sample['records']:,} records): "
        f"JSON {sample['json_seconds']} s + import {sample['import_seconds']} s = "
        f"{sample['patients_per_second']:,} patients/s ({sample['patients_per_cpu_second']:,} per CPU second)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--force", action="store_true", help="rebuild even if a matching database is cached")
    parser.add_argument("--scratch", type=int, metavar="N", help="only time a demo of N patients in a temp file")
    parser.add_argument(
        "--import-sample", type=int, metavar="N", help="also time importing an export of N patients into a new file"
    )
    args = parser.parse_args(argv)

    if args.scratch:
        with tempfile.TemporaryDirectory(dir=OUT if OUT.exists() else None) as tmp:
            stats = build(Path(tmp) / "scratch.sqlite3", args.scratch, SEED, ANCHOR)
            report(stats, "scratch demo")
            if args.import_sample:
                # From the scratch clinic (same seed and anchor as the 100k one: its first patients).
                n = min(args.import_sample, args.scratch)
                report_import(import_sample(Path(tmp) / "scratch.sqlite3", n, Path(tmp) / f"export-{n}.json"))
        return 0

    OUT.mkdir(exist_ok=True)
    path = default_path(args.patients)
    stamp_path = path.with_suffix(".json")
    wanted = {
        "patients": args.patients,
        "seed": SEED,
        "anchor": ANCHOR.isoformat(),
        "schema": schema_hash(),
        "demo": demo_hash(),
    }
    if path.exists() and stamp_path.exists() and not args.force:
        stamp = json.loads(stamp_path.read_text())
        if stamp.get("key") == wanted:
            report(stamp["stats"], f"cached {path.name}")
            if args.import_sample:
                sample = import_sample(path, args.import_sample)
                report_import(sample)
                stamp["import_sample"] = sample
                stamp_path.write_text(json.dumps(stamp, indent=2))
            return 0
    building = path.with_name(path.name + ".building")
    stats = build(building, args.patients, SEED, ANCHOR)
    remove(path)
    os.replace(building, path)
    remove(building)  # the empty -wal/-shm files left under the building name
    stamp_path.write_text(json.dumps({"key": wanted, "stats": stats}, indent=2))
    report(stats, f"built {path.name}")
    for name, n in sorted(stats["tables"].items(), key=lambda kv: -kv[1]):  # type: ignore[attr-defined]
        print(f"  {name:22} {n:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
