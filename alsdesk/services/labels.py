"""English labels for stored codes, used in plain-language reasons; the UI and reports translate."""

from __future__ import annotations

DISCIPLINE = {
    "neurology": "Neurology",
    "specialist_nursing": "Specialist nursing",
    "physiotherapy": "Physiotherapy",
    "occupational_therapy": "Occupational therapy",
    "speech_language_therapy": "Speech and language therapy",
    "dietetics": "Dietetics",
    "respiratory_medicine": "Respiratory medicine",
    "gastroenterology": "Gastroenterology (gastrostomy)",
    "psychology": "Psychology",
    "social_work": "Social work",
    "palliative_care": "Palliative care",
    "rehabilitation": "Rehabilitation",
    "regenerative_medicine": "Regenerative medicine (investigational)",
    "genetics_counselling": "Genetic counselling",
    "administration": "Administration",
}


def discipline(code: str) -> str:
    return DISCIPLINE.get(code, code.replace("_", " ").capitalize())
