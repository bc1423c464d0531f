"""Revision 0017 on a database of revision 0016 holding courses with doses as people typed them
(English, Chinese, shorthand, the catalog's shipped texts, odd text): each dose that reads as one
becomes its fields, anything else stays whole as the note; the downgrade writes text back."""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa

from alsdesk.storage import schema
from tests.db.old_schema import at_revision

# Typed dose -> (amount, unit, route, frequency, regimen, note) after the upgrade.
DOSES = {
    "50 mg twice daily": (50.0, "mg", "oral", "twice_daily", "", ""),  # riluzole's shipped default
    "50 mg，每日两次": (50.0, "mg", "oral", "twice_daily", "", ""),  # and its Chinese
    "50 mg bd": (50.0, "mg", "", "twice_daily", "", ""),
    "50mg po BD": (50.0, "mg", "oral", "twice_daily", "", ""),
    "100 mg intrathecal": (100.0, "mg", "intrathecal", "", "", ""),
    "100 mg 鞘内注射": (100.0, "mg", "intrathecal", "", "", ""),
    "100 mg intrathecal; 3 loading doses 14 days apart, then every 28 days": (
        100.0,
        "mg",
        "intrathecal",
        "every_28_days",
        "tofersen_loading",
        "",
    ),
    "60 mg IV; cycles 14 days on / 14 off, then 10 of 14 days": (
        60.0,
        "mg",
        "iv",
        "once_daily",
        "edaravone_cycles",
        "",
    ),  # edaravone IV as an older catalog shipped it
    "10 mg，每日三次": (10.0, "mg", "", "three_times_daily", "", ""),
    "300毫克 睡前": (300.0, "mg", "", "at_night", "", ""),
    "2 tabs nocte": (2.0, "tablet", "", "at_night", "", ""),
    "0.5 mg od": (0.5, "mg", "", "once_daily", "", ""),
    # Not a dose this reads: kept whole, nothing structured.
    "1-2 drops sublingually up to four times daily": (
        None,
        "",
        "",
        "",
        "",
        "1-2 drops sublingually up to four times daily",
    ),
    "per specialist": (None, "", "", "", "", "per specialist"),
    "遵专科医生医嘱": (None, "", "", "", "", "遵专科医生医嘱"),
    "50 mg twice daily with food": (None, "", "", "", "", "50 mg twice daily with food"),
    "twice daily 50 mg": (None, "", "", "", "", "twice daily 50 mg"),
    "0 mg daily": (None, "", "", "", "", "0 mg daily"),
    "  as directed ": (None, "", "", "", "", "as directed"),
}


def key(value: object) -> str:
    """A row's id as one text on both backends (SQLite returns 32 hex digits, PostgreSQL a UUID)."""
    return uuid.UUID(str(value)).hex


FIELDS = "dose_amount, dose_unit, dose_route, dose_frequency, dose_regimen, dose_note"


def test_0017_reads_each_dose_it_can_and_keeps_the_rest_as_the_note(db_url: str, tmp_path: Path) -> None:
    url = at_revision("0016", db_url, tmp_path)
    engine = sa.create_engine(url)
    typed = list(DOSES)
    try:
        with engine.begin() as conn:
            assert schema.current_revision(conn) == "0016"
            # Each typed dose on a course of its own, copied from one of the fixture's.
            medication = sa.Table(
                "medication", sa.MetaData(), sa.Column("id", sa.Uuid, primary_key=True), autoload_with=conn
            )
            template = dict(conn.execute(sa.select(medication).limit(1)).mappings().one())
            others = {key(mid) for mid in conn.execute(sa.select(medication.c.id)).scalars()}
            rows = [uuid.uuid4() for _ in typed]
            conn.execute(
                medication.insert(), [{**template, "id": mid, "dose": d} for mid, d in zip(rows, typed, strict=True)]
            )
            old = {key(mid): dose for mid, dose in conn.execute(sa.text("SELECT id, dose FROM medication"))}
        schema.upgrade(engine)
        with engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = {key(r[0]): tuple(r[1:]) for r in conn.execute(sa.text(f"SELECT id, {FIELDS} FROM medication"))}
            columns = {c["name"] for c in sa.inspect(conn).get_columns("medication")}
        assert "dose" not in columns
        got = {typed[i]: after[key(mid)] for i, mid in enumerate(rows)}
        assert got == DOSES
        # The fixture's own courses (the demo's doses as English text): read, or kept whole as the note.
        assert any(after[mid][0] is not None for mid in others)
        assert all(after[mid][0] is not None or after[mid][5] == old[mid] for mid in others)

        schema.downgrade(engine, "0016")
        with engine.connect() as conn:
            back = dict(conn.execute(sa.text("SELECT id, dose FROM medication")).all())
        back = {key(k): v for k, v in back.items()}
        texts = {typed[i]: back[key(mid)] for i, mid in enumerate(rows)}
        assert texts["50 mg，每日两次"] == "50 mg by mouth twice a day"
        assert texts["2 tabs nocte"] == "2 tablets at night"
        assert texts["100 mg intrathecal; 3 loading doses 14 days apart, then every 28 days"] == (
            "100 mg intrathecal injection every 28 days; starting with 3 loading doses 14 days apart"
        )
        assert texts["per specialist"] == "per specialist" and texts["遵专科医生医嘱"] == "遵专科医生医嘱"
    finally:
        engine.dispose()
