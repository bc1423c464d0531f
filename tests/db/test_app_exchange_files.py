"""alsdesk.app.exchange_files: the one export-to-file and read-back both fronts call."""

from __future__ import annotations

import pytest

from alsdesk.app.exchange_files import export_to_file, is_sealed, read_export
from alsdesk.errors import StorageError

PASSPHRASE = "correct horse battery staple"


def test_a_sealed_export_reads_back_with_its_passphrase_and_asks_only_when_sealed(db, patient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sealed, plain = tmp_path / "p.sealed", tmp_path / "p.json"
    with db.write() as s:
        assert export_to_file(s, sealed, mrns=[patient.mrn], passphrase=PASSPHRASE) == 1
    with db.write() as s:
        assert export_to_file(s, plain, mrns=[patient.mrn]) == 1
    assert is_sealed(sealed) and not is_sealed(plain)
    assert PASSPHRASE.encode() not in sealed.read_bytes() and patient.mrn.encode() not in sealed.read_bytes()
    asked: list[str] = []

    def ask() -> str:
        asked.append("asked")
        return PASSPHRASE

    from_plain = read_export(plain, ask)
    assert asked == []  # a plain file needs no passphrase
    assert read_export(sealed, ask) == from_plain and asked == ["asked"]
    assert read_export(sealed, PASSPHRASE) == from_plain
    with pytest.raises(StorageError):
        read_export(sealed, "not the passphrase")


def test_an_unreadable_export_is_named_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StorageError, match="Cannot read .*missing.json"):
        read_export(tmp_path / "missing.json")


def test_a_file_saved_with_a_byte_order_mark_reads_as_without(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A Bundle or export saved by a Windows program (Notepad, .NET) may start with the UTF-8 BOM,
    which JSON readers may ignore (RFC 8259 §8.1): it is read, not refused as 'not valid JSON'."""
    document = {"resourceType": "Bundle", "type": "collection", "entry": []}
    marked = tmp_path / "bundle.json"
    marked.write_bytes(b"\xef\xbb\xbf" + b'{"resourceType": "Bundle", "type": "collection", "entry": []}')
    assert read_export(marked) == document
