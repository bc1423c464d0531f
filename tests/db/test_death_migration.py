"""Revision 0014 on a database of revision 0012 holding data: a deceased patient's courses and plans
still running after the date of death end on it; everyone else's rows stay as they were."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision

MED = "SELECT id, patient_id, started_on, stopped_on, stop_reason, alt_due_on FROM medication"
PLAN = "SELECT id, patient_id, active FROM therapy_plan"
SESSION = "SELECT id, patient_id, scheduled_on, status FROM therapy_session"


def rows(conn: sa.Connection, sql: str) -> dict[str, tuple]:  # type: ignore[type-arg]
    """Rows by id, values as text (SQLite and PostgreSQL return dates and ids differently)."""
    return {str(r[0]): tuple(None if v is None else str(v) for v in r[1:]) for r in conn.exec_driver_sql(sql)}


def day(value: object) -> date:
    return date.fromisoformat(str(value)[:10])


def test_0014_ends_what_runs_after_a_recorded_death(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0012", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            assert schema.current_revision(conn) == "0012"
            # The patient with a therapy plan dies on the day of its second session (a session before it
            # stays scheduled, the ones from that day are cancelled), with courses set up around it.
            pid, start, interval = conn.exec_driver_sql(
                "SELECT patient_id, start_date, interval_days FROM therapy_plan"
            ).one()
            death = day(start) + timedelta(days=interval)
            conn.execute(
                sa.text("UPDATE patient SET status = 'deceased', death_date = :d WHERE id = :p"),
                {"d": death, "p": pid},
            )
            conn.execute(sa.text("UPDATE therapy_session SET status = 'scheduled' WHERE patient_id = :p"), {"p": pid})
            conn.execute(sa.text("UPDATE therapy_plan SET active = :t WHERE patient_id = :p"), {"t": True, "p": pid})
            others = [r[0] for r in conn.exec_driver_sql("SELECT id FROM medication").all()][:4]
            cases = [
                (death - timedelta(days=60), None, ""),  # running: ends on the date of death
                (death - timedelta(days=60), death + timedelta(days=5), "planned"),  # stopped after: moved
                (death - timedelta(days=60), death - timedelta(days=2), "rash"),  # stopped before: kept
                (death + timedelta(days=3), None, ""),  # begun after death: stops on its first day
            ]
            for mid, (started, stopped, reason) in zip(others, cases, strict=True):
                conn.execute(
                    sa.text(
                        "UPDATE medication SET patient_id = :p, started_on = :s, stopped_on = :e, stop_reason = :r "
                        "WHERE id = :m"
                    ),
                    {"p": pid, "s": started, "e": stopped, "r": reason, "m": mid},
                )
            before = {sql: rows(conn, sql) for sql in (MED, PLAN, SESSION)}
        schema.upgrade(engine)
        with engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = {sql: rows(conn, sql) for sql in (MED, PLAN, SESSION)}
    finally:
        engine.dispose()
    mine = str(pid).replace("-", "")

    def is_mine(row: tuple) -> bool:  # type: ignore[type-arg]
        return str(row[0]).replace("-", "") == mine

    for sql in (MED, PLAN, SESSION):  # nobody else's rows changed
        assert {k: v for k, v in after[sql].items() if not is_mine(v)} == {
            k: v for k, v in before[sql].items() if not is_mine(v)
        }
    died = f"Died on {death}"
    meds = {str(m): after[MED][str(m)][1:] for m in others}
    assert [(day(s), e and day(e), r, due) for s, e, r, due in meds.values()] == [
        (death - timedelta(days=60), death, died, None),
        (death - timedelta(days=60), death, died, None),
        (death - timedelta(days=60), death - timedelta(days=2), "rash", before[MED][str(others[2])][4]),
        (death + timedelta(days=3), death + timedelta(days=3), died, None),
    ]
    assert [v[1] for v in after[PLAN].values() if is_mine(v)] in (["False"], ["0"])
    sessions = sorted((day(v[1]), v[2]) for v in after[SESSION].values() if is_mine(v))
    assert sessions[0] == (death - timedelta(days=interval), "scheduled")
    assert sessions[1:] and all(status == "cancelled" for on, status in sessions[1:])
    assert all(on >= death for on, _ in sessions[1:])
