"""Migration 0002 (print log): models match the DDL, and it downgrades and upgrades cleanly."""

from __future__ import annotations

import sqlalchemy as sa


def test_print_log_migration_round_trip(tmp_path):
    from alembic import command

    from alsdesk.storage.schema import HEAD, alembic_config

    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    assert HEAD == "0002"
    command.upgrade(alembic_config(url), "head")
    command.check(alembic_config(url))  # raises when the models and the migrated schema differ
    command.downgrade(alembic_config(url), "0001")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert "print_log" not in sa.inspect(conn).get_table_names()
        command.upgrade(alembic_config(url), "head")
        with engine.connect() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("print_log")}
    finally:
        engine.dispose()
    assert {"printed_at", "kind", "patient_id", "patient_mrn", "pages", "destination", "printed_by"} <= columns
