"""Patient transfer between clinics: site IDs and other clinics' staff

Revision ID: 0022
Revises: 0019
Create Date: 2026-12-07

- `clinic_profile.site_id`: this clinic's site ID (issue 14 item 6), six characters made here for a
  clinic profile that exists already, and by the services when a profile is first saved.
- `staff.site_id`: "" for this clinic's own staff (every existing row), another clinic's site ID for
  its staff who arrive with a transferred patient: they cannot sign in and are not offered in lists.

The site ID's alphabet is written out here rather than imported, so a later change cannot change
what this migration makes.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SITE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'


def upgrade() -> None:
    # Plain ADD COLUMNs: staff is referred to by other tables, which a batch copy on SQLite breaks.
    op.add_column('clinic_profile', sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''))
    op.add_column('staff', sa.Column('site_id', sa.String(length=8), nullable=False, server_default=''))
    profile = sa.table('clinic_profile', sa.column('id', sa.Uuid), sa.column('site_id', sa.String))
    conn = op.get_bind()
    for pid in conn.execute(sa.select(profile.c.id)).scalars().all():
        site = ''.join(secrets.choice(SITE_ALPHABET) for _ in range(6))
        conn.execute(profile.update().where(profile.c.id == pid).values(site_id=site))


def downgrade() -> None:
    op.drop_column('staff', 'site_id')
    op.drop_column('clinic_profile', 'site_id')
