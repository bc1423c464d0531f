"""`alsdesk db check`: integrity, schema at head, and models matching the tables."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from alsdesk.errors import DatabaseDamaged, StorageError
from alsdesk.storage import encryption, schema
from alsdesk.storage.backup import refuse_lost_database, restore_hint
from alsdesk.storage.config import display_url, resolve_database_url, sqlite_path, sslmode_of, sslmode_warning
from alsdesk.storage.convert import plain_backups
from alsdesk.storage.database import create_engine_for
from alsdesk.storage.sqlite_check import check_sqlite_file


@dataclass
class CheckResult:
    ok: bool = True
    report: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.report.append(f"FAIL {line}")

    def passed(self, line: str) -> None:
        self.report.append(f"ok   {line}")


def check_database(url: str | None) -> CheckResult:
    """Check without changing anything: a damaged, foreign or outdated database is reported."""
    url = resolve_database_url(url)
    result = CheckResult()
    result.report.append(f"database: {display_url(url)}")
    mode = sslmode_of(url)
    if mode is not None:
        warning = sslmode_warning(url)
        # A warning, not a failure: the clinic may have reasons, but it should see the risk.
        result.report.append(f"WARN {warning}" if warning else f"ok   sslmode {mode}")
    path = sqlite_path(url)
    if path is not None and not path.exists():
        result.fail(f"no database file at {path}")
        return result
    if path is not None:
        try:
            if path.stat().st_size == 0:  # not even opened: that would make it an empty database
                refuse_lost_database(path)
            check_sqlite_file(path, full=True)
        except StorageError as err:
            result.fail(f"integrity: {err}")
            if isinstance(err, DatabaseDamaged):
                result.report.append(f"     {restore_hint(path)}")
            return result
        plain = _plain_backups_of_encrypted(path)
        if plain:
            result.fail(
                f"{len(plain)} backup(s) of this encrypted database are still plain (e.g. {plain[0]}); "
                "run `alsdesk db encrypt` to encrypt them"
            )
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                verdict = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                if verdict != "ok":
                    result.fail(f"integrity: {verdict}")
                    return result
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    result.fail(f"foreign keys: {len(fk)} rows point at missing records (first in {fk[0][0]})")
                    return result
            result.passed("integrity")
            try:
                revision = schema.current_revision(conn)
            except StorageError as err:
                result.fail(f"schema: {err}")
                return result
            if revision != schema.HEAD:
                result.fail(f"schema: at {revision or 'none'}, current is {schema.HEAD}; run `alsdesk db upgrade`")
                return result
            result.passed(f"schema at {schema.HEAD} (current)")
            drift = schema_drift(conn)
            if drift:
                result.fail(f"tables differ from this version's models: {drift[0]}")
            else:
                result.passed("tables match the models")
    except sa.exc.SQLAlchemyError as err:
        result.fail(f"cannot read the database: {getattr(err, 'orig', err)}")
    finally:
        engine.dispose()
    return result


def _plain_backups_of_encrypted(path: Path) -> list[Path]:
    return plain_backups(path) if encryption.is_encrypted(path) else []


def schema_drift(conn: sa.Connection) -> list[str]:
    """Differences between the live tables and the models (what `alembic check` reports)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from alsdesk.models import Base  # Alembic and the models load only for this check

    ctx = MigrationContext.configure(conn, opts={"compare_type": True})
    with warnings.catch_warnings():
        # SQLite cannot reflect an index on an expression (lower(mrn)): checked by name below.
        warnings.filterwarnings("ignore", message=".*expression-based index")
        drift = [repr(d) for d in compare_metadata(ctx, Base.metadata)]
    if conn.dialect.name == "sqlite":
        have = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
        drift += [
            f"missing index {ix.name}"
            for table in Base.metadata.sorted_tables
            for ix in table.indexes
            if ix.name not in have and not all(isinstance(e, sa.Column) for e in ix.expressions)
        ]
    return drift
