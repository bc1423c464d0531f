"""FHIR R4 export, built with the fhir.resources R4B models (docs/fhir.md): a `collection` Bundle
of whole records, and a patient's International Patient Summary `document` Bundle."""

from alsdesk.exchange.fhir.bundle import write_collection
from alsdesk.exchange.fhir.ips import write_summary

__all__ = ["write_collection", "write_summary"]
