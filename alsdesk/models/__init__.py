"""SQLAlchemy models; importing this package registers every table on `Base.metadata`."""

from alsdesk.models.allergy import Allergy
from alsdesk.models.assessment import Alert, Assessment
from alsdesk.models.audit import AuditEntry
from alsdesk.models.base import Base
from alsdesk.models.care_plan import AdvanceCarePlan
from alsdesk.models.clinic import ClinicProfile, Setting, Staff
from alsdesk.models.medication import Drug, LabResult, Medication, Milestone
from alsdesk.models.notes import ClinicalNote, WorklistDismissal
from alsdesk.models.patient import (
    CareTeamMember,
    DiagnosticFinding,
    Patient,
    PatientIdentifier,
    PatientSearchKey,
    Screening,
)
from alsdesk.models.plans import GastrostomySetting, NivSetting
from alsdesk.models.printing import PrintLog
from alsdesk.models.program import Enrollment, EnrollmentEvent, EnrollmentMark, ProgramTemplate
from alsdesk.models.referral import Referral, ReferralEvent
from alsdesk.models.therapy import TherapyPlan, TherapySession
from alsdesk.models.transfer import MergeConflict
from alsdesk.models.workup import Workup, WorkupEvent, WorkupType

# Patient-owned tables in an order that satisfies their foreign keys (export, import, delete).
PATIENT_RECORDS: tuple[type[Base], ...] = (
    DiagnosticFinding,
    Screening,
    Workup,
    WorkupEvent,
    Assessment,
    Alert,
    Medication,
    LabResult,
    Milestone,
    TherapyPlan,
    TherapySession,
    Referral,
    ReferralEvent,
    Enrollment,
    EnrollmentEvent,
    EnrollmentMark,
    ClinicalNote,
    WorklistDismissal,
    Allergy,
    AdvanceCarePlan,
    PatientIdentifier,
    NivSetting,
    GastrostomySetting,
)

__all__ = [
    "PATIENT_RECORDS",
    "AdvanceCarePlan",
    "Alert",
    "Allergy",
    "Assessment",
    "AuditEntry",
    "Base",
    "CareTeamMember",
    "ClinicProfile",
    "ClinicalNote",
    "DiagnosticFinding",
    "Drug",
    "Enrollment",
    "EnrollmentEvent",
    "EnrollmentMark",
    "GastrostomySetting",
    "LabResult",
    "Medication",
    "MergeConflict",
    "Milestone",
    "NivSetting",
    "Patient",
    "PatientIdentifier",
    "PatientSearchKey",
    "PrintLog",
    "ProgramTemplate",
    "Referral",
    "ReferralEvent",
    "Screening",
    "Setting",
    "Staff",
    "TherapyPlan",
    "TherapySession",
    "WorklistDismissal",
    "Workup",
    "WorkupEvent",
    "WorkupType",
]
