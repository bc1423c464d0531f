"""Alerts keep their message as data: a template and its values

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

`alert.message_key` and `alert.message_values`: the services/messages.py template an alert's
message was worded from and its values (JSON, in the form alsdesk.i18n.values.encode writes), so the
window and documents word it in their own language without reading the English back. `message`
stays, in English, for the CLI, exports and the audit trail.

Existing alerts get both from their English text, once, here: the templates and the reader below
are a frozen copy of those of this version (services/messages.py and its `parse`, which then went
away), so a later change to a template cannot change what this migration does. A text that no
template matches keeps it whole as its key with no values (shown as it is). A downgrade drops the
two columns.
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GASTROSTOMY = "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review"
# Every alert text this version and the versions before it wrote (services/messages.py of 0014).
TEMPLATES = (
    "FVC {fvc}% predicted; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service",
    "SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service",
    "FVC {fvc}% predicted, SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: "
    "discuss NIV; refer to respiratory service",
    "FVC {fvc}% predicted, down {fall} points since NIV started ({baseline}% on {date}): "
    "respiratory review of NIV settings and hours",
    "SpO2 {spo2}% (below {limit}%, with lung disease): arterial blood gas needed",
    "SpO2 {spo2}% (below {limit}%, no lung disease): arterial blood gas needed",
    _GASTROSTOMY,
    _GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy carries more risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)",
    _GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy carries high risk: decide soon, "
    "consider radiologically inserted gastrostomy (RIG)",
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg): dietitian review",
    "Weight down {loss}% since diagnosis ({baseline} → {weight} kg) on tube feeding: dietitian review of the feed",
    "ALSFRS-R fell {drop} points in {days} ({previous} → {total}, {rate} points/month): rapid decline: review plan",
    "FVC {fvc}% predicted (below {fvc_limit}%): discuss NIV; refer to respiratory service",
    "SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service",
    "FVC {fvc}% predicted (below {fvc_limit}%); SNIP {snip} cmH2O (below {snip_limit}): "
    "discuss NIV; refer to respiratory service",
    _GASTROSTOMY + ". FVC {fvc}% (below {fvc_limit}%): gastrostomy riskier",
    "ALSFRS-R fell {drop} points since the last visit ({previous} → {total}): rapid decline: review plan",
    "ALT {value} is {multiple} × ULN (≥ {limit} ×): stop riluzole",
)
_FIELD = re.compile(r"\\\{(\w+)\\\}")
_DATE = r"\d{4}-\d\d-\d\d"
_VALUE = {"date": _DATE, "days": r"\d+ days?"}  # narrower than "anything", so names with spaces parse


def _pattern(template: str) -> re.Pattern[str]:
    seen: set[str] = set()

    def group(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>{_VALUE.get(name, '.+?')})"

    return re.compile(_FIELD.sub(group, re.escape(template)), re.DOTALL)


# Most literal text first, so a template that is the start of a longer one never wins early.
_PATTERNS = [
    (t, _pattern(t)) for t in sorted(TEMPLATES, key=lambda t: len(re.sub(r"\{\w+\}", "", t)), reverse=True)
]


def as_data(text: str) -> tuple[str, dict[str, object]]:
    """(template, values as alsdesk.i18n.values.encode writes them) of a stored English alert text."""
    for template, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values: dict[str, object] = {}
        for name, value in match.groupdict().items():
            if name == "criteria":  # NIV criteria codes, which English lists as they are
                values[name] = {"codes": [{"code": c.strip(), "shown": c.strip()} for c in value.split(",")]}
            elif name == "days":
                values[name] = {"days": int(value.split()[0])}
            else:
                values[name] = value
        return template, values
    return text, {}


alert = sa.table(
    'alert',
    sa.column('id', sa.Uuid),
    sa.column('message', sa.String),
    sa.column('message_key', sa.String),
    sa.column('message_values', sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_key', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('message_values', sa.Text(), nullable=False, server_default='{}'))
    conn = op.get_bind()
    rows = conn.execute(sa.select(alert.c.id, alert.c.message)).all()
    found: dict[str, tuple[str, str]] = {}  # alerts repeat their texts: each one read once
    changes = []
    for row in rows:
        if row.message not in found:
            key, values = as_data(row.message)
            found[row.message] = key, json.dumps(values, ensure_ascii=False)
        key, data = found[row.message]
        changes.append({'the_id': row.id, 'key': key, 'values': data})
    if changes:
        stmt = (
            alert.update()
            .where(alert.c.id == sa.bindparam('the_id'))
            .values(message_key=sa.bindparam('key'), message_values=sa.bindparam('values'))
        )
        conn.execute(stmt, changes)


def downgrade() -> None:
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_column('message_values')
        batch_op.drop_column('message_key')
