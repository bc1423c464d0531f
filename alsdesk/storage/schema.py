"""Schema revisions: read them with a plain query, migrate with Alembic only when needed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from alsdesk.errors import DatabaseDamaged, DatabaseTooNew, ForeignDatabase, UpgradeRefused

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


# The revision before 0012's case-folded MRN index: `alsdesk patient set-mrn` upgrades a database
# only this far, so it can rename the MRNs that differ only in case, which 0012 refuses.
BEFORE_MRN_INDEX = "0011"


def case_twin_mrns_refused(groups: list[list[str]]) -> UpgradeRefused:
    """Revision 0012's refusal: MRNs that differ only in case, one line per group with the commands
    that rename all but its first. MRNs only, no names: this is shown before anyone signs in."""
    lines = [
        f"  {' / '.join(group)}: " + "; ".join(f"alsdesk patient set-mrn {mrn} NEW-MRN" for mrn in group[1:])
        for group in groups
    ]
    return UpgradeRefused(
        "The database was not upgraded (nothing was changed): from this version no two patients' MRNs "
        "may differ only in case, and these do:\n{groups}\nGive all but one MRN of each line a new MRN "
        "with the command shown (NEW-MRN being the new one), then open the database again.",
        groups="\n".join(lines),
    )
