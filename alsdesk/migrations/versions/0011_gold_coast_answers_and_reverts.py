"""Gold Coast answers kept; reasons on lifecycle events; care program enrollment events

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

The Findings dialog's two answers that are not per-region findings (progressive motor impairment,
other diseases excluded) were never stored, so reopening it showed them unticked and a save turned
the diagnosis to "not met". A patient whose criteria were met had both answered yes (the criteria
need both), so those rows get yes; the others stay unanswered (NULL).

A mistaken lifecycle step is reverted by a new event that says why (`reason`), never by deleting
the earlier one. Enrollments get the event table workups and referrals have; existing ones get the
events their state implies (enrolled when created, ended when last changed). The rule is written
out here rather than imported from services.programs, so a later change to the service cannot change
what this migration does on a clinic that upgrades late.
"""

from collections.abc import Sequence

import uuid

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gold_coast_progressive', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('gold_coast_mimics_excluded', sa.Boolean(), nullable=True))
    patient = sa.table(
        'patient',
        sa.column('gold_coast_met', sa.Boolean),
        sa.column('gold_coast_progressive', sa.Boolean),
        sa.column('gold_coast_mimics_excluded', sa.Boolean),
    )
    op.execute(
        patient.update()
        .where(patient.c.gold_coast_met.is_(True))
        .values(gold_coast_progressive=True, gold_coast_mimics_excluded=True)
    )
    for table in ('workup_event', 'referral_event'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('reason', sa.Text(), nullable=False, server_default=''))
    op.create_table(
        'enrollment_event',
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('enrollment_id', sa.Uuid(), nullable=False),
        sa.Column('from_status', sa.String(length=20), nullable=True),
        sa.Column('to_status', sa.String(length=20), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_enrollment_event_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['enrollment_id'], ['enrollment.id'], name=op.f('fk_enrollment_event_enrollment_id_enrollment')
        ),
        sa.ForeignKeyConstraint(
            ['staff_id'], ['staff.id'], name=op.f('fk_enrollment_event_staff_id_staff'), ondelete='SET NULL'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_event')),
    )
    with op.batch_alter_table('enrollment_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_event_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_event_enrollment_id'), ['enrollment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_event_staff_id'), ['staff_id'], unique=False)
    _imply_enrollment_events()


def _imply_enrollment_events() -> None:
    enrollment = sa.table(
        'enrollment',
        sa.column('id', sa.Uuid),
        sa.column('patient_id', sa.Uuid),
        sa.column('status', sa.String),
        sa.column('created_at', sa.DateTime(timezone=True)),
        sa.column('updated_at', sa.DateTime(timezone=True)),
    )
    event = sa.table(
        'enrollment_event',
        *(
            sa.column(name, kind)
            for name, kind in (
                ('id', sa.Uuid),
                ('created_at', sa.DateTime(timezone=True)),
                ('updated_at', sa.DateTime(timezone=True)),
                ('version', sa.Integer),
                ('patient_id', sa.Uuid),
                ('enrollment_id', sa.Uuid),
                ('from_status', sa.String),
                ('to_status', sa.String),
                ('at', sa.DateTime(timezone=True)),
                ('staff_id', sa.Uuid),
                ('reason', sa.Text),
            )
        ),
    )
    conn = op.get_bind()
    events = []
    for e in conn.execute(sa.select(enrollment)):
        steps = [(None, 'active', e.created_at)] + ([('active', e.status, e.updated_at)] if e.status != 'active' else [])
        events += [
            dict(id=uuid.uuid5(e.id, new), created_at=at, updated_at=at, version=1, patient_id=e.patient_id,
                 enrollment_id=e.id, from_status=old, to_status=new, at=at, staff_id=None, reason='')
            for old, new, at in steps
        ]
    if events:
        conn.execute(event.insert(), events)


def downgrade() -> None:
    with op.batch_alter_table('enrollment_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_event_staff_id'))
        batch_op.drop_index(batch_op.f('ix_enrollment_event_enrollment_id'))
        batch_op.drop_index(batch_op.f('ix_enrollment_event_patient_id'))
    op.drop_table('enrollment_event')
    for table in ('referral_event', 'workup_event'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('reason')
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_column('gold_coast_mimics_excluded')
        batch_op.drop_column('gold_coast_progressive')
