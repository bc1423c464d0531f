# ruff: noqa: F811  (the fixtures of test_cli.py, imported, are taken as arguments)
"""`alsdesk milestone niv-settings` and `tube-settings` end to end, then `report niv-plan` and
`report gastrostomy-plan` printing them (issue 13 item 7); a refusal names the field, a plan
without its intervention exits 1 saying why, every refusal one line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.e2e.test_cli import admin, one_line_error, run  # noqa: F401  (fixtures)
from tests.e2e.test_cli_visits import add_patient, clinician  # noqa: F401  (fixtures)


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_settings_are_recorded_and_printed_and_refusals_name_the_field(run, clinician, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run)
    out = tmp_path / "niv.pdf"
    refused = run("report", "niv-plan", "--patient", "V1", "-o", str(out))
    assert refused.returncode == 1 and "has no NIV in place" in one_line_error(refused) and not out.exists()
    assert run("milestone", "add", "--patient", "V1", "--kind", "niv", "--date", "2026-05-01").returncode == 0
    niv = ("milestone", "niv-settings", "--patient", "V1", "--date", "2026-05-02", "--mode", "spontaneous_timed")
    bad = run(*niv, "--ipap", "12", "--epap", "12", "--mask", "nasal")
    assert bad.returncode == 1 and one_line_error(bad) == "alsdesk: EPAP (12 cmH2O) must be below IPAP (12 cmH2O)."
    typo = run(*niv, "--ipap", "12", "--epap", "5", "--mask", "nasal", "--hours", "ten")
    assert typo.returncode == 1 and one_line_error(typo).startswith(
        "alsdesk: Hours a day must be a whole number from 1 to 24"
    )
    made = run(*niv, "--ipap", "15", "--epap", "5", "--mask", "nasal", "--hours", "10", "--supplier-phone", "400 800 1")
    assert made.returncode == 0 and "Recorded the NIV settings of V1 from 2026-05-02" in made.stdout, made.stderr
    assert run("report", "niv-plan", "--patient", "V1", "--lang", "en", "-o", str(out)).returncode == 0
    text = text_of(out)
    assert "15 cmH2O" in text and "Nasal mask" in text and "about 10 hours a day" in text and "400 800 1" in text
    assert run("milestone", "add", "--patient", "V1", "--kind", "gastrostomy", "--date", "2026-05-03").returncode == 0
    tube = run(
        "milestone", "tube-settings", "--patient", "V1", "--date", "2026-05-04", "--tube", "rig", "--size", "14",
        "--feed", "Jevity", "--volume", "1200", "--flush", "40", "--paper", "a4",
    )  # fmt: skip
    assert tube.returncode == 2  # --paper is not a flag of this command: argparse's usage error
    tube = run(
        "milestone", "tube-settings", "--patient", "V1", "--date", "2026-05-04", "--tube", "rig", "--size", "14",
        "--feed", "Jevity", "--volume", "1200", "--flush", "40",
    )  # fmt: skip
    assert tube.returncode == 0, tube.stderr
    paper = tmp_path / "tube.pdf"
    made = run(
        "report", "gastrostomy-plan", "--patient", "V1", "--lang", "zh_CN", "--paper", "letter", "-o", str(paper)
    )
    assert made.returncode == 0, made.stderr
    text = text_of(paper)
    assert "您的喂食管计划" in text and "14 Fr" in text and "每天1200 ml" in text and "40 ml" in text
