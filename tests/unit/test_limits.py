"""Shared text rules: control characters refused in stored text (names: one line), escaped when
printed, values cut at 80 characters in messages, spreadsheet formulas neutralised in CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from alsdesk.errors import DomainError
from alsdesk.limits import printable, shown, spreadsheet_cell, unsafe_character
from alsdesk.services import patients
from alsdesk.services.audit_log import AuditRow, write_csv
from alsdesk.services.common import check_date, check_text


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x00", "\x7f", "\x9b", "\ud800", "\u202e"])
def test_text_with_a_control_or_invalid_character_is_refused(bad: str) -> None:
    with pytest.raises(DomainError, match=r"^Note contains a control or invalid character \("):
        check_text(f"a{bad}b", "Note", max_len=100)


def test_notes_keep_lines_and_tabs_but_names_do_not() -> None:
    assert check_text("line 1\n\tline 2", "Note", max_len=100) == "line 1\n\tline 2"
    for bad in ("Ann\nSmith", "Ann\tSmith", "Ann\u2028Smith"):
        with pytest.raises(DomainError, match="^Family name contains a control or invalid character"):
            patients.validate_fields({"family_name": bad})


def test_a_long_value_is_cut_at_80_characters_in_messages() -> None:
    with pytest.raises(DomainError) as refused:
        check_text("x" * 10_000, "MRN", max_len=40)
    assert str(refused.value) == "MRN is too long (10000 characters; at most 40)."
    err = DomainError("{what} is not valid: {value!r}.", what="Phone", value="9" * 10_000)
    assert str(err) == f"Phone is not valid: {'9' * 80!r}… (10,000 characters)."
    assert shown("short") == "'short'"


def test_dates_stay_within_the_clinic_bounds() -> None:
    with pytest.raises(DomainError, match=r"cannot be after 2999-12-31"):
        check_date(date(9999, 12, 31), "Due date")
    with pytest.raises(DomainError, match=r"cannot be before 1900-01-01"):
        check_date(date(1, 1, 1), "Start date", not_before=date(1, 1, 1))


def test_printing_escapes_what_would_act_on_a_terminal() -> None:
    assert printable("\x1b[2JRed\nName\ud800\u202e") == "\\x1b[2JRed\\nName\\ud800\\u202e"
    assert printable("张伟 Zhang") == "张伟 Zhang"
    assert unsafe_character("张伟 Zhang", line=True) is None


def test_csv_cells_never_start_a_formula() -> None:
    assert [spreadsheet_cell(t) for t in ("=1+1", "+1", "-1", "@SUM(A1)", "Ann")] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "Ann",
    ]
    row = AuditRow(
        1, datetime(2026, 1, 1, tzinfo=UTC), "=HYPERLINK(1)", "ws", "view", "read", "patient", None, None, ""
    )
    out = io.StringIO()
    write_csv([row], out)
    cells = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert cells[0] == "1" and cells[2] == "'=HYPERLINK(1)"
