"""Restricted patient records and care teams (break-glass grants live in the audit trail)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restricted', sa.Boolean(), nullable=False, server_default='0'))
    op.create_table(
        'care_team_member',
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_care_team_member_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['staff_id'], ['staff.id'], name=op.f('fk_care_team_member_staff_id_staff'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_care_team_member')),
        sa.UniqueConstraint('patient_id', 'staff_id', name='uq_care_team_member'),
    )
    with op.batch_alter_table('care_team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_team_member_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_team_member_staff_id'), ['staff_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('care_team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_team_member_staff_id'))
        batch_op.drop_index(batch_op.f('ix_care_team_member_patient_id'))
    op.drop_table('care_team_member')
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_column('restricted')
