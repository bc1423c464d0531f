"""A value the database's CHECK refuses is reported by field and rule, not by constraint name."""

from __future__ import annotations

from datetime import date

import pytest

from alsdesk.errors import DomainError
from alsdesk.models import Assessment
from alsdesk.storage.db_errors import broken_check


def test_a_check_failure_names_the_field_and_its_rule(db, patient) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused, db.write() as s:
        s.add(Assessment(patient_id=patient.id, assessed_on=date(2025, 2, 1), fvc_percent=250.0))
        s.flush()
    message = str(refused.value)
    assert message.startswith("fvc_percent (assessment) breaks the rule "), message
    assert "BETWEEN 0 AND 200" in message and "ck_" not in message


@pytest.mark.parametrize(
    "reason",
    [
        "CHECK constraint failed: ck_therapy_plan_interval_range",
        'new row for relation "therapy_plan" violates check constraint "ck_therapy_plan_interval_range"',
    ],
)
def test_both_databases_wordings_are_read(reason: str) -> None:
    err = broken_check(reason)
    assert err is not None and str(err).startswith("interval_days (therapy plan) breaks the rule"), err
