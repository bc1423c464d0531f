"""The alsdesk desktop window (PySide6): screens, dialogs, item models and background work.

Grouped by area. At the top sits the shell: `app` (start, sign-in, translation, the exit backup),
`main_window` (navigation, open charts, the status bar), `first_run`, `daily_backup`,
`exit_backup`, `recovery_dialog` and `screenshots`. Each screen has its folder: `chart`,
`patients`, `worklist`, `schedule`, `programs`, `printing`, `admin` and `signin`; `widgets` holds
what they share (the database worker, the date field, columns, geometry, keys, status, progress),
and `i18n` the texts shown in the window's language. Each folder's `__init__` says what it holds."""
