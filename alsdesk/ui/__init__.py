"""The alsdesk desktop window (PySide6): screens, dialogs, item models and background work."""
