"""Exchange files both front ends write and read: patients exported to a file (sealed with a
passphrase or plain JSON) and an export file read back for import."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from alsdesk import exchange
from alsdesk.errors import DomainError, StorageError
from alsdesk.storage import sealed
from alsdesk.storage.files import crash_point


def is_sealed(path: Path) -> bool:
    """Whether `path` is a sealed export (opened only with its passphrase)."""
    return sealed.is_sealed(path)


def check_passphrase(passphrase: str) -> str:
    """A passphrase good enough to seal with (refused in words otherwise)."""
    return sealed.check_passphrase(passphrase)


def import_format(document: Any) -> str:
    """The format of an import file's document (formats.IMPORT_FORMATS): a FHIR resource says its
    resourceType; anything else is read, and checked, as the clinic's own format."""
    return "fhir" if isinstance(document, dict) and "resourceType" in document else "alsdesk"


def check_export_format(export_format: str, mrns: Sequence[str] | None) -> None:
    """Refuse, before anything is asked or written, an export its format cannot hold."""
    if export_format == "ips" and (mrns is None or len(mrns) != 1):
        raise DomainError("An International Patient Summary is for one patient: choose the patient by MRN.")


def export_to_file(
    session: Session,
    path: Path,
    *,
    mrns: Sequence[str] | None = None,
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    export_format: str = "alsdesk",
) -> int:
    """Every patient (or those with `mrns`) with all their records into `path` in `export_format`
    (formats.EXPORT_FORMATS), sealed when a passphrase is given; returns how many. Inside the write
    `session`: the file appears whole once the export's audit entry has committed, and a sealed
    export writes nothing plain."""
    check_export_format(export_format, mrns)
    from alsdesk.exchange import fhir  # pydantic and the FHIR models load only for a FHIR export

    with sealed.exported_text(session, path, passphrase) as out:
        if export_format == "fhir":
            return int(fhir.write_collection(session=session, out=out, mrns=mrns, progress=progress))
        if export_format == "ips":
            assert mrns is not None  # check_export_format
            return int(fhir.write_summary(session=session, out=out, mrn=mrns[0]))
        return int(exchange.write_export(session=session, out=out, mrns=mrns, progress=progress))


def read_export(path: Path, passphrase: str | Callable[[], str] | None = None) -> Any:
    """The document in the export file `path`. A sealed file is unsealed in memory only (nothing
    plain reaches the disk), with `passphrase` (called for it only when the file is sealed)."""
    try:
        if sealed.is_sealed(path):
            secret = passphrase() if callable(passphrase) else passphrase or ""  # none given: refused as wrong
            content = io.TextIOWrapper(io.BytesIO(sealed.unsealed_bytes(path, secret)), encoding="utf-8-sig")
            document = exchange.read_document(content)
        else:
            with open(path, encoding="utf-8-sig") as fh:  # a BOM (Windows programs write one) is no content
                document = exchange.read_document(fh)
    except OSError as err:
        raise StorageError("Cannot read {path}: {reason}.", path=path, reason=err.strerror or err) from err
    crash_point("import:read")  # a sealed file's plain content exists only in this process's memory
    return document
