"""Time the clinical core on the benchmark clinic: search, chart, worklist; raw sqlite3 as the baseline.

    PYTHONPATH=. python bench/make_db.py && PYTHONPATH=. python bench/bench_core.py

Each figure is the median (and 90th percentile) over repeated runs, each run in its own read
session, as a GUI worker would do it. Results go to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
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
    args = parser.parse_args(argv)
    only = set(args.only or ("search", "chart", "worklist"))

    path = make_db.default_path(args.patients)
    if not path.exists():
        print(f"{path} is missing: run bench/make_db.py first", file=sys.stderr)
        return 1
    stamp = json.loads(path.with_suffix(".json").read_text())
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

        def day() -> list[worklist.WorklistItem]:
            with db.read() as s:
                return worklist.worklist(session=s, on=make_db.ANCHOR)

        samples, items = timed(day, args.worklist_runs, warmup=1)
        # The floor: the same SELECT statements, run by plain sqlite3 (no Python per item).
        statements: list[tuple[str, Any]] = []

        def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
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
        rows.append(
            (
                f"worklist {make_db.ANCHOR} ({len(items):,} items)",
                results["worklist"],
                BUDGET_MS["worklist"],
                f"its SQL in raw sqlite3 {results['worklist_sql_only']['median_ms']:.0f}",
            )
        )
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
    out = make_db.OUT / ("results.json" if args.patients == 100_000 else f"results-{args.patients // 1000}k.json")
    previous = json.loads(out.read_text()) if out.exists() else {}
    previous.update(results)
    out.write_text(json.dumps(previous, indent=2, ensure_ascii=False))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
