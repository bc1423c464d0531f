"""Every file alsdesk writes follows one pattern, so a crash at any step loses nothing and leaks nothing.

- A single file is written to a temporary name in its destination folder, fsynced, renamed into
  place, and the folder fsynced (`atomic_binary_file`). A file that needs an audit entry (an
  export, a PDF) is renamed into place only once that entry has committed (`file_on_commit`).
- A change of several files (restore, encrypt) first prepares every new file, then writes a
  journal naming the renames, runs them, and removes the journal (`run_renames`). Whoever opens
  the database next finishes an interrupted journal (`settle`) before reading anything.
- Plain copies of an encrypted clinic exist only in memory or in a private (0700) work folder
  beside the database (`work_folder`), which `settle` sweeps once its owner has gone.
- `crash_point(step)` lets the crash tests kill the process at each of these steps.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from alsdesk.errors import StorageError

log = logging.getLogger(__name__)

CRASH_AT = "ALSDESK_TEST_CRASH_AT"  # a step name (`name` or `name#N` for its Nth time): SIGKILL there
CRASH_LOG = "ALSDESK_TEST_CRASH_LOG"  # a file each step reached is appended to (to list the steps)
_reached: dict[str, int] = {}


def crash_point(step: str) -> None:
    """A test hook: the crash tests name a step, and the process kills itself there (no clean-up)."""
    if not (os.environ.get(CRASH_AT) or os.environ.get(CRASH_LOG)):
        return
    _reached[step] = count = _reached.get(step, 0) + 1
    if target := os.environ.get(CRASH_LOG):
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(f"{step}#{count}\n")
    if os.environ.get(CRASH_AT) in (step, f"{step}#{count}"):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on a folder; the rename itself is still atomic
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _part(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def _publish(tmp: Path, path: Path) -> None:
    crash_point("file:before-rename")
    os.replace(tmp, path)
    crash_point("file:after-rename")
    fsync_dir(path.parent)


@contextmanager
def _written(tmp: Path, mode: int) -> Iterator[IO[bytes]]:
    tmp.unlink(missing_ok=True)
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), "wb") as fh:
        yield fh
        crash_point("file:written")
        fh.flush()
        os.fsync(fh.fileno())


def _cannot_write(path: Path, err: OSError) -> StorageError:
    return StorageError("Cannot write {path}: {reason}. Nothing was written.", path=path, reason=err.strerror or err)


@contextmanager
def atomic_binary_file(path: Path, mode: int = 0o600) -> Iterator[IO[bytes]]:
    """A file opened for writing that appears at `path` whole, or not at all.

    `mode` (before the umask) applies from creation: patient data and secrets are never readable by
    others, even in a process that did not call private_files.private_umask."""
    tmp = _part(path)
    try:
        with _written(tmp, mode) as fh:
            yield fh
        _publish(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(path, err) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def text_writer(raw: IO[bytes]) -> Iterator[IO[str]]:
    """UTF-8 text over a binary file that its owner flushes, fsyncs and closes."""
    fh = io.TextIOWrapper(raw, encoding="utf-8")
    yield fh
    fh.flush()
    fh.detach()


@contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    with atomic_binary_file(path) as raw, text_writer(raw) as fh:
        yield fh


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    with atomic_binary_file(path, mode) as fh:
        fh.write(data)


@contextmanager
def file_on_commit(session: Any, path: Path, mode: int = 0o600) -> Iterator[IO[bytes]]:
    """A file that appears at `path` only once `session` (a write session holding its audit entry)
    has committed: written to a temporary name beside it and fsynced; renamed into place just
    after the commit; removed if the session rolls back. So no file exists that the audit trail
    does not name. A crash between the commit and the rename leaves the entry and the hidden
    `.NAME.part` beside `path` (overwritten by the next write of the same name)."""
    from sqlalchemy import event

    tmp = _part(path)
    try:
        with _written(tmp, mode) as fh:
            yield fh
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(path, err) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

    def committed(_session: Any) -> None:
        crash_point("file:committed")
        try:
            _publish(tmp, path)
        except OSError as err:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                "The audit trail records {path}, but it could not be put in place: {reason}.",
                path=path,
                reason=err.strerror or err,
            ) from err

    def rolled_back(_session: Any) -> None:
        tmp.unlink(missing_ok=True)

    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_rollback", rolled_back, once=True)


@contextmanager
def text_on_commit(session: Any, path: Path) -> Iterator[IO[str]]:
    with file_on_commit(session, path) as raw, text_writer(raw) as fh:
        yield fh


# --- several files: a journal of renames, finished by whoever opens the database next --------


def journal_path(db_path: Path) -> Path:
    real = db_path.resolve()
    return real.with_name(real.name + ".steps")


def run_renames(db_path: Path, what: str, moves: list[tuple[Path, Path | None]]) -> None:
    """Apply `moves` (source → destination; None deletes) as one step that a crash cannot split.

    Every source must be complete and fsynced; the last move is the one that makes the change
    visible. The journal is written first; each move is skipped once its source is gone, so
    `settle` can run them again from the start after a crash (no earlier source may reappear before
    the last move). Callers hold `exclusive(db_path)`."""
    journal = journal_path(db_path)
    doc = {"what": what, "moves": [[str(src), str(dst) if dst else None] for src, dst in moves]}
    atomic_write_bytes(journal, json.dumps(doc).encode("utf-8"), 0o600)
    crash_point(f"{what}:journal-written")
    _apply(journal, doc)


def _apply(journal: Path, doc: dict[str, Any]) -> None:
    what = doc["what"]
    folders = {journal.parent}
    for src_text, dst_text in doc["moves"]:
        src = Path(src_text)
        if not os.path.lexists(src):
            continue
        if dst_text is None:
            src.unlink()
        else:
            os.replace(src, dst_text)
            folders.add(Path(dst_text).parent)
        folders.add(src.parent)
        crash_point(f"{what}:moved")
    for folder in folders:
        fsync_dir(folder)
    crash_point(f"{what}:moves-done")
    journal.unlink()
    fsync_dir(journal.parent)


def _finish_journal(db_path: Path) -> str | None:
    journal = journal_path(db_path)
    if not journal.exists():
        return None
    try:
        doc = json.loads(journal.read_text(encoding="utf-8"))
        moves = doc["moves"]
        last = Path(moves[-1][0])
    except (OSError, ValueError, KeyError, IndexError, TypeError) as err:
        raise StorageError(
            "{journal} records an interrupted change of the database but cannot be read ({reason}). "
            "Nothing was changed; keep it and the files beside it for support.",
            journal=journal,
            reason=err,
        ) from err
    if not os.path.lexists(last):  # the last move had been made: only the journal was left
        journal.unlink()
        fsync_dir(journal.parent)
    else:
        try:
            _apply(journal, doc)
        except OSError as err:
            raise StorageError(
                "An interrupted restore or encryption of {path} could not be finished ({reason}); the steps "
                "it needs are in {journal}. Nothing else was changed.",
                path=db_path,
                reason=err.strerror or err,
                journal=journal,
            ) from err
    log.warning("finished an interrupted %s of %s", doc.get("what"), db_path)
    return str(doc.get("what"))


# --- the private work folder beside the database, and the lock that orders multi-file changes ---


def work_root(db_path: Path) -> Path:
    real = db_path.resolve()
    return real.with_name(f".{real.name}.work")


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


@contextmanager
def _locked(lock_file: Path, *, wait: bool) -> Iterator[bool]:
    """An exclusive lock on `lock_file`, released when the process ends however it ends.
    Yields False when `wait` is off and another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: files in use cannot be renamed or deleted there anyway
        yield True
        return
    with open(os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600), "rb") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@contextmanager
def exclusive(db_path: Path) -> Iterator[None]:
    """Held while the database file is replaced: `settle` in another process waits for it."""
    root = _private_dir(work_root(db_path))
    with _locked(root / "lock", wait=True):
        yield


@contextmanager
def work_folder(db_path: Path) -> Iterator[Path]:
    """A private (0700) folder of this process beside the database, on its disk, for files that
    must not be seen elsewhere (a plain copy to seal, an unsealed backup, a copy about to replace
    the database). Removed afterwards; swept by `settle` if the process was killed."""
    root = _private_dir(work_root(db_path))
    with ExitStack() as owned:
        with _locked(root / "lock", wait=True):  # so `settle` never sees it made but not yet owned
            folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
            owned.callback(shutil.rmtree, folder, ignore_errors=True)
            owned.enter_context(_locked(folder / "owner", wait=True))
        yield folder


def settle(db_path: Path) -> str | None:
    """Before the database is read: finish a multi-file change that a crash interrupted, and remove
    the work folders of processes that have gone. Returns the change finished, if any."""
    root = work_root(db_path)
    if not root.is_dir() and not journal_path(db_path).exists():
        return None
    with exclusive(db_path):
        finished = _finish_journal(db_path)
        for folder in root.iterdir():
            if not folder.is_dir():
                continue
            with _locked(folder / "owner", wait=False) as free:
                if free:
                    shutil.rmtree(folder, ignore_errors=True)
                    log.warning("removed the work folder %s left by an interrupted operation", folder)
    return finished


def remove_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
