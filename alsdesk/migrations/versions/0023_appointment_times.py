"""Appointment times and a workup's place

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07

The family handout and the appointment letter print when and where each coming appointment is
(issue 13 items 2 and 7); until now only the day was recorded. Minimal on purpose:

- `therapy_session.scheduled_time`, `workup.scheduled_time`, `referral.appointment_time`: the
  start time beside the day the row already has (`scheduled_on`, `scheduled_for`,
  `appointment_on`), NULL when none is known (every existing row): a day without a time prints
  as before. No end time or length: nothing prints one.
- `workup.place`: where the test is done (the EMG lab, the imaging department of another
  hospital), "" when not said (every existing row). It is the one appointment whose place cannot
  be worked out: a referral's is its facility (`to_facility`), a therapy session is at this clinic
  (the clinic profile's name and address).

Plain ADD COLUMNs, nullable or with a server default, so existing rows need no filling in and
SQLite needs no table copy (a batch copy would break the tables that refer to these, as 0022
notes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0023'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMES = (('therapy_session', 'scheduled_time'), ('workup', 'scheduled_time'), ('referral', 'appointment_time'))


def upgrade() -> None:
    for table, column in TIMES:
        op.add_column(table, sa.Column(column, sa.Time(), nullable=True))
    op.add_column('workup', sa.Column('place', sa.String(length=120), nullable=False, server_default=''))


def downgrade() -> None:
    op.drop_column('workup', 'place')
    for table, column in reversed(TIMES):
        op.drop_column(table, column)
