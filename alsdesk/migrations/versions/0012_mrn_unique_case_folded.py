"""MRNs unique whatever their case, decided by the database

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Two workstations registering "X1" and "x1" at the same moment both passed the services'
case-insensitive check, since neither saw the other's uncommitted row. A unique index on lower(mrn)
lets the database refuse the second. A clinic that already holds MRNs differing only in case is
not upgraded: the refusal lists them with the command that renames one (`alsdesk patient set-mrn`,
which upgrades a database only as far as 0011, schema.BEFORE_MRN_INDEX).
"""

from collections.abc import Sequence
from itertools import groupby

import sqlalchemy as sa
from alembic import op

from alsdesk.storage import schema

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = 'uq_patient_mrn_folded'


def upgrade() -> None:
    patient = sa.table('patient', sa.column('mrn', sa.String))
    folded = sa.func.lower(patient.c.mrn)
    twins = sa.select(folded).group_by(folded).having(sa.func.count() > 1)
    mrns = op.get_bind().execute(sa.select(patient.c.mrn).where(folded.in_(twins))).scalars().all()
    if mrns:
        # Sorted here, not by the server's collation, so both databases list them alike.
        groups = [sorted(group) for _, group in groupby(sorted(mrns, key=str.lower), key=str.lower)]
        raise schema.case_twin_mrns_refused(groups)
    op.create_index(INDEX, 'patient', [sa.text('lower(mrn)')], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name='patient')
