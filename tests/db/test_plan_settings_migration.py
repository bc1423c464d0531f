"""Revision 0020 on a database of revision 0019 holding data: the NIV and gastrostomy tables appear
empty and nothing else changes; its downgrade takes them away again (then back to the head)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision

TABLES = {"niv_setting", "gastrostomy_setting"}


def test_0020_adds_the_two_tables_empty_and_its_downgrade_removes_them(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0019", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert not TABLES & set(sa.inspect(conn).get_table_names())
            milestones = conn.exec_driver_sql("SELECT count(*) FROM milestone").scalar_one()
        assert milestones, "the fixture holds milestones"
        schema.upgrade(engine, "0020")
        with engine.connect() as conn:
            assert TABLES <= set(sa.inspect(conn).get_table_names())
            assert [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in sorted(TABLES)] == [0, 0]
            assert conn.exec_driver_sql("SELECT count(*) FROM milestone").scalar_one() == milestones
        schema.downgrade(engine, "0019")
        with engine.connect() as conn:
            assert not TABLES & set(sa.inspect(conn).get_table_names())
        schema.upgrade(engine)  # left at the head, as the next test on a shared PostgreSQL database expects
        with engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
    finally:
        engine.dispose()
