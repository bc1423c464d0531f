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


def test_upgrade_gives_the_shipped_drugs_their_chinese_names(db) -> None:  # type: ignore[no-untyped-def]
    """A database made before drugs had Chinese names gets them for the shipped drugs, not for its own."""
    from alsdesk.services import catalogs

    with db.write() as s:
        catalogs.save_drug(session=s, code="trial_x", name="Trial drug X", purpose="study", approval="investigational")
    schema.downgrade(db.engine, "0009")
    with db.engine.connect() as conn:
        assert "name_zh" not in {c["name"] for c in sa.inspect(conn).get_columns("drug")}
    schema.upgrade(db.engine)
    with db.read() as s:
        names = {d.code: d.name_zh for d in catalogs.drugs(session=s)}
    assert names["riluzole"] == "利鲁唑" and names["tofersen"].startswith("托夫生")
    assert names["trial_x"] == ""
    shipped = {d["code"]: d["name_zh"] for d in catalogs.load_resource("drugs.json")}
    assert {code: names[code] for code in shipped} == shipped
