"""Migrations: one head, upgrade/downgrade round trip, and models matching the DDL, on each backend."""

import sqlalchemy as sa

from alsdesk.models import Base
from alsdesk.storage import schema
from alsdesk.storage.check import schema_drift


def test_single_head_and_numbered_revisions() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema.alembic_config("sqlite://"))
    assert script.get_heads() == [schema.HEAD]
    assert list(schema.KNOWN_REVISIONS) == sorted(rev.revision for rev in script.walk_revisions())


def test_models_match_the_migrated_tables(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        assert schema_drift(conn) == []


def test_downgrade_to_base_and_upgrade_again(db) -> None:  # type: ignore[no-untyped-def]
    schema.downgrade(db.engine, "base")
    with db.engine.connect() as conn:
        left = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
    assert left == set()
    schema.upgrade(db.engine)
    with db.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert schema.current_revision(conn) == schema.HEAD
        assert schema_drift(conn) == []
