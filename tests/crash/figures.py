"""Figures the crash tests report (one line per operation), printed by conftest at the end of the run."""

FIGURES: list[str] = []
