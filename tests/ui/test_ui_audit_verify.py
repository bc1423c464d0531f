"""Administration → Audit trail → Verify names a trail whose end was deleted, and an accepted one."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from alsdesk.models import AuditEntry
from alsdesk.services.access import Actor


def _verify_by_keyboard(view, idle) -> str:  # type: ignore[no-untyped-def]
    view.verify_button.setFocus()
    QTest.keyClick(view.verify_button, Qt.Key.Key_Space)
    idle()
    return str(view.result.text())


def _cut_trail_shown(qtbot, backend, idle, db, name: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Verify an intact trail, cut its last 10 entries outside alsdesk, verify again: what it says."""
    from alsdesk.services import audit
    from alsdesk.ui.admin.audit_view import AuditView

    backend.actor = Actor("boss", None, "administrator")
    with db.write() as s:
        audit.append(s, [("view", "patient", None, None, {"i": i}, None) for i in range(30)])
    view = AuditView(backend)
    qtbot.addWidget(view)
    view.resize(1366, 728)
    view.show()
    idle()
    table = AuditEntry.__table__
    with db.engine.connect() as conn:
        head = int(conn.scalar(sa.select(sa.func.max(table.c.seq))) or 0)
    intact = _verify_by_keyboard(view, idle)
    assert str(head) in intact and "#166534" in view.result.styleSheet()  # all entries check out: green
    with db.engine.begin() as conn:  # tampering outside alsdesk
        conn.execute(sa.delete(table).where(table.c.seq > head - 10))
    shown = _verify_by_keyboard(view, idle)
    if os.environ.get("ALSDESK_SCREENSHOTS"):
        view.grab().save(str(Path(os.environ["ALSDESK_SCREENSHOTS"]) / name))
    return head, shown


def test_verify_names_the_last_entries_deleted(qtbot, backend, idle, db) -> None:  # type: ignore[no-untyped-def]
    head, shown = _cut_trail_shown(qtbot, backend, idle, db, "audit-verify-cut.png")
    assert "tampered" in shown
    assert f"ends at entry {head - 10}, but this workstation saw entry {head}: at least its last 10 entries" in shown


def test_verify_names_them_in_chinese(qtbot, backend, idle, db, chinese) -> None:  # type: ignore[no-untyped-def]
    head, shown = _cut_trail_shown(qtbot, backend, idle, db, "zh-audit-verify-cut.png")
    assert f"审计记录止于条目 {head - 10}，但本工作站曾看到条目 {head}：至少最后 10 条被删除" in shown
    assert "entries" not in shown
