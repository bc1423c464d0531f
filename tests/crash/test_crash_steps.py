"""A kill at every step of every multi-file operation (issue 11): restore, db encrypt, sealed
export, import and restore, exports and printed PDFs.

Each operation is first run once with ALSDESK_TEST_CRASH_LOG to list the steps it passes
(storage.files.crash_point: every write, fsync'd rename, journal move and commit). Then, from a
fresh copy of the same clinic each time, it is killed (SIGKILL, by itself) at each step in turn,
and the next command must find the clinic with all its data, or refuse it saying how to finish
(and following that advice must work). The files on disk are checked too: no plain copy of an
encrypted clinic anywhere under the data folder, the output folder or $TMPDIR (no SQLite header,
no patient's MRN), and no export or PDF without its audit or print-log entry. Each test prints
its figures (steps, kills, outcomes) in a "crash figures" section at the end of the run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.crash.figures import FIGURES

ROOT = Path(__file__).resolve().parents[2]
PATIENTS = 30
MRN_NEEDLE = b"DEMO0"  # every demo MRN starts so: found in a file, that file holds patient data in plain
SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE = "correct horse battery"

pytestmark = pytest.mark.slow


def cli(
    run: Path, *args: str, crash_at: str | None = None, log: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`alsdesk ARGS` on the clinic in `run/home`, with `run/tmp` as its TMPDIR; files are named
    relative to `run` (the working folder), so each copy of a clinic writes into its own."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "ALSDESK_HOME": str(run / "home"),
        "TMPDIR": str(run / "tmp"),
        "ALSDESK_USER": (run / "user").read_text().strip() if (run / "user").exists() else "admin",
        "ALSDESK_PASSWORD": "demo-admin-2026",
        "ALSDESK_PASSPHRASE": PASSPHRASE,
    }
    for name in ("ALSDESK_TEST_CRASH_AT", "ALSDESK_TEST_CRASH_LOG", "ALSDESK_DATABASE_URL"):
        env.pop(name, None)
    if crash_at:
        env["ALSDESK_TEST_CRASH_AT"] = crash_at
    if log:
        env["ALSDESK_TEST_CRASH_LOG"] = str(log)
    return subprocess.run(
        [sys.executable, "-m", "alsdesk", *args], capture_output=True, text=True, env=env, cwd=run, timeout=300
    )


def ok(run: Path, *args: str) -> str:
    r = cli(run, *args)
    assert r.returncode == 0, f"{args}: {r.stderr}"
    return r.stdout


def db_file(run: Path) -> Path:
    return run / "home" / "alsdesk.sqlite3"


def patient_count(run: Path) -> int:
    return len(json.loads(ok(run, "patient", "list", "--json", "--archived", "--limit", "10000")))


def leaks(*roots: Path, skip: tuple[Path, ...] = ()) -> list[str]:
    """Files under `roots` holding patient data or a SQLite database in plain form."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path not in skip:
                data = path.read_bytes()
                if SQLITE_HEADER in data or MRN_NEEDLE in data:
                    found.append(str(path.relative_to(root.parent)))
    return found


def work_left(run: Path) -> list[str]:
    """What a killed operation left in the private work folder, once the next command has run."""
    work = run / "home" / ".alsdesk.sqlite3.work"
    return sorted(p.name for p in work.iterdir() if p.name != "lock") if work.exists() else []


def new_clinic(root: Path, *, encrypted: bool = False) -> Path:
    run = root / "clinic"
    for part in ("home", "tmp", "out"):
        (run / part).mkdir(parents=True)
    ok(run, "demo", "--patients", str(PATIENTS), "--seed", "5")
    ok(run, "backup")
    if encrypted:
        ok(run, "db", "encrypt")
    return run


def audit_count(run: Path, action: str) -> int:
    with sqlite3.connect(db_file(run)) as conn:
        return int(conn.execute("SELECT count(*) FROM audit_entry WHERE action = ?", (action,)).fetchone()[0])


def kill_at_each_step(
    template: Path, tmp: Path, args: list[str], check: Callable[[Path, str], str], name: str
) -> Counter[str]:
    """Kill `alsdesk ARGS` at each step it passes, each time in a fresh copy of `template`, and run
    `check(copy, step)` (which returns an outcome to count) after each kill. Prints the figures."""
    probe = tmp / f"{name}-probe"
    shutil.copytree(template, probe, symlinks=True)
    log = tmp / f"{name}-steps.txt"
    r = cli(probe, *args, log=log)
    assert r.returncode == 0, r.stderr
    steps = log.read_text(encoding="utf-8").split()
    assert steps, "the operation passed no crash point"
    outcomes: Counter[str] = Counter()
    for number, step in enumerate(steps):
        run = tmp / f"{name}-{number}"
        shutil.copytree(template, run, symlinks=True)
        r = cli(run, *args, crash_at=step)
        assert r.returncode == -signal.SIGKILL, f"{step}: not killed ({r.returncode}): {r.stderr}"
        outcomes[check(run, step)] += 1
        shutil.rmtree(run)
    FIGURES.append(
        f"{name}: {len(steps)} steps, {len(steps)} kills, outcomes {dict(outcomes)}; steps: {' '.join(steps)}"
    )
    return outcomes


def test_restore_over_a_damaged_database_is_finished_or_refused_never_an_empty_clinic(tmp_path: Path) -> None:
    template = new_clinic(tmp_path)
    backup = next((template / "home" / "backups").glob("*-manual.sqlite3"))
    with open(db_file(template), "r+b") as fh:  # pages 3-8 overwritten: the file is damaged
        fh.seek(3 * 4096)
        fh.write(b"\xa5" * 6 * 4096)
    r = cli(template, "patient", "list")
    assert r.returncode == 1 and "damaged" in r.stderr

    def check(run: Path, step: str) -> str:
        r = cli(run, "patient", "list", "--json", "--archived", "--limit", "10000")
        if r.returncode == 0:  # the next open finished the restore (archived patients counted too)
            assert len(json.loads(r.stdout)) == PATIENTS, step
            outcome = "finished at the next open"
        else:  # killed before the journal: the damaged file is refused with the way to restore it
            assert "damaged" in r.stderr and "alsdesk restore" in r.stderr, (step, r.stderr)
            ok(run, "restore", str(backup), "--yes")
            assert patient_count(run) == PATIENTS, step
            outcome = "refused with the restore command, which then worked"
        assert work_left(run) == [], step
        assert list(run.glob("home/*damaged*"))[:1], f"{step}: the damaged file was not kept"
        return outcome

    outcomes = kill_at_each_step(template, tmp_path, ["restore", str(backup), "--yes"], check, "damaged-restore")
    assert outcomes["finished at the next open"] >= 4  # the journal's steps


def test_sealed_restore_into_an_encrypted_clinic_leaves_no_plain_copy(tmp_path: Path) -> None:
    template = new_clinic(tmp_path, encrypted=True)
    ok(template, "backup", "--encrypt", "-o", "out/clinic.sealed")
    ok(
        template,
        "patient",
        "add",
        "--mrn",
        "LATE1",
        "--family-name",
        "Late",
        "--given-name",
        "Added",
        "--birth-date",
        "1960-01-01",
        "--sex",
        "female",
    )
    assert leaks(template) == []

    def check(run: Path, step: str) -> str:
        if step.startswith("unseal:"):  # the plain content was in the private work folder, and only there
            work = run / "home" / ".alsdesk.sqlite3.work"
            assert leaks(run) and all(".work/" in leak for leak in leaks(run)), step
            assert work.stat().st_mode & 0o777 == 0o700
        count = patient_count(run)  # the next command signs in, opens, and sweeps the work folder
        assert count in (PATIENTS, PATIENTS + 1), step
        assert leaks(run) == [], step
        assert work_left(run) == [], step
        ok(run, "restore", "out/clinic.sealed", "--yes")
        assert patient_count(run) == PATIENTS and leaks(run) == [], step
        return "restored" if count == PATIENTS else "as before"

    kill_at_each_step(template, tmp_path, ["restore", "out/clinic.sealed", "--yes"], check, "sealed-restore")


def test_db_encrypt_killed_at_each_step_leaves_all_plain_or_all_encrypted(tmp_path: Path) -> None:
    template = new_clinic(tmp_path)
    assert list((template / "home" / "backups").glob("*.sqlite3"))  # a plain backup, to be encrypted too

    def check(run: Path, step: str) -> str:
        assert patient_count(run) == PATIENTS, step
        encrypted = not db_file(run).read_bytes().startswith(SQLITE_HEADER)
        if not encrypted:  # killed before the journal: all plain as before; running it again works
            assert not (run / "home" / "alsdesk.sqlite3.keys").exists(), step
            ok(run, "db", "encrypt")
            assert patient_count(run) == PATIENTS, step
        assert leaks(run / "home", run / "tmp") == [], step
        assert work_left(run) == [], step
        r = cli(run, "db", "encrypt")
        assert r.returncode == 1 and "so are its backups" in r.stderr, (step, r.stderr)
        return "encrypted at the next open" if encrypted else "left plain, encrypted when run again"

    outcomes = kill_at_each_step(template, tmp_path, ["db", "encrypt"], check, "db-encrypt")
    assert outcomes["encrypted at the next open"] >= 4


def test_db_encrypt_refuses_a_symlinked_database(tmp_path: Path) -> None:
    run = new_clinic(tmp_path)
    real = run / "home" / "real.sqlite3"
    db_file(run).rename(real)
    db_file(run).symlink_to(real)
    r = cli(run, "db", "encrypt")
    assert r.returncode == 1 and "symbolic link" in r.stderr and str(real) in r.stderr
    assert db_file(run).is_symlink() and real.read_bytes().startswith(SQLITE_HEADER)
    assert not (run / "home" / "alsdesk.sqlite3.keys").exists()


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_an_export_never_appears_without_its_audit_entry_nor_in_plain_when_sealed(tmp_path: Path, sealed: bool) -> None:
    template = new_clinic(tmp_path)
    before = audit_count(template, "export")
    out = Path("out") / ("all.sealed" if sealed else "all.json")
    args = ["export", "--all", "-o", str(out), *(["--encrypt"] if sealed else [])]

    def check(run: Path, step: str) -> str:
        written = (run / out).exists()
        assert patient_count(run) == PATIENTS, step
        if written:
            assert audit_count(run, "export") > before, f"{step}: an export without its audit entry"
        if sealed:
            assert leaks(run / "out", run / "tmp") == [], step
        return "written and audited" if written else "not written"

    outcomes = kill_at_each_step(template, tmp_path, args, check, f"export-{'sealed' if sealed else 'plain'}")
    assert outcomes["not written"] >= 2


def test_a_sealed_import_keeps_its_plain_content_in_memory(tmp_path: Path) -> None:
    source = new_clinic(tmp_path)
    ok(source, "export", "--all", "-o", "out/all.sealed", "--encrypt")
    template = tmp_path / "empty"
    for part in ("home", "tmp", "out"):
        (template / part).mkdir(parents=True)
    shutil.copy(source / "out" / "all.sealed", template / "out" / "all.sealed")
    (template / "user").write_text("boss")  # the export's own "admin" is another staff member
    ok(template, "user", "add", "boss", "--role", "administrator")

    def check(run: Path, step: str) -> str:
        count = patient_count(run)
        assert count in (0, PATIENTS), step
        assert leaks(run / "out", run / "tmp") == [], step
        return f"{count} patients"

    kill_at_each_step(template, tmp_path, ["import", "out/all.sealed"], check, "sealed-import")


def test_a_printed_pdf_never_appears_without_its_print_log_entry(tmp_path: Path) -> None:
    template = new_clinic(tmp_path)
    with sqlite3.connect(db_file(template)) as conn:
        mrn = conn.execute("SELECT mrn FROM patient ORDER BY mrn LIMIT 1").fetchone()[0]
        before = conn.execute("SELECT count(*) FROM print_log").fetchone()[0]
    pdf = Path("out") / "summary.pdf"

    def check(run: Path, step: str) -> str:
        written = (run / pdf).exists()
        with sqlite3.connect(db_file(run)) as conn:
            logged = conn.execute("SELECT count(*) FROM print_log").fetchone()[0] - before
        assert logged == 1 if written else logged in (0, 1), step
        assert patient_count(run) == PATIENTS, step
        return "written and logged" if written else "logged, not written" if logged else "neither"

    outcomes = kill_at_each_step(
        template, tmp_path, ["report", "summary", "--patient", mrn, "-o", str(pdf)], check, "report-pdf"
    )
    assert outcomes["neither"] >= 1 and outcomes["logged, not written"] >= 1


def test_a_sealed_backup_of_an_encrypted_clinic_leaves_no_plain_copy(tmp_path: Path) -> None:
    template = new_clinic(tmp_path, encrypted=True)

    def check(run: Path, step: str) -> str:
        assert patient_count(run) == PATIENTS, step  # the next command sweeps the work folder
        assert leaks(run) == [] and work_left(run) == [], step
        return "sealed backup written" if (run / "out" / "b.sealed").exists() else "not written"

    outcomes = kill_at_each_step(
        template, tmp_path, ["backup", "--encrypt", "-o", "out/b.sealed"], check, "backup-sealed"
    )
    assert outcomes["not written"] >= 1


def test_an_audit_trail_csv_never_appears_without_its_audit_entry(tmp_path: Path) -> None:
    template = new_clinic(tmp_path)
    before = audit_count(template, "export")
    out = Path("out") / "trail.csv"

    def check(run: Path, step: str) -> str:
        written = (run / out).exists()
        exported = audit_count(run, "export") - before
        if written:
            assert exported == 1, f"{step}: a CSV of the trail without its audit entry"
            assert "seq,time_utc" in (run / out).read_text(encoding="utf-8"), step
        assert patient_count(run) == PATIENTS, step
        ok(run, "audit", "export", "-o", str(out))  # running it again works
        assert (run / out).exists() and audit_count(run, "export") == exported + before + 1, step
        return "written and audited" if written else "audited, not written" if exported else "neither"

    outcomes = kill_at_each_step(template, tmp_path, ["audit", "export", "-o", str(out)], check, "audit-csv")
    assert outcomes["neither"] >= 1 and outcomes["audited, not written"] >= 1
