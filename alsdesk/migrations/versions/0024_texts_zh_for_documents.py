"""Opening hours, address and job titles in Chinese; how to get to the clinic

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07

A Chinese family's handout printed the clinic's opening hours and address and the key worker's
job title as typed, in English (issue 13 item 1: every word of a Chinese document is Chinese). A bilingual
clinic keeps both, as it does for catalog names (0006, 0010):

- `clinic_profile.opening_hours_zh`: the hours in Chinese, beside `opening_hours`.
- `clinic_profile.address_zh`: the address in Chinese, beside `address` (letterheads, the
  appointment letter's place).
- `clinic_profile.getting_here` and `getting_here_zh`: how to get to the clinic (transport,
  parking, a step-free way in), which the appointment letter's Transport line printed as a blank
  line because nothing held it (issue 13 item 7).
- `staff.job_title_zh`: the job title in Chinese, beside `job_title` (loaded with it, in the
  model's deferred "contact" group).

Documents print the text in their own language when it is set, else the other one
(printdata.in_language). "" for every existing row: they print as before.

Plain ADD COLUMNs with a server default, so existing rows need no filling in and SQLite needs no
table copy (a batch copy would break the tables that refer to `staff`, as 0022 notes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ('clinic_profile', 'opening_hours_zh', 300),
    ('clinic_profile', 'address_zh', 500),
    ('clinic_profile', 'getting_here', 500),
    ('clinic_profile', 'getting_here_zh', 500),
    ('staff', 'job_title_zh', 200),
)


def upgrade() -> None:
    for table, column, length in COLUMNS:
        op.add_column(table, sa.Column(column, sa.String(length=length), nullable=False, server_default=''))


def downgrade() -> None:
    for table, column, _ in reversed(COLUMNS):
        op.drop_column(table, column)
