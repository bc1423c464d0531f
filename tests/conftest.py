"""Shared fixtures: a migrated template database copied per test (fast), and a clinic with catalogs."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keys and data files of test runs stay out of the user's own data directory.
os.environ["ALSDESK_HOME"] = tempfile.mkdtemp(prefix="alsdesk-test-home-")
atexit.register(shutil.rmtree, os.environ["ALSDESK_HOME"], ignore_errors=True)
os.environ.pop("ALSDESK_DATABASE_URL", None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "logs_errors(*texts): the test provokes ERROR log records containing one of `texts` (any, without texts)",
    )


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_error_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    """A passing test logs no ERROR: such a record is a bug the user was told about only in a log
    (a failed background job, an unopened database). A test that provokes one on purpose says so
    with @pytest.mark.logs_errors("text it expects")."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    marker = request.node.get_closest_marker("logs_errors")
    expected = marker.args if marker else ()
    unexpected = [
        r for r in handler.records if not (marker and (not expected or any(t in r.getMessage() for t in expected)))
    ]
    if unexpected:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"ERROR logged during the test (mark it logs_errors if intended):\n{lines}", pytrace=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head with catalogs loaded; tests get copies of it."""
    from alsdesk.app import open_clinic

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_clinic(f"sqlite:///{path}")
    db.dispose()
    return path


@pytest.fixture
def sqlite_url(template_db: Path, tmp_path: Path) -> str:
    path = tmp_path / "alsdesk.sqlite3"
    shutil.copy(template_db, path)
    return f"sqlite:///{path}"


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    """The database a test uses; tests/db runs it on PostgreSQL too."""
    return sqlite_url


def make_test_actor():  # type: ignore[no-untyped-def]
    """An administrator who also holds every other permission: the default actor of the `db`
    fixture, so tests of clinical rules need not sign in. Permission tests pass real roles."""
    from alsdesk.services.access import Actor

    class TestActor(Actor):
        def may(self, permission: str) -> bool:
            return True

    return TestActor("test-admin", role="administrator")


@pytest.fixture
def db(db_url: str) -> Iterator:
    from alsdesk.app import open_clinic

    database = open_clinic(db_url)
    database.actor = make_test_actor()
    yield database
    database.dispose()


@pytest.fixture
def patient(db):  # type: ignore[no-untyped-def]
    """A diagnosed patient with onset 2025-01-01, the domain doc's worked example patient."""
    from alsdesk.services import patients

    with db.write() as s:
        return patients.add_patient(
            session=s,
            mrn="T0001",
            family_name="Test",
            given_name="Patient",
            birth_date=date(1960, 5, 17),
            sex="female",
            phone="13800000001",
            onset_date=date(2025, 1, 1),
            diagnosis_date=date(2025, 6, 1),
            status="diagnosed",
            name_zh="张伟",
        )
