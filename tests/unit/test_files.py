"""The one file pattern (storage/files.py): files that appear only after their commit, journals of
renames that the next open finishes, and a journal that cannot be read refused with its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import StorageError
from alsdesk.storage import files


def _session() -> Session:
    return Session(sa.create_engine("sqlite://"))


def test_a_file_on_commit_appears_only_after_the_commit(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    session = _session()
    with session.begin():
        with files.file_on_commit(session, out) as fh:
            fh.write(b"{}")
        assert not out.exists() and (tmp_path / ".export.json.part").exists()  # written, not yet visible
    assert out.read_bytes() == b"{}" and not (tmp_path / ".export.json.part").exists()
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_file_on_commit_is_removed_when_the_transaction_rolls_back(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    session = _session()
    with pytest.raises(RuntimeError), session.begin():
        with files.file_on_commit(session, out) as fh:
            fh.write(b"%PDF")
        raise RuntimeError("the audit entry could not be written")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_journal_is_finished_by_settle(tmp_path: Path) -> None:
    db = tmp_path / "alsdesk.sqlite3"
    db.write_bytes(b"old")
    new = tmp_path / "new"
    new.write_bytes(b"new")
    aside = tmp_path / "aside"
    moves = [[str(db), str(aside)], [str(new), str(db)]]
    db.rename(aside)  # killed after the first move
    files.journal_path(db).write_text(json.dumps({"what": "restore", "moves": moves}))
    assert files.settle(db) == "restore"
    assert db.read_bytes() == b"new" and aside.read_bytes() == b"old"
    assert not files.journal_path(db).exists() and not new.exists()
    assert files.settle(db) is None  # nothing left to do


def test_a_journal_that_cannot_be_read_is_refused_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "alsdesk.sqlite3"
    db.write_bytes(b"old")
    files.journal_path(db).write_text("{not json")
    with pytest.raises(StorageError, match=r"alsdesk\.sqlite3\.steps.*interrupted change.*Nothing was changed"):
        files.settle(db)
    assert files.journal_path(db).exists() and db.read_bytes() == b"old"


def test_settle_sweeps_work_folders_whose_owner_has_gone_but_not_live_ones(tmp_path: Path) -> None:
    db = tmp_path / "alsdesk.sqlite3"
    dead = files.work_root(db) / "12345-dead"
    dead.mkdir(parents=True)
    (dead / "plain.sqlite3").write_bytes(b"SQLite format 3\x00")
    with files.work_folder(db) as mine:
        (mine / "unsealed.sqlite3").write_bytes(b"x")
        files.settle(db)
        assert mine.exists() and not dead.exists()
    assert not mine.exists()
    assert files.work_root(db).stat().st_mode & 0o777 == 0o700
