# ruff: noqa: F811  (the fixtures of test_cli.py, imported, are taken as arguments)
"""`alsdesk care-plan record|show` end to end: a revision builds on the current one (an option
left out keeps its value), a refusal names the field and saves nothing, `show --json` gives every
field, and `report care-plan-summary` prints what was recorded."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from tests.e2e.test_cli import admin, one_line_error, run  # noqa: F401  (fixtures)
from tests.e2e.test_cli_visits import add_patient, clinician  # noqa: F401  (fixtures)


def shown(run) -> dict:  # type: ignore[no-untyped-def]
    out = run("care-plan", "show", "--patient", "V1", "--all", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_revisions_build_on_the_current_one_and_refusals_name_the_field(run, clinician, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clinician()
    add_patient(run)
    assert shown(run) == {"mrn": "V1", "revisions": []}
    empty = run("care-plan", "show", "--patient", "V1")
    assert empty.returncode == 0 and "No advance care plan recorded for V1." in empty.stdout

    record = ("care-plan", "record", "--patient", "V1")
    no_date = run(*record, "--resuscitation", "not_for_cpr")
    assert no_date.returncode == 2  # --date is required: argparse's usage error
    undated = run(*record, "--date", "2026-05-02", "--resuscitation", "not_for_cpr")
    assert undated.returncode == 1
    assert one_line_error(undated) == "alsdesk: Date of the resuscitation decision is required."
    bad_day = run(*record, "--date", "2026-02-30")
    assert bad_day.returncode == 1 and one_line_error(bad_day).startswith("alsdesk: --date:")
    nothing_refused = run(*record, "--date", "2026-05-02", "--adrt")
    assert one_line_error(nothing_refused) == "alsdesk: Advance decision to refuse treatment: say what it refuses."
    assert shown(run)["revisions"] == []  # nothing saved by a refusal

    first = run(
        *record, "--date", "2026-05-02", "--preferences", "Stay at home with family", "--adrt",
        "--adrt-refuses", "cpr,tube_feeding", "--resuscitation", "not_for_cpr", "--resuscitation-date",
        "2026-05-02", "--care-place", "home", "--decider", "lpa_health", "--decider-name", "Li Na",
        "--decider-phone", "13800000009",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "Recorded revision 1 of the advance care plan of V1 on 2026-05-02" in first.stdout
    second = run(*record, "--date", "2026-06-10", "--care-place", "hospice", "--decider-phone", "")
    assert second.returncode == 0, second.stderr
    revisions = shown(run)["revisions"]
    assert [r["revision"] for r in revisions] == [2, 1]
    now, before = revisions
    # Left out: kept from revision 1. Given: changed, an empty text cleared.
    assert now["preferences"] == "Stay at home with family" and now["adrt_refuses"] == ["tube_feeding", "cpr"]
    assert now["resuscitation"] == "not_for_cpr" and now["resuscitation_on"] == "2026-05-02"
    assert now["care_place"] == "hospice" and before["care_place"] == "home"
    assert now["decider_name"] == "Li Na" and now["decider_phone"] == "" and before["decider_phone"] == "13800000009"
    assert now["recorded_on"] == "2026-06-10"
    earlier = run(*record, "--date", "2026-06-01")
    assert earlier.returncode == 1 and "Recorded on" in one_line_error(earlier)  # not before the current one

    text = run("care-plan", "show", "--patient", "V1")
    assert "Revision 2, recorded 2026-06-10" in text.stdout and "care place: hospice" in text.stdout
    assert "Revision 1" not in text.stdout  # the current one only, without --all

    pdf = tmp_path / "acp.pdf"
    made = run("report", "care-plan-summary", "--patient", "V1", "--lang", "en", "-o", str(pdf))
    assert made.returncode == 0, made.stderr
    printed = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())
    assert "Li Na" in printed and "Stay at home with family" in printed
