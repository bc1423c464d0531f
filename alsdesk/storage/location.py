"""Where a SQLite file may live: not on a network share, where its locking is unreliable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "davfs", "glusterfs", "ceph"}


def _mount_table() -> str:
    try:
        return Path("/proc/mounts").read_text()
    except OSError:
        return ""


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type `path` is on, or None for a local disk."""
    if sys.platform == "win32":
        text = str(path)
        if text.startswith("\\\\"):
            return "smb"
        return None
    target = os.path.realpath(path.parent if not path.exists() else path)
    best, fstype = "", None
    for line in (mounts if mounts is not None else _mount_table()).splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, fstype = point, parts[2]
    return fstype if fstype in NETWORK_FS else None
