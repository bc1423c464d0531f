"""Medications and therapy plans of deceased patients end on the date of death

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

Before this version, recording a patient as deceased ended nothing: their courses and therapy
plans ran on after the date of death (a summary printed "active riluzole" for a patient who had
died). Entry now ends them (services/death.py); this applies the same rule, once, to what is
already stored. The rule is written out here as it stands today, not imported, so this migration
keeps doing the same thing whatever the services later become:

- a course running on or after the date of death (not stopped, or stopped after it) stops on the
  date of death, reason "Died on YYYY-MM-DD", and has no ALT test due any more; a course begun
  after the date of death (a record entry error) stops on its own first day, the earliest a stop
  can be;
- every active therapy plan of the patient ends, and its sessions scheduled on or after the date
  of death are cancelled; sessions before it stay as they are.

Nothing else changes; courses and plans ended before death are left alone. There is no downgrade
of data: the ends stay (a downgrade only steps the revision back).
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

patient = sa.table(
    'patient',
    sa.column('id', sa.Uuid),
    sa.column('status', sa.String),
    sa.column('death_date', sa.Date),
)
medication = sa.table(
    'medication',
    sa.column('patient_id', sa.Uuid),
    sa.column('started_on', sa.Date),
    sa.column('stopped_on', sa.Date),
    sa.column('stop_reason', sa.String),
    sa.column('alt_due_on', sa.Date),
    sa.column('version', sa.Integer),
    sa.column('updated_at', sa.DateTime(timezone=True)),
)
therapy_plan = sa.table(
    'therapy_plan',
    sa.column('patient_id', sa.Uuid),
    sa.column('active', sa.Boolean),
    sa.column('version', sa.Integer),
    sa.column('updated_at', sa.DateTime(timezone=True)),
)
therapy_session = sa.table(
    'therapy_session',
    sa.column('patient_id', sa.Uuid),
    sa.column('scheduled_on', sa.Date),
    sa.column('status', sa.String),
    sa.column('version', sa.Integer),
    sa.column('updated_at', sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC)
    deceased = conn.execute(
        sa.select(patient.c.id, patient.c.death_date).where(
            patient.c.status == 'deceased', patient.c.death_date.is_not(None)
        )
    ).all()
    for pid, death in deceased:
        reason = f"Died on {death.isoformat()}"
        m = medication.c
        running = sa.or_(m.stopped_on.is_(None), m.stopped_on > death)
        ended = {'stop_reason': reason, 'alt_due_on': None, 'version': m.version + 1, 'updated_at': now}
        conn.execute(
            sa.update(medication)
            .where(m.patient_id == pid, running, m.started_on <= death)
            .values(stopped_on=death, **ended)
        )
        conn.execute(
            sa.update(medication)
            .where(m.patient_id == pid, m.started_on > death, sa.or_(m.stopped_on.is_(None), m.stopped_on > m.started_on))
            .values(stopped_on=m.started_on, **ended)
        )
        t = therapy_plan.c
        conn.execute(
            sa.update(therapy_plan)
            .where(t.patient_id == pid, t.active.is_(True))
            .values(active=False, version=t.version + 1, updated_at=now)
        )
        s = therapy_session.c
        conn.execute(
            sa.update(therapy_session)
            .where(s.patient_id == pid, s.status == 'scheduled', s.scheduled_on >= death)
            .values(status='cancelled', version=s.version + 1, updated_at=now)
        )


def downgrade() -> None:
    pass  # the ends are facts now; stepping the revision back keeps them
