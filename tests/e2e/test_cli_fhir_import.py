"""`alsdesk import [--format alsdesk|fhir] FILE [--yes]` end to end: a sealed FHIR export read into an
empty clinic (the format found from the file), read again without adding anything, a match by
name only refused until --yes, and bad files refused in one line with nothing imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long passphrase for FHIR"
DEMO_ADMIN = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026"}
BOSS = {"ALSDESK_USER": "boss", "ALSDESK_PASSWORD": "admin password 1"}


def call(home: Path, *args: str, db: str | None = None, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ALSDESK_HOME": str(home / "home"), "PYTHONPATH": str(ROOT)}
    for name in ("ALSDESK_DATABASE_URL", "ALSDESK_USER", "ALSDESK_PASSWORD", "ALSDESK_PASSPHRASE"):
        env.pop(name, None)
    env.update(env_extra)
    prefix = ["--database", db] if db else []
    return subprocess.run(
        [sys.executable, "-m", "alsdesk", *prefix, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo clinic of 6 patients and its FHIR export, plain and sealed, made once."""
    path = tmp_path_factory.mktemp("fhir-import")
    assert call(path, "demo", "--patients", "6", "--seed", "3", "--anchor", "2026-06-01").returncode == 0
    for name, extra in (("all.fhir.json", ()), ("all.fhir.sealed", ("--encrypt",))):
        r = call(
            path,
            "export",
            "--format",
            "fhir",
            "--all",
            "-o",
            str(path / name),
            *extra,
            ALSDESK_PASSPHRASE=PASSPHRASE,
            **DEMO_ADMIN,
        )
        assert r.returncode == 0, r.stderr
    return path


@pytest.fixture
def empty(home: Path, tmp_path: Path) -> str:
    """An empty clinic with its own administrator (boss)."""
    db = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    made = call(
        home, "user", "add", "boss", "--role", "administrator", db=db, ALSDESK_PASSWORD=BOSS["ALSDESK_PASSWORD"]
    )
    assert made.returncode == 0, made.stderr
    return db


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def test_a_sealed_fhir_export_is_found_to_be_fhir_imported_and_a_second_time_adds_nothing(
    home: Path, empty: str
) -> None:
    first = call(home, "import", str(home / "all.fhir.sealed"), db=empty, ALSDESK_PASSPHRASE=PASSPHRASE, **BOSS)
    assert first.returncode == 0, first.stderr
    assert "Imported 6 patient(s) from FHIR (6 new, 0 found by identifier" in first.stdout
    assert "Not read" in first.stdout and "CarePlan (not read)" in first.stdout
    second = call(home, "import", "--format", "fhir", str(home / "all.fhir.json"), db=empty, **BOSS)
    assert second.returncode == 0, second.stderr
    assert "(0 new, 6 found by identifier, 0 by name and birth date) with 0 new records" in second.stdout
    listed = call(home, "patient", "list", db=empty, **BOSS)
    assert listed.stdout.count("DEMO00000") == 6


def test_the_native_format_is_still_read_and_a_bundle_is_not_taken_for_it(home: Path, empty: str) -> None:
    native = home / "native.json"
    assert call(home, "export", "--all", "-o", str(native), **DEMO_ADMIN).returncode == 0
    refused = call(home, "import", "--format", "alsdesk", str(home / "all.fhir.json"), db=empty, **BOSS)
    assert one_line_error(refused).startswith("alsdesk: format: must be 'alsdesk-export'")
    r = call(home, "import", "--format", "alsdesk", str(native), db=empty, **BOSS)
    assert r.returncode == 0 and r.stdout.startswith("Imported 6 patient(s) with "), r.stderr


def renamed(home: Path, document: dict[str, Any], name: str) -> Path:
    path = home / name
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_a_match_by_name_and_birth_date_is_named_and_needs_yes(home: Path) -> None:
    document = json.loads((home / "all.fhir.json").read_text("utf-8"))
    patient = next(e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Patient")
    mrn = patient["identifier"][0]["value"]
    patient["identifier"] = [{"system": "urn:oid:1.2.3", "value": "ELSEWHERE-1"}]
    patient["id"] = "elsewhere-1"
    document["entry"] = [e for e in document["entry"] if e["resource"].get("subject", {}).get("reference") is None]
    path = renamed(home, document, "by-name.json")
    refused = call(home, "import", str(path), **DEMO_ADMIN)
    line = one_line_error(refused)
    assert mrn in line and patient["name"][0]["family"] in line and patient["birthDate"] in line and "--yes" in line
    accepted = call(home, "import", str(path), "--yes", **DEMO_ADMIN)
    assert accepted.returncode == 0, accepted.stderr
    assert f"matched by name and birth date: {mrn}" in accepted.stdout


def test_bad_files_are_refused_in_one_line_and_nothing_is_imported(home: Path, empty: str) -> None:
    garbage = home / "garbage.json"
    garbage.write_text("{not json", "utf-8")
    assert "not valid JSON" in one_line_error(call(home, "import", "--format", "fhir", str(garbage), db=empty, **BOSS))
    document = json.loads((home / "all.fhir.json").read_text("utf-8"))
    document["type"] = "searchset"
    line = one_line_error(call(home, "import", str(renamed(home, document, "searchset.json")), db=empty, **BOSS))
    assert line == "alsdesk: type: must be collection or document (got 'searchset')"
    document["type"] = "collection"
    last = next(e for e in reversed(document["entry"]) if e["resource"].get("code", {}).get("text") == "Weight")
    last["resource"]["effectiveDateTime"] = "2999-01-01"  # a visit in the future
    line = one_line_error(call(home, "import", str(renamed(home, document, "future.json")), db=empty, **BOSS))
    where = f"entry[{document['entry'].index(last)}] ({last['fullUrl']}) Observation.effectiveDateTime"
    assert line.startswith(f"alsdesk: {where}: "), line
    assert "DEMO00000" not in call(home, "patient", "list", db=empty, **BOSS).stdout
