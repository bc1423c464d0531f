"""Structured doses: amount, unit, route, frequency, regimen and a note in place of the dose text

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

`medication.dose` (free text, in whatever language it was typed) becomes `dose_amount`,
`dose_unit`, `dose_route`, `dose_frequency`, `dose_regimen` and `dose_note`, so a document prints
the dose in its own language. Each existing dose is read here:
- a default dose the catalog shipped (English or Chinese) becomes the structured dose it says,
  regimen included (edaravone's cycles, tofersen's loading doses);
- text that reads wholly as an amount with its unit, then a route and a frequency in either order
  ("50 mg twice daily", "50 mg by mouth bd", "50 mg，每日两次") becomes those fields;
- anything else is kept whole as the note, with the structured fields empty: nothing is lost.
The reading rules are written out here rather than imported from services.doses, so a later
change there cannot change what this migration stores. The downgrade writes each dose back as
English text (the note alone where nothing was structured).
"""

import math
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (amount, unit, route, frequency, regimen) of each default dose text shipped up to this revision.
_RILUZOLE = (50.0, 'mg', 'oral', 'twice_daily', '')
_EDARAVONE_IV = (60.0, 'mg', 'iv', 'once_daily', 'edaravone_cycles')
_EDARAVONE_ORAL = (105.0, 'mg', 'oral', 'morning_fasting', 'edaravone_cycles')
_TOFERSEN = (100.0, 'mg', 'intrathecal', 'every_28_days', 'tofersen_loading')
SHIPPED = {
    '50 mg twice daily': _RILUZOLE,
    '50 mg，每日两次': _RILUZOLE,
    '60 mg IV; cycles 14 days on / 14 off, then 10 of 14 days': _EDARAVONE_IV,
    '60 mg IV over 60 minutes, daily; cycle 1: 14 days on, 14 off; later cycles: 10 days within 14, then 14 off':
        _EDARAVONE_IV,
    '60 mg 静脉滴注60分钟，每日一次；第1个疗程：用药14天，停药14天；此后每个疗程：14天内用药10天，再停药14天': _EDARAVONE_IV,
    '105 mg; cycles 14 days on / 14 off, then 10 of 14 days': _EDARAVONE_ORAL,
    '105 mg (5 mL) by mouth each morning, fasting (nothing to eat overnight and for 1 hour after); cycle 1: 14 days '
    'on, 14 off; later cycles: 10 days within 14, then 14 off': _EDARAVONE_ORAL,
    '105 mg（5 mL）每日早晨空腹口服（前一晚起禁食，服药后1小时内不进食）；第1个疗程：用药14天，停药14天；此后每个疗程：'
    '14天内用药10天，再停药14天': _EDARAVONE_ORAL,
    '100 mg intrathecal; 3 loading doses 14 days apart, then every 28 days': _TOFERSEN,
    '100 mg 鞘内注射；先给予3次负荷剂量，每次间隔14天，此后每28天一次': _TOFERSEN,
    '5 mg three times daily, titrate': (5.0, 'mg', 'oral', 'three_times_daily', 'titrate'),
    '5 mg，每日三次，逐步调整剂量': (5.0, 'mg', 'oral', 'three_times_daily', 'titrate'),
    '2 mg at night, titrate': (2.0, 'mg', 'oral', 'at_night', 'titrate'),
    '2 mg，每晚一次，逐步调整剂量': (2.0, 'mg', 'oral', 'at_night', 'titrate'),
    '25 mg daily, titrate': (25.0, 'mg', 'oral', 'once_daily', 'titrate'),
    '25 mg，每日一次，逐步调整剂量': (25.0, 'mg', 'oral', 'once_daily', 'titrate'),
    '1 mg three times daily': (1.0, 'mg', 'oral', 'three_times_daily', ''),
    '1 mg，每日三次': (1.0, 'mg', 'oral', 'three_times_daily', ''),
    '10 mg at night': (10.0, 'mg', 'oral', 'at_night', ''),
    '10 mg，每晚一次': (10.0, 'mg', 'oral', 'at_night', ''),
    '300 mg at night': (300.0, 'mg', 'oral', 'at_night', ''),
    '300 mg，每晚一次': (300.0, 'mg', 'oral', 'at_night', ''),
}

UNITS = {
    'mg': ('mg', '毫克'),
    'mcg': ('mcg', 'µg', 'μg', 'ug', '微克'),
    'g': ('g', '克'),
    'mL': ('ml', '毫升'),
    'drop': ('drops', 'drop', '滴'),
    'unit': ('units', 'unit', 'iu', 'u', '单位'),
    'tablet': ('tablets', 'tablet', 'tabs', 'tab', '片'),
    'capsule': ('capsules', 'capsule', 'caps', 'cap', '粒', '胶囊'),
}
ROUTES = {
    'oral': ('by mouth', 'orally', 'oral', 'po', 'p.o.', '口服'),
    'iv': ('iv infusion', 'intravenously', 'intravenous', 'iv', '静脉滴注', '静脉注射', '静脉'),
    'intrathecal': ('intrathecal injection', 'intrathecally', 'intrathecal', '鞘内注射', '鞘内'),
    'sublingual': ('under the tongue', 'sublingually', 'sublingual', 'sl', '舌下含服', '舌下'),
    'feeding_tube': ('via feeding tube', 'via gastrostomy', 'via peg', 'via tube', '经胃造瘘管', '经胃管', '鼻饲'),
    'subcutaneous': ('subcutaneous injection', 'subcutaneously', 'subcutaneous', 'sc', '皮下注射'),
    'intramuscular': ('intramuscular injection', 'intramuscularly', 'intramuscular', 'im', '肌内注射', '肌注'),
}
FREQUENCIES = {
    'once_daily': ('once a day', 'once daily', 'daily', 'od', 'qd', '每日一次', '每天一次', '每日1次', '一日一次'),
    'twice_daily': ('twice a day', 'twice daily', 'bd', 'bid', 'b.d.', '每日两次', '每天两次', '每日2次', '一日两次', '每日二次'),
    'three_times_daily': (
        'three times a day', 'three times daily', 'tds', 'tid', 't.d.s.', '每日三次', '每天三次', '每日3次', '一日三次',
    ),
    'four_times_daily': ('four times a day', 'four times daily', 'qds', 'qid', '每日四次', '每天四次', '每日4次'),
    'up_to_four_times_daily': ('up to four times a day', 'up to four times daily', '每日最多四次'),
    'at_night': ('at night', 'at bedtime', 'nightly', 'nocte', '每晚一次', '每晚', '睡前'),
    'every_28_days': ('every 28 days', 'every four weeks', '每28天一次', '每28天'),
    'as_needed': ('when needed', 'as needed', 'prn', '必要时'),
}
SEPARATORS = ' \t,，;；、'


def _phrases(words):
    return sorted(((w, code) for code, ws in words.items() for w in ws), key=lambda p: -len(p[0]))


def _take(text, at, phrases):
    for phrase, code in phrases:
        end = at + len(phrase)
        latin_end = phrase[-1].isascii() and phrase[-1].isalpha()
        if text.startswith(phrase, at) and not (
            latin_end and end < len(text) and text[end].isascii() and text[end].isalpha()
        ):
            return code, end
    return None


def parse(text):
    """(amount, unit, route, frequency, regimen) that `text` says, or None."""
    text = text.strip()
    if text in SHIPPED:
        return SHIPPED[text]
    s = text.lower()
    at = 0
    while at < len(s) and (s[at].isdigit() or s[at] == '.'):
        at += 1
    try:
        amount = float(s[:at])
    except ValueError:
        return None
    if not (math.isfinite(amount) and 0 < amount <= 100_000):
        return None
    while at < len(s) and s[at] == ' ':
        at += 1
    unit = _take(s, at, _phrases(UNITS))
    if unit is None:
        return None
    found = {'unit': unit[0]}
    at = unit[1]
    while True:
        while at < len(s) and s[at] in SEPARATORS:
            at += 1
        if at == len(s):
            break
        for field, words in (('route', ROUTES), ('frequency', FREQUENCIES)):
            taken = None if field in found else _take(s, at, _phrases(words))
            if taken is not None:
                found[field], at = taken
                break
        else:
            return None
    return amount, found['unit'], found.get('route', ''), found.get('frequency', ''), ''


def _columns():
    return (
    sa.Column('dose_amount', sa.Float(), nullable=True),
    sa.Column('dose_unit', sa.String(length=20), nullable=False, server_default=''),
    sa.Column('dose_route', sa.String(length=30), nullable=False, server_default=''),
    sa.Column('dose_frequency', sa.String(length=30), nullable=False, server_default=''),
    sa.Column('dose_regimen', sa.String(length=30), nullable=False, server_default=''),
    sa.Column('dose_note', sa.String(length=200), nullable=False, server_default=''),
    )
FIELDS = ('dose_amount', 'dose_unit', 'dose_route', 'dose_frequency', 'dose_regimen')


def _table(*names):
    return sa.table('medication', sa.column('id', sa.Uuid), *(sa.column(n) for n in names))


def upgrade() -> None:
    # Plain ADD COLUMNs, as revision 0016 does: no batch copy of the table is needed.
    for column in _columns():
        op.add_column('medication', column)
    conn = op.get_bind()
    medication = _table('dose', *FIELDS, 'dose_note')
    rows = conn.execute(sa.select(medication.c.id, medication.c.dose)).all()
    changes = []
    for mid, dose in rows:
        parsed = parse(dose or '')
        values = dict(zip(FIELDS, parsed, strict=True)) if parsed else {'dose_note': (dose or '').strip()}
        changes.append({'mid': mid, 'dose_amount': None, 'dose_unit': '', 'dose_route': '', 'dose_frequency': '',
                        'dose_regimen': '', 'dose_note': '', **values})
    if changes:
        conn.execute(
            medication.update()
            .where(medication.c.id == sa.bindparam('mid'))
            .values({name: sa.bindparam(name) for name in (*FIELDS, 'dose_note')}),
            changes,
        )
    op.drop_column('medication', 'dose')


# English words of each code, for the downgrade's dose text (as the version that wrote them said it).
WORDS = {
    'oral': 'by mouth', 'iv': 'IV infusion', 'intrathecal': 'intrathecal injection', 'sublingual': 'under the tongue',
    'feeding_tube': 'via feeding tube', 'subcutaneous': 'subcutaneous injection',
    'intramuscular': 'intramuscular injection', 'once_daily': 'once a day', 'twice_daily': 'twice a day',
    'three_times_daily': 'three times a day', 'four_times_daily': 'four times a day',
    'up_to_four_times_daily': 'up to four times a day', 'at_night': 'at night',
    'morning_fasting': 'each morning, fasting (nothing to eat overnight and for 1 hour after)',
    'every_28_days': 'every 28 days', 'as_needed': 'when needed',
    'edaravone_cycles': 'cycle 1: daily for 14 days, then 14 days off; later cycles: 10 days within 14, then 14 days off',
    'tofersen_loading': 'starting with 3 loading doses 14 days apart', 'titrate': 'adjust the dose step by step',
    'drop': 'drops', 'unit': 'units', 'tablet': 'tablets', 'capsule': 'capsules',
}


def _english(amount, unit, route, frequency, regimen, note):
    head = ''
    if amount is not None:
        head = f"{amount:.4f}".rstrip('0').rstrip('.') + ' ' + WORDS.get(unit, unit)
    head = ' '.join(p for p in (head, WORDS.get(route, ''), WORDS.get(frequency, '')) if p)
    text = '; '.join(p for p in (head, WORDS.get(regimen, ''), note) if p)
    return (text or 'as directed')[:200]


def downgrade() -> None:
    op.add_column('medication', sa.Column('dose', sa.String(length=200), nullable=False, server_default=''))
    conn = op.get_bind()
    medication = _table('dose', *FIELDS, 'dose_note')
    rows = conn.execute(sa.select(medication.c.id, *(medication.c[n] for n in (*FIELDS, 'dose_note')))).all()
    if rows:
        conn.execute(
            medication.update().where(medication.c.id == sa.bindparam('mid')).values(dose=sa.bindparam('text')),
            [{'mid': mid, 'text': _english(*values)} for mid, *values in rows],
        )
    for column in reversed(_columns()):
        op.drop_column('medication', column.name)
