"""Files written whole or not at all: a temporary file, fsynced, then renamed into place."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from alsdesk.errors import StorageError


@contextmanager
def atomic_binary_file(path: Path, mode: int = 0o600) -> Iterator[IO[bytes]]:
    """A file opened for writing that appears at `path` whole, or not at all.

    `mode` (before the umask) applies from creation: patient data and secrets are never readable by
    others, even in a process that did not call private_files.private_umask."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.unlink(missing_ok=True)
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            "Cannot write {path}: {reason}. Nothing was written.", path=path, reason=err.strerror or err
        ) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    with atomic_binary_file(path) as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8")
        yield fh
        fh.flush()
        fh.detach()  # the binary file is fsynced and closed by atomic_binary_file


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    with atomic_binary_file(path, mode) as fh:
        fh.write(data)
