"""Rows of the demo clinic as an export file holds them (alsdesk.exchange.format): every exported
column filled, defaults from the models, ids and timestamps made from the seed and the day."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa

from alsdesk.exchange import uuids
from alsdesk.exchange.format import PLAIN, WRITTEN_FROM, encode, exported_columns
from alsdesk.models import PATIENT_RECORDS, Patient, Staff
from alsdesk.models.ids import uuid7_int


class Rows:
    """Complete rows in the export format, filled with column defaults, timestamps from dates."""

    def __init__(self, rng: random.Random, anchor: date) -> None:
        self.rng = rng
        self.first_ms = int(datetime.combine(anchor, time(0), UTC).timestamp()) * 1000
        self.made = 0
        self.defaults: dict[str, dict[str, Any]] = {}
        for table in (*(m.__table__ for m in PATIENT_RECORDS), Patient.__table__, Staff.__table__):
            # Every exported column in table order; callables (ids, timestamps) are filled in by make().
            self.defaults[table.name] = {
                col.name: None
                if not isinstance(col.default, sa.ColumnDefault) or callable(col.default.arg)
                else encode(col.default.arg)
                for col in exported_columns(table)
            }
        self._moments: dict[date, str] = {}

    def uuid(self, rng: random.Random | None = None) -> str:
        """A version-7 UUID as text, like the ones the app makes (models.ids): its "milliseconds"
        count on from the anchor day's midnight, one per key, and its random bits come from the
        seeded generator, so a seed gives the same keys and they sort in the order they were made.

        A key drawn from a side generator `rng` shares the last key's millisecond (its random bits
        tell them apart) and leaves the count alone: the clinic's other keys, and what the story
        makes of them, stay as they were before that generator existed."""
        if rng is None:
            self.made += 1
        return uuids.canonical(uuid7_int(self.first_ms + self.made, (rng or self.rng).getrandbits(74)))

    def make(self, table: str, stamp: date, rng: random.Random | None = None, **values: Any) -> dict[str, Any]:
        """A row of `table`; its id's random bits from `rng` if given (else the clinic's generator)."""
        moment = self._moments.get(stamp)
        if moment is None:
            moment = self._moments[stamp] = datetime.combine(stamp, time(9), UTC).isoformat()
        row = self.defaults[table].copy()
        row["id"] = self.uuid(rng)
        row["created_at"] = row["updated_at"] = moment
        row["version"] = 1
        plain = PLAIN
        for k, v in values.items():
            row[k] = v if type(v) in plain else encode(v)
        for field, written in WRITTEN_FROM.get(table, {}).items():  # as an export writes them
            row[field] = written(row)
        return row
