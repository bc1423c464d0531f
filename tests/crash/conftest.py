"""The crash tests' figures (operations, steps, kills, outcomes), printed at the end of every run."""

from __future__ import annotations

import pytest

from tests.crash.figures import FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("crash figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
