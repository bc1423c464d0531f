"""Checklist items worded positively, and the readings two items ask for

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

A tick means "done": an item worded as a negation ("No coughing or choking at meals") turned
its meaning upside down (issue 13 item 6). The shipped items are reworded in the care program
templates and in every enrollment's own copy, where the stored English is still the shipped
text (a clinic's own wording is left alone); the rows keep their places, so ticks already
entered keep their meaning. "Weight recorded" and "Oxygen saturation measured if a meter is
provided" get the unit of the reading they ask for ("reading": "kg" or "%"), for which the
printed sheet leaves room in each day's box. The texts are written out here rather than read
from resources/catalog/programs.json, so a later change to the catalog cannot change what this
migration stores. No column changes.
"""

import json
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('program_template', 'enrollment')
# shipped English -> (new English, new Chinese), with the shipped Chinese for the way back
REWORDED = {
    'No coughing or choking at meals': ('Swallowing went smoothly at every meal', '每餐吞咽顺利', '进餐时无呛咳'),
    'No MSG or chicken essence': ('Avoided MSG and chicken essence', '避免味精和鸡精', '不食用味精或鸡精'),
    'No soy sauce': ('Avoided soy sauce', '避免酱油', '不食用酱油'),
    'No abalone or mushrooms': ('Avoided abalone and mushrooms', '避免鲍鱼和蘑菇', '不食用鲍鱼或蘑菇'),
    'No alcohol': ('Avoided alcohol', '避免饮酒', '不饮酒'),
}
READINGS = {'Weight recorded': 'kg', 'Oxygen saturation measured if a meter is provided': '%'}


def _upgrade_item(item: dict[str, str]) -> dict[str, str]:
    if item.get('en') in REWORDED:
        en, zh, _old_zh = REWORDED[item['en']]
        item = {**item, 'en': en, 'zh': zh}
    if item.get('en') in READINGS and not item.get('reading'):
        item = {**item, 'reading': READINGS[item['en']]}
    return item


def _downgrade_item(item: dict[str, str]) -> dict[str, str]:
    back = {new_en: (old_en, old_zh) for old_en, (new_en, _zh, old_zh) in REWORDED.items()}
    item = {k: v for k, v in item.items() if k != 'reading'}
    if item.get('en') in back:
        en, zh = back[item['en']]
        item = {**item, 'en': en, 'zh': zh}
    return item


def _rewrite(change: Callable[[dict[str, str]], dict[str, str]]) -> None:
    bind = op.get_bind()
    for name in TABLES:
        table = sa.table(name, sa.column('id'), sa.column('items_json', sa.Text))
        for row_id, items_json in bind.execute(sa.select(table.c.id, table.c.items_json)).all():
            items = json.loads(items_json)
            new = [change(i) for i in items]
            if new != items:
                value = json.dumps(new, ensure_ascii=False)
                bind.execute(sa.update(table).where(table.c.id == row_id).values(items_json=value))


def upgrade() -> None:
    _rewrite(_upgrade_item)


def downgrade() -> None:
    _rewrite(_downgrade_item)
