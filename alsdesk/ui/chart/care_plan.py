"""Advance care plan tab: the current plan (services.care_plans) and its history, where notes of the
advance-care-plan kind are listed by date beside the plan's revisions (read-only: they stay notes)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from alsdesk.services import care_plans
from alsdesk.ui.chart.tab import ChartTab, make_table
from alsdesk.ui.signin.roles import needs
from alsdesk.ui.widgets.common import code_label
from alsdesk.ui.widgets.record_model import Column, RecordTableModel
from alsdesk.ui.widgets.worker import Backend


class CarePlanTab(ChartTab):
    def __init__(self, backend: Backend, patient_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(backend, patient_id, parent)
        self.dialog: Any = None
        self.current = QLabel()
        self.current.setObjectName("carePlanCurrent")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda h: h.on.isoformat()),
                Column(self.tr("Entry"), self._entry),
                Column(self.tr("Details"), self._details),
            ],
            parent=self,
        )
        self.table = make_table(self.model, self.tr("Advance care plan history"), (100, 220))
        self.edit_button = needs(QPushButton(self.tr("&Update the plan…")), "clinical.write")
        self.edit_button.setToolTip(self.tr("Record the plan, or a change to it; earlier versions are kept"))
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        history = QLabel(self.tr("History (plan versions, and notes of the advance-care-plan kind)"))
        history.setStyleSheet("font-weight: bold;")
        layout.addWidget(history)
        layout.addWidget(self.table, 1)

    def _entry(self, h: care_plans.HistoryEntry) -> str:
        if h.revision is None:
            return self.tr("Note")
        return self.tr("Plan, version {0}").format(h.revision)

    def _details(self, h: care_plans.HistoryEntry) -> str:
        """A note's text on one line; a version's resuscitation decision, ADRT and who recorded it."""
        versions = {p.revision: p for p in self.data.care_plans} if self.data is not None else {}
        plan = versions.get(h.revision) if h.revision is not None else None
        if plan is None:
            return " ".join(h.text.split())
        parts = [code_label(plan.resuscitation)]
        if plan.adrt_in_place:
            parts.append(self.tr("advance decision to refuse treatment"))
        if self.data is not None and plan.staff_id in self.data.staff:
            parts.append(self.data.staff[plan.staff_id])
        return self.tr("; ").join(parts)

    def plan_lines(self, plan: care_plans.PlanView) -> list[str]:
        """The current plan as the tab shows it, one line a part."""
        assert self.data is not None
        by = self.data.staff.get(plan.staff_id, "") if plan.staff_id else ""
        refuses = [code_label(c) for c in plan.adrt_refuses] + ([plan.adrt_text] if plan.adrt_text else [])
        cpr = code_label(plan.resuscitation)
        if plan.resuscitation_on is not None:
            cpr += f" ({plan.resuscitation_on.isoformat()})"
        person = self.tr("No one named")
        if plan.decider != "no_one_named":
            details = self.tr(", ").join(x for x in (plan.decider_relationship, plan.decider_phone) if x)
            person = f"{code_label(plan.decider)}: {plan.decider_name}" + (f" ({details})" if details else "")

        def place(code: str | None, text: str) -> str:
            return self.tr("Not stated") if code is None else code_label(code) + (f" ({text})" if text else "")

        return [
            self.tr("Current plan, version {0}, recorded {1}{2}").format(
                plan.revision, plan.recorded_on.isoformat(), self.tr(" by {0}").format(by) if by else ""
            ),
            self.tr("Resuscitation: {0}").format(cpr),
            self.tr("Advance decision to refuse treatment: {0}").format(
                self.tr("; ").join(refuses) if plan.adrt_in_place else self.tr("none")
            ),
            self.tr("Preferred place of care: {0}").format(place(plan.care_place, plan.care_place_text)),
            self.tr("Place at the end of life: {0}").format(place(plan.death_place, plan.death_place_text)),
            self.tr("Person with authority to decide: {0}").format(person),
            self.tr("Review on: {0}").format(plan.review_on.isoformat() if plan.review_on else self.tr("not set")),
            self.tr("Preferences and wishes: {0}").format(plan.preferences or self.tr("none recorded")),
        ]

    def refresh(self) -> None:
        assert self.data is not None
        plans = self.data.care_plans
        if plans:
            self.current.setText("\n".join(self.plan_lines(plans[0])))
        else:
            self.current.setText(self.tr("No advance care plan recorded yet."))
        self.edit_button.setText(self.tr("&Update the plan…") if plans else self.tr("Set &up the plan…"))
        self.model.set_rows(list(self.data.care_plan_history))

    def edit(self) -> None:
        from alsdesk.ui.chart.care_plan_dialog import CarePlanDialog

        current = self.data.care_plans[0] if self.data is not None and self.data.care_plans else None
        self.dialog = CarePlanDialog(self.backend, self.patient_id, current, self)
        self.dialog.open()  # window-modal; the chart reloads after the save (backend.changed)
