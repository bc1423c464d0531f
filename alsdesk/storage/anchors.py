"""The audit chain's anchor: the newest entry (sequence number and MAC) this workstation saw
committed to a database, kept outside that database so deleting the end of the trail, or putting
an older copy of the database in place, can be told from an intact trail.

One small file per database in `audit-anchors/` beside `audit.key` in the data directory, or in
the folder ALSDESK_AUDIT_ANCHORS names (for workstations whose key comes from ALSDESK_AUDIT_KEY
and whose data directory is not kept). A database is known by where it is (the resolved file, or
the PostgreSQL server and database), so a copy put in its place is held to the same anchor.

An anchor only ever records committed entries, so it is at or behind the head of the trail; on
PostgreSQL each workstation keeps its own, and one behind the head only means others wrote since.
Losing the file loses detection, never data: a missing or unreadable anchor is no anchor.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alsdesk.storage.config import data_dir, sqlite_path

log = logging.getLogger(__name__)

ENV = "ALSDESK_AUDIT_ANCHORS"


@dataclass(frozen=True)
class Anchor:
    """An audit entry the trail must still hold: its sequence number and MAC; for a backup's last
    entry (rather than this workstation's anchor), the backup's file name and when it was taken
    (a trail restored since may end before it)."""

    seq: int
    mac: str
    backup: str | None = None
    taken_at: datetime | None = None


def folder() -> Path:
    named = os.environ.get(ENV, "").strip()
    return Path(named).expanduser() if named else data_dir() / "audit-anchors"


def location_of(url: str) -> str:
    """Where a database is, without credentials: its resolved file, or server, port and name."""
    path = sqlite_path(url)
    if path is not None:
        return f"sqlite:{os.path.realpath(path)}"
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    options = parsed.query.get("options") or ""  # a search_path here names another set of tables
    return f"postgresql://{parsed.host or ''}:{parsed.port or 5432}/{parsed.database or ''}?{options}"


def _file(location: str) -> Path:
    return folder() / f"{hashlib.sha256(location.encode('utf-8')).hexdigest()[:32]}.json"


def read(location: str) -> Anchor | None:
    path = _file(location)
    try:
        doc = json.loads(path.read_text("utf-8"))
        if doc.get("location") != location:
            return None
        return Anchor(int(doc["seq"]), str(doc["mac"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        log.warning("audit anchor %s unreadable (%s); treated as none", path, err)
        return None


def _write(location: str, anchor: Anchor) -> None:
    """Written in place, one write of a record whose length never changes for a location (the
    sequence number is padded), so a reader sees the old record or the new one: a rename per
    commit cost more than the commit itself. No fsync: an anchor lost or left behind by a power
    cut only weakens detection, and it is written after the commit, so it never gets ahead."""
    path = _file(location)
    data = json.dumps({"location": location, "seq": f"{anchor.seq:020d}", "mac": anchor.mac}).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)  # at offset 0: the file is opened without truncating
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


def advance(location: str, anchor: Anchor) -> None:
    """Move the anchor forward to a just-committed head (never back: another process on this
    workstation may have committed a later one). A failure only logs: the write has committed."""
    try:
        current = read(location)
        if current is None or anchor.seq > current.seq:
            _write(location, anchor)
    except OSError as err:
        log.warning("audit anchor for %s not written: %s", location, err)


def reset(location: str, anchor: Anchor | None) -> None:
    """Anchor anew (a restore, an accepted rollback) or forget (a new, empty database)."""
    try:
        if anchor is None:
            _file(location).unlink(missing_ok=True)
        else:
            _write(location, anchor)
    except OSError as err:
        log.warning("audit anchor for %s not reset: %s", location, err)
