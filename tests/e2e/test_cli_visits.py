# ruff: noqa: F811  (the fixtures of test_cli.py, imported, are taken as arguments)
"""`alsdesk assessment add` and `alsdesk milestone add` end to end, and what `patient show --json`
then says: the NIV alert with its NICE NG42 criteria, interventions in place, alerts closed by a
milestone; every refusal one line with exit 1."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_cli import admin, one_line_error, run  # noqa: F401  (fixtures)

ITEMS = "1=4,2=4,3=4,4=4,5a=4,6=4,7=4,8=4,9=4,10=4,11=3,12=4"


@pytest.fixture
def clinician(run, admin, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Act as a clinician (an administrator may not record clinical findings)."""

    def make() -> None:
        admin()
        monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "clinician password 1")
        made = run("user", "add", "doc", "--role", "clinician")
        assert made.returncode == 0, made.stderr
        monkeypatch.setenv("ALSDESK_USER", "doc")
        monkeypatch.setenv("ALSDESK_PASSWORD", "clinician password 1")

    return make


def add_patient(run, mrn: str = "V1", sex: str = "male") -> None:  # type: ignore[no-untyped-def]
    r = run(
        "patient",
        "add",
        "--mrn",
        mrn,
        "--family-name",
        "Visit",
        "--given-name",
        "Test",
        "--birth-date",
        "1955-02-03",
        "--sex",
        sex,
    )
    assert r.returncode == 0, r.stderr


def test_assessment_add_raises_one_niv_alert_with_its_criteria(run, clinician) -> None:  # type: ignore[no-untyped-def]
    """DEMO000077's visit: FVC 55 %, SNIP 43, orthopnoea (item 11) 3, a man."""
    clinician()
    add_patient(run)
    r = run(
        "assessment", "add", "--patient", "V1", "--date", "2026-05-18", "--items", ITEMS, "--fvc", "55", "--snip", "43"
    )
    assert r.returncode == 0, r.stderr
    assert "Recorded the visit of V1 on 2026-05-18: ALSFRS-R 47/48" in r.stdout
    assert "ALERT: FVC 55% predicted, SNIP 43 cmH2O; NICE NG42 criteria met: fvc_symptomatic, snip_symptomatic" in (
        r.stdout
    )
    shown = json.loads(run("patient", "show", "V1", "--json").stdout)
    assert shown["open_alerts"] == [
        {
            "kind": "niv",
            "criterion": ["fvc_symptomatic", "snip_symptomatic"],
            "raised_on": "2026-05-18",
            "text": "FVC 55% predicted, SNIP 43 cmH2O; NICE NG42 criteria met: fvc_symptomatic, snip_symptomatic: "
            "discuss NIV; refer to respiratory service",
        }
    ]
    assert shown["interventions"] == []
    assert shown["counts"]["assessments"] == 1 and shown["latest_alsfrs"]["total"] == 47  # the other keys stay


def test_symptoms_weight_and_spo2_from_the_command_line(run, clinician) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run, sex="female")
    base = ("assessment", "add", "--patient", "V1")
    assert run(*base, "--date", "2026-01-05", "--weight", "80").returncode == 0
    r = run(
        *base,
        "--date",
        "2026-03-05",
        "--weight",
        "71.9",
        "--spo2",
        "93.5",
        "--snip",
        "54",
        "--symptoms",
        "orthopnoea,morning_headache",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    made = json.loads(r.stdout)
    assert [(a["kind"], a["criterion"]) for a in made["alerts"]] == [
        ("niv", ["snip_symptomatic"]),
        ("abg", "spo2_94"),
        ("gastrostomy", "weight_loss_10"),
    ]


def test_milestone_add_closes_the_alert_it_answers(run, clinician) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run)
    assert run("assessment", "add", "--patient", "V1", "--date", "2026-02-01", "--fvc", "45").returncode == 0
    r = run("milestone", "add", "--patient", "V1", "--kind", "niv", "--date", "2026-02-10")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "Recorded niv for V1 on 2026-02-10"
    shown = json.loads(run("patient", "show", "V1", "--json").stdout)
    assert shown["open_alerts"] == []
    assert shown["interventions"] == [{"kind": "niv", "since": "2026-02-10", "source": "milestone"}]
    # Later, on NIV: no "discuss NIV" again.
    r = run("assessment", "add", "--patient", "V1", "--date", "2026-03-01", "--fvc", "44", "--json")
    assert json.loads(r.stdout)["alerts"] == []


def test_refusals_are_one_line_with_exit_1(run, clinician) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run)
    add = ("assessment", "add", "--date", "2026-05-18")
    cases = [
        ((*add, "--patient", "V1", "--items", ITEMS.replace("12=4", "13=4")), "13"),
        ((*add, "--patient", "V1", "--items", ITEMS.replace("1=4", "1=5", 1)), "item 1"),
        ((*add, "--patient", "V1", "--items", "1:4"), "--items"),
        ((*add, "--patient", "V1", "--fvc", "50", "--symptoms", "breathlessness,wheeze"), "wheeze"),
        ((*add, "--patient", "V1", "--fvc", "lots"), "--fvc"),
        ((*add, "--patient", "V1", "--fvc", "250"), "FVC"),
        ((*add, "--patient", "NOPE", "--fvc", "50"), "NOPE"),
        (("assessment", "add", "--patient", "V1", "--date", "2026-02-30", "--fvc", "50"), "--date"),
        (("milestone", "add", "--patient", "NOPE", "--kind", "niv", "--date", "2026-01-01"), "NOPE"),
    ]
    for args, named in cases:
        r = run(*args)
        assert r.returncode == 1, (args, r.stderr)
        line = one_line_error(r)
        assert line.startswith("alsdesk: ") and named in line, (args, line)
    shown = json.loads(run("patient", "show", "V1", "--json").stdout)
    assert shown["counts"]["assessments"] == 0  # nothing was written
