"""Property-based checks: any input gets a result or a clear error, never an unhandled exception."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alsdesk.errors import DomainError
from alsdesk.services import patients, scoring

JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.dates().map(str),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
ITEM_VALUES = st.one_of(st.integers(-3, 8), st.booleans(), st.floats(), st.text(max_size=2), st.none())
ITEM_KEYS = st.sampled_from(["1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "11", "12", "5", "13", "x"])


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(ITEM_KEYS, ITEM_VALUES, max_size=14))
def test_any_item_map_scores_or_names_a_bad_item(items: dict[str, Any]) -> None:
    try:
        total = scoring.alsfrs_total(items)
    except ValueError as err:
        assert "ALSFRS-R item" in str(err)
        return
    assert 0 <= total <= 48
    assert sum(scoring.alsfrs_subscores(items).values()) == total
    assert scoring.kings_stage(items) in {"1", "2", "3", "4A", "4B"}
    assert 0 <= scoring.mitos_stage(items) <= 4


@settings(max_examples=3000)
@given(
    st.fixed_dictionaries({k: st.integers(0, 4) for k in ("1", "2", "3", "4", "6", "7", "8", "9", "10", "11", "12")}),
    st.sampled_from(["5a", "5b"]),
    st.integers(0, 4),
)
def test_stages_are_monotone_in_respiratory_failure(items: dict[str, int], five: str, five_value: int) -> None:
    case = {**items, five: five_value}
    if case["10"] == 0 or case["12"] < 4:
        assert scoring.kings_stage(case) == "4B"
    if five == "5b" and case["10"] > 0 and case["12"] == 4:
        assert scoring.kings_stage(case) == "4A"


@settings(max_examples=2000)
@given(st.integers(-5, 60), st.dates(date(1990, 1, 1), date(2030, 1, 1)), st.dates(date(1990, 1, 1), date(2030, 1, 1)))
def test_delta_fs_is_defined_exactly_for_valid_input(total: int, onset: date, at: date) -> None:
    try:
        rate = scoring.delta_fs(total, onset, at)
    except ValueError:
        assert not (0 <= total <= 48) or onset >= at
        return
    assert rate >= 0 and (rate == 0) == (total == 48)


@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(patients.FIELD_RULES))
def test_every_patient_field_validates_anything(field: str) -> None:
    @settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
    @given(JSONISH)
    def check(value: Any) -> None:
        try:
            checked = patients.validate_fields({field: value})
        except DomainError as err:
            assert str(err)
            return
        assert field in checked

    check()


@settings(max_examples=1000)
@given(st.lists(st.text(max_size=12), max_size=8))
def test_cli_arguments_parse_or_exit_with_usage(argv: list[str]) -> None:
    import contextlib
    import io

    from alsdesk.cli import build_parser

    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            build_parser().parse_args(argv)
        except SystemExit as exit_:
            assert exit_.code in (0, 2)
