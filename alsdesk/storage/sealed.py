"""Passphrase-sealed files for backups and exports that leave the machine (docs/sealed-format.md).

argon2id turns the passphrase into a 256-bit key; the content is cut into 1 MiB chunks, each
sealed with AES-256-GCM under a nonce made of a random prefix and the chunk's number, with the
header and a last-chunk flag as associated data. So an altered byte, a dropped, reordered or
repeated chunk, a cut-off end or a changed header all fail authentication, and any size of file
is handled in constant memory. Unsealing writes nothing until every chunk has been verified.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import struct
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alsdesk.errors import StorageError
from alsdesk.storage.files import atomic_binary_file, crash_point, file_on_commit, text_writer

MAGIC = b"ALSDSEAL"
VERSION = 1
# magic, version, argon2id time cost, memory cost (KiB), parallelism, chunk size, salt, nonce prefix
HEADER = struct.Struct(">8sBIIBI16s8s")
CHUNK = 1024 * 1024
TAG = 16
# Stronger than the sign-in KDF: a file that leaves the machine can be attacked offline at leisure.
TIME_COST, MEMORY_KIB, PARALLELISM = 3, 64 * 1024, 1
MIN_PASSPHRASE = 10
_LEN = struct.Struct(">I")


class SealError(StorageError):
    """A sealed file that the passphrase does not open, or that was altered or cut short."""


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def check_passphrase(passphrase: str) -> str:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise StorageError("A passphrase needs at least {count} characters.", count=MIN_PASSPHRASE)
    return passphrase


class _Sealer(io.RawIOBase):
    """A writable file that seals what is written into `out` as it comes, one chunk at a time, so
    the plain content exists only in memory (at most one chunk). `finish()` seals the last chunk;
    a file never finished fails authentication as cut short."""

    def __init__(self, out: IO[bytes], passphrase: str) -> None:
        super().__init__()
        salt, self._prefix = secrets.token_bytes(16), secrets.token_bytes(8)
        self._header = HEADER.pack(MAGIC, VERSION, TIME_COST, MEMORY_KIB, PARALLELISM, CHUNK, salt, self._prefix)
        self._aead = AESGCM(_key(check_passphrase(passphrase), salt, TIME_COST, MEMORY_KIB, PARALLELISM))
        self._out, self._buffer, self._index = out, bytearray(), 0
        out.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # more follows, so this chunk is not the last
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def finish(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, block: bytes, *, last: bool) -> None:
        if self._index >= 2**32 - 1:
            raise StorageError("The file is too large to seal.")
        aad = self._header + (b"\x01" if last else b"\x00")
        sealed = self._aead.encrypt(_nonce(self._prefix, self._index), block, aad)
        self._out.write(_LEN.pack(len(sealed)) + sealed)
        self._index += 1


@contextmanager
def sealing(out: IO[bytes], passphrase: str) -> Iterator[IO[bytes]]:
    """A binary file whose content is sealed into `out` as it is written (completed on a normal exit)."""
    sealer = _Sealer(out, passphrase)
    yield sealer  # type: ignore[misc]  # a RawIOBase is a binary file
    sealer.finish()


def seal_stream(src: IO[bytes], out: IO[bytes], passphrase: str) -> None:
    with sealing(out, passphrase) as sealer:
        shutil.copyfileobj(src, sealer, CHUNK)


def unseal_stream(src: IO[bytes], out: IO[bytes], passphrase: str, name: str = "the file") -> None:
    header = src.read(HEADER.size)
    if len(header) < HEADER.size or header[: len(MAGIC)] != MAGIC:
        raise SealError("{name} is not a sealed alsdesk file.", name=name)
    _magic, version, time_cost, memory_kib, parallelism, chunk, salt, prefix = HEADER.unpack(header)
    if version != VERSION:
        raise SealError(
            "{name} was sealed by a newer alsdesk (format {version}); update alsdesk to open it.",
            name=name,
            version=version,
        )
    if not (1 <= time_cost <= 64 and 8 <= memory_kib <= 4 * 1024 * 1024 and 1 <= parallelism <= 64):
        raise SealError("{name} has a damaged header; it cannot be opened.", name=name)
    aead = AESGCM(_key(passphrase or "", salt, time_cost, memory_kib, parallelism))
    index = 0
    while True:
        raw_len = src.read(_LEN.size)
        if len(raw_len) < _LEN.size:
            raise SealError("{name} is cut short or altered; nothing was changed.", name=name)
        (length,) = _LEN.unpack(raw_len)
        sealed = src.read(length) if length <= chunk + TAG else b""
        if len(sealed) != length or length < TAG:
            raise SealError("{name} is cut short or altered; nothing was changed.", name=name)
        for last in (False, True):
            try:
                block = aead.decrypt(_nonce(prefix, index), sealed, header + (b"\x01" if last else b"\x00"))
                break
            except InvalidTag:
                continue
        else:
            if index == 0:
                raise SealError(
                    "The passphrase does not open {name} (or the file was altered); nothing was changed.", name=name
                )
            raise SealError("{name} was altered after it was sealed; nothing was changed.", name=name)
        out.write(block)
        if last:
            if src.read(1):
                raise SealError("{name} has data after its end, so it was altered; nothing was changed.", name=name)
            return
        index += 1


@contextmanager
def exported_text(session: Any, path: Path, passphrase: str | None = None) -> Iterator[IO[str]]:
    """An export: text that appears at `path` once `session` commits (`file_on_commit`), sealed as it
    is written when a passphrase is given, so no plain copy of a sealed export is ever on disk."""
    with ExitStack() as stack:
        raw = stack.enter_context(file_on_commit(session, path))
        if passphrase is not None:
            raw = stack.enter_context(sealing(raw, passphrase))
        yield stack.enter_context(text_writer(raw))


def seal_file(src: Path, dst: Path, passphrase: str) -> None:
    """Seal `src` into `dst` (written whole or not at all, mode 0600)."""
    with atomic_binary_file(dst, 0o600) as out, open(src, "rb") as fin:
        seal_stream(fin, out, passphrase)


def unsealed_bytes(src: Path, passphrase: str) -> bytes:
    """The verified content of a sealed file, in memory only (an import file)."""
    out = io.BytesIO()
    try:
        with open(src, "rb") as fin:
            unseal_stream(fin, out, passphrase, name=str(src))
    except OSError as err:
        raise StorageError("Cannot read {path}: {reason}.", path=src, reason=err.strerror or err) from err
    return out.getvalue()


def unseal_into(src: Path, passphrase: str, target: Path) -> Path:
    """The verified content of a sealed file written to `target`, which must be in a private work
    folder (files.work_folder) that start-up sweeps: a plain copy is never left anywhere else."""
    try:
        with (
            open(src, "rb") as fin,
            os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out,
        ):
            unseal_stream(fin, out, passphrase, name=str(src))
            crash_point("unseal:written")
    except OSError as err:
        raise StorageError("Cannot read {path}: {reason}.", path=src, reason=err.strerror or err) from err
    return target
