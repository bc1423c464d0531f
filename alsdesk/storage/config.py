"""Where the database lives: --database, else ALSDESK_DATABASE_URL, else a file in the data dir."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_FILENAME = "alsdesk.sqlite3"


def data_dir() -> Path:
    """ALSDESK_HOME, else the platform's per-user data directory."""
    home = os.environ.get("ALSDESK_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("alsdesk", appauthor=False))


def resolve_database_url(cli_url: str | None = None) -> str:
    if cli_url:
        return cli_url
    env_url = os.environ.get("ALSDESK_DATABASE_URL")
    if env_url:
        return env_url
    return f"sqlite:///{data_dir() / DEFAULT_FILENAME}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser()


def display_url(url: str) -> str:
    """The URL with any password hidden, for status bars and messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
