"""Revision 0018 on a database holding enrollments: shipped negated checklist items are reworded
positively in templates and enrollments alike, in place (ticks keep their rows), a clinic's own
wording is left alone, the two reading items get their unit; downgrading restores the texts."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision

OLD = [
    {"en": "Weight recorded", "zh": "记录体重"},
    {"en": "No coughing or choking at meals", "zh": "进餐时无呛咳"},
    {"en": "No alcohol", "zh": "不饮酒"},
    {"en": "No sugary drinks", "zh": "不喝含糖饮料"},  # the clinic's own item: not ours to reword
]
NEW = [
    {"en": "Weight recorded", "zh": "记录体重", "reading": "kg"},
    {"en": "Swallowing went smoothly at every meal", "zh": "每餐吞咽顺利"},
    {"en": "Avoided alcohol", "zh": "避免饮酒"},
    {"en": "No sugary drinks", "zh": "不喝含糖饮料"},
]


def _items(engine: sa.Engine, table: str = "enrollment") -> list[list[dict[str, str]]]:
    with engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.exec_driver_sql(f"SELECT items_json FROM {table} ORDER BY id")]


def _add_template(conn: sa.Connection) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    columns = ("code", "name_en", "name_zh", "purpose", "evidence_level", "duration_days", "diet_restrictions")
    columns += ("instructions", "source", "items_json", "active", "id", "created_at", "updated_at", "version")
    values = ("diet", "Diet", "", "", "guideline", 15, "", "", "", json.dumps(OLD), True, uuid.uuid4().hex, now, now, 1)
    table = sa.table("program_template", *[sa.column(c) for c in columns])
    conn.execute(sa.insert(table).values(dict(zip(columns, values, strict=True))))


def test_0018_rewords_negated_items_and_adds_readings(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0015", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        schema.upgrade(engine, "0016")
        with engine.begin() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM enrollment ORDER BY id")]
            assert len(ids) == 2, "the fixture holds two enrollments"
            first = sa.table("enrollment", sa.column("id"), sa.column("items_json"))
            conn.execute(sa.update(first).where(first.c.id == ids[0]).values(items_json=json.dumps(OLD)))
            _add_template(conn)
        untouched = _items(engine)[1]
        schema.upgrade(engine, "0018")
        after = _items(engine)
        assert after[0] == NEW and _items(engine, "program_template") == [NEW]
        # the other enrollment: only its SpO2 item gains its unit, nothing else changes
        assert [{k: v for k, v in i.items() if k != "reading"} for i in after[1]] == untouched
        assert [i.get("reading", "") for i in after[1]] == ["", "%", ""]
        schema.downgrade(engine, "0016")
        assert _items(engine) == [OLD, untouched] and _items(engine, "program_template") == [OLD]
    finally:
        engine.dispose()
