"""Clinic-tunable defaults: each with its value, unit and source, overridable in the database;
and their values now (`load_settings`), which many services read.

Changing one is services.settings.change_setting, above the services whose stored values follow
a setting (medications' ALT dates), so the readers here import none of them."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import Setting
from alsdesk.storage.backup import SAFETY_DAYS_DEFAULT, SAFETY_DAYS_SETTING
from alsdesk.storage.reader import Query


@dataclass(frozen=True)
class SettingSpec:
    default: float
    label: str
    source: str
    minimum: float
    maximum: float


SPECS: dict[str, SettingSpec] = {
    "reassessment_days": SettingSpec(90, "Reassessment due after (days)", "NICE NG42; QS126", 14, 365),
    "workup_review_days": SettingSpec(7, "Review a result within (days)", "clinic default", 1, 60),
    "referral_followup_routine_days": SettingSpec(14, "Routine referral follow-up (days)", "clinic default", 1, 120),
    "referral_followup_urgent_days": SettingSpec(3, "Urgent referral follow-up (days)", "clinic default", 1, 30),
    "fvc_niv_percent": SettingSpec(50, "FVC below (% predicted): discuss NIV", "NICE NG42 (from CG105)", 10, 90),
    "snip_niv_cmh2o": SettingSpec(40, "SNIP below (cmH2O): discuss NIV", "NICE NG42 (from CG105)", 10, 100),
    "fvc_niv_symptomatic_percent": SettingSpec(
        80, "FVC below (% predicted) with respiratory symptoms: discuss NIV", "NICE NG42", 10, 100
    ),
    "snip_niv_symptomatic_cmh2o": SettingSpec(
        65, "SNIP below (cmH2O) with respiratory symptoms, men, other or unknown sex: discuss NIV", "NICE NG42", 10, 150
    ),
    "snip_niv_symptomatic_women_cmh2o": SettingSpec(
        55, "SNIP below (cmH2O) with respiratory symptoms, women: discuss NIV", "NICE NG42", 10, 150
    ),
    "snip_fall_cmh2o": SettingSpec(10, "SNIP fall (cmH2O) from the recent highest: discuss NIV", "NICE NG42", 1, 100),
    "snip_fall_days": SettingSpec(91, "SNIP fall: compared with the preceding (days)", "NICE NG42 (3 months)", 14, 365),
    "fvc_fall_niv_review_points": SettingSpec(
        10, "FVC fall since NIV started (percentage points): review NIV settings", "clinic default", 1, 100
    ),
    "spo2_abg_percent": SettingSpec(94, "SpO2 below (%): blood gas, no lung disease", "NICE CG105", 80, 99),
    "spo2_abg_lung_percent": SettingSpec(92, "SpO2 below (%): blood gas, with lung disease", "NICE CG105", 80, 99),
    "weight_loss_gastrostomy_percent": SettingSpec(
        10, "Weight loss from diagnosis (%): discuss gastrostomy", "EFNS 2012; ProGas 2015", 1, 50
    ),
    "weight_loss_dietitian_percent": SettingSpec(
        5, "Weight loss from diagnosis (%): dietitian review", "clinic default, not a guideline figure", 1, 50
    ),
    "fvc_gastrostomy_timing_percent": SettingSpec(
        50, "FVC below (%): gastrostomy carries more risk", "AAN 1999 practice parameter; EFNS 2012", 10, 90
    ),
    "fvc_gastrostomy_risk_percent": SettingSpec(30, "FVC below (%): gastrostomy high risk", "EFNS 2012", 10, 90),
    # Replaces the 4-point `alsfrs_decline_points` (schema 0013): a stored override of it is ignored.
    "alsfrs_decline_rate_per_month": SettingSpec(
        1.0, "ALSFRS-R decline (points per month): rapid decline", "clinic default (Kimura 2006 fast band)", 0.1, 10
    ),
    "alsfrs_decline_min_points": SettingSpec(
        3, "ALSFRS-R fall between the two latest visits (points): rapid decline", "clinic default", 1, 48
    ),
    "program_sheet_collect_days": SettingSpec(
        14, "Collect a program sheet within (days after its end)", "clinic default", 1, 90
    ),
    "riluzole_alt_uln_multiple": SettingSpec(5, "ALT at or above (× ULN): stop riluzole", "riluzole EU SmPC", 1, 20),
    "riluzole_baseline_alt_uln_multiple": SettingSpec(
        3, "Baseline ALT above (× ULN): confirm before starting riluzole", "riluzole EU SmPC", 1, 20
    ),
    "riluzole_baseline_alt_days": SettingSpec(
        30, "Baseline ALT taken within (days) before starting riluzole", "clinic default", 1, 365
    ),
    "alt_upper_limit": SettingSpec(
        40,
        "ALT upper limit of normal (U/L), for a lab without its own",
        "clinic default, not a guideline figure",
        10,
        200,
    ),
    "edaravone_cycles_scheduled": SettingSpec(
        3, "Edaravone IV: cycles of infusion sessions scheduled when prescribed", "clinic default", 1, 19
    ),
    "idle_lock_minutes": SettingSpec(10, "Lock the window after idle (minutes)", "HIPAA 164.312(a)(2)(iii)", 1, 240),
    "break_glass_hours": SettingSpec(
        8, "Emergency (break-glass) access lasts (hours)", "HIPAA 164.312(a)(2)(ii); clinic default", 1, 24
    ),
    # storage.backup reads it from the database file it backs up (storage cannot import services).
    SAFETY_DAYS_SETTING: SettingSpec(
        SAFETY_DAYS_DEFAULT, "Keep pre-restore, pre-encrypt and pre-upgrade copies (days)", "clinic default", 1, 3650
    ),
}

# The settings services.medications.derive_alt_due reads into Medication.alt_due_on.
ALT_DUE_SETTINGS = ("alt_upper_limit", "riluzole_baseline_alt_days")


def load_setting(*, session: Session, key: str) -> float:
    """One setting's current value (a document needs one, and prints a thousand at a time)."""
    raw = session.scalar(sa.select(Setting.value).where(Setting.key == key))
    return SPECS[key].default if raw is None else float(json.loads(raw))


_SETTINGS = Query(sa.select(Setting.key, Setting.value))


def load_settings(*, session: Session) -> dict[str, float]:
    """Every setting's current value: the clinic's override, else the default."""
    values = {key: spec.default for key, spec in SPECS.items()}
    for key, raw in _SETTINGS.rows(session):  # at the driver's speed (storage.reader): read with each chart
        if key in SPECS:
            values[key] = float(json.loads(raw))
    return values
