"""Whole-process time of `alsdesk --help` and `--version` against the floor of starting Python.

    PYTHONPATH=. /work/venv/bin/python bench/bench_cli_start.py [--runs 40] [--checkout DIR]

Each run is a fresh process (`python -m alsdesk --help`, what the console script does), started
and waited for from here; runs of the commands and of the floor (`python -c pass`) are interleaved
so a busy moment of the shared machine hits them alike. Prints median and 90th percentile per
command and the median's ratio to the floor; exits 1 when `--help` misses its budget (150 ms).
`--checkout DIR` times another tree (an older commit unpacked with `git archive`) for comparison.
Results go to `bench/out/cli-start.json`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from installed import compiled_env

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BUDGET_MS = 150.0
COMMANDS = {
    "python -c pass (floor)": ["-c", "pass"],
    "alsdesk --help": ["-m", "alsdesk", "--help"],
    "alsdesk --version": ["-m", "alsdesk", "--version"],
}


def once(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the tree whose alsdesk is timed")
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    env = compiled_env(args.checkout)  # as installed: bench/installed.py
    for argv in COMMANDS.values():  # warm the page cache
        once(argv, args.checkout, env)
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            times[name].append(once(argv, args.checkout, env))
    floor = statistics.median(times["python -c pass (floor)"])
    results = {}
    for name, ms in times.items():
        median = statistics.median(ms)
        p90 = statistics.quantiles(ms, n=10)[-1]
        results[name] = {"median_ms": round(median, 1), "p90_ms": round(p90, 1), "ratio": round(median / floor, 2)}
        print(f"{name:<24} median {median:6.1f} ms  p90 {p90:6.1f} ms  {median / floor:5.2f}x the floor")
    OUT.mkdir(exist_ok=True)
    (OUT / "cli-start.json").write_text(json.dumps({"checkout": str(args.checkout), **results}, indent=2))
    help_ms = results["alsdesk --help"]["median_ms"]
    verdict = "within" if help_ms < BUDGET_MS else "OVER"
    print(f"--help: {help_ms:.0f} ms, {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0 if help_ms < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
