"""`alsdesk report gp-letter` and `report appointment` as a subprocess on the demo clinic (fixed seed
and anchor day): the letters are written, and each refusal is one line with exit 1 and no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import one_line_error
from tests.e2e.test_cli import run as run  # the `run` fixture, re-exported for these tests
from tests.reports.conftest import pdf_text

ANCHOR = "2026-06-01"


@pytest.fixture
def demo(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    made = run("demo", "--patients", "80", "--seed", "1", "--anchor", ANCHOR, db=url)
    assert made.returncode == 0, made.stderr
    monkeypatch.setenv("ALSDESK_USER", "admin")  # the demo's administrator
    monkeypatch.setenv("ALSDESK_PASSWORD", "demo-admin-2026")
    return url


def test_letters_are_written_and_refusals_exit_1(run, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # DEMO000021: NIV begun and a medicine started since the visit before; physiotherapy booked after the anchor day
    letter = run("report", "gp-letter", "--patient", "DEMO000021", "--lang", "en", "-o", "gp.pdf", db=demo)
    assert letter.returncode == 0 and "Wrote gp-letter for DEMO000021" in letter.stdout, letter.stderr
    text = " ".join(pdf_text((tmp_path / "gp.pdf").read_bytes()).split())
    assert "New: NIV" in text and "Started: Glycopyrronium" in text and "Your visit in plain words" in text
    booked = run("report", "appointment", "--patient", "DEMO000021", "--date", ANCHOR, "-o", "ap.pdf", db=demo)
    assert booked.returncode == 0, booked.stderr
    assert "2026-06-11" in pdf_text((tmp_path / "ap.pdf").read_bytes())
    refusals = {
        ("gp-letter", "--patient", "DEMO000002"): "Patient DEMO000002 has no visit recorded at all; no GP letter",
        ("appointment", "--patient", "DEMO000001", "--date", ANCHOR): "Patient DEMO000001 has no upcoming appointment",
        ("appointment", "--patient", "DEMO000007", "--date", ANCHOR): "Patient DEMO000007 is recorded as deceased",
        ("appointment", "--patient", "DEMO000021", "--appointment", "nope"): "no upcoming appointment with the ID nope",
        ("handout", "--patient", "DEMO000021", "--appointment", "x"): "--appointment is for report appointment only.",
    }
    for args, words in refusals.items():
        refused = run("report", *args, "-o", "no.pdf", db=demo)
        assert refused.returncode == 1 and words in one_line_error(refused), args
        assert not (tmp_path / "no.pdf").exists()
