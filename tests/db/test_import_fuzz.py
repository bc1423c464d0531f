"""Import files mutated at random: each is imported whole or rejected whole with a path, nothing else."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alsdesk import demo, exchange
from alsdesk.errors import DomainError
from alsdesk.models import Patient

DOC = demo.demo_document(patients=3, seed=11, anchor=date(2026, 2, 1))
VALUES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | st.floats()
    | st.text(max_size=40)
    | st.just([])
    | st.just({})
)


def leaves(node: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaves(v, (*path, i))] or [path]
    return [path]


PATHS = [p for p in leaves(DOC) if p]


@pytest.mark.slow
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.sampled_from(PATHS), VALUES)
def test_mutated_import_is_all_or_nothing(db, path: tuple, value: Any) -> None:  # type: ignore[no-untyped-def]
    doc = copy.deepcopy(DOC)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        with db.write() as s:
            result = exchange.import_document(session=s, document=json.loads(json.dumps(doc, default=str)))
            s.rollback()  # keep the database empty for the next example
    except DomainError as err:
        assert ":" in str(err)  # names the path or the rule
        outcome = "rejected"
    else:
        assert result.patients == 3
        outcome = "imported"
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Patient)) == 0, outcome
