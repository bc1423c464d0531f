"""Onboarding from a spreadsheet, as both front ends do it: read a patient list, map its columns
(a mapping given, else the clinic's saved one, else the headers' own words), preview every row,
and add them all in one transaction or none."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange.spreadsheet import checking, loading, mapping, reading, workbooks
from alsdesk.exchange.spreadsheet.checking import Preview
from alsdesk.services.access import requires

__all__ = ["Preview", "import_patients", "preview_file", "read_mapping", "write_errors", "write_template"]

read_mapping = mapping.read_mapping
write_errors = workbooks.write_errors
write_template = workbooks.write_template


@requires("import")
def preview_file(
    *,
    session: Session,
    path: Path,
    given: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Every row of the file at `path` checked, with its possible duplicates; nothing written.
    `progress(done, total)` is called as rows are checked; what it raises stops the work."""
    sheet = reading.read_sheet(path)
    chosen = dict(given) if given is not None else mapping.saved_mapping(session)
    return checking.preview(session, sheet, mapping.columns(sheet.headers, chosen), progress)


@requires("import")
def import_patients(
    *,
    session: Session,
    path: Path,
    given: Mapping[str, str] | None = None,
    errors: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Add every row of the file, or none: any refused row raises naming the first bad cell (and
    the refused rows are written to `errors` when given). A mapping given is saved as the
    clinic's, for the next list. What `progress` raises (a window's cancel) rolls it all back."""
    found = preview_file(session=session, path=path, given=given, progress=progress)
    if found.problems:
        if errors is not None:
            workbooks.write_errors(found, errors)
        first = found.problems[0]
        raise DomainError(
            "Nothing was imported: {count} row(s) refused. First: row {row}, column {header!r}: {reason}",
            count=len(found.refused_rows),
            row=first.row,
            header=first.header,
            reason=str(first.error),
        )
    loading.add_rows(session, found)
    if given is not None:
        mapping.save_mapping(session, given)
    return found
