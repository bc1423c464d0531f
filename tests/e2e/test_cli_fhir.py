"""`alsdesk export --format alsdesk|fhir|ips` end to end: each format, sealed with --encrypt, and
the refusal of an IPS for more than one patient (exit 1, one line, nothing written or asked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from alsdesk.storage import sealed

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a long passphrase for FHIR"
DEMO_ADMIN = {"ALSDESK_USER": "admin", "ALSDESK_PASSWORD": "demo-admin-2026"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo clinic of 6 patients, made once for the module's tests."""
    path = tmp_path_factory.mktemp("fhir-cli")
    r = call(path, "demo", "--patients", "6", "--seed", "3", "--anchor", "2026-06-01")
    assert r.returncode == 0, r.stderr
    return path


def call(home: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ALSDESK_HOME": str(home / "home"), "PYTHONPATH": str(ROOT)}
    for name in ("ALSDESK_DATABASE_URL", "ALSDESK_USER", "ALSDESK_PASSWORD", "ALSDESK_PASSPHRASE"):
        env.pop(name, None)
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "alsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def exported(home: Path, out: Path, *args: str, **env: str) -> Any:
    r = call(home, "export", *args, "-o", str(out), **DEMO_ADMIN, **env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Exported ")
    return json.loads(out.read_text("utf-8"))


def test_the_default_format_is_still_the_clinics_own(home: Path) -> None:
    document = exported(home, home / "native.json", "--all")
    assert document["format"] == "alsdesk-export" and len(document["patients"]) == 6


def test_fhir_for_all_patients_is_an_r4_collection(home: Path) -> None:
    document = exported(home, home / "all.fhir.json", "--format", "fhir", "--all")
    Bundle.model_validate(document)
    assert document["type"] == "collection"
    patients = [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert len(patients) == 6
    one = exported(home, home / "one.fhir.json", "--format", "fhir", "--patient", "DEMO000002")
    assert [
        e["resource"]["identifier"][0]["value"] for e in one["entry"] if e["resource"]["resourceType"] == "Patient"
    ] == ["DEMO000002"]


def test_ips_for_one_patient_is_a_document_starting_with_its_composition(home: Path) -> None:
    document = exported(home, home / "ips.json", "--format", "ips", "--patient", "DEMO000001")
    Bundle.model_validate(document)
    assert document["type"] == "document"
    assert document["entry"][0]["resource"]["resourceType"] == "Composition"


@pytest.mark.parametrize("export_format", ["alsdesk", "fhir", "ips"])
def test_encrypt_seals_every_format(home: Path, export_format: str) -> None:
    out = home / f"sealed.{export_format}"
    r = call(
        home,
        "export",
        "--format",
        export_format,
        "--patient",
        "DEMO000001",
        "-o",
        str(out),
        "--encrypt",
        ALSDESK_PASSPHRASE=PASSPHRASE,
        **DEMO_ADMIN,
    )
    assert r.returncode == 0, r.stderr
    assert sealed.is_sealed(out) and b"DEMO000001" not in out.read_bytes()
    document = json.loads(sealed.unsealed_bytes(out, PASSPHRASE))
    if export_format == "alsdesk":
        assert document["patients"][0]["patient"]["mrn"] == "DEMO000001"
    else:
        Bundle.model_validate(document)


def test_ips_refuses_all_patients_in_one_line_before_asking_anything(home: Path) -> None:
    out = home / "refused.json"
    r = call(home, "export", "--format", "ips", "--all", "-o", str(out), "--encrypt", **DEMO_ADMIN)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines == ["alsdesk: An International Patient Summary is for one patient: choose the patient by MRN."]
    assert not out.exists()


def test_an_unknown_format_is_a_usage_error(home: Path) -> None:
    r = call(home, "export", "--format", "hl7v2", "--all", "-o", str(home / "x.json"), **DEMO_ADMIN)
    assert r.returncode == 2 and "'alsdesk', 'fhir', 'ips'" in r.stderr
