"""Patients in and out of files: the native JSON export format (docs/export-format.md).

format.py says what a file holds; versions.py reads older versions as the current one;
validate.py checks an imported file by the services' own entry rules and names the first bad
field; fast.py takes a file with nothing wrong through the same checks a column at a time;
bulk.py inserts the checked rows with Core; merging.py merges a patient already here record by
record, and conflicts.py lets a person resolve what both clinics changed; exporting.py and
importing.py are the use cases,
whose entry points this package names (`from alsdesk import exchange; exchange.import_document`).
"""

from alsdesk.exchange.bulk import without_cycle_collector
from alsdesk.exchange.exporting import export_document, write_export
from alsdesk.exchange.format import FORMAT, RECORD_TABLES, VERSION, ImportFileError, ImportResult
from alsdesk.exchange.importing import import_document, read_document

__all__ = [
    "FORMAT",
    "RECORD_TABLES",
    "VERSION",
    "ImportFileError",
    "ImportResult",
    "export_document",
    "import_document",
    "read_document",
    "without_cycle_collector",
    "write_export",
]
