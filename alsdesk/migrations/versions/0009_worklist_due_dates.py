"""each riluzole course keeps its next ALT date; covering indexes for reviews and reassessments

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

The worklist counted due liver tests by reading every running course's last ALT result (about
55,000 index seeks at 100k patients, two thirds of the whole screen's time). Each course now
keeps its next ALT date, derived by services.medications whenever a course or an ALT result
changes, and the count reads an index of it. Results awaiting review get a (status, resulted_on)
index, and the patient status index carries the diagnosis date, so both counts read indexes only.

The dates are derived here by the rule as it stood at this revision, written out below (a
migration imports no service: a later rule must not change what this revision does). The app
re-derives every course by today's rule after any upgrade (app.open_clinic).
"""

import itertools
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

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


# The rule of this revision: ALT monthly for 3 months, every 3 months to month 12, then yearly
# from the start date; a test up to 14 days before a date covers it; tests before the start do not.
EARLY_DAYS = 14


def _months_later(d: date, months: int) -> date:
    year, month = divmod(d.month - 1 + months, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(d.year + year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _schedule_months() -> Iterator[int]:
    yield from (1, 2, 3, 6, 9, 12)
    yield from itertools.count(24, 12)


def _next_alt_due(started_on: date, last_alt: date | None) -> date:
    covered = last_alt + timedelta(days=EARLY_DAYS) if last_alt and last_alt >= started_on else started_on
    for months in _schedule_months():
        due = _months_later(started_on, months)
        if due > covered:
            return due
    raise AssertionError("unreachable")


def _derive_alt_due() -> None:
    """Every running course of a monitored drug gets its next ALT date (a course whose drug is not
    in the catalog yet gets it when the catalog adds the drug: services.catalogs.sync_catalogs)."""
    conn = op.get_bind()
    medication = sa.table(
        'medication',
        sa.column('id', sa.Uuid()),
        sa.column('patient_id', sa.Uuid()),
        sa.column('drug_code', sa.String()),
        sa.column('started_on', sa.Date()),
        sa.column('stopped_on', sa.Date()),
        sa.column('alt_due_on', sa.Date()),
    )
    drug = sa.table('drug', sa.column('code', sa.String()), sa.column('monitoring', sa.String()))
    lab = sa.table(
        'lab_result',
        sa.column('patient_id', sa.Uuid()),
        sa.column('test', sa.String()),
        sa.column('taken_on', sa.Date()),
    )
    last_alt = (
        sa.select(sa.func.max(lab.c.taken_on))
        .where(lab.c.patient_id == medication.c.patient_id, lab.c.test == 'ALT')
        .scalar_subquery()
    )
    monitored = sa.select(drug.c.code).where(drug.c.monitoring == 'riluzole_alt')
    rows = conn.execute(
        sa.select(medication.c.id, medication.c.started_on, sa.type_coerce(last_alt, sa.Date())).where(
            medication.c.stopped_on.is_(None), medication.c.drug_code.in_(monitored)
        )
    ).all()
    changed = [{'course': course, 'due': _next_alt_due(started, last)} for course, started, last in rows]
    if changed:
        update = (
            sa.update(medication)
            .where(medication.c.id == sa.bindparam('course'))
            .values(alt_due_on=sa.bindparam('due'))
        )
        conn.execute(update, changed)


def downgrade() -> None:
    op.drop_index('ix_patient_status', table_name='patient')
    op.create_index('ix_patient_status', 'patient', ['status', 'archived', 'id'], unique=False)
    op.drop_index('ix_workup_status_resulted', table_name='workup')
    op.drop_index('ix_medication_alt_due', table_name='medication')
    with op.batch_alter_table('medication', schema=None) as batch_op:
        batch_op.drop_column('alt_due_on')
