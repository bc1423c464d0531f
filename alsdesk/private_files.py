"""Patient data only its owner may read: files 0600, folders 0700, however they are written.

The umask is the one rule: SQLite creates the database, its journal and every backup itself, so a
mode passed to one helper would not reach them. `private_umask` is called once at start (the CLI's
main, which starts the window too, and the window's own start for scripts that call it directly).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077  # group and others get nothing
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_umask() -> None:
    """Every file and folder this process creates from now on is its owner's alone."""
    os.umask(PRIVATE_UMASK)


def tighten(path: Path, mode: int) -> None:
    """Take group and other access away from an existing file or folder of ours (left by an older
    alsdesk or a copy); others' files and a missing path are left alone."""
    if os.name != "posix":
        return  # Windows: the per-user data folder's ACL already keeps other users out
    try:
        st = path.stat()
    except OSError:
        return
    if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)


def private_folder(path: Path, *, ours: bool = True) -> Path:
    """`path` as a folder only its owner may open: made so if missing, and tightened if it is
    alsdesk's own (`ours`; a folder the user chose keeps its mode)."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if ours:
        tighten(path, FOLDER_MODE)
    return path


def private_database(path: Path, data_dir: Path) -> None:
    """The SQLite file with its journal and WAL only their owner may read; its folder likewise when
    it is alsdesk's data folder `data_dir` (storage.config.data_dir, passed in so this module stays
    below storage) or a new one (a folder the user chose keeps its mode)."""
    private_folder(path.parent, ours=path.parent.resolve() == data_dir.resolve())
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        tighten(part, FILE_MODE)
