"""A patient's name is written one way everywhere (alsdesk/names.py)."""

from __future__ import annotations

import pytest

from alsdesk.names import patient_name


@pytest.mark.parametrize(
    ("family", "given", "zh", "chinese_first", "written"),
    [
        ("Smith", "John", "", False, "SMITH, John"),
        ("Smith", "John", None, False, "SMITH, John"),
        ("Smith", "John", "", True, "SMITH, John"),  # no Chinese name: nothing to lead with
        ("Wang", "Wei", "王伟", False, "WANG, Wei 王伟"),
        ("Wang", "Wei", "王伟", True, "王伟 (WANG, Wei)"),
        ("van der Berg", "Anna-Lise", "", False, "VAN DER BERG, Anna-Lise"),  # the given name keeps its case
        ("Müller", "Jörg", "", False, "MÜLLER, Jörg"),
    ],
)
def test_a_patients_name_is_written_one_way(
    family: str, given: str, zh: str | None, chinese_first: bool, written: str
) -> None:
    assert patient_name(family, given, zh, chinese_first=chinese_first) == written


def test_lists_and_printed_pages_write_the_name_the_same_way() -> None:
    """A list's row (services.patients) and a printed page's header (printdata) name a person alike."""
    import uuid
    from datetime import date

    from alsdesk.printdata import Person
    from alsdesk.services.patients import PatientSummary

    summary = PatientSummary(uuid.uuid4(), "M1", "Wang", "Wei", "王伟", None, None, None, None, False, False)
    person = Person("id", "M1", "Wang", "Wei", "王伟", date(1960, 1, 1))
    assert summary.display_name == person.display_name("en") == "WANG, Wei 王伟"
    assert person.display_name("zh_CN") == "王伟 (WANG, Wei)"
