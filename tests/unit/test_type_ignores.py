"""Issue 16 point 6: a `type: ignore` in alsdesk names the error it silences and says why."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "alsdesk"
IGNORE = re.compile(r"type:\s*ignore")
EXPLAINED = re.compile(r"type:\s*ignore\[[\w\-, ]+\]\s+#\s*\S")


def test_every_type_ignore_names_its_error_and_gives_a_reason() -> None:
    bare = [
        f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}"
        for path in sorted(ROOT.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if IGNORE.search(line) and not EXPLAINED.search(line)
    ]
    assert bare == [], "add the error code and a `# reason` after it"
    assert sum(1 for p in ROOT.rglob("*.py") if IGNORE.search(p.read_text(encoding="utf-8"))) > 0  # the scan sees them
