"""What alsdesk writes, as the command line offers it: the printed documents, paper sizes and
export formats. Plain tuples in a leaf module, so `alsdesk report --help` and `export --help` can
offer them without loading SQLAlchemy; not stored codes (those are in vocab, each with a label)."""

from __future__ import annotations

PAPERS = ("a4", "letter")
# The printed documents (alsdesk/app/documents.py has one registry entry for each, in this order).
DOCUMENTS = (
    "summary",
    "referral",
    "handout",
    "medication-card",
    "alert-card",
    "gp-letter",
    "appointment",
    "care-plan-summary",
    "niv-plan",
    "gastrostomy-plan",
    "checklist",
    "visit",
    "alsfrs-form",
    "worklist",
)
DOCUMENTS_WITHOUT_PATIENT = ("worklist", "alsfrs-form")  # a worklist never has one; a blank form may not
# `alsdesk export --format`: the clinic's own JSON (the default), a FHIR
# R4 collection Bundle of whole records, or one patient's International Patient Summary.
EXPORT_FORMATS = ("alsdesk", "fhir", "ips")
# `alsdesk import --format`: the clinic's own JSON, or a FHIR Bundle (a collection, or an IPS
# document); without --format, a file holding a FHIR "resourceType" is read as FHIR.
IMPORT_FORMATS = ("alsdesk", "fhir")
