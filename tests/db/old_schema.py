"""Databases at an earlier schema revision, from the tests/fixtures/schema-<rev>.sqlite3 files."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa

from alsdesk.models import Base
from alsdesk.storage import schema

FIXTURES_DIR = Path(__file__).parents[1] / "fixtures"
FIXTURES = sorted(FIXTURES_DIR.glob("schema-*.sqlite3"))


def revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema-")


def empty_postgresql(pg: sa.Engine) -> None:
    with pg.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def load_into_postgresql(fixture: Path, pg: sa.Engine) -> None:
    """The fixture's rows in an emptied PostgreSQL database migrated to the fixture's revision."""
    empty_postgresql(pg)
    schema.upgrade(pg, revision_of(fixture))
    old = sa.create_engine(f"sqlite:///{fixture}")
    try:
        with old.connect() as src, pg.begin() as dst:
            present = sa.inspect(src)
            for table in Base.metadata.sorted_tables:
                if not present.has_table(table.name):
                    continue
                columns = [c["name"] for c in present.get_columns(table.name)]
                # A column the model has since dropped was text (medication.dose, before revision 0017).
                then = sa.Table(
                    table.name,
                    sa.MetaData(),
                    *[sa.Column(c, table.c[c].type if c in table.c else sa.String()) for c in columns],
                )
                rows = [dict(r._mapping) for r in src.execute(sa.select(then))]
                if rows:
                    dst.execute(then.insert(), rows)
    finally:
        old.dispose()


def at_revision(revision: str, url: str, tmp_path: Path) -> str:
    """A clinic at `revision` holding the fixture's demo rows: a copy of the SQLite fixture, or
    (for a PostgreSQL `url`) that database emptied and loaded. Returns its URL."""
    fixture = FIXTURES_DIR / f"schema-{revision}.sqlite3"
    if url.startswith("sqlite"):
        path = tmp_path / "old.sqlite3"
        shutil.copy(fixture, path)
        return f"sqlite:///{path}"
    pg = sa.create_engine(url)
    try:
        load_into_postgresql(fixture, pg)
    finally:
        pg.dispose()
    return url


def restore_postgresql(url: str) -> None:
    """Leave the shared server as the other tests expect it: empty, at head, catalogs in."""
    from alsdesk.app import open_clinic

    pg = sa.create_engine(url)
    try:
        empty_postgresql(pg)
    finally:
        pg.dispose()
    open_clinic(url).dispose()
