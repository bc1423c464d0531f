"""Checked rows into the database at speed: Core executemany with each column converted once per
distinct value, a larger SQLite page cache, and no cycle collector while millions of rows are built."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.exchange.format import Columns
from alsdesk.storage.reader import bulk

# Bulk work builds millions of small acyclic objects, freed by reference counting anyway: the
# collector pauses as the worklist's does (storage.reader.bulk says why and how).
without_cycle_collector = bulk


BULK_CACHE_KIB = 256 * 1024


@contextmanager
def bulk_load(session: Session) -> Iterator[None]:
    """On SQLite, a larger page cache while inserting: random UUID keys touch every index page.

    Memory only; durability settings (WAL, synchronous FULL) are left as they are.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def bulk_insert(session: Session, table: sa.Table, data: Columns) -> None:
    """Core executemany of complete rows; on SQLite each column converted by its own bind processor.

    The same conversion `session.execute(insert(table), rows)` makes, done once per distinct value
    of a column instead of once per field (dates, moments and ids repeat across thousands of rows).
    """
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        # Measured and checked on SQLite only; elsewhere the plain Core path (same rows, same types).
        names = list(data)
        session.execute(sa.insert(table), [dict(zip(names, r, strict=True)) for r in zip(*data.values(), strict=True)])
        return
    plain = sa.table(table.name, *(sa.column(c.name) for c in table.columns))
    compiled = sa.insert(plain).compile(dialect=dialect)
    names = [c.name for c in table.columns]
    columns = []
    for col in table.columns:
        values = data[col.name]
        process = col.type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            pass
        elif col.primary_key or isinstance(col.type, sa.Uuid):
            values = list(map(process, values))  # unique, or costly to hash: convert each
        else:
            converted = {v: process(v) for v in set(values)}
            values = list(map(converted.__getitem__, values))
        columns.append(values)
    if compiled.positiontup is not None:
        order = [names.index(key) for key in compiled.positiontup]
        params: list[Any] = list(zip(*(columns[k] for k in order), strict=True))
    else:
        params = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    conn.exec_driver_sql(str(compiled), params)


def columns_of(table: sa.Table, rows: list[dict[str, Any]]) -> Columns:
    return {c.name: [r[c.name] for r in rows] for c in table.columns}
