"""Schema revisions: read them with a plain query, migrate with Alembic only when needed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from alsdesk.errors import DatabaseDamaged, DatabaseTooNew, ForeignDatabase

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

# Revisions are numbered "0001", "0002", … and named by their file, so the known list and
# the head can be read without importing Alembic (about 0.4 s of start-up).
KNOWN_REVISIONS: tuple[str, ...] = tuple(
    sorted(p.name[:4] for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
)
HEAD = KNOWN_REVISIONS[-1] if KNOWN_REVISIONS else ""


def current_revision(conn: sa.Connection) -> str | None:
    """The database's revision, None for an empty database; refuses foreign and newer files."""
    tables = set(sa.inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise ForeignDatabase("This database holds tables but is not an alsdesk database; it was not changed.")
        return None
    rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    if not rows and tables == {"alembic_version"}:
        return None  # downgraded to base: as good as empty
    if len(rows) != 1:
        raise DatabaseDamaged("The database's schema version is damaged; restore it from a backup.")
    revision: str = rows[0]
    if revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(
            "This database was made by a newer version of alsdesk (schema {revision}; this "
            "version knows up to {head}). Install the newer alsdesk; the file was not changed.",
            revision=revision,
            head=HEAD,
        )
    return revision


def alembic_config(url: str, connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: sa.Engine, target: str = "head") -> None:
    """Upgrade in one transaction that rolls back whole on failure."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(engine.url.render_as_string(False), conn), target)
    log.info("database upgraded to %s", target)


def downgrade(engine: sa.Engine, target: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(engine.url.render_as_string(False), conn), target)
