"""Engine, sessions and schema management for SQLite (embedded) and PostgreSQL (shared)."""

from alsdesk.storage.config import resolve_database_url
from alsdesk.storage.database import Database, open_database

__all__ = ["Database", "open_database", "resolve_database_url"]
