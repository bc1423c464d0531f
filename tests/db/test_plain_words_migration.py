"""Revision 0019 on a database holding enrollments: the shipped 关节活动度训练 item reads
活动关节的练习 and the respiratory program's shipped instructions are the plain sentence; a
clinic's own wording is left alone; downgrading restores the texts (issue 13 item 8)."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision

OLD_TEXT = (
    "Tick when done. Call the clinic if breathlessness lying flat, morning headaches or daytime sleepiness appear."
)
NEW_TEXT = (
    "Tick when done. Call the clinic if you are short of breath lying flat, wake with a headache, or feel sleepy"
    " in the day."
)
OLD = [{"en": "Range-of-motion exercises", "zh": "关节活动度训练"}, {"en": "Stretching", "zh": "关节活动度训练"}]
NEW = [{"en": "Range-of-motion exercises", "zh": "活动关节的练习"}, {"en": "Stretching", "zh": "关节活动度训练"}]


def _rows(engine: sa.Engine) -> list[tuple[list[dict[str, str]], str]]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT items_json, instructions FROM enrollment ORDER BY id").all()
    return [(json.loads(items), text) for items, text in rows]


def test_0019_gives_the_plain_words_and_takes_them_back(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0015", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        schema.upgrade(engine, "0018")
        with engine.begin() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM enrollment ORDER BY id")]
            table = sa.table("enrollment", sa.column("id"), sa.column("items_json"), sa.column("instructions"))
            conn.execute(
                sa.update(table).where(table.c.id == ids[0]).values(items_json=json.dumps(OLD), instructions=OLD_TEXT)
            )
            conn.execute(sa.update(table).where(table.c.id == ids[1]).values(instructions=OLD_TEXT + " Our own."))
        before = _rows(engine)
        schema.upgrade(engine, "0019")
        after = _rows(engine)
        assert after[0] == (NEW, NEW_TEXT)
        assert after[1] == before[1]  # the clinic's own instructions and items: not ours to reword
        schema.downgrade(engine, "0018")
        assert _rows(engine) == before
    finally:
        engine.dispose()
