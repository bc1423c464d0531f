"""each riluzole course keeps its next ALT date; covering indexes for reviews and reassessments

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

The worklist counted due liver tests by reading every running course's last ALT result (about
55,000 index seeks at 100k patients, two thirds of the whole screen's time). Each course now
keeps its next ALT date, derived by services.medications whenever a course or an ALT result
changes, and the count reads an index of it. Results awaiting review get a (status, resulted_on)
index, and the patient status index carries the diagnosis date, so both counts read indexes only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from alsdesk.services import medications

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.add_column(sa.Column('alt_due_on', sa.Date(), nullable=True))
    _derive_alt_due()
    op.create_index('ix_medication_alt_due', 'medication', ['alt_due_on', 'patient_id'], unique=False)
    op.create_index(
        'ix_workup_status_resulted', 'workup', ['status', 'resulted_on', 'patient_id', 'type_code'], unique=False
    )
    op.drop_index('ix_patient_status', table_name='patient')
    op.create_index('ix_patient_status', 'patient', ['status', 'archived', 'id', 'diagnosis_date'], unique=False)


def _derive_alt_due() -> None:
    """Every course's next ALT date, by the rule the app keeps it with (a course whose drug is not
    in the catalog yet gets it when the catalog adds the drug: services.catalogs.sync_catalogs)."""
    medications.derive_alt_due(Session(bind=op.get_bind()), sa.true())


def downgrade() -> None:
    op.drop_index('ix_patient_status', table_name='patient')
    op.create_index('ix_patient_status', 'patient', ['status', 'archived', 'id'], unique=False)
    op.drop_index('ix_workup_status_resulted', table_name='workup')
    op.drop_index('ix_medication_alt_due', table_name='medication')
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.drop_column('alt_due_on')
