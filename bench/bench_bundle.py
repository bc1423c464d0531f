"""Budgets of the clinic-PC build (scripts/build-bundle.sh): its size, and its start beside the venv's.

    PYTHONPATH=. .venv/bin/python bench/bench_bundle.py [--sizes] [--runs 15]

Sizes (bytes as files, 1 MB = 10^6 bytes): dist/alsdesk/ unpacked at most 250 MB, the .deb at most
100 MB. Start: each command runs as a fresh process of the frozen program (dist/alsdesk/alsdesk)
and of this venv (`python -m alsdesk`, what its console script does), the two interleaved so a busy
moment of the shared machine hits both alike, on one demo clinic in a temporary ALSDESK_HOME; one
warm-up run each first, so the page cache is warm for both (a new process, not a cold disk). The
window is timed from its start to its Chinese translation installed (Qt loaded, the application
made, the font and both catalogues read; the database is opened next, which `db check` times). The frozen program's median must be no slower than the venv's. `--sizes` checks only the sizes
(scripts/bundle-smoke.sh). Exits 1 when a budget is missed; results go to bench/out/bundle.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BUNDLE = ROOT / "dist" / "alsdesk"
MB = 1_000_000
BUNDLE_BUDGET_MB = 250
DEB_BUDGET_MB = 100
COMMANDS = {
    "--version": ["--version"],
    "db check": ["db", "check"],
    "report handout --lang zh_CN": ["report", "handout", "--patient", "{mrn}", "--lang", "zh_CN", "-o", "{pdf}"],
}


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def the_deb() -> Path:
    version = re.search(r'__version__ = "(.*)"', (ROOT / "alsdesk" / "__init__.py").read_text())
    assert version is not None
    debs = sorted((ROOT / "dist").glob(f"alsdesk_{version.group(1)}_*.deb"))
    if not debs:
        sys.exit("no .deb in dist/: run scripts/build-bundle.sh first")
    return debs[-1]


def sizes() -> dict[str, float]:
    return {"bundle_mb": folder_bytes(BUNDLE) / MB, "deb_mb": the_deb().stat().st_size / MB}


def once(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def window_once(program: list[str], env: dict[str, str], cwd: Path) -> float:
    """Until the window has installed its translation (logged before it opens the database), in ms."""
    start = time.perf_counter()
    proc = subprocess.Popen([*program, "-v", "gui"], env=env, cwd=cwd, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("INFO alsdesk.ui.app: translation zh_CN loaded"):
                return (time.perf_counter() - start) * 1000
        raise RuntimeError("the window stopped before it loaded its translation")
    finally:
        proc.kill()
        proc.wait()


def start_times(runs: int) -> dict[str, dict[str, float]]:
    """Median ms per command, frozen and venv, run in pairs on one demo clinic."""
    frozen = [str(BUNDLE / "alsdesk")]
    venv = [sys.executable, "-m", "alsdesk"]
    with tempfile.TemporaryDirectory(prefix="alsdesk-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ALSDESK_")}
        env |= {"ALSDESK_HOME": tmp, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [*frozen, "demo", "--patients", "20", "--seed", "1"],
            env=env,
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env |= {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026"}
        listing = subprocess.run(
            [*frozen, "patient", "list"], env=env, cwd=tmp, check=True, capture_output=True, text=True
        )
        values = {"mrn": listing.stdout.split()[0], "pdf": str(Path(tmp, "handout.pdf"))}
        results = {}
        settings = Path(tmp, "alsdesk", "alsdesk.ini")  # the window in Chinese, as a user chooses it
        settings.parent.mkdir()
        settings.write_text("[ui]\nlanguage=zh_CN\n")
        times: dict[str, list[float]] = {"frozen": [], "venv": []}
        for _ in range(runs + 1):  # the first pair warms up
            times["frozen"].append(window_once(frozen, env, Path(tmp)))
            times["venv"].append(window_once(venv, env, Path(tmp)))
        results["gui: Qt and translation up"] = {
            kind: round(statistics.median(ms[1:]), 1) for kind, ms in times.items()
        }
        for name, args in COMMANDS.items():
            argv = [a.format(**values) for a in args]
            times: dict[str, list[float]] = {"frozen": [], "venv": []}
            for program in (frozen, venv):  # warm-up
                once([*program, *argv], env, Path(tmp))
            for _ in range(runs):
                times["frozen"].append(once([*frozen, *argv], env, Path(tmp)))
                times["venv"].append(once([*venv, *argv], env, Path(tmp)))
            results[name] = {kind: round(statistics.median(ms), 1) for kind, ms in times.items()}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", action="store_true", help="check the sizes only")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not (BUNDLE / "alsdesk").is_file():
        sys.exit("no dist/alsdesk/alsdesk: run scripts/build-bundle.sh first")
    ok = True
    found = sizes()
    for key, budget in (("bundle_mb", BUNDLE_BUDGET_MB), ("deb_mb", DEB_BUDGET_MB)):
        within = found[key] <= budget
        ok &= within
        print(f"{key:<10} {found[key]:6.1f} MB  {'within' if within else 'OVER'} the {budget} MB budget")
    report: dict[str, object] = {k: round(v, 1) for k, v in found.items()}
    if not args.sizes:
        starts = start_times(args.runs)
        for name, ms in starts.items():
            within = ms["frozen"] <= ms["venv"]
            ok &= within
            verdict = "no slower" if within else "SLOWER"
            print(f"{name:<28} frozen {ms['frozen']:6.1f} ms  venv {ms['venv']:6.1f} ms  {verdict}")
        report["start_ms_median"] = starts
        report["runs"] = args.runs
    OUT.mkdir(exist_ok=True)
    (OUT / "bundle.json").write_text(json.dumps(report, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
