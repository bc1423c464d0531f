"""Revision 0016 on a database of revision 0014 holding data: every referral gets its reference
number ("R-" and the last six hex digits of its ID, upper case) and the search finds it; the new
fields start empty; nothing else changes."""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision


def test_0016_numbers_every_referral_and_leaves_the_rest_empty(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0014", db_url, tmp_path)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            assert schema.current_revision(conn) == "0014"
            before = {str(r[0]): r[1:] for r in conn.exec_driver_sql("SELECT id, status, reason FROM referral")}
        assert before, "the fixture holds referrals"
        schema.upgrade(engine)
        with engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = conn.exec_driver_sql("SELECT id, status, reason, reference FROM referral").all()
            staff = conn.exec_driver_sql("SELECT DISTINCT phone, job_title FROM staff").all()
            patients = conn.exec_driver_sql(
                "SELECT DISTINCT interpreter_needed, gp_name, gp_contact, allergies_checked_on FROM patient"
            ).all()
            allergies = conn.exec_driver_sql("SELECT count(*) FROM allergy").scalar_one()
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("referral")}
    finally:
        engine.dispose()
    assert {str(r[0]): tuple(r[1:3]) for r in after} == before  # the referrals themselves unchanged
    for rid, *_rest, ref in after:
        assert ref == "R-" + uuid.UUID(str(rid)).hex[-6:].upper()
    assert "ix_referral_reference" in indexes
    assert staff == [("", "")]
    assert [(bool(i), g, c, d) for i, g, c, d in patients] == [(False, "", "", None)]
    assert allergies == 0
