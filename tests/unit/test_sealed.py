"""Passphrase-sealed files: round trips, and every kind of tampering or wrong passphrase refused."""

from __future__ import annotations

import io
import struct

import pytest

from alsdesk.storage import sealed
from alsdesk.storage.sealed import SealError, seal_stream, unseal_stream

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small chunks (and a cheap KDF) so many-chunk files stay small and fast in tests."""
    monkeypatch.setattr(sealed, "CHUNK", 64)
    monkeypatch.setattr(sealed, "MEMORY_KIB", 1024)


def seal(data: bytes, passphrase: str = PASS) -> bytes:
    out = io.BytesIO()
    seal_stream(io.BytesIO(data), out, passphrase)
    return out.getvalue()


def unseal(blob: bytes, passphrase: str = PASS) -> bytes:
    out = io.BytesIO()
    unseal_stream(io.BytesIO(blob), out, passphrase)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 128, 1000])
def test_round_trip_at_chunk_edges(size: int) -> None:
    data = bytes((i * 7 + 3) % 256 for i in range(size))
    blob = seal(data)
    assert blob.startswith(sealed.MAGIC)
    assert size < 16 or data not in blob
    assert unseal(blob) == data


def test_same_content_seals_differently_each_time() -> None:
    assert seal(b"x" * 100) != seal(b"x" * 100)  # fresh salt and nonce prefix


def test_wrong_passphrase_is_refused_with_a_clear_message() -> None:
    with pytest.raises(SealError, match="passphrase does not open"):
        unseal(seal(b"secret patient list"), "another passphrase")


def test_every_flipped_byte_is_detected() -> None:
    blob = seal(bytes(range(200)))
    for i in range(len(blob)):
        altered = bytearray(blob)
        altered[i] ^= 0x01
        with pytest.raises(SealError):
            unseal(bytes(altered))


def test_cut_reordered_and_extended_files_are_refused() -> None:
    data = bytes(range(256)) * 2  # exactly 8 chunks of 64 bytes, the 8th flagged as the last
    blob = seal(data)
    header = sealed.HEADER.size
    record = 4 + 64 + sealed.TAG
    chunks = [blob[header + i * record : header + (i + 1) * record] for i in range(8)]
    assert blob[:header] + b"".join(chunks) == blob
    with pytest.raises(SealError, match="cut short|altered"):
        unseal(blob[:header] + b"".join(chunks[:7]))  # the last chunk dropped
    with pytest.raises(SealError, match="cut short|altered"):
        unseal(blob[:-5])
    with pytest.raises(SealError, match="altered"):
        unseal(blob[:header] + chunks[1] + chunks[0] + b"".join(chunks[2:]))
    with pytest.raises(SealError, match="after its end"):
        unseal(blob + b"\x00")


def test_newer_format_and_foreign_files_are_named() -> None:
    blob = bytearray(seal(b"abc"))
    blob[len(sealed.MAGIC)] = 9
    with pytest.raises(SealError, match="newer alsdesk"):
        unseal(bytes(blob))
    with pytest.raises(SealError, match="not a sealed alsdesk file"):
        unseal(b'{"format": "alsdesk-export"}')


def test_a_header_asking_for_absurd_kdf_cost_is_refused_before_deriving() -> None:
    blob = bytearray(seal(b"abc"))
    struct.pack_into(">I", blob, 13, 2**31)  # memory cost field
    with pytest.raises(SealError, match="damaged header"):
        unseal(bytes(blob))


def test_short_passphrases_are_refused_when_sealing() -> None:
    with pytest.raises(Exception, match="at least 10 characters"):
        seal(b"abc", "short")
