"""The floor for start-up: a bare PySide6 table app showing the first patients of a clinic file.

    python bench/bare_table.py CLINIC.sqlite3

What any Qt app over this database must do before a person sees patients: start Python and Qt,
open the file with plain sqlite3, count the listed patients, read the first page in name order
(the window's query) and paint it. Prints one line `RESULT {json}` with the wall-clock moment
the rows were painted; bench/bench_targets.py times it from the moment it started the process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = "family_name, given_name, mrn, birth_date, sex, phone, status"


class Rows(QAbstractTableModel):
    def __init__(self, count: int, rows: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.count, self.rows = count, rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> object:
        if role != DISPLAY or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        return f"{r[0]}, {r[1]}" if index.column() == 0 else str(r[index.column() + 1])


def main(path: str) -> None:
    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    count = conn.execute("SELECT count(*) FROM patient WHERE NOT archived").fetchone()[0]
    rows = conn.execute(f"SELECT {COLUMNS} FROM patient WHERE NOT archived ORDER BY sort_key, id LIMIT 200").fetchall()
    view = QTableView()
    view.setModel(Rows(count, rows))
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    print("RESULT " + json.dumps({"painted": time.time(), "rows": count}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
