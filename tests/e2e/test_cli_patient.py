"""`alsdesk patient update` and the stage keys of `patient show --json`, end to end through main()."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from alsdesk.cli import main
from tests.conftest import make_test_actor

ITEMS = {"1": 4, "2": 4, "3": 1, "4": 4, "5a": 4, "6": 4, "7": 4, "8": 3, "9": 4, "10": 4, "11": 4, "12": 3}


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A clinic with an administrator acting, and patient C1 (born 1958, onset 2025-01-01)."""
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path))
    monkeypatch.delenv("ALSDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    assert main(["user", "add", "boss", "--role", "administrator"]) == 0
    monkeypatch.setenv("ALSDESK_USER", "boss")
    add = ["patient", "add", "--mrn", "C1", "--family-name", "Chen", "--given-name", "Li"]
    assert main([*add, "--birth-date", "1958-03-04", "--sex", "female"]) == 0
    return f"sqlite:///{tmp_path / 'alsdesk.sqlite3'}"


def services(url: str):  # type: ignore[no-untyped-def]
    from alsdesk.app import open_clinic

    db = open_clinic(url)
    db.actor = make_test_actor()
    return db


def show(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["patient", "show", "C1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["patient", "update", "C1", *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_update_changes_only_the_fields_given(clinic: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["--status", "diagnosed", "--onset-date", "2025-01-01", "--onset-region", "bulbar"]
    args += ["--diagnosis-date", "2025-06-01", "--phone", "138 0000 1111", "--name-zh", "陈丽", "--given-name", "Lily"]
    assert main(["patient", "update", "C1", *args]) == 0
    assert capsys.readouterr().out.startswith("Updated C1: CHEN, Lily 陈丽")
    p = show(capsys)["patient"]
    assert (p["status"], p["onset_date"], p["onset_region"], p["diagnosis_date"]) == (
        "diagnosed",
        "2025-01-01",
        "bulbar",
        "2025-06-01",
    )
    assert (p["phone"], p["name_zh"], p["given_name"], p["family_name"], p["sex"]) == (
        "138 0000 1111",
        "陈丽",
        "Lily",
        "Chen",
        "female",
    )
    assert p["birth_date"] == "1958-03-04" and p["death_date"] is None


def test_stage_keys_and_death_through_update(clinic: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = show(capsys)
    assert shown["kings_now"] is None and shown["mitos_now"] is None  # no assessment yet
    assert main(["patient", "update", "C1", "--status", "diagnosed", "--diagnosis-date", "2025-06-01"]) == 0
    db = services(clinic)
    try:
        from alsdesk.services import assessments, medications, patients

        with db.write() as s:
            pid = patients.get_by_mrn(session=s, mrn="C1").id
            assessments.record_assessment(session=s, patient_id=pid, assessed_on=date(2025, 6, 10), items=ITEMS)
            medications.prescribe(
                session=s, patient_id=pid, drug_code="riluzole", started_on=date(2025, 6, 10), acknowledge_warnings=True
            )
    finally:
        db.dispose()
    shown = show(capsys)
    # item 12 = 3: King's 4B (hand-scored); item 3 = 1: swallowing lost, MiToS 1
    assert (shown["kings_now"], shown["mitos_now"]) == ("4B", 1)
    assert set(shown) >= {"patient", "latest_alsfrs", "fvc_percent", "weight_change_percent", "open_alerts", "counts"}

    assert refused(capsys, "--death-date", "2026-01-05") == (
        "alsdesk: Date of death needs --status deceased: patient C1 is recorded as 'diagnosed'."
    )
    assert refused(capsys, "--status", "deceased") == (
        "alsdesk: Record a date of death exactly when the status is 'deceased'."
    )
    capsys.readouterr()
    assert main(["patient", "update", "C1", "--status", "deceased", "--death-date", "2026-01-05"]) == 0
    out = capsys.readouterr().out
    assert "Medications and therapy plans still running on 2026-01-05 were ended on that date." in out
    shown = show(capsys)
    assert (shown["kings_now"], shown["mitos_now"]) == ("5", 5)
    assert shown["patient"]["death_date"] == "2026-01-05"
    # already deceased: the date of death alone can be corrected
    assert main(["patient", "update", "C1", "--death-date", "2026-01-04"]) == 0
    assert show(capsys)["patient"]["death_date"] == "2026-01-04"
    capsys.readouterr()
    assert main(["patient", "show", "C1"]) == 0
    assert "Died 2026-01-04: King's stage 5, MiToS stage 5" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--death-date", "2026-02-30"), "Date of death must be a real date written YYYY-MM-DD, not '2026-02-30'."),
        (("--birth-date", "03/04/1958"), "Birth date must be a real date written YYYY-MM-DD, not '03/04/1958'."),
        (("--onset-date", "soon"), "Symptom onset date must be a real date written YYYY-MM-DD, not 'soon'."),
        (("--diagnosis-date", "2025-13-01"), "Diagnosis date must be a real date written YYYY-MM-DD"),
        (("--status", "cured"), "Status must be one of: screening, suspected, diagnosed, palliative, deceased"),
        (("--sex", "x"), "Sex must be one of:"),
        (("--onset-region", "toe"), "Onset region must be one of:"),
        (("--lung-disease", "maybe"), "Lung disease must be yes or no, not 'maybe'."),
        (("--status", "deceased", "--death-date", "1950-01-01"), "Death (1950-01-01) cannot be before the birth date"),
        (("--onset-date", "2025-06-01", "--diagnosis-date", "2025-01-01"), "Diagnosis (2025-01-01) cannot be before"),
        ((), "Nothing to update: give at least one option"),
    ],
)
def test_refusals_are_one_line_with_exit_1(
    clinic: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert message in refused(capsys, *args)
    assert show(capsys)["patient"]["status"] == "screening"  # nothing was changed


def test_an_unknown_mrn_is_refused_in_one_line(clinic: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["patient", "update", "NOPE", "--phone", "123456"]) == 1
    assert capsys.readouterr().err.strip() == "alsdesk: No patient has the MRN 'NOPE'."


def test_lung_disease_flag_moves_the_spo2_line(
    clinic: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SpO2 93 %: below 94 without lung disease (blood gas), not below 92 with it (NICE CG105)."""
    assert main(["patient", "update", "C1", "--lung-disease", "yes"]) == 0
    assert show(capsys)["patient"]["lung_disease"] is True
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "clinician password 1")
    assert main(["user", "add", "doc", "--role", "clinician"]) == 0  # visits are a clinician's to record
    monkeypatch.setenv("ALSDESK_USER", "doc")
    monkeypatch.setenv("ALSDESK_PASSWORD", "clinician password 1")
    assert main(["assessment", "add", "--patient", "C1", "--date", "2025-07-01", "--spo2", "93"]) == 0
    assert [a["kind"] for a in show(capsys)["open_alerts"]] == []
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    assert main(["patient", "update", "C1", "--lung-disease", "no"]) == 0
    assert show(capsys)["patient"]["lung_disease"] is False
    monkeypatch.setenv("ALSDESK_USER", "doc")
    monkeypatch.setenv("ALSDESK_PASSWORD", "clinician password 1")
    assert main(["assessment", "add", "--patient", "C1", "--date", "2025-07-02", "--spo2", "93"]) == 0
    alerts = show(capsys)["open_alerts"]
    assert [(a["kind"], a["criterion"], a["raised_on"]) for a in alerts] == [("abg", "spo2_94", "2025-07-02")]
