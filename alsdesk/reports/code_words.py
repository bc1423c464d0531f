"""Stored codes a document words its own way, where its words differ from the window's label
(alsdesk.i18n.labels): lower case inside a sentence, "URGENT", a fuller department name. babel.cfg
gives this file's N_ texts the context "report-codes", so these keep their own translations."""

from __future__ import annotations

from alsdesk.i18n import N_

CODES_CONTEXT = "report-codes"

# (group, code) → how a document words it, where that differs from the window's label.
OWN_WORDS: dict[tuple[str, str], str] = {
    ("discipline", "speech_language_therapy"): N_("Speech and language therapy"),
    ("discipline", "respiratory_medicine"): N_("Respiratory medicine"),
    ("discipline", "gastroenterology"): N_("Gastroenterology (gastrostomy)"),
    ("discipline", "administration"): N_("Administration"),
    ("status", "suspected"): N_("Suspected ALS"),
    ("status", "palliative"): N_("Palliative care"),
    ("urgency", "urgent"): N_("URGENT"),
    ("region", "bulbar"): N_("bulbar"),
    ("region", "upper_limb"): N_("upper limb"),
    ("region", "lower_limb"): N_("lower limb"),
    ("region", "respiratory"): N_("respiratory"),
    ("region", "generalised"): N_("generalised"),
    ("region", "cervical"): N_("cervical"),
    ("region", "thoracic"): N_("thoracic"),
    ("region", "lumbosacral"): N_("lumbosacral"),
    ("escorial", "definite"): N_("definite"),
    ("escorial", "probable"): N_("probable"),
    ("escorial", "probable_lab_supported"): N_("probable, laboratory-supported"),
    ("escorial", "possible"): N_("possible"),
    ("escorial", "not_met"): N_("criteria not met"),
    ("genetics", "negative"): N_("negative"),
    ("genetics", "not_tested"): N_("not tested"),
    ("genetics", "other"): N_("other variant"),
    ("band", "slow"): N_("slow"),
    ("band", "intermediate"): N_("intermediate"),
    ("band", "fast"): N_("fast"),
    # why an alert closed by itself (vocab.ALERT_CLOSED_REASONS), as the visit report says it
    ("closed", "no_longer_met"): N_("no longer met when the visit was corrected"),
    ("closed", "replaced"): N_("replaced when the visit was corrected"),
    ("closed", "gastrostomy_in_place"): N_("gastrostomy in place"),
    # worklist headings whose Chinese differs from the window's (reports/worklist.kind_heading)
    ("kind", "reassessment_due"): N_("Reassessments due"),
    ("kind", "drug_monitoring"): N_("Drug monitoring due"),
    ("kind", "therapy_unrecorded"): N_("Therapy attendance not recorded"),
    ("kind", "program_sheet"): N_("Program sheets to collect"),
}
