"""Passphrase-sealed files for backups and exports that leave the machine (docs/sealed-format.md).

argon2id turns the passphrase into a 256-bit key; the content is cut into 1 MiB chunks, each
sealed with AES-256-GCM under a nonce made of a random prefix and the chunk's number, with the
header and a last-chunk flag as associated data. So an altered byte, a dropped, reordered or
repeated chunk, a cut-off end or a changed header all fail authentication, and any size of file
is handled in constant memory. Unsealing writes nothing until every chunk has been verified.
"""

from __future__ import annotations

import os
import secrets
import struct
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alsdesk.errors import StorageError
from alsdesk.storage.files import atomic_binary_file

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


def seal_stream(src: IO[bytes], out: IO[bytes], passphrase: str) -> None:
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    header = HEADER.pack(MAGIC, VERSION, TIME_COST, MEMORY_KIB, PARALLELISM, CHUNK, salt, prefix)
    aead = AESGCM(_key(check_passphrase(passphrase), salt, TIME_COST, MEMORY_KIB, PARALLELISM))
    out.write(header)
    index, block = 0, src.read(CHUNK)
    while True:
        following = src.read(CHUNK) if len(block) == CHUNK else b""
        last = not following
        if index >= 2**32 - 1:
            raise StorageError("The file is too large to seal.")
        sealed = aead.encrypt(_nonce(prefix, index), block, header + (b"\x01" if last else b"\x00"))
        out.write(_LEN.pack(len(sealed)) + sealed)
        if last:
            return
        index, block = index + 1, following


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


def seal_file(src: Path, dst: Path, passphrase: str) -> None:
    """Seal `src` into `dst` (written whole or not at all, mode 0600)."""
    with atomic_binary_file(dst, 0o600) as out, open(src, "rb") as fin:
        seal_stream(fin, out, passphrase)


@contextmanager
def unsealed(src: Path, passphrase: str, suffix: str = "") -> Iterator[Path]:
    """The verified content of a sealed file, in a private temporary file removed afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="alsdesk-unsealed-"))  # mode 0700
    target = workdir / f"content{suffix}"
    try:
        try:
            with open(src, "rb") as fin, os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600), "wb") as out:
                unseal_stream(fin, out, passphrase, name=str(src))
        except OSError as err:
            raise StorageError("Cannot read {path}: {reason}.", path=src, reason=err.strerror or err) from err
        yield target
    finally:
        for leftover in workdir.iterdir():
            leftover.unlink(missing_ok=True)
        workdir.rmdir()
