"""`alsdesk lab add`, `medication add` and `medication stop` end to end: the riluzole baseline
warning and --confirm, the stop alert, and one-line refusals with exit 1."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.e2e.test_cli import ADMIN_PASSWORD, one_line_error
from tests.e2e.test_cli import run as run  # the `run` fixture, re-exported for these tests

DOCTOR = {"ALSDESK_USER": "lchen", "ALSDESK_PASSWORD": "clinician-pw-1"}


@pytest.fixture
def clinic(run, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """An administrator, a clinician to act as, and one patient (MRN M1)."""
    monkeypatch.setenv("ALSDESK_PASSWORD", ADMIN_PASSWORD)
    assert run("user", "add", "boss", "--role", "administrator").returncode == 0
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_NEW_PASSWORD", DOCTOR["ALSDESK_PASSWORD"])
    made = run("user", "add", "lchen", "--role", "clinician")
    assert made.returncode == 0, made.stderr
    added = run(
        "patient", "add", "--mrn", "M1", "--family-name", "Lin", "--given-name", "Mei",
        "--birth-date", "1960-05-01", "--sex", "female",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    for name, value in DOCTOR.items():
        monkeypatch.setenv(name, value)
    return run


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    return one_line_error(result)


def test_riluzole_needs_a_baseline_alt_or_a_confirmation(clinic) -> None:  # type: ignore[no-untyped-def]
    run = clinic
    line = refused(run("medication", "add", "--patient", "M1", "--drug", "riluzole", "--start", "2025-01-15"))
    assert line == (
        "alsdesk: Prescription warning: No ALT in the 30 days up to 2025-01-15: a baseline liver test is needed "
        "before starting Riluzole. Run it again with --confirm to prescribe anyway."
    )
    # An ALT 31 days before is not a baseline; one 30 days before is.
    ok(run("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2024-12-15", "--value", "30"))
    refused(run("medication", "add", "--patient", "M1", "--drug", "riluzole", "--start", "2025-01-15"))
    out = ok(
        run("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2024-12-16", "--value", "30",
            "--upper-limit", "40")
    )  # fmt: skip
    assert out.strip() == "Recorded ALT 30 (ULN 40) on 2024-12-16 for M1."
    result = run("medication", "add", "--patient", "M1", "--drug", "riluzole", "--start", "2025-01-15")
    assert ok(result).strip() == "Prescribed Riluzole (50 mg by mouth twice a day) for M1 from 2025-01-15."
    assert result.stderr == ""


def test_a_baseline_above_three_times_uln_needs_confirming_and_five_times_alerts(clinic) -> None:  # type: ignore[no-untyped-def]
    run = clinic
    # 121 U/L without the lab's ULN: the clinic's 40, so 3.0 × ULN, above 3 ×
    ok(run("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2025-01-10", "--value", "121"))
    line = refused(run("medication", "add", "--patient", "M1", "--drug", "riluzole", "--start", "2025-01-15"))
    assert "Baseline ALT 121 on 2025-01-10 is 3.0 × ULN (above 3 ×)" in line and "--confirm" in line
    result = run(
        "medication", "add", "--patient", "M1", "--drug", "riluzole", "--start", "2025-01-15", "--dose", "50 mg bd",
        "--confirm",
    )  # fmt: skip
    assert ok(result).strip() == "Prescribed Riluzole (50 mg twice a day) for M1 from 2025-01-15."
    assert result.stderr.startswith("warning (confirmed): Baseline ALT 121")
    # On riluzole, 200 U/L (5 × the clinic's 40) raises "stop riluzole"; 199 does not.
    assert "ALERT" not in ok(run("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2025-02-10",
                                 "--value", "199"))  # fmt: skip
    out = ok(run("lab", "add", "--patient", "M1", "--test", "ALT", "--date", "2025-02-11", "--value", "200"))
    assert "ALERT: ALT 200 is 5.0 × ULN (≥ 5 ×): stop riluzole" in out
    shown = json.loads(ok(run("patient", "show", "M1", "--json")))
    assert any("stop riluzole" in str(a) for a in shown["open_alerts"])


def test_medication_stop(clinic) -> None:  # type: ignore[no-untyped-def]
    run = clinic
    ok(run("medication", "add", "--patient", "M1", "--drug", "baclofen", "--start", "2025-03-01"))
    line = refused(run("medication", "stop", "--patient", "M1", "--drug", "baclofen", "--date", "2025-02-28"))
    assert line.startswith("alsdesk: Stop date") and "2025-03-01" in line
    out = ok(run("medication", "stop", "--patient", "M1", "--drug", "baclofen", "--date", "2025-04-01",
                 "--reason", "Drowsy"))  # fmt: skip
    assert out.strip() == "Stopped Baclofen for M1 on 2025-04-01 (started 2025-03-01)."
    line = refused(run("medication", "stop", "--patient", "M1", "--drug", "baclofen", "--date", "2025-04-02"))
    assert line == "alsdesk: Baclofen is not running for this patient: there is nothing to stop."


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("medication", "add", "--patient", "M1", "--drug", "aspirin", "--start", "2025-01-15"),
         "alsdesk: 'aspirin' is not a drug in the catalog."),
        (("medication", "add", "--patient", "NOPE", "--drug", "baclofen", "--start", "2025-01-15"),
         "alsdesk: No patient has the MRN 'NOPE'."),
        (("medication", "add", "--patient", "M1", "--drug", "baclofen", "--start", "2025-02-30"),
         "alsdesk: Start date must be a real date written YYYY-MM-DD, not '2025-02-30'."),
        (("medication", "stop", "--patient", "M1", "--drug", "riluzole", "--date", "2025-01-15"),
         "alsdesk: Riluzole is not running for this patient: there is nothing to stop."),
        (("medication", "stop", "--patient", "M1", "--drug", "aspirin", "--date", "2025-01-15"),
         "alsdesk: 'aspirin' is not a drug in the catalog."),
        (("medication", "stop", "--patient", "M1", "--drug", "baclofen", "--date", "15/01/2025"),
         "alsdesk: Stop date must be a real date written YYYY-MM-DD, not '15/01/2025'."),
        (("lab", "add", "--patient", "NOPE", "--test", "alt", "--date", "2025-01-15", "--value", "30"),
         "alsdesk: No patient has the MRN 'NOPE'."),
        (("lab", "add", "--patient", "M1", "--test", "alt", "--date", "yesterday", "--value", "30"),
         "alsdesk: Date taken must be a real date written YYYY-MM-DD, not 'yesterday'."),
        (("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2025-01-15", "--value", "high"),
         "alsdesk: Lab value must be a number of zero or more, not 'high'."),
        (("lab", "add", "--patient", "M1", "--test", "alt", "--date", "2025-01-15", "--value", "30",
          "--upper-limit", "0"),
         "alsdesk: Upper limit of normal must be a positive number."),
    ],
)  # fmt: skip
def test_refusals_are_one_line_with_exit_1(clinic, args: tuple[str, ...], expected: str) -> None:  # type: ignore[no-untyped-def]
    assert refused(clinic(*args)) == expected


def test_medication_add_takes_a_structured_dose(clinic) -> None:  # type: ignore[no-untyped-def]
    """--amount/--unit/--route/--frequency/--regimen/--note give the dose field by field; --note alone
    adds to the catalog's dose; --dose text that does not read as a dose is kept as the note."""
    run = clinic
    out = ok(run("medication", "add", "--patient", "M1", "--drug", "baclofen", "--start", "2025-03-01",
                 "--amount", "2.5", "--unit", "tablet", "--route", "feeding_tube", "--frequency", "three_times_daily",
                 "--note", "crushed"))  # fmt: skip
    assert (
        out.strip()
        == "Prescribed Baclofen (2.5 tablets via feeding tube three times a day; crushed) for M1 from 2025-03-01."
    )
    out = ok(run("medication", "add", "--patient", "M1", "--drug", "gabapentin", "--start", "2025-03-01",
                 "--note", "with the evening meal"))  # fmt: skip
    assert "(300 mg by mouth at night; with the evening meal)" in out
    out = ok(run("medication", "add", "--patient", "M1", "--drug", "glycopyrronium", "--start", "2025-03-01",
                 "--dose", "1 mg when drooling is bad"))  # fmt: skip
    assert "(1 mg when drooling is bad)" in out


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (("--amount", "lots", "--unit", "mg"), "argument --amount: must be a number above 0, e.g. 50 (got 'lots')"),
        (("--amount", "0", "--unit", "mg"), "argument --amount: must be a number above 0"),
        (("--amount", "5", "--unit", "kg"), "argument --unit: invalid choice: 'kg'"),
        (("--route", "rectal"), "argument --route: invalid choice: 'rectal'"),
        (("--frequency", "hourly"), "argument --frequency: invalid choice: 'hourly'"),
    ],
)
def test_a_bad_dose_flag_is_named(clinic, flags: tuple[str, ...], says: str) -> None:  # type: ignore[no-untyped-def]
    result = clinic("medication", "add", "--patient", "M1", "--drug", "baclofen", "--start", "2025-03-01", *flags)
    assert result.returncode == 2 and says in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (("--amount", "5"), "alsdesk: Dose amount and dose unit go together: give both or neither."),
        (("--dose", "5 mg", "--note", "x"),
         "alsdesk: Give the dose either as --dose text or with --amount, --unit, --route, --frequency, --regimen, "
         "--note, not both."),
    ],
)  # fmt: skip
def test_a_dose_that_does_not_hold_together_is_refused(clinic, flags: tuple[str, ...], expected: str) -> None:  # type: ignore[no-untyped-def]
    run = clinic
    assert (
        refused(run("medication", "add", "--patient", "M1", "--drug", "baclofen", "--start", "2025-03-01", *flags))
        == expected
    )
