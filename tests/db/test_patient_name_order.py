"""The worklist orders by a patient's name in SQL: that expression writes the name exactly as
names.patient_name does, on SQLite and PostgreSQL, so the order is the order of the names shown."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from alsdesk.models import Patient
from alsdesk.names import patient_name
from alsdesk.services import patients
from alsdesk.services.worklist import _name_order

PEOPLE = [("Smith", "John", ""), ("Wang", "Wei", "王伟"), ("van der Berg", "Anna-Lise", ""), ("O'Neil", "Mary", "")]


def test_the_worklists_sql_writes_the_name_as_patient_name_does(db: Any) -> None:
    for n, (family, given, zh) in enumerate(PEOPLE):
        db.run_write(
            lambda s, n=n, family=family, given=given, zh=zh: patients.add_patient(
                session=s,
                mrn=f"N{n}",
                family_name=family,
                given_name=given,
                name_zh=zh,
                birth_date=date(1950, 1, 2),
                sex="female",
            )
        )
    with db.read() as s:
        dialect = s.get_bind().dialect.name
        rows = s.execute(sa.select(Patient.family_name, Patient.given_name, Patient.name_zh, _name_order(dialect)))
        written = [(patient_name(family, given, zh), in_sql) for family, given, zh, in_sql in rows]
    assert len(written) == len(PEOPLE)
    assert all(python == in_sql for python, in_sql in written), written
