"""Opening the clinic database the way every front end (GUI, CLI) does."""

from __future__ import annotations

from alsdesk.services import audit, catalogs
from alsdesk.storage import Database, open_database, resolve_database_url


def open_clinic(url: str | None = None, *, migrate: bool = True) -> Database:
    """Resolve the URL, open (and if needed upgrade) the database, and add missing catalog entries."""
    db = open_database(resolve_database_url(url), migrate=migrate)
    for factory in db.session_factories:
        audit.install(factory)
    try:
        with db.write() as session:
            catalogs.sync_catalogs(session=session)
    except BaseException:
        db.dispose()
        raise
    return db
