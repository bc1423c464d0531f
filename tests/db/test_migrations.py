"""Migrations: one head, upgrade/downgrade round trip, and models matching the DDL, on each backend."""

import re

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


def test_upgrade_gives_the_shipped_drugs_chinese_purposes_and_facts(db) -> None:  # type: ignore[no-untyped-def]
    """Shipped drugs get their Chinese purpose and facts; a clinic's own drug, or facts the clinic
    reworded in English, keep '' (a shipped translation would say something else)."""
    from alsdesk.services import catalogs

    shipped = {d["code"]: d for d in catalogs.load_resource("drugs.json")}
    riluzole = shipped["riluzole"]
    with db.write() as s:
        catalogs.save_drug(session=s, code="trial_x", name="Trial drug X", purpose="study", approval="investigational")
        catalogs.save_drug(
            session=s,
            code="riluzole",
            name=riluzole["name"],
            purpose=riluzole["purpose"],
            approval=riluzole["approval"],
            facts="Our own riluzole note.",
        )
    schema.downgrade(db.engine, "0009")
    with db.engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("drug")}
    assert not columns & {"purpose_zh", "facts_zh"}
    schema.upgrade(db.engine)
    with db.write() as s:  # as opening the clinic does: texts shipped after 0010 get their Chinese here
        catalogs.sync_catalogs(session=s)
    with db.read() as s:
        drugs = {d.code: d for d in catalogs.drugs(session=s)}
        pairs = set(catalogs.chinese_names(session=s))
    assert drugs["trial_x"].purpose_zh == "" and drugs["trial_x"].facts_zh == ""
    assert drugs["riluzole"].purpose_zh == riluzole["purpose_zh"] != "" and drugs["riluzole"].facts_zh == ""
    others = [code for code in shipped if code != "riluzole"]
    assert {c: drugs[c].purpose_zh for c in others} == {c: shipped[c]["purpose_zh"] for c in others}
    assert {c: drugs[c].facts_zh for c in others} == {c: shipped[c]["facts_zh"] for c in others}
    assert drugs["amx0035"].facts_zh.startswith("3期临床试验PHOENIX") and "2024年4月4日" in drugs["amx0035"].facts_zh
    assert (shipped["amx0035"]["facts"], shipped["amx0035"]["facts_zh"]) in pairs
    with db.engine.connect() as conn:
        assert schema_drift(conn) == []


def test_upgrade_gives_the_shipped_drugs_chinese_default_doses(db) -> None:  # type: ignore[no-untyped-def]
    """Shipped drugs get their Chinese default dose; a clinic's own drug, or a default dose the clinic
    changed in English, keep '' (a blank dose then stores the English one)."""
    from alsdesk.services import catalogs

    shipped = {d["code"]: d for d in catalogs.load_resource("drugs.json")}
    baclofen = shipped["baclofen"]
    with db.write() as s:
        catalogs.save_drug(
            session=s, code="trial_x", name="Trial drug X", purpose="study", approval="approved", default_dose="1 mg"
        )
        catalogs.save_drug(
            session=s,
            code="baclofen",
            name=baclofen["name"],
            purpose=baclofen["purpose"],
            approval=baclofen["approval"],
            default_dose="10 mg three times daily",
        )
    schema.downgrade(db.engine, "0009")
    with db.engine.connect() as conn:
        assert "default_dose_zh" not in {c["name"] for c in sa.inspect(conn).get_columns("drug")}
    schema.upgrade(db.engine)
    with db.write() as s:  # as opening the clinic does: texts shipped after 0010 get their Chinese here
        catalogs.sync_catalogs(session=s)
    with db.read() as s:
        drugs = {d.code: d for d in catalogs.drugs(session=s)}
    assert drugs["trial_x"].default_dose_zh == "" and drugs["baclofen"].default_dose_zh == ""
    others = [code for code in shipped if code != "baclofen"]
    assert {c: drugs[c].default_dose_zh for c in others} == {c: shipped[c]["default_dose_zh"] for c in others}
    assert drugs["riluzole"].default_dose_zh == "50 mg，每日两次" and drugs["amx0035"].default_dose_zh == ""
    with db.engine.connect() as conn:
        assert schema_drift(conn) == []


def test_every_shipped_default_dose_has_a_chinese_one_with_the_same_numbers() -> None:
    from alsdesk.services import catalogs

    for d in catalogs.load_resource("drugs.json"):
        assert bool(d["default_dose_zh"]) == bool(d["default_dose"]), d["code"]
        assert sorted(re.findall(r"\d+", d["default_dose_zh"])) == sorted(re.findall(r"\d+", d["default_dose"])), d[
            "code"
        ]
        assert ("mg" in d["default_dose_zh"]) == ("mg" in d["default_dose"]), d["code"]


def test_every_shipped_drug_has_a_chinese_purpose_and_facts_where_it_has_english_ones() -> None:
    from alsdesk.services import catalogs

    for d in catalogs.load_resource("drugs.json"):
        assert bool(d["purpose_zh"]) == bool(d["purpose"]), d["code"]
        assert bool(d["facts_zh"]) == bool(d["facts"]), d["code"]
