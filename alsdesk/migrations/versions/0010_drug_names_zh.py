"""Chinese names, purposes, facts and default doses for drugs in the catalog

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

Existing databases get the Chinese names, purposes, facts and default doses of the shipped drugs (by
code, only where still empty), as a new one gets them from resources/catalog/drugs.json. A purpose,
facts or default dose text is translated only while its English is still the one shipped: a clinic that reworded it keeps
'' rather than a Chinese text saying something else. The texts are written out here rather than
read from that file, so this revision does the same thing whatever the catalog holds later.
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

# code -> (shipped English purpose, its Chinese)
PURPOSES_ZH = {
    'riluzole': ('disease-modifying (standard of care)', '改善病情（标准治疗）'),
    'edaravone_iv': ('disease-modifying', '改善病情'),
    'edaravone_oral': ('disease-modifying', '改善病情'),
    'tofersen': ('SOD1-ALS only', '仅用于SOD1突变型ALS'),
    'amx0035': ('disease-modifying (withdrawn)', '改善病情（已撤市）'),
    'dm_quinidine': ('pseudobulbar affect', '假性延髓情绪（强哭强笑）'),
    'baclofen': ('spasticity', '痉挛'),
    'tizanidine': ('spasticity', '痉挛'),
    'dantrolene': ('spasticity', '痉挛'),
    'glycopyrronium': ('sialorrhoea (antimuscarinic first line)', '流涎（一线抗胆碱能药）'),
    'amitriptyline': ('sialorrhoea (antimuscarinic first line)', '流涎（一线抗胆碱能药）'),
    'atropine_drops': ('sialorrhoea (antimuscarinic first line)', '流涎（一线抗胆碱能药）'),
    'botulinum_toxin': ('sialorrhoea (if antimuscarinics fail)', '流涎（抗胆碱能药无效时）'),
    'gabapentin': ('cramps', '肌肉痛性痉挛'),
}

# code -> (shipped English facts, their Chinese); drugs shipped without facts have none to translate
FACTS_ZH = {
    'riluzole': (
        'Standard of care. Liver monitoring: ALT monthly for the first 3 months, every 3 months for the rest '
        'of the first year, then periodically; stop at ALT >= 5 x ULN; fever: check blood count (EU SmPC).',
        '标准治疗。肝功能监测：前3个月每月查ALT，第一年其余时间每3个月一次，此后定期复查；ALT ≥ 5 × ULN'
        '时停药；出现发热时查血常规（欧盟产品特性概要）。',
    ),
    'edaravone_iv': ('FDA approval 2017 (IV).', '2017年获美国FDA批准（静脉注射剂）。'),
    'edaravone_oral': ('FDA approval 2022 (oral suspension).', '2022年获美国FDA批准（口服混悬液）。'),
    'tofersen': (
        'Only for SOD1-ALS: FDA accelerated approval 25 Apr 2023; EU 2024 under exceptional circumstances.',
        '仅用于SOD1突变型ALS：2023年4月25日获美国FDA加速批准；2024年在欧盟获特殊情况下批准。',
    ),
    'amx0035': (
        'Withdrawn from the US and Canadian markets on 4 Apr 2024 after the PHOENIX phase 3 trial failed.',
        '3期临床试验PHOENIX失败后，已于2024年4月4日撤出美国和加拿大市场。',
    ),
}

# code -> (shipped English default dose, its Chinese); numbers and units as in the English
DEFAULT_DOSES_ZH = {
    'riluzole': ('50 mg twice daily', '50 mg，每日两次'),
    'edaravone_iv': (
        '60 mg IV; cycles 14 days on / 14 off, then 10 of 14 days',
        '60 mg 静脉滴注；疗程：用药14天、停药14天，此后每14天中用药10天',
    ),
    'edaravone_oral': (
        '105 mg; cycles 14 days on / 14 off, then 10 of 14 days',
        '105 mg；疗程：用药14天、停药14天，此后每14天中用药10天',
    ),
    'tofersen': (
        '100 mg intrathecal; 3 loading doses 14 days apart, then every 28 days',
        '100 mg 鞘内注射；先给予3次负荷剂量，每次间隔14天，此后每28天一次',
    ),
    'dm_quinidine': ('20 mg/10 mg once daily for 7 days, then twice daily', '20 mg/10 mg，每日一次，共7天，此后每日两次'),
    'baclofen': ('5 mg three times daily, titrate', '5 mg，每日三次，逐步调整剂量'),
    'tizanidine': ('2 mg at night, titrate', '2 mg，每晚一次，逐步调整剂量'),
    'dantrolene': ('25 mg daily, titrate', '25 mg，每日一次，逐步调整剂量'),
    'glycopyrronium': ('1 mg three times daily', '1 mg，每日三次'),
    'amitriptyline': ('10 mg at night', '10 mg，每晚一次'),
    'atropine_drops': ('1-2 drops sublingually up to four times daily', '1-2滴，舌下含服，每日最多四次'),
    'botulinum_toxin': ('per specialist', '遵专科医生医嘱'),
    'gabapentin': ('300 mg at night', '300 mg，每晚一次'),
}


def upgrade() -> None:
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_zh', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('purpose_zh', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('facts_zh', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(
            sa.Column('default_dose_zh', sa.String(length=200), nullable=False, server_default='')
        )
    drug = sa.table(
        'drug',
        sa.column('code', sa.String),
        sa.column('name_zh', sa.String),
        sa.column('purpose', sa.String),
        sa.column('purpose_zh', sa.String),
        sa.column('facts', sa.Text),
        sa.column('facts_zh', sa.Text),
        sa.column('default_dose', sa.String),
        sa.column('default_dose_zh', sa.String),
    )
    for code, name in NAMES_ZH.items():
        op.execute(drug.update().where(drug.c.code == code, drug.c.name_zh == '').values(name_zh=name))
    # A translation only where the English is still the shipped text (a reworded one says something else).
    for field, translations in (('purpose', PURPOSES_ZH), ('facts', FACTS_ZH), ('default_dose', DEFAULT_DOSES_ZH)):
        english, chinese = drug.c[field], drug.c[f'{field}_zh']
        for code, (en, zh) in translations.items():
            op.execute(drug.update().where(drug.c.code == code, english == en, chinese == '').values({chinese: zh}))


def downgrade() -> None:
    with op.batch_alter_table('drug', schema=None) as batch_op:
        batch_op.drop_column('default_dose_zh')
        batch_op.drop_column('facts_zh')
        batch_op.drop_column('purpose_zh')
        batch_op.drop_column('name_zh')
