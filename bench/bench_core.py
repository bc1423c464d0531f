"""Time the clinical core on the benchmark clinic: search, chart, worklist; raw sqlite3 as the baseline.

    PYTHONPATH=. python bench/make_db.py && PYTHONPATH=. python bench/bench_core.py

Each figure is the median (and 90th percentile) over repeated runs, each run in its own read
session, as a GUI worker would do it. Results go to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_db

from alsdesk.models import Patient
from alsdesk.services import chart, patients, search, worklist
from alsdesk.services.access import Actor
from alsdesk.storage import open_database

BUDGET_MS = {"search": 20.0, "chart": 50.0, "worklist": 300.0}

# What a receptionist types: a Latin family-name prefix, pinyin initials, Chinese characters,
# an MRN prefix and a phone prefix (the demo's Chinese mobiles start 13x, UK ones 07).
SEARCHES = {
    "family name 'wan'": "wan",
    "family name 'Smi'": "Smi",
    "one letter 'h'": "h",
    "pinyin initials 'zw'": "zw",
    "pinyin 'liuj'": "liuj",
    "Chinese '王'": "王",
    "Chinese '张伟'": "张伟",
    "MRN 'DEMO0421'": "DEMO0421",
    "MRN 'demo09'": "demo09",
    "phone '1385'": "1385",
    "phone '07 700'": "07 700",
}


def timed(fn: Callable[[], Any], runs: int, warmup: int = 2) -> tuple[list[float], Any]:
    result = None
    for _ in range(warmup):
        result = fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t) * 1000)
    return samples, result


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 2),
        "min_ms": round(ordered[0], 2),
        "runs": len(ordered),
    }


def raw_search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[tuple[Any, ...]]:
    """The same prefix search as services.patients.search_patients (key index, then summaries), in plain sqlite3."""
    query = search.normalise_query(text)
    escaped = query.replace("/", "//").replace("%", "/%").replace("_", "/_")
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT patient_id FROM patient_search_key WHERE key >= ? AND key < ? AND key LIKE ? ESCAPE '/' "
            "ORDER BY key, patient_id LIMIT ?",
            (query, query + "\U0010ffff", escaped + "%", limit * 4),
        )
    ]
    ids = list(dict.fromkeys(ids))
    found: list[tuple[Any, ...]] = []
    step = limit + limit // 2
    for start in range(0, len(ids), step):
        window = ids[start : start + step]
        marks = ",".join("?" * len(window))
        rows = conn.execute(
            "SELECT id, mrn, family_name, given_name, name_zh, sex, birth_date, phone, status, archived "
            f"FROM patient WHERE id IN ({marks}) AND NOT archived",
            window,
        ).fetchall()
        by_id = {r[0]: r for r in rows}
        found.extend(by_id[i] for i in window if i in by_id)
        if len(found) >= limit:
            break
    return found[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30, help="timed runs per search query and chart sample size")
    parser.add_argument("--worklist-runs", type=int, default=7)
    parser.add_argument("--only", choices=("search", "chart", "worklist"), action="append")
    parser.add_argument("--db", type=Path, help="a benchmark clinic file to use instead of make_db's (read only)")
    args = parser.parse_args(argv)
    only = set(args.only or ("search", "chart", "worklist"))

    path = args.db or make_db.default_path(args.patients)
    if not path.exists():
        print(f"{path} is missing: run bench/make_db.py first", file=sys.stderr)
        return 1
    stamp_path = path.with_suffix(".json")
    if stamp_path.exists():
        stamp = json.loads(stamp_path.read_text())
    else:  # a copied clinic without make_db's stamp: describe it from the file itself
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        count = raw.execute("SELECT count(*) FROM patient").fetchone()[0]
        raw.close()
        stats = {"patients": count, "rows_total": 0, "file_mb": round(path.stat().st_size / 2**20)}
        stamp = {"stats": {**stats, "seconds": None, "patients_per_second": 0, "rows_per_second": None}}
    t = time.perf_counter()
    db = open_database(f"sqlite:///{path}", migrate=False, backup=False)
    db.actor = Actor("bench", role="administrator")  # a tool on synthetic data: acts as an administrator
    open_ms = (time.perf_counter() - t) * 1000
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "sqlalchemy": sa.__version__,
        },
        "database": {"file": path.name, **{k: stamp["stats"][k] for k in ("patients", "rows_total", "file_mb")}},
        "build": {k: stamp["stats"][k] for k in ("seconds", "patients_per_second", "rows_per_second")},
        "open_database_ms": round(open_ms, 1),
        "search": {},
        "raw_search": {},
    }
    rows: list[tuple[str, dict[str, float], float | None, str]] = []

    if "search" in only:
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for label, text in SEARCHES.items():

            def orm(text: str = text) -> list[patients.PatientSummary]:
                with db.read() as s:
                    return patients.search_patients(session=s, text=text, limit=50)

            samples, found = timed(orm, args.runs)
            raw_samples, raw_found = timed(lambda text=text: raw_search(raw, text), args.runs)
            assert [p.mrn for p in found] == [r[1] for r in raw_found], label
            s, r = summary(samples), summary(raw_samples)
            s["results"] = len(found)
            results["search"][label] = s
            results["raw_search"][label] = r
            rows.append((f"search {label} ({len(found)})", s, BUDGET_MS["search"], f"raw {r['median_ms']:.2f}"))
        raw.close()
        all_orm = [m for v in results["search"].values() for m in [v["median_ms"]]]
        all_raw = [v["median_ms"] for v in results["raw_search"].values()]
        results["search_overall"] = {
            "median_of_medians_ms": round(statistics.median(all_orm), 2),
            "worst_median_ms": max(all_orm),
            "raw_median_of_medians_ms": round(statistics.median(all_raw), 2),
        }

    if "chart" in only:
        with db.read() as s:
            ids = list(s.scalars(sa.select(Patient.id).order_by(Patient.mrn)))
        sample = random.Random(42).sample(ids, args.runs)
        it = iter(sample * 2)

        def open_chart() -> chart.Chart:
            with db.read() as s:
                return chart.patient_chart(session=s, patient_id=next(it))

        samples, _ = timed(open_chart, args.runs, warmup=0)
        results["chart"] = summary(samples)
        rows.append((f"chart ({args.runs} random patients)", results["chart"], BUDGET_MS["chart"], ""))

    if "worklist" in only:
        on = make_db.ANCHOR

        # What the screen does on opening: the counts, then the first page of the first group,
        # each in its own read session (two worker reads).
        def counts(**filters: Any) -> dict[str, int]:
            with db.read() as s:
                return worklist.worklist_counts(session=s, on=on, **filters)

        def first_page(kind: str, **filters: Any) -> list[worklist.WorklistItem]:
            with db.read() as s:
                return worklist.worklist_page(session=s, on=on, kind=kind, limit=100, **filters)

        def screen(**filters: Any) -> tuple[dict[str, int], list[worklist.WorklistItem]]:
            found = counts(**filters)
            first = next((k for k, n in found.items() if n), None)
            return found, first_page(first, **filters) if first else []

        results["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
        samples, (day_counts, _) = timed(screen, args.worklist_runs, warmup=1)
        results["worklist_screen"] = summary(samples)
        results["worklist_screen"]["items"] = sum(day_counts.values())
        rows.append(
            (
                f"worklist screen {on}: counts + 1st page",
                results["worklist_screen"],
                BUDGET_MS["worklist"],
                f"{sum(day_counts.values()):,} items counted",
            )
        )
        count_samples, _ = timed(counts, args.worklist_runs, warmup=0)
        results["worklist_counts"] = summary(count_samples)
        rows.append((f"  of which counts ({len(day_counts)} kinds)", results["worklist_counts"], None, ""))
        results["worklist_first_page"] = {}
        for kind, n in day_counts.items():
            page_samples, _ = timed(lambda kind=kind: first_page(kind), args.worklist_runs, warmup=1)
            results["worklist_first_page"][kind] = {**summary(page_samples), "count": n}
            rows.append((f"  first 100 of {kind} ({n:,})", results["worklist_first_page"][kind], None, ""))
        filtered_samples, (physio, _) = timed(lambda: screen(discipline="physiotherapy"), args.worklist_runs, warmup=1)
        results["worklist_screen_physiotherapy"] = summary(filtered_samples)
        rows.append(
            (
                "worklist screen, physiotherapy only",
                results["worklist_screen_physiotherapy"],
                BUDGET_MS["worklist"],
                f"{sum(physio.values()):,} items counted",
            )
        )

        # The CLI's `alsdesk worklist`: every item built.
        def day() -> list[worklist.WorklistItem]:
            with db.read() as s:
                return worklist.worklist(session=s, on=on)

        samples, items = timed(day, args.worklist_runs, warmup=1)
        # The floor: the same SELECT statements, run by plain sqlite3 (no Python per item).
        statements: list[tuple[str, Any]] = []

        def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                statements.append((statement, parameters))

        sa.event.listen(db.engine, "before_cursor_execute", capture)
        day()
        sa.event.remove(db.engine, "before_cursor_execute", capture)
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        raw_samples, _ = timed(
            lambda: [raw.execute(q, p).fetchall() for q, p in statements], args.worklist_runs, warmup=1
        )
        raw.close()
        results["worklist_sql_only"] = summary(raw_samples)
        results["worklist"] = summary(samples)
        results["worklist"]["items"] = len(items)
        kinds: dict[str, int] = {}
        for i in items:
            kinds[i.kind] = kinds.get(i.kind, 0) + 1
        results["worklist"]["kinds"] = kinds
        assert kinds == {k: n for k, n in day_counts.items() if n}, "counts differ from the full list"
        rows.append(
            (
                f"worklist CLI, every item ({len(items):,})",
                results["worklist"],
                None,
                f"its SQL in raw sqlite3 {results['worklist_sql_only']['median_ms']:.0f}",
            )
        )
        results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    db.dispose()

    print(
        f"{stamp['stats']['patients']:,} patients, {stamp['stats']['rows_total']:,} rows; "
        f"open_database {open_ms:.0f} ms; build {stamp['stats']['patients_per_second']:,} patients/s"
    )
    print(f"{'measure':44} {'median':>9} {'p90':>9} {'budget':>8}  note")
    for label, s, budget, note in rows:
        flag = "" if budget is None or s["median_ms"] < budget else "  OVER"
        print(f"{label:44} {s['median_ms']:9.2f} {s['p90_ms']:9.2f} {budget or 0:8.0f}  {note}{flag}")
    if "search_overall" in results:
        o = results["search_overall"]
        print(
            f"search: median of medians {o['median_of_medians_ms']} ms (raw {o['raw_median_of_medians_ms']} ms), "
            f"worst {o['worst_median_ms']} ms"
        )
    if "load_average_at_start" in results:
        print(
            f"load average {results['load_average_at_start']} at the start, {results['load_average_at_end']} at the end"
        )
    out = make_db.OUT / ("results.json" if args.patients == 100_000 else f"results-{args.patients // 1000}k.json")
    previous = json.loads(out.read_text()) if out.exists() else {}
    previous.update(results)
    out.write_text(json.dumps(previous, indent=2, ensure_ascii=False))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
