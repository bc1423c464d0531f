"""`alsdesk report`: one file per document, exit 1 with one line and no file on any error, a print log."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from alsdesk.cli import main
from tests.reports.conftest import pdf_spans, pdf_text


@pytest.fixture(autouse=True)
def signed_in(db, monkeypatch):  # type: ignore[no-untyped-def]
    """`alsdesk report` acts as a named account: an administrator signed in through the environment."""
    from alsdesk.services import accounts

    with db.write() as s:
        accounts.create_account(
            session=s, username="boss", display_name="Boss", role="administrator", password="admin password 1"
        )
    monkeypatch.setenv("ALSDESK_USER", "boss")
    monkeypatch.setenv("ALSDESK_PASSWORD", "admin password 1")


def run(db_url: str, *args: str) -> int:
    return main(["--database", db_url, "report", *args])


def log_rows(db):  # type: ignore[no-untyped-def]
    from alsdesk.services.printlog import print_log

    with db.read() as s:
        return print_log(session=s)


@pytest.mark.parametrize("kind", ["summary", "referral", "handout", "visit", "alsfrs-form"])
def test_each_patient_document_is_written_and_logged(db, db_url, rich, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.pdf"
    assert run(db_url, kind, "--patient", "T0001", "--lang", "en", "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "MRN T0001" in pdf_text(out.read_bytes())
    assert f"Wrote {kind} for T0001" in capsys.readouterr().out
    (entry,) = log_rows(db)
    assert (entry.kind, entry.patient_mrn, entry.language, entry.paper) == (kind, "T0001", "en", "a4")
    assert entry.pages >= 1 and entry.destination == f"file:{out.resolve()}" and entry.printed_by == "boss"


def test_checklist_with_enrollment_logs_the_enrollment(db, db_url, rich, tmp_path):
    from alsdesk.services import programs

    with db.write() as s:  # the command prints for today: a program running today
        diet, _ = programs.enroll(
            session=s, patient_id=rich.patient_id, template_code="low_glutamate_diet", start_date=date.today()
        )
    out = tmp_path / "c.pdf"
    assert run(db_url, "checklist", "--patient", "T0001", "--enrollment", str(diet.id), "-o", str(out)) == 0
    assert "低谷氨酸饮食" in pdf_text(out.read_bytes())  # the fixture patient reads Chinese
    assert log_rows(db)[0].record_id == diet.id


def test_checklist_of_an_ended_program_is_one_line_naming_it_and_its_end(db, db_url, rich, tmp_path, capsys):
    out = tmp_path / "c.pdf"  # the fixture's diet ran 2025-09-02 to 2025-09-16, long before today
    assert run(db_url, "checklist", "--patient", "T0001", "--enrollment", str(rich.diet_id), "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert err == (
        "alsdesk: The Low-glutamate diet program ended on 2025-09-16: no checklist is printed for days after its end.\n"
    )
    assert not out.exists() and log_rows(db) == []


def test_worklist_needs_no_patient(db, db_url, rich, tmp_path):
    out = tmp_path / "w.pdf"
    assert run(db_url, "worklist", "--date", "2026-03-01", "-o", str(out)) == 0
    assert "Clinic worklist for 2026-03-01" in pdf_text(out.read_bytes())
    assert log_rows(db)[0].patient_id is None


def test_language_defaults_to_the_patients_and_paper_follows_the_option(db, db_url, rich, tmp_path):
    from alsdesk.services import patients

    with db.write() as s:
        patients.update_patient(session=s, patient_id=rich.patient_id, language="zh_CN")
    out = tmp_path / "h.pdf"
    assert run(db_url, "handout", "--patient", "T0001", "--paper", "letter", "-o", str(out)) == 0
    assert "您的护理计划" in pdf_text(out.read_bytes())
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "--patient", "NOPE"], "No patient has the MRN 'NOPE'."),
        (["checklist", "--patient", "T0001", "--enrollment", "00000000-0000-0000-0000-000000000000"], "no program"),
        (["checklist", "--patient", "T0001", "--enrollment", "not-a-uuid"], "not-a-uuid"),
        (["referral", "--patient", "T0001", "--referral", "00000000-0000-0000-0000-000000000000"], "no referral"),
        (["checklist", "--patient", "T0001"], "no active care program"),  # both of its programs ended in 2025
        (["summary"], "needs --patient MRN"),
        (["visit", "--patient", "T0001", "--date", "2020-01-01"], "no visit"),
        (["summary", "--patient", "T0001", "--large-print"], "--large-print is for the handout only."),
    ],
)
def test_errors_exit_1_with_one_line_and_no_file(db, db_url, rich, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"earlier file")
    assert run(db_url, *args, "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert out.read_bytes() == b"earlier file"  # untouched
    assert not list(tmp_path.glob(".*.part"))
    assert log_rows(db) == []


def test_unwritable_output_is_an_error_and_not_logged(db, db_url, rich, tmp_path, capsys):
    out = tmp_path / "missing-folder" / "s.pdf"
    assert run(db_url, "summary", "--patient", "T0001", "-o", str(out)) == 1
    assert "Nothing was written" in capsys.readouterr().err
    assert not out.exists()
    assert log_rows(db) == []


def test_date_moves_the_coming_appointments_not_the_print_date(db, db_url, rich, tmp_path):
    from datetime import date

    out = tmp_path / "h.pdf"
    assert run(db_url, "handout", "--patient", "T0001", "--lang", "en", "--date", "2025-09-17", "-o", str(out)) == 0
    text = pdf_text(out.read_bytes())
    assert "2025-09-17" in text and "2025-09-03" not in text  # physiotherapy every 14 days from 09-03
    assert f"Printed {date.today().isoformat()}" in text


def test_the_command_offers_each_registry_document_and_names_one_identity(db, db_url, rich, tmp_path):
    """`alsdesk report` offers exactly the documents the registry (alsdesk.app.documents) holds, in
    its order; the window prints through the same registry. Who printed is the signed-in account:
    its username in the log, its display name on the page."""
    from alsdesk.app.documents import DOCUMENTS
    from alsdesk.cli.report import KINDS, NO_PATIENT

    assert KINDS == tuple(DOCUMENTS)
    assert set(NO_PATIENT) == {k for k, d in DOCUMENTS.items() if d.patient != "needed"}
    out = tmp_path / "s.pdf"
    assert run(db_url, "summary", "--patient", "T0001", "--lang", "en", "-o", str(out)) == 0
    assert "Boss" in pdf_text(out.read_bytes())
    (entry,) = log_rows(db)
    assert entry.printed_by == "boss"


def test_large_print_sets_the_handout_body_in_15_pt(db, db_url, rich, tmp_path):
    sizes = {}
    for name, flag in (("standard", []), ("large", ["--large-print"])):
        out = tmp_path / f"{name}.pdf"
        assert run(db_url, "handout", "--patient", "T0001", "--lang", "en", *flag, "-o", str(out)) == 0
        spans = [s for page in pdf_spans(out.read_bytes()) for s in page]
        sizes[name] = Counter(s.size for s in spans).most_common(1)[0][0]
    assert sizes == {"standard": 12, "large": 15}
    assert [e.kind for e in log_rows(db)] == ["handout", "handout"]


def test_without_lang_a_letter_is_in_the_clinics_letter_language_and_a_handout_in_the_patients(
    db, db_url, rich, tmp_path
):
    """The fixture patient reads Chinese; the clinic writes to clinicians in English, then in Chinese."""
    from alsdesk.services import clinic

    def printed(kind: str) -> str:
        out = tmp_path / f"{kind}.pdf"
        assert run(db_url, kind, "--patient", "T0001", "-o", str(out)) == 0
        return log_rows(db)[0].language

    assert printed("referral") == "en" and printed("handout") == "zh_CN"
    with db.write() as s:
        clinic.save_clinic(session=s, name="Lecheng ALS Clinic", letter_language="zh_CN")
    assert printed("referral") == "zh_CN"
    assert "转诊信" in pdf_text((tmp_path / "referral.pdf").read_bytes())
