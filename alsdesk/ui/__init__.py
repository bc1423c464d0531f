"""The alsdesk desktop window (PySide6): screens, dialogs, item models and background work.

Grouped by area. At the top sits the shell: `app` (start, sign-in, translation, the exit backup),
`main_window` (navigation, open charts, the status bar), `first_run`, `daily_backup`,
`exit_backup`, `recovery_dialog` and `screenshots`. Each screen has its folder: `chart`,
`patients`, `worklist`, `schedule`, `programs`, `printing`, `admin` and `signin`; `widgets` holds
what they share (the database worker, the date field, columns, geometry, keys, status, progress),
and `i18n` the texts shown in the window's language. Each folder's `__init__` says what it holds."""

# The layers under the window load before Qt. Once PySide6 is imported it reads the whole source of
# every module imported after it (its check for Qt's `__feature__` switches, which keeps each file's
# lines in `linecache`): for SQLAlchemy, the models and the services that cost the window ~15 MB
# resident and time at start-up. So the start-up's non-Qt imports come first, from here.
import platformdirs  # noqa: F401  (where the clinic's file lives: storage.config.data_dir)
import sqlalchemy.dialects.sqlite  # noqa: F401  (the embedded clinic's dialect: SQLAlchemy loads it at the first engine)

import alsdesk.app  # open, sign in to, back up and close the clinic
import alsdesk.services.patients  # noqa: F401  (the patients screen, and most services with it)
