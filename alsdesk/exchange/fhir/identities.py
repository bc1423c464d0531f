"""Identities of FHIR resources: the same record always gives the same `urn:uuid:` fullUrl.

A resource's id is the UUID5 of the record id and the resource type (plus a part name when one
record becomes several resources of one type, as a visit's FVC and weight Observations do), so
two exports of one clinic name every resource alike and a receiver can recognise an update.
"""

from __future__ import annotations

import uuid
from typing import Any

# Fixed for ever: changing it would give every exported resource a new identity.
NAMESPACE = uuid.UUID("5d0c3c9e-6a55-4b8f-9d0e-3f1a2b7c4e61")


def resource_id(record_id: str, resource_type: str, part: str = "") -> str:
    """The id of the `resource_type` resource made from the record `record_id` (and its `part`)."""
    name = f"{resource_type}/{record_id}" + (f"/{part}" if part else "")
    return str(uuid.uuid5(NAMESPACE, name))


def full_url(rid: str) -> str:
    return f"urn:uuid:{rid}"


def reference(rid: str) -> dict[str, Any]:
    """A Reference to the resource with id `rid` inside the same Bundle."""
    return {"reference": full_url(rid)}
