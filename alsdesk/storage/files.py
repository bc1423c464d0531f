"""Files written whole or not at all: a temporary file, fsynced, then renamed into place."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from alsdesk.errors import StorageError


@contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Cannot write {path}: {err.strerror or err}. Nothing was written.") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o666) -> None:
    """`mode` (before the umask) applies from creation, so a secret is never readable by others."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.unlink(missing_ok=True)
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Cannot write {path}: {err.strerror or err}. Nothing was written.") from err
