"""Shared pieces every screen uses: the backend that runs database work off the GUI thread (`worker`),
the one date field and day picker, table columns and the generic record model, window sizes,
keyboard helpers, status lines, the cancellable progress dialog, and common formatting (`common`)."""
