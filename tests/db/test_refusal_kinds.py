"""Each way a SQLite file is refused has its own error class, so the start-up screen can tell
which help to offer (a backup only for damage); none of them changes the file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from alsdesk.errors import DatabaseDamaged, DatabaseTooNew, ForeignDatabase, StorageError
from alsdesk.storage import open_database


def truncated(template: Path, path: Path) -> None:
    data = template.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def header_only(template: Path, path: Path) -> None:
    path.write_bytes(template.read_bytes()[:10])


def zeroed_pages(template: Path, path: Path) -> None:
    data = bytearray(template.read_bytes())
    for offset in range(2 * 4096, len(data), 4096):
        data[offset + 8 : offset + 40] = bytes(32)
    path.write_bytes(bytes(data))


def text_file(template: Path, path: Path) -> None:
    path.write_text("shopping list\n" * 100)


def newer(template: Path, path: Path) -> None:
    shutil.copy(template, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def foreign(template: Path, path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (truncated, DatabaseDamaged),
        (header_only, DatabaseDamaged),
        (zeroed_pages, DatabaseDamaged),
        (text_file, DatabaseDamaged),
        (newer, DatabaseTooNew),
        (foreign, ForeignDatabase),
    ],
)
def test_refusal_has_its_own_class_and_leaves_the_file(
    template_db: Path, tmp_path: Path, make: Callable[[Path, Path], None], kind: type[StorageError]
) -> None:
    path = tmp_path / "clinic.sqlite3"
    make(template_db, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{path}")
    assert type(caught.value) is kind, caught.value
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()  # nothing was backed up (or upgraded) from it
    wal = tmp_path / "clinic.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # a read-only WAL reader may leave an empty one
