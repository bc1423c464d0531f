"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('clinic_profile',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('paper_size', sa.Enum('a4', 'letter', name='paper_size', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('logo_png', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_profile'))
    )
    op.create_table('drug',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('approval', sa.Enum('approved', 'investigational', 'withdrawn', 'off_label', name='approval', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('default_dose', sa.String(length=200), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('requires_genetics', sa.String(length=20), nullable=False),
    sa.Column('monitoring', sa.String(length=40), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug')),
    sa.UniqueConstraint('code', name=op.f('uq_drug_code'))
    )
    op.create_table('program_template',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('evidence_level', sa.Enum('guideline', 'expert-consensus', 'investigational', name='evidence_level', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('duration_days', sa.Integer(), nullable=False),
    sa.Column('diet_restrictions', sa.Text(), nullable=False),
    sa.Column('instructions', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('items_json', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('duration_days BETWEEN 1 AND 366', name=op.f('ck_program_template_duration_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_template')),
    sa.UniqueConstraint('code', name=op.f('uq_program_template_code'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_setting_key'))
    )
    op.create_table('staff',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('discipline', sa.Enum('neurology', 'specialist_nursing', 'physiotherapy', 'occupational_therapy', 'speech_language_therapy', 'dietetics', 'respiratory_medicine', 'gastroenterology', 'psychology', 'social_work', 'palliative_care', 'rehabilitation', 'regenerative_medicine', 'genetics_counselling', 'administration', name='discipline', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('role', sa.Enum('administrator', 'clinician', 'coordinator', 'read_only', name='role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_username'))
    )
    op.create_table('workup_type',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('discipline', sa.Enum('neurology', 'specialist_nursing', 'physiotherapy', 'occupational_therapy', 'speech_language_therapy', 'dietetics', 'respiratory_medicine', 'gastroenterology', 'psychology', 'social_work', 'palliative_care', 'rehabilitation', 'regenerative_medicine', 'genetics_counselling', 'administration', name='discipline', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workup_type')),
    sa.UniqueConstraint('code', name=op.f('uq_workup_type_code'))
    )
    op.create_table('patient',
    sa.Column('mrn', sa.String(length=40), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('name_zh', sa.String(length=50), nullable=False),
    sa.Column('sort_key', sa.String(length=250), nullable=False),
    sa.Column('sex', sa.Enum('male', 'female', 'other', 'unknown', name='sex', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('caregiver_name', sa.String(length=200), nullable=False),
    sa.Column('caregiver_phone', sa.String(length=50), nullable=False),
    sa.Column('caregiver_relation', sa.String(length=50), nullable=False),
    sa.Column('language', sa.Enum('en', 'zh_CN', name='language', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.Enum('screening', 'suspected', 'diagnosed', 'palliative', 'deceased', 'discharged', name='patient_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('onset_date', sa.Date(), nullable=True),
    sa.Column('onset_region', sa.Enum('bulbar', 'upper_limb', 'lower_limb', 'respiratory', 'generalised', name='onset_region', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('diagnosis_date', sa.Date(), nullable=True),
    sa.Column('el_escorial', sa.Enum('definite', 'probable', 'probable_lab_supported', 'possible', 'not_met', name='el_escorial', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('awaji_applied', sa.Boolean(), nullable=False),
    sa.Column('gold_coast_met', sa.Boolean(), nullable=True),
    sa.Column('family_history', sa.Boolean(), nullable=True),
    sa.Column('genetics', sa.Enum('C9orf72', 'SOD1', 'TARDBP', 'FUS', 'other', 'negative', 'not_tested', name='genetics', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('death_date', sa.Date(), nullable=True),
    sa.Column('responsible_staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('onset_date IS NULL OR onset_date >= birth_date', name=op.f('ck_patient_onset_after_birth')),
    sa.ForeignKeyConstraint(['responsible_staff_id'], ['staff.id'], name=op.f('fk_patient_responsible_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patient')),
    sa.UniqueConstraint('mrn', name=op.f('uq_patient_mrn'))
    )
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_phone'), ['phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_patient_responsible_staff_id'), ['responsible_staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_patient_sort_key'), ['sort_key'], unique=False)

    op.create_table('alert',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('message', sa.String(length=300), nullable=False),
    sa.Column('source_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('acknowledged_by', sa.Uuid(), nullable=True),
    sa.Column('acknowledged_note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['staff.id'], name=op.f('fk_alert_acknowledged_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_alert_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert'))
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_acknowledged_by'), ['acknowledged_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index('ix_alert_status_raised', ['status', 'raised_on'], unique=False)

    op.create_table('assessment',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('item_1', sa.SmallInteger(), nullable=True),
    sa.Column('item_2', sa.SmallInteger(), nullable=True),
    sa.Column('item_3', sa.SmallInteger(), nullable=True),
    sa.Column('item_4', sa.SmallInteger(), nullable=True),
    sa.Column('item_5a', sa.SmallInteger(), nullable=True),
    sa.Column('item_5b', sa.SmallInteger(), nullable=True),
    sa.Column('item_6', sa.SmallInteger(), nullable=True),
    sa.Column('item_7', sa.SmallInteger(), nullable=True),
    sa.Column('item_8', sa.SmallInteger(), nullable=True),
    sa.Column('item_9', sa.SmallInteger(), nullable=True),
    sa.Column('item_10', sa.SmallInteger(), nullable=True),
    sa.Column('item_11', sa.SmallInteger(), nullable=True),
    sa.Column('item_12', sa.SmallInteger(), nullable=True),
    sa.Column('fvc_percent', sa.Float(), nullable=True),
    sa.Column('snip_cmh2o', sa.Float(), nullable=True),
    sa.Column('spo2_percent', sa.Float(), nullable=True),
    sa.Column('lung_disease', sa.Boolean(), nullable=False),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('height_cm', sa.Float(), nullable=True),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('fvc_percent IS NULL OR fvc_percent BETWEEN 0 AND 200', name=op.f('ck_assessment_fvc_range')),
    sa.CheckConstraint('height_cm IS NULL OR height_cm BETWEEN 50 AND 250', name=op.f('ck_assessment_height_range')),
    sa.CheckConstraint('item_1 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_1_range')),
    sa.CheckConstraint('item_10 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_10_range')),
    sa.CheckConstraint('item_11 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_11_range')),
    sa.CheckConstraint('item_12 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_12_range')),
    sa.CheckConstraint('item_2 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_2_range')),
    sa.CheckConstraint('item_3 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_3_range')),
    sa.CheckConstraint('item_4 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_4_range')),
    sa.CheckConstraint('item_5a BETWEEN 0 AND 4', name=op.f('ck_assessment_item_5a_range')),
    sa.CheckConstraint('item_5a IS NULL OR item_5b IS NULL', name=op.f('ck_assessment_one_of_5a_5b')),
    sa.CheckConstraint('item_5b BETWEEN 0 AND 4', name=op.f('ck_assessment_item_5b_range')),
    sa.CheckConstraint('item_6 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_6_range')),
    sa.CheckConstraint('item_7 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_7_range')),
    sa.CheckConstraint('item_8 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_8_range')),
    sa.CheckConstraint('item_9 BETWEEN 0 AND 4', name=op.f('ck_assessment_item_9_range')),
    sa.CheckConstraint('snip_cmh2o IS NULL OR snip_cmh2o BETWEEN 0 AND 250', name=op.f('ck_assessment_snip_range')),
    sa.CheckConstraint('spo2_percent IS NULL OR spo2_percent BETWEEN 50 AND 100', name=op.f('ck_assessment_spo2_range')),
    sa.CheckConstraint('weight_kg IS NULL OR weight_kg BETWEEN 10 AND 400', name=op.f('ck_assessment_weight_range')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_assessment_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_assessment_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index('ix_assessment_patient_date', ['patient_id', 'assessed_on', 'item_1'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_staff_id'), ['staff_id'], unique=False)

    op.create_table('clinical_note',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('clinical', 'education', 'counselling', 'shared_decision', 'advance_care_plan', name='note_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_clinical_note_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_clinical_note_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinical_note'))
    )
    with op.batch_alter_table('clinical_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinical_note_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clinical_note_staff_id'), ['staff_id'], unique=False)

    op.create_table('diagnostic_finding',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('region', sa.Enum('bulbar', 'cervical', 'thoracic', 'lumbosacral', name='body_region', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('umn', sa.Boolean(), nullable=False),
    sa.Column('lmn', sa.Boolean(), nullable=False),
    sa.Column('emg_lmn', sa.Boolean(), nullable=False),
    sa.Column('examined_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_diagnostic_finding_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic_finding')),
    sa.UniqueConstraint('patient_id', 'region', name='uq_finding_region')
    )
    with op.batch_alter_table('diagnostic_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_finding_patient_id'), ['patient_id'], unique=False)

    op.create_table('enrollment',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('template_code', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('evidence_level', sa.Enum('guideline', 'expert-consensus', 'investigational', name='evidence_level', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('diet_restrictions', sa.Text(), nullable=False),
    sa.Column('instructions', sa.Text(), nullable=False),
    sa.Column('items_json', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('duration_days', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('active', 'completed', 'stopped', name='enrollment_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('sheet_returned_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('duration_days BETWEEN 1 AND 366', name=op.f('ck_enrollment_duration_range')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_enrollment_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment'))
    )
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index('ix_enrollment_status_start', ['status', 'start_date'], unique=False)

    op.create_table('lab_result',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('test', sa.String(length=40), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('upper_limit', sa.Float(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('upper_limit IS NULL OR upper_limit > 0', name=op.f('ck_lab_result_uln_positive')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_lab_result_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lab_result'))
    )
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.create_index('ix_lab_patient_test_date', ['patient_id', 'test', 'taken_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_lab_result_patient_id'), ['patient_id'], unique=False)

    op.create_table('medication',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('drug_code', sa.String(length=40), nullable=False),
    sa.Column('dose', sa.String(length=200), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('stopped_on', sa.Date(), nullable=True),
    sa.Column('stop_reason', sa.String(length=300), nullable=False),
    sa.Column('prescriber_id', sa.Uuid(), nullable=True),
    sa.Column('warning_acknowledged', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('stopped_on IS NULL OR stopped_on >= started_on', name=op.f('ck_medication_stop_after_start')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_medication_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['prescriber_id'], ['staff.id'], name=op.f('fk_medication_prescriber_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medication'))
    )
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.create_index('ix_medication_drug_active', ['drug_code', 'stopped_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_medication_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_medication_prescriber_id'), ['prescriber_id'], unique=False)

    op.create_table('milestone',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('niv', 'gastrostomy', 'tracheostomy', 'wheelchair', 'communication_aid', name='milestone', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_milestone_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_patient_id'), ['patient_id'], unique=False)

    op.create_table('patient_search_key',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=250), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_patient_search_key_patient_id_patient'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patient_search_key'))
    )
    with op.batch_alter_table('patient_search_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_search_key_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index('ix_search_key_key', ['key', 'patient_id'], unique=False)

    op.create_table('referral',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('referral_date', sa.Date(), nullable=False),
    sa.Column('from_specialty', sa.Enum('neurology', 'specialist_nursing', 'physiotherapy', 'occupational_therapy', 'speech_language_therapy', 'dietetics', 'respiratory_medicine', 'gastroenterology', 'psychology', 'social_work', 'palliative_care', 'rehabilitation', 'regenerative_medicine', 'genetics_counselling', 'administration', name='discipline', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('to_specialty', sa.Enum('neurology', 'specialist_nursing', 'physiotherapy', 'occupational_therapy', 'speech_language_therapy', 'dietetics', 'respiratory_medicine', 'gastroenterology', 'psychology', 'social_work', 'palliative_care', 'rehabilitation', 'regenerative_medicine', 'genetics_counselling', 'administration', name='discipline', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('to_facility', sa.String(length=200), nullable=False),
    sa.Column('to_person', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('urgency', sa.Enum('routine', 'urgent', name='urgency', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('requested_service', sa.String(length=300), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'sent', 'received', 'accepted', 'scheduled', 'completed', 'declined', 'cancelled', name='referral_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('appointment_on', sa.Date(), nullable=True),
    sa.Column('reply_on', sa.Date(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_referral_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_referral_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_referral_status_follow', ['status', 'follow_up_on'], unique=False)

    op.create_table('screening',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('screened_on', sa.Date(), nullable=False),
    sa.Column('weakness', sa.Boolean(), nullable=False),
    sa.Column('wasting', sa.Boolean(), nullable=False),
    sa.Column('fasciculations', sa.Boolean(), nullable=False),
    sa.Column('cramps', sa.Boolean(), nullable=False),
    sa.Column('slurred_speech', sa.Boolean(), nullable=False),
    sa.Column('chewing_swallowing', sa.Boolean(), nullable=False),
    sa.Column('tongue_changes', sa.Boolean(), nullable=False),
    sa.Column('family_history', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_screening_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_screening_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening'))
    )
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_staff_id'), ['staff_id'], unique=False)

    op.create_table('therapy_plan',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('discipline', sa.Enum('neurology', 'specialist_nursing', 'physiotherapy', 'occupational_therapy', 'speech_language_therapy', 'dietetics', 'respiratory_medicine', 'gastroenterology', 'psychology', 'social_work', 'palliative_care', 'rehabilitation', 'regenerative_medicine', 'genetics_counselling', 'administration', name='discipline', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('interval_days', sa.Integer(), nullable=False),
    sa.Column('session_count', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('interval_days BETWEEN 1 AND 365', name=op.f('ck_therapy_plan_interval_range')),
    sa.CheckConstraint('session_count BETWEEN 1 AND 200', name=op.f('ck_therapy_plan_count_range')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_therapy_plan_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_therapy_plan_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_therapy_plan'))
    )
    with op.batch_alter_table('therapy_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_therapy_plan_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_therapy_plan_staff_id'), ['staff_id'], unique=False)

    op.create_table('worklist_dismissal',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('item_key', sa.String(length=120), nullable=False),
    sa.Column('dismissed_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_worklist_dismissal_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_worklist_dismissal_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_worklist_dismissal')),
    sa.UniqueConstraint('item_key', name=op.f('uq_worklist_dismissal_item_key'))
    )
    with op.batch_alter_table('worklist_dismissal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worklist_dismissal_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_worklist_dismissal_staff_id'), ['staff_id'], unique=False)

    op.create_table('workup',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('type_code', sa.String(length=40), nullable=False),
    sa.Column('status', sa.Enum('planned', 'ordered', 'scheduled', 'performed', 'resulted', 'reviewed', 'cancelled', name='workup_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('ordered_on', sa.Date(), nullable=True),
    sa.Column('scheduled_for', sa.Date(), nullable=True),
    sa.Column('performed_on', sa.Date(), nullable=True),
    sa.Column('resulted_on', sa.Date(), nullable=True),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('interpretation', sa.Text(), nullable=False),
    sa.Column('reviewer_id', sa.Uuid(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_workup_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['staff.id'], name=op.f('fk_workup_reviewer_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workup'))
    )
    with op.batch_alter_table('workup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workup_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workup_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_index('ix_workup_status_due', ['status', 'due_date'], unique=False)

    op.create_table('enrollment_mark',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('enrollment_id', sa.Uuid(), nullable=False),
    sa.Column('item_index', sa.Integer(), nullable=False),
    sa.Column('day_index', sa.Integer(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('item_index >= 0 AND day_index >= 0', name=op.f('ck_enrollment_mark_index_nonnegative')),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollment.id'], name=op.f('fk_enrollment_mark_enrollment_id_enrollment')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_enrollment_mark_patient_id_patient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_mark')),
    sa.UniqueConstraint('enrollment_id', 'item_index', 'day_index', name='uq_mark_cell')
    )
    with op.batch_alter_table('enrollment_mark', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_mark_enrollment_id'), ['enrollment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_mark_patient_id'), ['patient_id'], unique=False)

    op.create_table('referral_event',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('referral_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_referral_event_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_event_referral_id_referral')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_referral_event_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event'))
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_event_referral_id'), ['referral_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_event_staff_id'), ['staff_id'], unique=False)

    op.create_table('therapy_session',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('scheduled_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('scheduled', 'attended', 'missed', 'cancelled', name='session_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_therapy_session_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['plan_id'], ['therapy_plan.id'], name=op.f('fk_therapy_session_plan_id_therapy_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_therapy_session'))
    )
    with op.batch_alter_table('therapy_session', schema=None) as batch_op:
        batch_op.create_index('ix_session_status_date', ['status', 'scheduled_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_therapy_session_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_therapy_session_plan_id'), ['plan_id'], unique=False)

    op.create_table('workup_event',
    sa.Column('patient_id', sa.Uuid(), nullable=False),
    sa.Column('workup_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_workup_event_patient_id_patient'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_workup_event_staff_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workup_id'], ['workup.id'], name=op.f('fk_workup_event_workup_id_workup')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workup_event'))
    )
    with op.batch_alter_table('workup_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workup_event_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workup_event_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workup_event_workup_id'), ['workup_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workup_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workup_event_workup_id'))
        batch_op.drop_index(batch_op.f('ix_workup_event_staff_id'))
        batch_op.drop_index(batch_op.f('ix_workup_event_patient_id'))

    op.drop_table('workup_event')
    with op.batch_alter_table('therapy_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_therapy_session_plan_id'))
        batch_op.drop_index(batch_op.f('ix_therapy_session_patient_id'))
        batch_op.drop_index('ix_session_status_date')

    op.drop_table('therapy_session')
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_event_staff_id'))
        batch_op.drop_index(batch_op.f('ix_referral_event_referral_id'))
        batch_op.drop_index(batch_op.f('ix_referral_event_patient_id'))

    op.drop_table('referral_event')
    with op.batch_alter_table('enrollment_mark', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_mark_patient_id'))
        batch_op.drop_index(batch_op.f('ix_enrollment_mark_enrollment_id'))

    op.drop_table('enrollment_mark')
    with op.batch_alter_table('workup', schema=None) as batch_op:
        batch_op.drop_index('ix_workup_status_due')
        batch_op.drop_index(batch_op.f('ix_workup_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_workup_patient_id'))

    op.drop_table('workup')
    with op.batch_alter_table('worklist_dismissal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_worklist_dismissal_staff_id'))
        batch_op.drop_index(batch_op.f('ix_worklist_dismissal_patient_id'))

    op.drop_table('worklist_dismissal')
    with op.batch_alter_table('therapy_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_therapy_plan_staff_id'))
        batch_op.drop_index(batch_op.f('ix_therapy_plan_patient_id'))

    op.drop_table('therapy_plan')
    with op.batch_alter_table('screening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_staff_id'))
        batch_op.drop_index(batch_op.f('ix_screening_patient_id'))

    op.drop_table('screening')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_status_follow')
        batch_op.drop_index(batch_op.f('ix_referral_staff_id'))
        batch_op.drop_index(batch_op.f('ix_referral_patient_id'))

    op.drop_table('referral')
    with op.batch_alter_table('patient_search_key', schema=None) as batch_op:
        batch_op.drop_index('ix_search_key_key')
        batch_op.drop_index(batch_op.f('ix_patient_search_key_patient_id'))

    op.drop_table('patient_search_key')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_patient_id'))

    op.drop_table('milestone')
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_medication_prescriber_id'))
        batch_op.drop_index(batch_op.f('ix_medication_patient_id'))
        batch_op.drop_index('ix_medication_drug_active')

    op.drop_table('medication')
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_result_patient_id'))
        batch_op.drop_index('ix_lab_patient_test_date')

    op.drop_table('lab_result')
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.drop_index('ix_enrollment_status_start')
        batch_op.drop_index(batch_op.f('ix_enrollment_patient_id'))

    op.drop_table('enrollment')
    with op.batch_alter_table('diagnostic_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_finding_patient_id'))

    op.drop_table('diagnostic_finding')
    with op.batch_alter_table('clinical_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinical_note_staff_id'))
        batch_op.drop_index(batch_op.f('ix_clinical_note_patient_id'))

    op.drop_table('clinical_note')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_staff_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_patient_id'))
        batch_op.drop_index('ix_assessment_patient_date')

    op.drop_table('assessment')
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_status_raised')
        batch_op.drop_index(batch_op.f('ix_alert_patient_id'))
        batch_op.drop_index(batch_op.f('ix_alert_acknowledged_by'))

    op.drop_table('alert')
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patient_sort_key'))
        batch_op.drop_index(batch_op.f('ix_patient_responsible_staff_id'))
        batch_op.drop_index(batch_op.f('ix_patient_phone'))

    op.drop_table('patient')
    op.drop_table('workup_type')
    op.drop_table('staff')
    op.drop_table('setting')
    op.drop_table('program_template')
    op.drop_table('drug')
    op.drop_table('clinic_profile')
