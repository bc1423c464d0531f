"""Where the database lives: --database, else ALSDESK_DATABASE_URL, else a file in the data dir."""

from __future__ import annotations

import ipaddress
import logging
import os
from pathlib import Path

from alsdesk.errors import StorageError

log = logging.getLogger(__name__)

DEFAULT_FILENAME = "alsdesk.sqlite3"

# libpq's sslmode values, weakest first. verify-full checks the certificate and the host name:
# the only one that stops a machine in the middle from reading patient data.
PG_SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
RECOMMENDED_SSLMODE = "verify-full"


def data_dir() -> Path:
    """ALSDESK_HOME, else the platform's per-user data directory."""
    home = os.environ.get("ALSDESK_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("alsdesk", appauthor=False))


def resolve_database_url(cli_url: str | None = None) -> str:
    if cli_url:
        return with_sslmode(checked_url(cli_url))
    env_url = os.environ.get("ALSDESK_DATABASE_URL")
    if env_url:
        return with_sslmode(checked_url(env_url))
    return f"sqlite:///{data_dir() / DEFAULT_FILENAME}"


# The drivers alsdesk ships and is tested with.
DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql+psycopg")


def checked_url(url: str) -> str:
    """`url` when alsdesk can open it; otherwise a refusal in words. A refusal never repeats the
    URL itself: it may hold a password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            "The database URL cannot be read; write sqlite:///FILE or postgresql+psycopg://USER@HOST/NAME."
        ) from None
    if parsed.drivername not in DRIVERS:
        raise StorageError(
            "alsdesk cannot use the database driver {driver}; write sqlite:///FILE or "
            "postgresql+psycopg://USER@HOST/NAME.",
            driver=parsed.drivername,
        )
    path = sqlite_path(url)
    if path is not None and path.is_dir():
        raise StorageError("{path} is a folder; name the database file inside it.", path=path)
    return url


def _is_postgresql(url: str) -> bool:
    return url.startswith("postgresql")


def with_sslmode(url: str) -> str:
    """A PostgreSQL URL with ALSDESK_PG_SSLMODE applied, unless the URL names its own sslmode."""
    wanted = os.environ.get("ALSDESK_PG_SSLMODE", "").strip()
    if not wanted or not _is_postgresql(url):
        return url
    if wanted not in PG_SSLMODES:
        raise StorageError(
            "ALSDESK_PG_SSLMODE={value!r} is not an sslmode; use one of {allowed}.",
            value=wanted,
            allowed=", ".join(PG_SSLMODES),
        )
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if "sslmode" in parsed.query:
        return url
    return parsed.update_query_dict({"sslmode": wanted}).render_as_string(hide_password=False)


def sslmode_of(url: str) -> str | None:
    """The sslmode a PostgreSQL connection will use (URL, else libpq's PGSSLMODE, else libpq's
    default "prefer"); None for SQLite."""
    if not _is_postgresql(url):
        return None
    from sqlalchemy.engine import make_url

    mode = make_url(url).query.get("sslmode")
    if isinstance(mode, tuple):
        mode = mode[-1]
    return mode or os.environ.get("PGSSLMODE") or "prefer"


def _is_loopback(host: str) -> bool:
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True  # a Unix socket or this computer: nothing crosses a network
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def sslmode_warning(url: str) -> str | None:
    """Advice when a PostgreSQL server across the network is reached without verify-full."""
    mode = sslmode_of(url)
    if mode is None or mode == RECOMMENDED_SSLMODE:
        return None
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    hosts = parsed.query.get("host") or parsed.host or os.environ.get("PGHOST", "")
    names = [h for h in ([hosts] if isinstance(hosts, str) else list(hosts)) for h in h.split(",")]
    remote = [h for h in names if not _is_loopback(h)]
    if not remote:
        return None
    return (
        f"sslmode is {mode} for the server {remote[0]}: its certificate and name are not checked, so "
        f"patient data could be read on the way; set sslmode={RECOMMENDED_SSLMODE} "
        "(ALSDESK_PG_SSLMODE or ?sslmode= in the URL)."
    )


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    path = Path(parsed.database).expanduser()
    try:
        path.resolve()
    except (RuntimeError, OSError) as err:  # a loop of symbolic links (RuntimeError before Python 3.13)
        raise StorageError(
            "{path} cannot be used as a database file: its symbolic links form a loop or cannot be followed "
            "({reason}).",
            path=path,
            reason=err,
        ) from None
    return path


def display_url(url: str) -> str:
    """The URL with any password hidden, for status bars and messages (libpq also takes a
    password, or a key's passphrase, as a query parameter)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    secret = {k: "***" for k in parsed.query if k.lower() in ("password", "sslpassword")}
    if secret:
        parsed = parsed.update_query_dict(secret)
    return parsed.render_as_string(hide_password=True).replace("%2A%2A%2A", "***")
