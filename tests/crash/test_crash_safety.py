"""Nothing committed is lost: writers killed with SIGKILL, an import killed midway, four writers at once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

pytestmark = pytest.mark.slow


def mrns_in(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT mrn FROM patient")}


def test_sigkilled_writer_never_loses_a_committed_record(db_url: str) -> None:
    path = Path(db_url.removeprefix("sqlite:///"))
    rng = random.Random(1234)
    confirmed: set[str] = set()
    for round_no in range(50):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), db_url, f"K{round_no:02d}-", "30"], stdout=subprocess.PIPE, text=True, env=ENV
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # start-up done and at least one commit returned
        assert first.startswith(f"K{round_no:02d}-"), first
        confirmed.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        confirmed |= {line for line in out.split() if line.startswith("K")}
        assert proc.returncode == -signal.SIGKILL
    stored = mrns_in(path)
    assert confirmed <= stored
    assert len(confirmed) >= 50


def test_killed_import_is_all_or_nothing(db_url: str, tmp_path: Path) -> None:
    from alsdesk import demo

    doc = demo.demo_document(patients=400, seed=3, anchor=date(2026, 1, 1))
    file = tmp_path / "big.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    path = Path(db_url.removeprefix("sqlite:///"))
    outcomes = set()
    for delay in (0.3, 0.8, 1.5, 2.5, 4.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "alsdesk", "--database", db_url, "import", str(file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
            cwd=ROOT,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        count = len(mrns_in(path))
        assert count in (0, 400)
        outcomes.add(count)
        if count == 400:
            break
    assert 0 in outcomes  # at least one kill landed inside the import


def test_four_concurrent_writers_for_30_seconds(db_url: str) -> None:
    path = Path(db_url.removeprefix("sqlite:///"))
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), db_url, f"W{i}-", "30"], stdout=subprocess.PIPE, text=True, env=ENV
        )
        for i in range(4)
    ]
    written: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        lines = out.split("\n")
        assert not [line for line in lines if line.startswith("ERROR")], "a writer saw an error"
        done = next(line for line in lines if line.startswith("DONE"))
        assert done.split()[2] == "0"
        written |= {line for line in lines if line.startswith("W")}
    assert len(written) > 100
    assert mrns_in(path) == written
