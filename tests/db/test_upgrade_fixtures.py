"""Upgrading databases of every earlier schema revision that hold data, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from alsdesk.models import Drug
from alsdesk.services import alerts
from alsdesk.services.catalogs import load_resource
from alsdesk.services.settings import SPECS
from alsdesk.storage import open_database, schema
from alsdesk.storage.check import schema_drift
from tests.db.old_schema import FIXTURES, load_into_postgresql, restore_postgresql


def test_every_earlier_revision_has_a_fixture() -> None:
    have = {p.stem.removeprefix("schema-") for p in FIXTURES}
    assert have == set(schema.KNOWN_REVISIONS[:-1]), "run tests/fixtures/make_revision_fixtures.py"


def add_drug_catalog(conn: sa.Connection) -> None:
    """The shipped drug catalog, as a clinic's database holds it (the fixtures hold patients only),
    with the columns the old revision has."""
    present = {c["name"] for c in sa.inspect(conn).get_columns("drug")}
    drug = sa.Table(
        "drug", sa.MetaData(), *[sa.Column(c.name, c.type) for c in Drug.__table__.columns if c.name in present]
    )
    now = datetime.now(UTC)
    base = {**dict.fromkeys(present, ""), "created_at": now, "updated_at": now, "version": 1}
    have = set(conn.scalars(sa.select(drug.c.code)))
    entries = [e for e in load_resource("drugs.json") if e["code"] not in have]
    conn.execute(
        drug.insert(), [{**base, "id": uuid.uuid4(), **{k: v for k, v in e.items() if k in present}} for e in entries]
    )


def assert_alt_dates_derived(conn: sa.Connection) -> None:
    """Every running riluzole course holds its next ALT date after the upgrade (revision 0009)."""
    rows = conn.execute(
        sa.text(
            "SELECT m.started_on, m.stopped_on, m.alt_due_on, d.monitoring, "
            "(SELECT max(taken_on) FROM lab_result l WHERE l.patient_id = m.patient_id AND l.test = 'ALT') "
            "FROM medication m JOIN drug d ON d.code = m.drug_code"
        )
    ).all()
    day = sa.Date().dialect_impl(conn.dialect).result_processor(conn.dialect, None) or (
        lambda v: v
    )  # SQLite returns text here
    running = [r for r in rows if r.monitoring == "riluzole_alt" and r.stopped_on is None]
    assert running, "the fixture has a running riluzole course"
    for started, stopped, due, monitoring, last in rows:
        expected = None
        if monitoring == "riluzole_alt" and stopped is None:
            expected = alerts.riluzole_next_alt_due(day(started), day(last) if last else None)
        assert (day(due) if due else None) == expected


def assert_alt_dates_by_todays_rule(conn: sa.Connection) -> None:
    """After app.open_clinic, every running riluzole course holds the date today's rule gives
    (alerts.riluzole_alt_due from the patient's latest ALT), not the one revision 0009 stored."""
    rows = conn.execute(
        sa.text(
            "SELECT m.started_on, m.stopped_on, m.alt_due_on, d.monitoring, l.taken_on, l.value, l.upper_limit "
            "FROM medication m JOIN drug d ON d.code = m.drug_code LEFT JOIN lab_result l ON l.id = ("
            "SELECT l2.id FROM lab_result l2 WHERE l2.patient_id = m.patient_id AND l2.test = 'ALT' "
            "ORDER BY l2.taken_on DESC, l2.value DESC, l2.id LIMIT 1)"
        )
    ).all()
    day = sa.Date().dialect_impl(conn.dialect).result_processor(conn.dialect, None) or (lambda v: v)
    settings = {k: spec.default for k, spec in SPECS.items()}
    for started, stopped, due, monitoring, taken, value, limit in rows:
        expected = None
        if monitoring == "riluzole_alt" and stopped is None:
            last = alerts.AltResult(day(taken), value, limit) if taken else None
            expected = alerts.riluzole_alt_due(day(started), last, settings).due
        assert (day(due) if due else None) == expected


def test_opening_the_clinic_after_an_upgrade_dates_alt_tests_by_todays_rule(tmp_path: Path) -> None:
    """Revision 0009 keeps its own (frozen) rule; the app then re-derives by today's."""
    from alsdesk.app import open_clinic

    fixture = next(p for p in FIXTURES if p.stem == "schema-0008")
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        add_drug_catalog(conn)
        conn.execute(sa.text("UPDATE lab_result SET value = 90, upper_limit = NULL WHERE test = 'ALT'"))
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert_alt_dates_derived(conn)  # what 0009 always did
    db.dispose()
    db = open_clinic(f"sqlite:///{path}", backup_now=False)  # at head already: nothing re-derived
    with db.engine.connect() as conn:
        assert_alt_dates_derived(conn)
    db.dispose()

    shutil.copy(fixture, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        add_drug_catalog(conn)
        conn.execute(sa.text("UPDATE lab_result SET value = 90, upper_limit = NULL WHERE test = 'ALT'"))
    engine.dispose()
    db = open_clinic(f"sqlite:///{path}", backup_now=False)
    with db.engine.connect() as conn:
        assert_alt_dates_by_todays_rule(conn)
        with pytest.raises(AssertionError):  # every ALT raised: the dates are not 0009's any more
            assert_alt_dates_derived(conn)
    db.dispose()


def assert_0011_filled(conn: sa.Connection) -> None:
    """Revision 0011: a patient whose Gold Coast criteria were met answered both questions yes, and
    every enrollment has the events its state implies (enrolled, and ended unless active)."""
    met = conn.execute(
        sa.text("SELECT gold_coast_progressive, gold_coast_mimics_excluded FROM patient WHERE gold_coast_met")
    ).all()
    assert met and all(tuple(r) == (True, True) for r in met)
    rows = conn.execute(
        sa.text(
            "SELECT e.status, (SELECT count(*) FROM enrollment_event v WHERE v.enrollment_id = e.id), "
            "(SELECT count(*) FROM enrollment_event v WHERE v.enrollment_id = e.id AND v.to_status = e.status) "
            "FROM enrollment e"
        )
    ).all()
    # (fixtures 0001-0007 hold enrollments; the later demo data has none at that seed)
    assert all(n == (1 if status == "active" else 2) and last == 1 for status, n, last in rows)


def assert_alt_dates_kept(conn: sa.Connection, fixture: Path) -> None:
    """The ALT dates a fixture's upgrade leaves: 0009's rule for the fixtures written before the
    riluzole rule changed (schema 0013), today's rule (with default settings) for later ones."""
    if fixture.stem < "schema-0013":
        assert_alt_dates_derived(conn)
    else:
        assert_alt_dates_by_todays_rule(conn)


def counts(conn: sa.Connection) -> dict[str, int]:
    names = [n for n in sa.inspect(conn).get_table_names() if n != "alembic_version"]
    return {n: conn.execute(sa.text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_sqlite_upgrade_keeps_every_row(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        add_drug_catalog(conn)
        before = counts(conn)
    engine.dispose()
    assert before["patient"] == 12
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        after = counts(conn)
        assert schema.current_revision(conn) == schema.HEAD
        assert schema_drift(conn) == []
        assert_alt_dates_kept(conn, fixture)
        assert_0011_filled(conn)
    db.dispose()
    assert {t: after[t] for t in before} == before
    assert list((tmp_path / "backups").glob(f"*pre-upgrade-{fixture.stem.removeprefix('schema-')}*"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_postgresql_upgrade_keeps_every_row(fixture: Path, pg_template: str) -> None:
    pg = sa.create_engine(pg_template)
    try:
        load_into_postgresql(fixture, pg)
        with pg.begin() as dst:
            add_drug_catalog(dst)
            before = counts(dst)
        db = open_database(pg_template)
        with db.engine.connect() as conn:
            after = counts(conn)
            assert schema.current_revision(conn) == schema.HEAD
            assert schema_drift(conn) == []
            assert_alt_dates_kept(conn, fixture)
        db.dispose()
        assert {t: after[t] for t in before} == before
    finally:
        pg.dispose()
        restore_postgresql(pg_template)


def flag_one_visit_and_upgrade(conn: sa.Connection) -> str:
    """Give one patient's first visit the old per-visit lung-disease flag; returns that patient's id."""
    visit, pid = conn.execute(sa.text("SELECT id, patient_id FROM assessment ORDER BY id LIMIT 1")).one()
    conn.execute(sa.text("UPDATE assessment SET lung_disease = :yes WHERE id = :v"), {"yes": True, "v": visit})
    return str(pid)


def assert_0013_filled(conn: sa.Connection, flagged: str) -> None:
    """Revision 0013: lung disease moved to the patient whose visit had it; alerts kept as they were."""
    lung = {str(p): bool(v) for p, v in conn.execute(sa.text("SELECT id, lung_disease FROM patient"))}
    assert {p for p, v in lung.items() if v} == {flagged} and len(lung) == 12
    rows = conn.execute(sa.text("SELECT criteria, closed_reason, closed_on, status FROM alert")).all()
    assert rows and all(r[:3] == ("", None, None) and r[3] in ("open", "acknowledged") for r in rows)
    assert set(conn.scalars(sa.text("SELECT symptoms FROM assessment"))) == {""}


def test_upgrade_to_0013_moves_lung_disease_to_the_patient_sqlite(tmp_path: Path) -> None:
    fixture = next(p for p in FIXTURES if p.stem == "schema-0012")
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        add_drug_catalog(conn)
        flagged = flag_one_visit_and_upgrade(conn)
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert_0013_filled(conn, flagged)
    db.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_upgrade_to_0013_moves_lung_disease_to_the_patient_postgresql(pg_template: str) -> None:
    fixture = next(p for p in FIXTURES if p.stem == "schema-0012")
    pg = sa.create_engine(pg_template)
    try:
        load_into_postgresql(fixture, pg)
        with pg.begin() as dst:
            add_drug_catalog(dst)
            flagged = flag_one_visit_and_upgrade(dst)
        db = open_database(pg_template)
        with db.engine.connect() as conn:
            assert_0013_filled(conn, flagged)
        db.dispose()
    finally:
        pg.dispose()
        restore_postgresql(pg_template)


# Alert texts as revisions before 0015 stored them, with what the window shows for each in Chinese.
OLD_ALERTS = {
    "FVC 48% predicted (below 50%): discuss NIV; refer to respiratory service": (
        "FVC 为预计值的 48%（低于 50%）：讨论无创通气；转诊呼吸科"
    ),
    "ALSFRS-R fell 5 points in 31 days (40 → 35, 4.90 points/month): rapid decline: review plan": (
        "ALSFRS-R 在 31天内下降 5 分（40 → 35，每月 4.90 分）：进展迅速，请复核方案"
    ),
    "FVC 55% predicted, SNIP 43 cmH2O; NICE NG42 criteria met: fvc_symptomatic, snip_symptomatic: "
    "discuss NIV; refer to respiratory service": (
        "FVC 为预计值的 55%，SNIP 43 cmH2O；符合 NICE NG42 标准：有症状且 FVC 偏低、有症状且 SNIP 偏低："
        "讨论无创通气；转诊呼吸科"
    ),
    "A text no template made": "A text no template made",
}


def add_old_alerts(conn: sa.Connection) -> None:
    """Alerts with texts of the old templates (and one no template made) on the first visit's patient."""
    pid = conn.execute(sa.text("SELECT patient_id FROM assessment ORDER BY id LIMIT 1")).scalar_one()
    now = datetime.now(UTC)
    for text in OLD_ALERTS:
        conn.execute(
            sa.text(
                "INSERT INTO alert (id, patient_id, kind, raised_on, message, status, acknowledged_note, criteria, "
                "created_at, updated_at, version) VALUES (:id, :p, 'niv', :on, :m, 'open', '', '', :now, :now, 1)"
            ),
            {"id": uuid.uuid4().hex, "p": pid, "on": now.date(), "m": text, "now": now},
        )


def assert_0015_filled(conn: sa.Connection) -> None:
    """Revision 0015: every alert keeps its English and gains its template and values, which give the
    same English back and a Chinese text; a text no template made is its own key."""
    from alsdesk.services import messages

    rows = conn.execute(sa.text("SELECT message, message_key, message_values FROM alert")).all()
    assert len(rows) > len(OLD_ALERTS)
    for english, key, values in rows:
        shown = alerts.stored_message(key, values, english)
        assert str(shown) == english
        if english == "A text no template made":
            assert (key, values) == (english, "{}")
            continue
        assert key in messages.TEMPLATES
        chinese = shown.text("zh_CN")
        assert chinese == OLD_ALERTS[english] if english in OLD_ALERTS else chinese != english


def upgrade_0014_with_old_alerts(conn: sa.Connection) -> None:
    add_drug_catalog(conn)
    add_old_alerts(conn)


def test_upgrade_to_0015_keeps_alert_messages_as_data_sqlite(tmp_path: Path) -> None:
    fixture = next(p for p in FIXTURES if p.stem == "schema-0014")
    path = tmp_path / "old.sqlite3"
    shutil.copy(fixture, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        upgrade_0014_with_old_alerts(conn)
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    with db.engine.connect() as conn:
        assert_0015_filled(conn)
    db.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_upgrade_to_0015_keeps_alert_messages_as_data_postgresql(pg_template: str) -> None:
    fixture = next(p for p in FIXTURES if p.stem == "schema-0014")
    pg = sa.create_engine(pg_template)
    try:
        load_into_postgresql(fixture, pg)
        with pg.begin() as dst:
            upgrade_0014_with_old_alerts(dst)
        db = open_database(pg_template)
        with db.engine.connect() as conn:
            assert_0015_filled(conn)
        db.dispose()
    finally:
        pg.dispose()
        restore_postgresql(pg_template)
