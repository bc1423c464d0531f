"""The care programs screen: the templates the clinic offers, with items and evidence level."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from alsdesk.i18n import N_
from alsdesk.services import catalogs
from alsdesk.services.catalogs import ProgramTemplateView
from alsdesk.services.common import Changes
from alsdesk.ui.chart.tab import make_table, selected
from alsdesk.ui.i18n.texts import catalog_name, chinese, investigational_warning
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend, Latest


def describe(t: ProgramTemplateView) -> str:
    """The template as simple HTML for the detail pane."""
    from html import escape

    def heading(text: str) -> str:
        return escape(QCoreApplication.translate("programs", text))

    items_heading, diet_heading, instructions_heading, source_label = (
        heading(N_("Items ticked each day")),
        heading(N_("Diet")),
        heading(N_("Instructions")),
        heading(N_("Source:")),
    )
    zh = chinese()  # the catalog's Chinese texts where the window speaks Chinese
    parts = [f"<h2>{escape(catalog_name(t.name_en, t.name_zh))}</h2>"]
    if t.investigational:
        parts.append(
            f"<p style='background:#ede9fe;color:#4c1d95;padding:6px'><b>{escape(investigational_warning())}</b></p>"
        )
    parts.append(f"<p>{escape(t.purpose)}</p>")
    parts.append(f"<h3>{items_heading}</h3><ol>")
    for i in t.items:
        # An item that assumes an intervention is copied only onto the sheets of patients who have it.
        only = (
            " <i>"
            + escape(QCoreApplication.translate("programs", "(only for patients with {0})").format(code_label(i.needs)))
            + "</i>"
            if i.needs
            else ""
        )
        parts.append(f"<li>{escape(i.zh if zh and i.zh else i.en)}{only}</li>")
    parts.append("</ol>")
    diet = t.diet_restrictions_zh if zh and t.diet_restrictions_zh else t.diet_restrictions
    if diet:
        parts.append(f"<h3>{diet_heading}</h3><p>{escape(diet)}</p>")
    instructions = t.instructions_zh if zh and t.instructions_zh else t.instructions
    if instructions:
        parts.append(f"<h3>{instructions_heading}</h3><p>{escape(instructions)}</p>")
    parts.append(f"<p style='color:#6b7280'>{source_label} {escape(t.source)}</p>")
    return "".join(parts)


class ProgramsView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._latest = Latest()
        self.model = RecordTableModel(
            [
                Column(self.tr("Program"), lambda t: catalog_name(t.name_en, t.name_zh)),
                Column(self.tr("Evidence"), lambda t: code_label(t.evidence_level)),
                Column(self.tr("Days"), lambda t: str(t.duration_days)),
                Column(self.tr("Items"), lambda t: str(len(t.items))),
            ],
            colour=lambda t: "#ede9fe" if t.investigational else None,
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Care program templates"), (290, 110, 50))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Program details"))
        hint = QLabel(
            self.tr("Enroll a patient from the Care programs tab of their chart; enter returned sheets there.")
        )
        hint.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([560, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        backend.changed.connect(lambda c: self.reload() if isinstance(c, Changes) and c.catalogs else None)
        self.reload()

    def reload(self) -> None:
        self.backend.read(lambda s: catalogs.program_templates(session=s), self._latest(self._loaded), owner=self)

    def _loaded(self, templates: list[ProgramTemplateView]) -> None:
        self.model.set_rows(templates)
        if templates:
            self.table.selectRow(0)
        self._show()

    def _show(self) -> None:
        t = selected(self.table, self.model)
        self.detail.setHtml(describe(t) if t else "")
