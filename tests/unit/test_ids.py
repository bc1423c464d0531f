"""Record keys are version-7 UUIDs: time first, so keys made later sort later."""

import uuid

from alsdesk.models.ids import new_id, uuid7_int


def test_bit_layout_follows_rfc_9562() -> None:
    assert str(uuid.UUID(int=uuid7_int(1, 0))) == "00000000-0001-7000-8000-000000000000"
    # all 74 random bits set: 12 in rand_a, 62 in rand_b; version and variant stay put
    assert str(uuid.UUID(int=uuid7_int(0x0123456789AB, (1 << 74) - 1))) == "01234567-89ab-7fff-bfff-ffffffffffff"


def test_new_ids_are_version_7_unique_and_ordered_by_millisecond() -> None:
    ids = [new_id() for _ in range(2000)]
    assert {i.version for i in ids} == {7} and {i.variant for i in ids} == {uuid.RFC_4122}
    assert len(set(ids)) == len(ids)
    stamps = [i.int >> 80 for i in ids]
    assert stamps == sorted(stamps)
