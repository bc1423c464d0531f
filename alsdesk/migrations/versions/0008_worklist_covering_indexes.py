"""worklist indexes carry the patient id; patient status index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27

The worklist counts each kind's rows of active patients. With the patient id (and what the
rule reads) in each (status, date) index and an index of (status, archived, id) on patient, a
count reads indexes only and checks each row's patient against the small set of inactive ones
(about 4x faster at 100k patients).
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name, table, columns before, columns added
INDEXES = (
    ('ix_workup_status_due', 'workup', ['status', 'due_date'], ['patient_id', 'type_code']),
    ('ix_alert_status_raised', 'alert', ['status', 'raised_on'], ['patient_id']),
    ('ix_session_status_date', 'therapy_session', ['status', 'scheduled_on'], ['patient_id']),
    ('ix_referral_status_follow', 'referral', ['status', 'follow_up_on'], ['patient_id']),
    (
        'ix_enrollment_status_start',
        'enrollment',
        ['status', 'start_date'],
        ['sheet_returned_on', 'duration_days', 'patient_id'],
    ),
)


def upgrade() -> None:
    for name, table, columns, added in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [*columns, *added], unique=False)
    op.create_index('ix_patient_status', 'patient', ['status', 'archived', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_patient_status', table_name='patient')
    for name, table, columns, _ in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=False)
