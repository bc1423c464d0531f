"""Plain words in the shipped care programs

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

A family reads a program's items and instructions on the handout and the checklist (issue 13
item 8): 关节活动度训练 becomes 活动关节的练习 (docs/plain-chinese.md), and the respiratory
program's instructions are said in a sentence a grade-6 reader follows. The care program
templates and every enrollment's own copy change where they still hold the shipped text (a
clinic's own wording is left alone). The texts are written out here, not read from
resources/catalog/programs.json, so a later change to the catalog cannot change what this stores.
No column changes.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('program_template', 'enrollment')
ITEM_EN = 'Range-of-motion exercises'
ITEM_ZH = ('关节活动度训练', '活动关节的练习')  # shipped, plain
INSTRUCTIONS = (
    'Tick when done. Call the clinic if breathlessness lying flat, morning headaches or daytime sleepiness appear.',
    'Tick when done. Call the clinic if you are short of breath lying flat, wake with a headache, or feel sleepy'
    ' in the day.',
)


def item_zh(item: dict[str, str], old: str, new: str) -> dict[str, str]:
    return {**item, 'zh': new} if item.get('en') == ITEM_EN and item.get('zh') == old else item


def _rewrite(forward: bool) -> None:
    old_zh, new_zh = ITEM_ZH if forward else ITEM_ZH[::-1]
    old_text, new_text = INSTRUCTIONS if forward else INSTRUCTIONS[::-1]
    bind = op.get_bind()
    for name in TABLES:
        table = sa.table(name, sa.column('id'), sa.column('items_json', sa.Text), sa.column('instructions', sa.Text))
        bind.execute(sa.update(table).where(table.c.instructions == old_text).values(instructions=new_text))
        for row_id, items_json in bind.execute(sa.select(table.c.id, table.c.items_json)).all():
            items = json.loads(items_json)
            new = [item_zh(i, old_zh, new_zh) for i in items]
            if new != items:
                value = json.dumps(new, ensure_ascii=False)
                bind.execute(sa.update(table).where(table.c.id == row_id).values(items_json=value))


def upgrade() -> None:
    _rewrite(forward=True)


def downgrade() -> None:
    _rewrite(forward=False)
