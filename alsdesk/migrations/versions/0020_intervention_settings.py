"""NIV settings and gastrostomy details, with their history

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

Two new tables for the family's NIV plan and gastrostomy plan (issue 13 item 7): `niv_setting`
(mode, IPAP/EPAP, backup rate, mask, overnight and hours a day, machine, supplier's phone) and
`gastrostomy_setting` (tube type and size, day placed, feed, regimen, water flushes, whom to
call). Each change is a new row from its day; nothing existing changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _choice(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=max(map(len, values)))


def _record(table: str, *columns: sa.Column) -> None:
    """A patient-owned table with a staff member, its indexes and the common columns."""
    op.create_table(
        table,
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('set_on', sa.Date(), nullable=False),
        *columns,
        sa.Column('staff_id', sa.Uuid(), nullable=True),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f(f'fk_{table}_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f(f'fk_{table}_staff_id_staff'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{table}')),
    )
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{table}_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f(f'ix_{table}_staff_id'), ['staff_id'], unique=False)


def upgrade() -> None:
    _record(
        'niv_setting',
        sa.Column(
            'mode',
            _choice('niv_mode', 'spontaneous_timed', 'spontaneous', 'pressure_control', 'volume_assured'),
            nullable=False,
        ),
        sa.Column('ipap', sa.Float(), nullable=False),
        sa.Column('epap', sa.Float(), nullable=False),
        sa.Column('backup_rate', sa.Integer(), nullable=True),
        sa.Column('mask', _choice('niv_mask', 'nasal', 'oronasal', 'nasal_pillows', 'full_face'), nullable=False),
        sa.Column('overnight', sa.Boolean(), nullable=False),
        sa.Column('hours_per_day', sa.Integer(), nullable=True),
        sa.Column('machine', sa.String(length=200), nullable=False),
        sa.Column('supplier_phone', sa.String(length=50), nullable=False),
    )
    _record(
        'gastrostomy_setting',
        sa.Column('tube_type', _choice('tube_type', 'peg', 'rig', 'balloon', 'low_profile'), nullable=False),
        sa.Column('tube_size', sa.Integer(), nullable=True),
        sa.Column('placed_on', sa.Date(), nullable=True),
        sa.Column('feed_name', sa.String(length=200), nullable=False),
        sa.Column('feed_volume', sa.Integer(), nullable=True),
        sa.Column('feed_rate', sa.Integer(), nullable=True),
        sa.Column('feed_times', sa.String(length=200), nullable=False),
        sa.Column('flush_volume', sa.Integer(), nullable=True),
        sa.Column('contact_name', sa.String(length=200), nullable=False),
        sa.Column('contact_phone', sa.String(length=50), nullable=False),
    )


def downgrade() -> None:
    for table in ('gastrostomy_setting', 'niv_setting'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_staff_id'))
            batch_op.drop_index(batch_op.f(f'ix_{table}_patient_id'))
        op.drop_table(table)
