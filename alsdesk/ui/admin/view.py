"""Administration: the clinic profile (letterheads), staff, and the catalogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from alsdesk.services import catalogs, clinic
from alsdesk.services.common import Changes
from alsdesk.ui.chart.tab import make_table, selected
from alsdesk.ui.i18n.texts import catalog_text, error_text, window_language
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import MUTED_COLOUR, code_label, error_label, language_combo, without_mnemonic
from alsdesk.ui.widgets.geometry import scrolling
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.status import announce_saved
from alsdesk.ui.widgets.worker import Backend, Latest
from alsdesk.vocab import DISCIPLINES, ROLES


def load_admin(session: Session) -> dict[str, Any]:
    return {
        "clinic": clinic.get_clinic(session=session),
        "staff": clinic.list_staff(session=session, include_inactive=True),
        "workups": catalogs.workup_types(session=session),
        "drugs": catalogs.drugs(session=session),
        "templates": catalogs.program_templates(session=session),
    }


def _enabled_with_a_row(table: QTableView, button: QPushButton) -> None:
    """`button` acts on the selected row: usable only while one is selected (a reload clears it)."""
    button.setEnabled(False)
    selection = table.selectionModel()
    selection.selectionChanged.connect(lambda *_: button.setEnabled(selection.hasSelection()))
    table.model().modelReset.connect(lambda: button.setEnabled(False))


def _with_buttons(table: QTableView, *buttons: QPushButton) -> QWidget:
    """A catalog table with its add/edit buttons under it (hidden by role for those who may not edit)."""
    page = QWidget()
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return page


def both_languages(en: str, zh: str) -> str:
    """A catalog text as shown, then its other language: administrators keep both up to date."""
    shown = catalog_text(en, zh)
    return "\n\n".join(t for t in dict.fromkeys((shown, en, zh)) if t)


class AdminView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._latest = Latest()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._clinic_tab(), self.tr("Clinic profile"))
        self.tabs.addTab(self._staff_tab(), self.tr("Staff"))
        self.workups = RecordTableModel(
            [
                Column(self.tr("Code"), lambda w: w.code),
                Column(self.tr("Investigation"), lambda w: w.name_en),
                Column(self.tr("Chinese"), lambda w: w.name_zh),
                Column(self.tr("Discipline"), lambda w: code_label(w.discipline)),
            ],
            parent=self,
        )
        self.drugs = RecordTableModel(
            [
                Column(self.tr("Drug"), lambda d: d.name),
                Column(self.tr("Chinese"), lambda d: d.name_zh),
                Column(
                    self.tr("Purpose"),
                    lambda d: catalog_text(d.purpose, d.purpose_zh),
                    lambda d: both_languages(d.purpose, d.purpose_zh),
                ),
                Column(self.tr("Status"), lambda d: code_label(d.approval)),
                Column(
                    self.tr("Default dose"),
                    lambda d: catalog_text(d.default_dose, d.default_dose_zh),
                    lambda d: both_languages(d.default_dose, d.default_dose_zh),
                ),
                Column(
                    self.tr("Facts"),
                    lambda d: catalog_text(d.facts, d.facts_zh),
                    lambda d: both_languages(d.facts, d.facts_zh),
                ),
            ],
            colour=lambda d: "#fde2e1" if d.approval == "withdrawn" else None,
            parent=self,
        )
        self.templates = RecordTableModel(
            [
                Column(self.tr("Program"), lambda t: t.name_en),
                Column(self.tr("Evidence level"), lambda t: code_label(t.evidence_level)),
                Column(self.tr("Days"), lambda t: str(t.duration_days)),
                Column(self.tr("Source"), lambda t: t.source, lambda t: t.source),
            ],
            colour=lambda t: "#ede9fe" if t.investigational else None,
            parent=self,
        )
        self.workup_table = make_table(self.workups, self.tr("Workup types"), (160, 300, 200))
        self.drug_table = make_table(self.drugs, self.tr("Drugs"), (220, 160, 200, 110, 160))
        self.template_table = make_table(self.templates, self.tr("Program templates"), (260, 140, 60))
        self.add_workup_button = needs(QPushButton(self.tr("Add &workup type…")), "admin")
        self.add_workup_button.clicked.connect(self.add_workup_type)
        self.add_drug_button = needs(QPushButton(self.tr("Add &drug…")), "admin")
        self.add_drug_button.clicked.connect(lambda: self.edit_drug(None))
        self.edit_drug_button = needs(QPushButton(self.tr("&Edit drug…")), "admin")
        self.edit_drug_button.clicked.connect(self._edit_selected_drug)
        self.drug_table.activated.connect(lambda index: self.edit_drug(self.drugs.row(index.row())))
        self.add_template_button = needs(QPushButton(self.tr("Add &program…")), "admin")
        self.add_template_button.clicked.connect(lambda: self.edit_template(None))
        self.edit_template_button = needs(QPushButton(self.tr("Edi&t program…")), "admin")
        self.edit_template_button.clicked.connect(self._edit_selected_template)
        self.template_table.activated.connect(lambda index: self.edit_template(self.templates.row(index.row())))
        for table, button in (
            (self.drug_table, self.edit_drug_button),
            (self.template_table, self.edit_template_button),
        ):
            _enabled_with_a_row(table, button)
        self.dialog: QDialog | None = None
        catalog_tabs = QTabWidget()
        catalog_tabs.addTab(_with_buttons(self.workup_table, self.add_workup_button), self.tr("Workup types"))
        catalog_tabs.addTab(
            _with_buttons(self.drug_table, self.add_drug_button, self.edit_drug_button), self.tr("Drugs")
        )
        catalog_tabs.addTab(
            _with_buttons(self.template_table, self.add_template_button, self.edit_template_button),
            self.tr("Program templates"),
        )
        catalog_tabs.addTab(self._disciplines_tab(), self.tr("Disciplines"))
        self.catalog_tabs = catalog_tabs
        self.tabs.addTab(catalog_tabs, self.tr("Catalogs"))
        if not backend.may("admin"):  # others may look, not edit (the services refuse it anyway)
            for field in (self.name, self.address, self.phone, self.paper):
                field.setEnabled(False)
            for field in (self.display, self.username, self.staff_discipline, self.role):
                field.hide()
        if backend.may("import") or backend.may("export"):
            from alsdesk.ui.admin.exchange_page import ExchangePage

            self.exchange = ExchangePage(backend)
            self.tabs.addTab(self.exchange, self.tr("Import / export"))
        if backend.may("import"):  # a patient transferred back: what both clinics changed
            from alsdesk.ui.admin.conflicts_page import ConflictsPage

            self.conflicts = ConflictsPage(backend)
            self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        if backend.may("audit.read"):
            from alsdesk.ui.admin.audit_view import AuditView

            self.audit = AuditView(backend)
            self.tabs.addTab(self.audit, self.tr("Audit trail"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        backend.changed.connect(lambda c: self.reload() if c.catalogs or c.patients else None)
        self.reload()

    def _clinic_tab(self) -> QWidget:
        page = QWidget()
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.address_zh = QLineEdit()  # for documents in Chinese (printdata.in_language picks a page's)
        self.phone = QLineEdit()
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        # The handout's safety block (issue 13): whom to call in an emergency, out of hours, and when.
        self.emergency = QLineEdit()
        self.out_of_hours = QLineEdit()
        self.hours = QPlainTextEdit()
        self.hours.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
        self.hours.setFixedHeight(self.hours.fontMetrics().lineSpacing() * 3 + 12)
        # The same in Chinese, for documents in Chinese (printdata.in_language picks a page's).
        self.hours_zh = QPlainTextEdit()
        self.hours_zh.setTabChangesFocus(True)
        self.hours_zh.setFixedHeight(self.hours_zh.fontMetrics().lineSpacing() * 3 + 12)
        # How to get there (the appointment letter's Transport line), in both languages.
        self.getting_here = QPlainTextEdit()
        self.getting_here.setPlaceholderText(self.tr("e.g. Bus 12 to the hospital's east gate; step-free entrance"))
        self.getting_here_zh = QPlainTextEdit()
        for box in (self.getting_here, self.getting_here_zh):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 2 + 12)
        self.letter_language = language_combo()
        # Made once with the clinic (services.sites); read out to another clinic, never edited.
        self.site_id = QLabel(self.tr("(made when the clinic profile is first saved)"))
        self.site_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.site_id.setAccessibleName(self.tr("Site ID"))
        self.clinic_message = error_label()
        save = needs(QPushButton(self.tr("&Save clinic profile")), "admin")
        save.clicked.connect(self.save_clinic)
        form = QFormLayout()
        form.addRow(self.tr("Clinic &name"), self.name)
        form.addRow(self.tr("&Address"), self.address)
        address_zh = self.tr("Add&ress (Chinese)")
        self.address_zh.setAccessibleName(without_mnemonic(address_zh))
        form.addRow(address_zh, self.address_zh)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("Paper si&ze"), self.paper)
        for label, field in (
            (self.tr("&Emergency number"), self.emergency),
            (self.tr("&Out-of-hours phone"), self.out_of_hours),
            (self.tr("Opening &hours"), self.hours),
            (self.tr("Openin&g hours (Chinese)"), self.hours_zh),
            (self.tr("Getting &there"), self.getting_here),
            (self.tr("Getting there (Chinese)"), self.getting_here_zh),
            (self.tr("Language of letters to &clinicians"), self.letter_language),
        ):
            field.setAccessibleName(without_mnemonic(label))
            form.addRow(label, field)
        form.addRow(self.tr("Site ID"), self.site_id)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.clinic_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        layout.addWidget(self._workstation_box())
        layout.addStretch(1)
        # The profile is taller than a laptop at 125 %: it scrolls rather than setting the window's
        # minimum height.
        return scrolling(page)

    def _workstation_box(self) -> QGroupBox:
        """Per-workstation preferences, kept in QSettings rather than the shared database."""
        box = QGroupBox(self.tr("This workstation"))
        current = str(QSettings().value("ui/language", window_language()))  # unchosen: what it speaks
        self.language = language_combo(current)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.currentIndexChanged.connect(
            lambda i: QSettings().setValue("ui/language", self.language.itemData(i))
        )
        note = QLabel(self.tr("The language applies from the next start."))
        note.setStyleSheet("color: #6b7280;")
        form = QFormLayout(box)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", note)
        return box

    def _staff_tab(self) -> QWidget:
        page = QWidget()
        self.staff = RecordTableModel(
            [
                Column(self.tr("Name"), lambda s: s.display_name),
                Column(self.tr("User name"), lambda s: s.username),
                Column(self.tr("Discipline"), lambda s: code_label(s.discipline)),
                Column(self.tr("Role"), lambda s: code_label(s.role)),
                Column(self.tr("Active"), lambda s: self.tr("yes") if s.active else self.tr("no")),
                Column(self.tr("Job title"), lambda s: s.job_title),
                Column(self.tr("Job title (Chinese)"), lambda s: s.job_title_zh),
                Column(self.tr("Phone"), lambda s: s.phone),
            ],
            parent=self,
        )
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("user name"))
        self.username.setAccessibleName(self.tr("User name"))
        self.display = QLineEdit()
        self.display.setPlaceholderText(self.tr("full name"))
        self.display.setAccessibleName(self.tr("Full name"))
        self.staff_discipline = QComboBox()
        self.staff_discipline.setAccessibleName(self.tr("Discipline"))
        for code in DISCIPLINES:
            self.staff_discipline.addItem(code_label(code), code)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for code in ROLES:
            self.role.addItem(code_label(code), code)
        self.job_title = QLineEdit()
        self.job_title.setPlaceholderText(self.tr("job title"))
        self.job_title.setAccessibleName(self.tr("Job title"))
        self.job_title_zh = QLineEdit()
        self.job_title_zh.setPlaceholderText(self.tr("job title (Chinese)"))
        self.job_title_zh.setAccessibleName(self.tr("Job title (Chinese)"))
        self.staff_phone = QLineEdit()
        self.staff_phone.setPlaceholderText(self.tr("phone"))
        self.staff_phone.setAccessibleName(self.tr("Phone"))
        add = needs(QPushButton(self.tr("&Add staff member")), "admin")
        add.clicked.connect(self.add_staff)
        self.staff_message = error_label()
        form = QHBoxLayout()
        fields = (self.display, self.username, self.staff_discipline, self.role, self.job_title, self.job_title_zh)
        for w in (*fields, self.staff_phone, add):
            form.addWidget(w)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.staff_message)
        self.staff_table = make_table(self.staff, self.tr("Staff"), (240, 140, 220, 130))
        self.staff_table.activated.connect(lambda _i: self._edit_selected_staff())
        edit = needs(QPushButton(self.tr("&Edit phone and job title…")), "admin")
        edit.clicked.connect(self._edit_selected_staff)
        _enabled_with_a_row(self.staff_table, edit)
        layout.addWidget(_with_buttons(self.staff_table, edit), 1)
        return page

    def _edit_selected_staff(self) -> None:
        from alsdesk.ui.admin.staff_contact_dialog import StaffContactDialog

        member = selected(self.staff_table, self.staff)
        if member is not None and self.backend.may("admin"):
            self._open(StaffContactDialog(self.backend, member, self))

    def _disciplines_tab(self) -> QWidget:
        page = QWidget()
        self.disciplines = RecordTableModel(
            [Column(self.tr("Code"), lambda d: d), Column(self.tr("Discipline"), code_label)], parent=self
        )
        self.disciplines.set_rows(DISCIPLINES)
        note = QLabel(self.tr("Disciplines are fixed by the app: the worklist and the schedule rules use them."))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_COLOUR};")
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(make_table(self.disciplines, self.tr("Disciplines"), (220,)), 1)
        return page

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def add_workup_type(self) -> None:
        from alsdesk.ui.admin.workup_type_dialog import WorkupTypeDialog

        if self.backend.may("admin"):
            self._open(WorkupTypeDialog(self.backend, self))

    def edit_drug(self, drug: catalogs.DrugView | None) -> None:
        """Add a drug (None) or edit one; double-click and Enter come here too, so check the role."""
        from alsdesk.ui.admin.drug_dialog import DrugDialog

        if self.backend.may("admin"):
            self._open(DrugDialog(self.backend, drug, self))

    def _edit_selected_drug(self) -> None:
        drug = selected(self.drug_table, self.drugs)
        if drug is not None:
            self.edit_drug(drug)

    def _edit_selected_template(self) -> None:
        template = selected(self.template_table, self.templates)
        if template is not None:
            self.edit_template(template)

    def edit_template(self, template: catalogs.ProgramTemplateView | None) -> None:
        from alsdesk.ui.programs.template_dialog import ProgramTemplateDialog

        if self.backend.may("admin"):
            self._open(ProgramTemplateDialog(self.backend, template, self))

    def reload(self) -> None:
        self.backend.read(load_admin, self._latest(self._loaded), owner=self)

    def _loaded(self, data: dict[str, Any]) -> None:
        profile = data["clinic"]
        if profile is not None:
            self.name.setText(profile.name)
            self.address.setText(profile.address)
            self.address_zh.setText(profile.address_zh)
            self.phone.setText(profile.phone)
            self.paper.setCurrentIndex(max(0, self.paper.findData(profile.paper_size)))
            self.emergency.setText(profile.emergency_phone)
            self.out_of_hours.setText(profile.out_of_hours_phone)
            self.hours.setPlainText(profile.opening_hours)
            self.hours_zh.setPlainText(profile.opening_hours_zh)
            self.getting_here.setPlainText(profile.getting_here)
            self.getting_here_zh.setPlainText(profile.getting_here_zh)
            self.letter_language.setCurrentIndex(max(0, self.letter_language.findData(profile.letter_language)))
            self.site_id.setText(profile.site_id)
        self.staff.set_rows(data["staff"])
        self.workups.set_rows(data["workups"])
        self.drugs.set_rows(data["drugs"])
        self.templates.set_rows(data["templates"])

    def save_clinic(self) -> None:
        values = dict(
            name=self.name.text(),
            address=self.address.text(),
            address_zh=self.address_zh.text(),
            phone=self.phone.text(),
            paper_size=self.paper.currentData(),
            emergency_phone=self.emergency.text(),
            out_of_hours_phone=self.out_of_hours.text(),
            opening_hours=self.hours.toPlainText(),
            opening_hours_zh=self.hours_zh.toPlainText(),
            getting_here=self.getting_here.toPlainText(),
            getting_here_zh=self.getting_here_zh.toPlainText(),
            letter_language=self.letter_language.currentData(),
        )
        self.clinic_message.hide()
        self.backend.write(
            lambda s: clinic.save_clinic(session=s, **values),
            lambda _r: announce_saved(self),
            lambda e: (self.clinic_message.setText(error_text(e)), self.clinic_message.show()),
            owner=self,
        )

    def add_staff(self) -> None:
        values = dict(
            username=self.username.text(),
            display_name=self.display.text(),
            discipline=self.staff_discipline.currentData(),
            role=self.role.currentData(),
            job_title=self.job_title.text(),
            job_title_zh=self.job_title_zh.text(),
            phone=self.staff_phone.text(),
        )
        self.staff_message.hide()

        def work(s: Session) -> Changes:
            clinic.add_staff(session=s, **values)
            return Changes(catalogs=True, worklist=False)

        self.backend.write(
            work,
            lambda _c: (
                self.username.clear(),
                self.display.clear(),
                self.job_title.clear(),
                self.job_title_zh.clear(),
                self.staff_phone.clear(),
                announce_saved(self),
            ),
            lambda e: (self.staff_message.setText(error_text(e)), self.staff_message.show()),
            owner=self,
        )
