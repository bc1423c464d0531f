"""Regression guard: PySide6 6.12.0 leaks a reference to None on Qt calls returning None and aborts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtGui import QAction, QStandardItem
    from PySide6.QtWidgets import QApplication, QComboBox

    app = QApplication([])

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 1
        def columnCount(self, parent=QModelIndex()):
            return 1
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    model = Model()
    index = model.index(0, 0)
    action = QAction("x")
    item = QStandardItem("x")
    combo = QComboBox()
    combo.addItem("no data")
    role = Qt.ItemDataRole.UserRole
    orientation = Qt.Orientation.Horizontal
    calls = [
        lambda: model.headerData(0, orientation, role),  # default headerData for an unhandled role
        lambda: index.data(role),
        lambda: action.data(),
        lambda: item.data(role),
        lambda: combo.currentData(),
        lambda: combo.itemData(0),
    ]
    for f in calls:  # warm up caches before measuring
        f()
    before = sys.getrefcount(None)
    n = int(sys.argv[1])
    for i in range(n):
        assert calls[i % len(calls)]() is None
    after = sys.getrefcount(None)
    print(after - before)
    """
)


def test_none_returning_qt_calls_do_not_leak_or_abort(tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "none_refcount.py"
    script.write_text(SCRIPT)
    proc = subprocess.run([sys.executable, str(script), str(CALLS)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"process died (PySide6 None refcount bug?): {proc.stderr[-2000:]}"
    drift = int(proc.stdout.strip().splitlines()[-1])
    # A leak drops one reference per call (-20,000); allow a little noise from interpreter internals.
    assert abs(drift) <= 50, f"refcount of None drifted by {drift} over {CALLS} calls"
