"""Table columns that fit what they show: sized to their contents once there is some, within limits."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

MIN_WIDTH = 48
MAX_WIDTH = 420  # a long free text (a note, a result) stops here; its tooltip shows the rest
SAMPLE_ROWS = 100  # rows measured: enough for a page on screen, and no lazy model loads more for it


def fit_columns(view: QTableView | QTreeView, maximum: int = MAX_WIDTH) -> None:
    """Size every column but the stretched last one to its header and contents, between
    MIN_WIDTH and `maximum`; done when rows first arrive, then left to the user's own resizing."""
    header: QHeaderView = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    last = model.columnCount() - 1 if header.stretchLastSection() else model.columnCount()
    if isinstance(view, QTableView):
        view.verticalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    for column in range(last):
        if view.isColumnHidden(column):
            continue
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, max(MIN_WIDTH, min(maximum, view.columnWidth(column))))


def fit_columns_when_filled(view: QAbstractItemView, maximum: int = MAX_WIDTH) -> None:
    """Fit the columns the first time the model holds rows (not on every reload: a column the
    user widened stays as they left it)."""
    model = view.model()
    assert model is not None and isinstance(view, (QTableView, QTreeView))

    def fill() -> None:
        if model.rowCount() and not view.property("alsdesk_fitted"):
            view.setProperty("alsdesk_fitted", True)
            fit_columns(view, maximum)

    model.modelReset.connect(fill)
    model.rowsInserted.connect(fill)
    model.layoutChanged.connect(fill)
    fill()
