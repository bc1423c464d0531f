"""Key worker, interpreter, GP, staff contacts and allergies from the command line, end to end
through main(): exit codes, one-line refusals naming the field, and `patient show --json`'s keys."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from alsdesk.cli import main


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An administrator acting, a specialist nurse with a phone and job title, and patient C1."""
    monkeypatch.setenv("ALSDESK_HOME", str(tmp_path))
    monkeypatch.delenv("ALSDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")
    assert main(["user", "add", "boss", "--role", "administrator"]) == 0
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "nurse password 1")
    nurse = ["user", "add", "wxu", "--role", "coordinator", "--display-name", "Xu Wen"]
    assert main([*nurse, "--discipline", "specialist_nursing", "--job-title", "ALS specialist nurse"]) == 0
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", "doctor password 1")
    assert main(["user", "add", "doc", "--role", "clinician", "--discipline", "neurology"]) == 0
    add = ["patient", "add", "--mrn", "C1", "--family-name", "Chen", "--given-name", "Li"]
    assert main([*add, "--birth-date", "1958-03-04", "--sex", "female"]) == 0


@pytest.fixture
def clinician(clinic: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Allergies are clinical records: a clinician records them (services.access)."""
    monkeypatch.setenv("ALSDESK_USER", "doc")
    monkeypatch.setenv("ALSDESK_PASSWORD", "doctor password 1")


def show(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["patient", "show", "C1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def one_line_refusal(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_key_worker_interpreter_and_gp_are_set_and_shown(clinic: None, capsys: pytest.CaptureFixture[str]) -> None:
    before = show(capsys)
    assert before["key_worker"] is None and before["interpreter_needed"] is False and before["gp_name"] == ""
    assert main(["user", "update", "wxu", "--phone", "+86 898 0000 0103", "--job-title-zh", "渐冻症专科护士"]) == 0
    args = ["--key-worker", "WXU", "--interpreter", "yes", "--gp-name", "Dr Wang", "--gp-contact", "Harbour Practice"]
    assert main(["patient", "update", "C1", *args]) == 0
    after = show(capsys)
    assert after["key_worker"] == {
        "username": "wxu",
        "display_name": "Xu Wen",
        "job_title": "ALS specialist nurse",
        "phone": "+86 898 0000 0103",
        "job_title_zh": "渐冻症专科护士",
    }
    assert (after["interpreter_needed"], after["gp_name"], after["gp_contact"]) == (True, "Dr Wang", "Harbour Practice")
    assert after["patient"]["interpreter_needed"] is True  # the patient record's own field too
    assert set(before) - {"key_worker", "interpreter_needed", "gp_name", "gp_contact"} <= set(after)  # kept
    capsys.readouterr()
    assert main(["patient", "show", "C1"]) == 0
    out = capsys.readouterr().out
    assert "Key worker: Xu Wen, ALS specialist nurse, +86 898 0000 0103" in out and "Interpreter needed" in out
    assert main(["patient", "update", "C1", "--key-worker", "", "--interpreter", "no"]) == 0
    cleared = show(capsys)
    assert cleared["key_worker"] is None and cleared["interpreter_needed"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("patient", "update", "C1", "--key-worker", "nobody"), "Key worker: there is no staff member 'nobody'."),
        (("patient", "update", "C1", "--interpreter", "maybe"), "Interpreter needed must be yes or no, not 'maybe'."),
        (("patient", "update", "C1", "--gp-name", "x" * 201), "GP name is too long (201 characters; at most 200)."),
        (("user", "update", "wxu", "--phone", "call me"), "Phone 'call me' is not a phone number"),
        (("user", "update", "wxu"), "Nothing to update: give --phone, --job-title or --job-title-zh."),
        (
            ("user", "update", "wxu", "--job-title-zh", "职" * 201),
            "Job title (Chinese) is too long (201 characters; at most 200).",
        ),
        (("user", "update", "ghost", "--phone", "12345"), "There is no account 'ghost'."),
    ],
)
def test_refusals_are_one_line_naming_the_field(
    clinic: None, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert message in one_line_refusal(capsys, *args)
    assert show(capsys)["key_worker"] is None  # nothing was changed


def test_allergies_are_added_listed_and_removed(clinician: None, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["allergy", "list", "--patient", "C1"]) == 0
    assert capsys.readouterr().out.strip() == "None recorded."
    assert main(["allergy", "none", "--patient", "C1", "--date", "2026-01-02"]) == 0
    assert show(capsys)["no_known_allergies_since"] == "2026-01-02"
    add = ["allergy", "add", "--patient", "C1", "--substance", "Penicillin", "--reaction", "Rash"]
    assert main([*add, "--severity", "severe", "--date", "2026-01-05"]) == 0
    assert main(["allergy", "add", "--patient", "C1", "--substance", "Latex"]) == 0  # today, severity unknown
    capsys.readouterr()
    assert main(["allergy", "list", "--patient", "C1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["no_known_allergies_since"] is None  # an allergy ended "none known"
    rows = [(a["substance"], a["severity"], a["reaction"], a["recorded_on"]) for a in listed["allergies"]]
    assert rows == [("Penicillin", "severe", "Rash", "2026-01-05"), ("Latex", "unknown", "", date.today().isoformat())]
    shown = show(capsys)["allergies"]
    assert [a["substance"] for a in shown] == ["Penicillin", "Latex"]
    latex = listed["allergies"][1]["id"]
    capsys.readouterr()
    assert main(["allergy", "remove", latex]) == 0
    assert "marked entered in error" in capsys.readouterr().out
    assert main(["allergy", "list", "--patient", "C1", "--all", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)["allergies"]
    assert [(a["substance"], a["status"]) for a in every] == [("Penicillin", "active"), ("Latex", "entered_in_error")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--substance", " "), "Substance is required."),
        (("--substance", "Latex", "--severity", "fatal"), "Severity must be one of: mild, moderate, severe, unknown"),
        (("--substance", "Latex", "--date", "2026-02-30"), "Recorded on must be a real date written YYYY-MM-DD"),
        (
            ("--substance", "Latex", "--date", (date.today() + timedelta(days=1)).isoformat()),
            f"Recorded on ({date.today() + timedelta(days=1)}) cannot be after {date.today()}.",
        ),
        (("--substance", "Latex", "--date", "1958-03-03"), "Recorded on (1958-03-03) cannot be before 1958-03-04."),
    ],
)
def test_allergy_refusals_are_one_line_naming_the_field(
    clinician: None, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert message in one_line_refusal(capsys, "allergy", "add", "--patient", "C1", *args)
    assert show(capsys)["allergies"] == []


def test_no_known_allergies_is_refused_while_an_allergy_stands(
    clinician: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["allergy", "add", "--patient", "C1", "--substance", "Aspirin"]) == 0
    message = one_line_refusal(capsys, "allergy", "none", "--patient", "C1")
    assert "No known allergies: this patient has allergies recorded" in message


def test_an_administrator_may_not_record_an_allergy(clinic: None, capsys: pytest.CaptureFixture[str]) -> None:
    message = one_line_refusal(capsys, "allergy", "add", "--patient", "C1", "--substance", "Latex")
    assert "may not record clinical findings" in message
