"""Patient transfer between clinics: site IDs, other clinics' staff, MRNs of other clinics

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07

- `clinic_profile.site_id`: this clinic's site ID (issue 14 item 6), six characters made here for a
  clinic profile that exists already, and by the services when a profile is first saved.
- `staff.site_id`: "" for this clinic's own staff (every existing row), another clinic's site ID for
  its staff who arrive with a transferred patient: they cannot sign in and are not offered in lists.
- `site_id` on the patient and every patient-owned table: the site the row was created at, ""
  (this clinic) for every existing row; `synced_version`: the version the row had when it last
  travelled between clinics (0, never, for every existing row).
- `merge_conflict`: records changed at both clinics, kept for a person to resolve (none yet).
- `patient_identifier`: MRNs other clinics gave a transferred patient (none yet).

The site ID's alphabet is written out here rather than imported, so a later change cannot change
what this migration makes.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SITE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
# The patient and the tables it owns, as at this revision.
PATIENT_TABLES = (
    'patient', 'diagnostic_finding', 'screening', 'workup', 'workup_event', 'assessment', 'alert', 'medication',
    'lab_result', 'milestone', 'therapy_plan', 'therapy_session', 'referral', 'referral_event', 'enrollment',
    'enrollment_event', 'enrollment_mark', 'clinical_note', 'worklist_dismissal', 'allergy', 'niv_setting',
    'gastrostomy_setting', 'advance_care_plan',
)


def upgrade() -> None:
    # Plain ADD COLUMNs: staff is referred to by other tables, which a batch copy on SQLite breaks.
    op.add_column('clinic_profile', sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''))
    op.add_column('staff', sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''))
    for table in PATIENT_TABLES:
        op.add_column(table, sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''))
        op.add_column(table, sa.Column('synced_version', sa.Integer(), nullable=False, server_default='0'))
    op.create_table(
        'patient_identifier',
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('issuer_site', sa.String(length=8), nullable=False),
        sa.Column('mrn', sa.String(length=40), nullable=False),
        sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''),
        sa.Column('synced_version', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_patient_identifier_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_patient_identifier')),
    )
    op.create_index(op.f('ix_patient_identifier_patient_id'), 'patient_identifier', ['patient_id'], unique=False)
    op.create_table(
        'merge_conflict',
        sa.Column('table_name', sa.String(length=60), nullable=False),
        sa.Column('record_id', sa.Uuid(), nullable=False),
        sa.Column('patient_id', sa.Uuid(), nullable=False),
        sa.Column('local_values', sa.Text(), nullable=False),
        sa.Column('incoming_values', sa.Text(), nullable=False),
        sa.Column('incoming_site', sa.String(length=8), nullable=False),
        sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            'kept',
            sa.Enum('', 'local', 'incoming', name='conflict_kept', native_enum=False, create_constraint=True, length=8),
            nullable=False,
        ),
        sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('resolved_by', sa.String(length=64), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['patient_id'], ['patient.id'], name=op.f('fk_merge_conflict_patient_id_patient'), ondelete='RESTRICT'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_conflict')),
    )
    op.create_index(op.f('ix_merge_conflict_patient_id'), 'merge_conflict', ['patient_id'], unique=False)
    op.create_index(op.f('ix_merge_conflict_record_id'), 'merge_conflict', ['record_id'], unique=False)
    profile = sa.table('clinic_profile', sa.column('id', sa.Uuid), sa.column('site_id', sa.String))
    conn = op.get_bind()
    for pid in conn.execute(sa.select(profile.c.id)).scalars().all():
        site = ''.join(secrets.choice(SITE_ALPHABET) for _ in range(6))
        conn.execute(profile.update().where(profile.c.id == pid).values(site_id=site))


def downgrade() -> None:
    op.drop_index(op.f('ix_merge_conflict_record_id'), table_name='merge_conflict')
    op.drop_index(op.f('ix_merge_conflict_patient_id'), table_name='merge_conflict')
    op.drop_table('merge_conflict')
    op.drop_index(op.f('ix_patient_identifier_patient_id'), table_name='patient_identifier')
    op.drop_table('patient_identifier')
    for table in reversed(PATIENT_TABLES):
        op.drop_column(table, 'synced_version')
        op.drop_column(table, 'site_id')
    op.drop_column('staff', 'site_id')
    op.drop_column('clinic_profile', 'site_id')
