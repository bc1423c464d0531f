"""What encryption at rest costs: the same demo clinic as a plain and as a SQLCipher file.

    PYTHONPATH=. /work/venv/bin/python bench/bench_crypt.py [--patients 10000] [--runs 30]

Builds `bench/out/clinic-<N>.sqlite3` once (bench/make_db.py's cached demo clinic), copies it into an
encrypted file with `sqlcipher_export` (a fresh random key each run), then times, on each file:
opening (`open_database`, as the app does), a full integrity check (every page read and, when
encrypted, decrypted and its HMAC checked), patient search (bench_core's eleven prefixes), opening
30 random charts, and importing an export of `--import-patients` patients into a new database.
Sealing and unsealing that export with a passphrase is timed too. Medians and encrypted/plain
ratios go to stdout and `bench/out/crypt-results.json`.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_db
from bench_core import SEARCHES, summary

from alsdesk import exchange
from alsdesk.app import open_clinic
from alsdesk.models import Patient
from alsdesk.services import chart, patients
from alsdesk.storage import encryption, sealed
from alsdesk.storage.convert import encrypt_database
from alsdesk.storage.database import check_sqlite_file, open_database

OUT = make_db.OUT


def clinic(patients_n: int) -> Path:
    path = make_db.default_path(patients_n)
    if not path.exists():
        print(f"building {path} ({patients_n:,} demo patients)…", file=sys.stderr, flush=True)
        make_db.build(path, patients_n, 1, date(2026, 11, 27))
    return path


def paired(ops: dict[str, Callable[[], Any]], runs: int, warmup: int = 1) -> dict[str, Any]:
    """Time the plain and the encrypted variant of one operation alternately (order swapped each
    run), so load from other jobs on this shared machine hits both alike; also the median of the
    per-run ratios."""
    for fn in ops.values():
        for _ in range(warmup):
            fn()
    samples: dict[str, list[float]] = {name: [] for name in ops}
    names = list(ops)
    for i in range(runs):
        for name in names if i % 2 == 0 else names[::-1]:
            t = time.perf_counter()
            ops[name]()
            samples[name].append((time.perf_counter() - t) * 1000)
    out: dict[str, Any] = {name: summary(values) for name, values in samples.items()}
    ratios = [e / p for p, e in zip(samples["plain"], samples["encrypted"], strict=True)]
    out["ratio_median"] = round(statistics.median(ratios), 2)
    return out


def measure(files: dict[str, tuple[Path, bytes | None]], args: argparse.Namespace, export: Path) -> dict[str, Any]:
    urls = {name: f"sqlite:///{path}" for name, (path, _key) in files.items()}
    results: dict[str, Any] = {}
    results["open"] = paired(
        {
            name: (
                lambda name=name: open_database(urls[name], migrate=False, backup=False, key=files[name][1]).dispose()
            )
            for name in files
        },
        9,
    )
    results["integrity_check_full"] = paired(
        {name: (lambda name=name: check_sqlite_file(files[name][0], full=True, key=files[name][1])) for name in files},
        3,
        warmup=0,
    )
    dbs = {name: open_database(urls[name], migrate=False, backup=False, key=key) for name, (_p, key) in files.items()}
    try:
        ratios, medians = [], {name: [] for name in files}
        for text in SEARCHES.values():

            def search(name: str, text: str = text) -> Any:
                with dbs[name].read() as s:
                    return patients.search_patients(session=s, text=text, limit=50)

            one = paired({name: (lambda name=name: search(name)) for name in files}, args.runs)
            ratios.append(one["ratio_median"])
            for name in files:
                medians[name].append(one[name]["median_ms"])
        results["search_median_of_medians"] = {
            **{name: {"median_ms": round(statistics.median(v), 2)} for name, v in medians.items()},
            "ratio_median": round(statistics.median(ratios), 2),
        }
        with dbs["plain"].read() as s:
            ids = list(s.scalars(sa.select(Patient.id).order_by(Patient.mrn)))
        sample = random.Random(42).sample(ids, args.runs)
        iters = {name: iter(sample) for name in files}

        def open_chart(name: str) -> Any:
            with dbs[name].read() as s:
                return chart.patient_chart(session=s, patient_id=next(iters[name]))

        # Each variant sees each sampled patient once, cold for both.
        results["chart"] = paired({name: (lambda name=name: open_chart(name)) for name in files}, args.runs, warmup=0)
    finally:
        for db in dbs.values():
            db.dispose()

    with open(export, encoding="utf-8") as fh:
        document = exchange.read_document(fh)

    def import_into(encrypted: bool) -> None:
        with tempfile.TemporaryDirectory(dir=OUT) as tmp:
            target = Path(tmp) / "import.sqlite3"
            fresh = open_clinic(f"sqlite:///{target}")
            if encrypted:
                fresh = encrypt_fresh(fresh, target)
            try:
                started = time.perf_counter()
                with fresh.write() as session:
                    exchange.import_document(session=session, document=document)
                timings[encrypted].append((time.perf_counter() - started) * 1000)
            finally:
                fresh.dispose()
                encryption.forget_key(target)

    # Only the import itself is timed (not making and encrypting the empty database).
    timings: dict[bool, list[float]] = {False: [], True: []}
    for i in range(args.import_runs):
        for encrypted in (False, True) if i % 2 == 0 else (True, False):
            import_into(encrypted)
    ratios = [e / p for p, e in zip(timings[False], timings[True], strict=True)]
    results["import"] = {
        "plain": summary(timings[False]),
        "encrypted": summary(timings[True]),
        "ratio_median": round(statistics.median(ratios), 2),
    }
    return results


def encrypt_fresh(db: Any, target: Path) -> Any:
    db.dispose()
    key, _ = encrypt_database(target, "bench", "bench-password-1", keep_backup=False)
    return open_database(f"sqlite:///{target}", migrate=False, backup=False, key=key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--import-patients", type=int, default=1_000)
    parser.add_argument("--import-runs", type=int, default=3)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    plain = clinic(args.patients)
    enc = OUT / f"clinic-{args.patients // 1000}k-encrypted.sqlite3"
    key = encryption.new_key()
    t = time.perf_counter()
    encryption.export_copy(plain, None, enc, key)
    convert_s = time.perf_counter() - t

    export = OUT / f"crypt-export-{args.import_patients}.json"
    if not export.exists():
        db = open_database(f"sqlite:///{plain}", migrate=False, backup=False)
        try:
            with db.read() as s, open(export, "w", encoding="utf-8") as fh:
                wanted = list(s.scalars(sa.select(Patient.mrn).order_by(Patient.mrn).limit(args.import_patients)))
                exchange.write_export(session=s, out=fh, mrns=wanted)
        finally:
            db.dispose()

    results: dict[str, Any] = {
        "patients": args.patients,
        "file_mb": round(plain.stat().st_size / 1e6),
        "sqlcipher_export_seconds": round(convert_s, 2),
        **measure({"plain": (plain, None), "encrypted": (enc, key)}, args, export),
    }
    data = export.read_bytes()
    sealed_buf = io.BytesIO()
    t = time.perf_counter()
    sealed.seal_stream(io.BytesIO(data), sealed_buf, "bench passphrase")
    seal_s = time.perf_counter() - t
    t = time.perf_counter()
    sealed.unseal_stream(io.BytesIO(sealed_buf.getvalue()), io.BytesIO(), "bench passphrase")
    unseal_s = time.perf_counter() - t
    results["seal"] = {"mb": round(len(data) / 1e6, 1), "seal_s": round(seal_s, 2), "unseal_s": round(unseal_s, 2)}
    enc.unlink(missing_ok=True)

    print(f"{args.patients:,} patients, {results['file_mb']} MB; sqlcipher_export {convert_s:.1f} s")
    print(f"{'measure':<28}{'plain':>12}{'encrypted':>12}{'ratio':>8}  (median of paired runs)")
    for name in ("open", "integrity_check_full", "search_median_of_medians", "chart", "import"):
        r = results[name]
        p, e = r["plain"]["median_ms"], r["encrypted"]["median_ms"]
        print(f"{name:<28}{p:>10.1f}ms{e:>10.1f}ms{r['ratio_median']:>8.2f}")
    s = results["seal"]
    print(f"seal {s['mb']} MB export: {s['seal_s']} s, unseal {s['unseal_s']} s (including one argon2id, 64 MiB)")
    (OUT / "crypt-results.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
