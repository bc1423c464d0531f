"""Alerts keep their history; NG42 symptoms at a visit; lung disease is the patient's

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

- `alert.criteria`: what fired an alert (for NIV, every NICE NG42 criterion that fired);
  `alert.closed_reason` and `alert.closed_on`: an alert that closed by itself (its rule no longer
  met when its visit was judged again, or the intervention it asked about now in place). Alerts are
  no longer deleted; existing ones keep their status and get no criteria ("").
- `assessment.symptoms`: the NG42 symptoms of respiratory impairment recorded at a visit, as codes.
- `patient.lung_disease`: known lung disease, which sets the SpO2 line for a blood gas. A patient
  any of whose visits had the old per-visit flag gets it. The per-visit column stays, as history.

The setting `alsfrs_decline_points` (rapid decline as a 4-point fall) is no longer read: rapid
decline is now a rate (services.alerts.rapid_decline_alert). A clinic's stored override of it is
left in the setting table and ignored.

The data rule is written out here rather than imported from services, so a later change to a
service cannot change what this migration does on a clinic that upgrades late.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MRN_INDEX = 'uq_patient_mrn_folded'


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of the patient table on SQLite would lose the expression
    # index on lower(mrn) (revision 0012), which SQLAlchemy cannot reflect.
    op.add_column('patient', sa.Column('lung_disease', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('symptoms', sa.String(length=300), nullable=False, server_default=''))
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('criteria', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('closed_reason', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
    patient = sa.table('patient', sa.column('id', sa.Uuid), sa.column('lung_disease', sa.Boolean))
    assessment = sa.table('assessment', sa.column('patient_id', sa.Uuid), sa.column('lung_disease', sa.Boolean))
    flagged = sa.select(assessment.c.patient_id).where(assessment.c.lung_disease.is_(True))
    op.execute(patient.update().where(patient.c.id.in_(flagged)).values(lung_disease=True))


def downgrade() -> None:
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_column('closed_on')
        batch_op.drop_column('closed_reason')
        batch_op.drop_column('criteria')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('symptoms')
    op.drop_index(MRN_INDEX, table_name='patient')
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_column('lung_disease')
    op.create_index(MRN_INDEX, 'patient', [sa.text('lower(mrn)')], unique=True)
