"""Contacts and facts a handout and a referral letter need; allergies; referral reference numbers

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

- `clinic_profile`: emergency number, out-of-hours phone, opening hours, and the language of
  letters to clinicians ("en" until the clinic chooses).
- `staff`: phone and job title (empty until entered).
- `patient`: interpreter needed (no), the GP's name and contact (empty), and the day "no known
  allergies" was confirmed (none).
- `allergy`: a new table of allergies and intolerances.
- `referral.reference`: "R-" and the last six hex digits of the referral's ID, upper case,
  indexed; filled here for every existing referral. The rule is written out here rather than
  imported, so a later change to the model cannot change what this migration stores.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('clinic_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emergency_phone', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('out_of_hours_phone', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('opening_hours', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(
            sa.Column(
                'letter_language',
                sa.Enum('en', 'zh_CN', name='letter_language', native_enum=False, create_constraint=True, length=5),
                nullable=False,
                server_default='en',
            )
        )
    # Plain ADD COLUMNs on tables other rows refer to: a batch copy on SQLite drops and renames the
    # table, which their foreign keys refuse; and the patient table's copy would lose the expression
    # index on lower(mrn) (revision 0012), which SQLAlchemy cannot reflect.
    op.add_column('staff', sa.Column('phone', sa.String(length=50), nullable=False, server_default=''))
    op.add_column('staff', sa.Column('job_title', sa.String(length=200), nullable=False, server_default=''))
    op.add_column('patient', sa.Column('interpreter_needed', sa.Boolean(), nullable=False, server_default='0'))
    op.add_column('patient', sa.Column('gp_name', sa.String(length=200), nullable=False, server_default=''))
    op.add_column('patient', sa.Column('gp_contact', sa.String(length=300), nullable=False, server_default=''))
    op.add_column('patient', sa.Column('allergies_checked_on', sa.Date(), nullable=True))
    op.create_table(
        'allergy',
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('substance', sa.String(length=200), nullable=False),
        sa.Column('reaction', sa.String(length=500), nullable=False),
        sa.Column(
            'severity',
            sa.Enum(
                'mild', 'moderate', 'severe', 'unknown',
                name='allergy_severity', native_enum=False, create_constraint=True, length=8,
            ),
            nullable=False,
        ),
        sa.Column(
            'status',
            sa.Enum(
                'active', 'resolved', 'entered_in_error',
                name='allergy_status', native_enum=False, create_constraint=True, length=16,
            ),
            nullable=False,
        ),
        sa.Column('recorded_on', sa.Date(), nullable=False),
        sa.Column('staff_id', sa.Uuid(), nullable=True),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_allergy_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.ForeignKeyConstraint(
            ['staff_id'], ['staff.id'], name=op.f('fk_allergy_staff_id_staff'), ondelete='SET NULL'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_allergy')),
    )
    with op.batch_alter_table('allergy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allergy_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allergy_staff_id'), ['staff_id'], unique=False)

    op.add_column('referral', sa.Column('reference', sa.String(length=8), nullable=False, server_default=''))
    referral = sa.table('referral', sa.column('id', sa.Uuid), sa.column('reference', sa.String))
    conn = op.get_bind()
    ids = conn.execute(sa.select(referral.c.id)).scalars().all()
    if ids:
        conn.execute(
            referral.update().where(referral.c.id == sa.bindparam('rid')).values(reference=sa.bindparam('ref')),
            [{'rid': rid, 'ref': f"R-{rid.hex[-6:].upper()}"} for rid in ids],
        )
    op.create_index(op.f('ix_referral_reference'), 'referral', ['reference'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_referral_reference'), table_name='referral')
    op.drop_column('referral', 'reference')
    with op.batch_alter_table('allergy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_allergy_staff_id'))
        batch_op.drop_index(batch_op.f('ix_allergy_patient_id'))
    op.drop_table('allergy')
    op.drop_column('patient', 'allergies_checked_on')
    op.drop_column('patient', 'gp_contact')
    op.drop_column('patient', 'gp_name')
    op.drop_column('patient', 'interpreter_needed')
    op.drop_column('staff', 'job_title')
    op.drop_column('staff', 'phone')
    with op.batch_alter_table('clinic_profile', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_clinic_profile_letter_language'), type_='check')
        batch_op.drop_column('letter_language')
        batch_op.drop_column('opening_hours')
        batch_op.drop_column('out_of_hours_phone')
        batch_op.drop_column('emergency_phone')
