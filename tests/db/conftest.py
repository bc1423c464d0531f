"""Storage tests run on SQLite and, when ALSDESK_TEST_PG_URL names a server, on PostgreSQL too."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

PG_URL = os.environ.get("ALSDESK_TEST_PG_URL")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL database migrated once; each test starts from emptied tables."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL parity tests: set ALSDESK_TEST_PG_URL")
        pytest.skip("no PostgreSQL server (set ALSDESK_TEST_PG_URL to run the parity tests)")
    from alsdesk.app import open_clinic
    from alsdesk.models import Base

    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    open_clinic(PG_URL).dispose()
    yield PG_URL
    del Base


def empty_pg(url: str) -> None:
    from alsdesk.models import Base
    from alsdesk.storage import anchors, schema

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        behind = schema.current_revision(conn) != schema.HEAD
    if behind:  # a migration test left it at an older revision, without the tables added since
        schema.upgrade(engine)
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {names} CASCADE")
    engine.dispose()
    # Emptying the trail on purpose: the anchor the last test left would (rightly) call it deleted.
    anchors.reset(anchors.location_of(url), None)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, pytest.mark.slow])])
def db_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    url = request.getfixturevalue("pg_template")
    empty_pg(url)
    from alsdesk.app import open_clinic

    open_clinic(url).dispose()  # catalogs back in
    return url
