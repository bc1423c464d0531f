"""Chinese names for drugs in the catalog

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

Existing databases get the Chinese names of the shipped drugs (by code, only where still empty),
as a new one gets them from resources/catalog/drugs.json. The names are written out here rather
than read from that file, so this revision does the same thing whatever the catalog holds later.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMES_ZH = {
    'riluzole': '利鲁唑',
    'edaravone_iv': '依达拉奉注射液',
    'edaravone_oral': '依达拉奉口服混悬液',
    'tofersen': '托夫生（Qalsody）',
    'amx0035': 'AMX0035（苯丁酸钠/牛磺熊去氧胆酸）',
    'dm_quinidine': '右美沙芬/奎尼丁',
    'baclofen': '巴氯芬',
    'tizanidine': '替扎尼定',
    'dantrolene': '丹曲林',
    'glycopyrronium': '格隆溴铵',
    'amitriptyline': '阿米替林',
    'atropine_drops': '1%阿托品滴剂（舌下）',
    'botulinum_toxin': '肉毒毒素（唾液腺注射）',
    'gabapentin': '加巴喷丁',
}


def upgrade() -> None:
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_zh', sa.String(length=200), nullable=False, server_default=''))
    drug = sa.table('drug', sa.column('code', sa.String), sa.column('name_zh', sa.String))
    for code, name in NAMES_ZH.items():
        op.execute(drug.update().where(drug.c.code == code, drug.c.name_zh == '').values(name_zh=name))


def downgrade() -> None:
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.drop_column('name_zh')
