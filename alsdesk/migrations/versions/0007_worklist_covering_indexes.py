"""worklist indexes carry the patient id; patient status index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

The worklist counts each kind's rows of active patients. With patient_id in each (status, date)
index and an index of (status, archived, id) on patient, a count reads indexes only and checks
each row's patient against the small set of inactive patients.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name, table, columns before; each gets patient_id (the workup index the type too, for its join)
INDEXES = (
    ('ix_workup_status_due', 'workup', ['status', 'due_date']),
    ('ix_alert_status_raised', 'alert', ['status', 'raised_on']),
    ('ix_session_status_date', 'therapy_session', ['status', 'scheduled_on']),
    ('ix_referral_status_follow', 'referral', ['status', 'follow_up_on']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.drop_index(name, table_name=table)
        extra = ['type_code'] if table == 'workup' else []
        op.create_index(name, table, [*columns, 'patient_id', *extra], unique=False)
    op.create_index('ix_patient_status', 'patient', ['status', 'archived', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_patient_status', table_name='patient')
    for name, table, columns in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False)
