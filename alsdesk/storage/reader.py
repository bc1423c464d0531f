"""SELECTs run at the speed of the driver: for reads a person waits on (a chart, a worklist).

`session.execute` and `Connection.execute` cost about 50 µs a statement in SQLAlchemy's own Python
(cache lookup, execution context, events, result metadata), several times what SQLite takes to
answer a chart's small SELECTs. A `Query` compiles its Core `select()` once per dialect, runs it
on the session's DBAPI connection (same transaction), and converts each column with the type's
own result processor, so rows hold exactly what `session.execute` would give (UUIDs, dates,
booleans), as named tuples whose fields are the select's column keys. Parameters are converted
with the type's bind processors, as SQLAlchemy does: scalar ones given at each run, and the
statement's own values, lists (`in_(ids)`) written out. What needs more goes through
`session.execute`.
"""

from __future__ import annotations

import gc
import uuid
from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

_Processor = Callable[[Any], Any] | None
_new_uuid = object.__new__
_set = object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def uuid_from_hex(value: str) -> uuid.UUID:
    """SQLite's stored UUID (32 hex digits) as a UUID, equal to `uuid.UUID(value)` at a third of
    its cost (no parsing of braces, dashes or `urn:`, which SQLite never stores)."""
    found = _new_uuid(uuid.UUID)
    _set(found, "int", int(value, 16))
    _set(found, "is_safe", _UNKNOWN)
    return found


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positions: tuple[str, ...] | None  # parameter names in order (qmark drivers); None: by name
    literal: dict[str, Any]  # the statement's own bound values, converted once
    binds: dict[str, Callable[[Any], Any]]  # converters of the parameters given at each call
    types: tuple[sa.types.TypeEngine[Any], ...]  # of the selected columns
    keys: list[str]  # the selected columns' keys: the rows' field names


_FEW = 4  # up to this many rows, converting row by row is faster than column by column


def _row_maker(keys: list[str], processors: list[_Processor]) -> Callable[[list[Any]], list[Any]]:
    """Driver rows to named tuples: a few row by row, many column by column (a C-level `map` per
    column that needs it, each distinct UUID parsed once), instead of a Python call per value."""
    row: Any = namedtuple("Row", keys, rename=True)  # type: ignore[misc]  # mypy wants literal field names
    make = row._make
    converted = [(i, p) for i, p in enumerate(processors) if p is not None]
    if not converted:
        return lambda found: list(map(make, found))

    def few(found: list[Any]) -> list[Any]:
        rows = []
        for r in found:
            values = list(r)
            for i, convert in converted:
                if values[i] is not None:
                    values[i] = convert(values[i])
            rows.append(make(values))
        return rows

    def rows(found: list[Any]) -> list[Any]:
        if len(found) <= _FEW:
            return few(found)
        columns: list[Any] = list(zip(*found, strict=True))
        for i, convert in converted:
            if convert is uuid_from_hex:  # mostly the same few ids (the patient's): each parsed once
                ids = {v: None if v is None else uuid_from_hex(v) for v in set(columns[i])}
                columns[i] = map(ids.__getitem__, columns[i])
            else:
                columns[i] = map(convert, columns[i])
        return list(map(make, zip(*columns, strict=True)))

    return rows


def _processor(type_: sa.types.TypeEngine[Any], dialect: sa.Dialect, driver_type: Any) -> _Processor:
    if dialect.name == "sqlite" and isinstance(type_, sa.Uuid) and type_.as_uuid:
        return uuid_from_hex  # SQLAlchemy's own parses each as text
    if isinstance(type_, sa.Enum) and type_.enum_class is None and type(type_) is sa.Enum:
        # A string from a fixed set: SQLAlchemy's own looks it up in a Python function per value.
        return type_._object_lookup.__getitem__  # an unknown value raises LookupError (a KeyError), as its does
    # Some depend on the type the driver reports (PostgreSQL's numbers), as in SQLAlchemy.
    return type_._cached_result_processor(dialect, driver_type)


def _compile(stmt: sa.Select[*tuple[Any, ...]], dialect: sa.Dialect) -> _Compiled:
    compiled = stmt.compile(dialect=dialect)
    given = {name for name, bind in compiled.binds.items() if bind.required}
    converters: dict[str, Any] = dict(compiled._bind_processors)  # SQLAlchemy's, by parameter name
    if compiled.post_compile_params or compiled.literal_execute_params:
        # A list the statement holds (`not_in(ids)`) is written out, a parameter per item, each
        # converted as its list's type; a list given at each run would need the SQL per length.
        if given:
            raise ValueError("storage.reader writes out the statement's own lists, not lists given at each run")
        for bind in compiled.post_compile_params:
            name = compiled.bind_names[bind]
            if name in converters:
                converters.update({f"{name}_{i}": converters[name] for i in range(1, len(bind.value or ()) + 1)})
        compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    literal = {}
    for name, value in compiled.construct_params(_check=False).items():
        if name not in given:
            convert = converters.get(name)
            literal[name] = convert(value) if convert is not None and value is not None else value
    return _Compiled(
        sql=compiled.string,
        positions=tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None,
        literal=literal,
        binds={name: converters[name] for name in given if name in converters},
        types=tuple(c.type for c in compiled._result_columns),  # entries (key, name, objects, type)
        keys=list(stmt.selected_columns.keys()),
    )


@contextmanager
def bulk() -> Iterator[None]:
    """Python's cyclic garbage collector paused while many objects are built and kept (a day's
    worklist, an import's millions of rows): each collection walks every object made so far, which
    would cost a third of the time. The rows hold no cycles.

    Re-enabling alone would still walk them all at once: every object made meanwhile sits in the
    young generation, whose next collection (at the next allocation) visits each. freeze() then
    unfreeze() moves them to the oldest generation without visiting any (two list splices, and the
    young count reset), so they are looked at only by the next full collection, as long-lived
    objects are. That cost 15% of a whole-day worklist's CPU time."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


class Reader:
    """One session's connection and cursor for a few queries in a row (a chart's): found once."""

    def __init__(self, session: Session) -> None:
        session._autoflush()  # pending changes are read back, as `session.execute` does (not mid-flush)
        conn = session.connection()
        self.dialect = conn.dialect
        self.cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]  # None only once closed


Source = Session | Reader  # what a Query reads through: a session, or a Reader of it


class Query:
    """A SELECT to run many times; parameters are `sa.bindparam(name)` given to `rows`."""

    def __init__(self, stmt: sa.Select[*tuple[Any, ...]]) -> None:
        self.stmt = stmt
        self._by_dialect: dict[str, _Compiled] = {}
        self._makers: dict[str, Callable[[list[Any]], list[Any]]] = {}  # built at the first run

    def rows(self, source: Source, params: Mapping[str, Any] | None = None) -> list[Any]:
        """The rows, in the session's transaction (a Reader's, to run several on one cursor)."""
        reader = source if isinstance(source, Reader) else Reader(source)
        dialect = reader.dialect
        compiled = self._by_dialect.get(dialect.name)
        if compiled is None:
            compiled = self._by_dialect[dialect.name] = _compile(self.stmt, dialect)
        values = dict(compiled.literal)
        for name, value in (params or {}).items():
            convert = compiled.binds.get(name)
            values[name] = convert(value) if convert is not None and value is not None else value
        bound: Any = values if compiled.positions is None else [values[n] for n in compiled.positions]
        cursor = reader.cursor
        try:
            cursor.execute(compiled.sql, bound)
            found = list(cursor.fetchall())
        except dialect.loaded_dbapi.Error as err:  # worded as SQLAlchemy's, for storage's translation
            raise sa.exc.DBAPIError.instance(compiled.sql, bound, err, dialect.loaded_dbapi.Error) from err
        make = self._makers.get(dialect.name)
        if make is None:
            types = zip(compiled.types, cursor.description, strict=True)
            make = self._makers[dialect.name] = _row_maker(
                compiled.keys, [_processor(t, dialect, d[1]) for t, d in types]
            )
        return make(found)
