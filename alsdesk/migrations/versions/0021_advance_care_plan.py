"""The structured advance-care-plan record

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

`advance_care_plan`: one row per revision of a patient's plan (the highest revision is current;
rows are never changed or deleted): preferences, an advance decision to refuse treatment, the
resuscitation decision, preferred places of care and of death, the person with authority to
decide, and a review date. Notes of the advance-care-plan kind stay notes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLACES = ('home', 'hospice', 'hospital', 'care_home', 'other')


def _choice(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=max(map(len, values)))


def upgrade() -> None:
    op.create_table(
        'advance_care_plan',
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('recorded_on', sa.Date(), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=True),
        sa.Column('preferences', sa.Text(), nullable=False),
        sa.Column('adrt_in_place', sa.Boolean(), nullable=False),
        sa.Column('adrt_refuses', sa.String(length=100), nullable=False),
        sa.Column('adrt_text', sa.String(length=1000), nullable=False),
        sa.Column(
            'resuscitation', _choice('resuscitation', 'not_discussed', 'for_cpr', 'not_for_cpr'), nullable=False
        ),
        sa.Column('resuscitation_on', sa.Date(), nullable=True),
        sa.Column('care_place', _choice('care_place', *PLACES), nullable=True),
        sa.Column('care_place_text', sa.String(length=300), nullable=False),
        sa.Column('death_place', _choice('death_place', *PLACES), nullable=True),
        sa.Column('death_place_text', sa.String(length=300), nullable=False),
        sa.Column('decider', _choice('decider', 'no_one_named', 'lpa_health', 'nominated_person'), nullable=False),
        sa.Column('decider_name', sa.String(length=200), nullable=False),
        sa.Column('decider_relationship', sa.String(length=100), nullable=False),
        sa.Column('decider_phone', sa.String(length=50), nullable=False),
        sa.Column('review_on', sa.Date(), nullable=True),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_advance_care_plan_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['staff_id'], ['staff.id'], name=op.f('fk_advance_care_plan_staff_id_staff'), ondelete='SET NULL'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_advance_care_plan')),
        sa.UniqueConstraint('patient_id', 'revision', name='uq_advance_care_plan_revision'),
    )
    op.create_index(op.f('ix_advance_care_plan_patient_id'), 'advance_care_plan', ['patient_id'], unique=False)
    op.create_index(op.f('ix_advance_care_plan_staff_id'), 'advance_care_plan', ['staff_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_advance_care_plan_staff_id'), table_name='advance_care_plan')
    op.drop_index(op.f('ix_advance_care_plan_patient_id'), table_name='advance_care_plan')
    op.drop_table('advance_care_plan')
