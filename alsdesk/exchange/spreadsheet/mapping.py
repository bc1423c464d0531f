"""Which column holds which patient field: a header that is a field's name or its label in English
or Chinese maps by itself; a mapping (a JSON object from column header to field name, given as a
file or saved for the clinic) says the rest."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.i18n import N_, translate
from alsdesk.models import Setting
from alsdesk.services.search import fold

# The fields a patient list can fill, with the label a header may be (the services' own words,
# context "fields" of the catalogue).
FIELDS: dict[str, str] = {
    "mrn": N_("MRN"),
    "family_name": N_("Family name"),
    "given_name": N_("Given name"),
    "name_zh": N_("Chinese name"),
    "sex": N_("Sex"),
    "birth_date": N_("Birth date"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "caregiver_name": N_("Caregiver name"),
    "caregiver_phone": N_("Caregiver phone"),
    "caregiver_relation": N_("Caregiver relation"),
    "language": N_("Handout language"),
    "status": N_("Status"),
    "onset_date": N_("Symptom onset date"),
    "onset_region": N_("Onset region"),
    "diagnosis_date": N_("Diagnosis date"),
    "el_escorial": N_("El Escorial category"),
    "genetics": N_("Genetics"),
    "gp_name": N_("GP name"),
    "gp_contact": N_("GP contact"),
}
REQUIRED = ("mrn", "family_name", "given_name", "sex", "birth_date")
NOT_IMPORTED = ""  # a mapping's value for a column left out, even one whose header names a field
# The clinic's saved mapping: a row of the setting table (JSON text), no schema of its own.
SETTING_KEY = "spreadsheet_mapping"

_BY_WORD = {
    fold(word): name for name, label in FIELDS.items() for word in (name, label, translate("zh_CN", label, "fields"))
}


def check_mapping(value: Any) -> dict[str, str]:
    """A mapping as given (parsed JSON): an object from header to field name, every name known."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise DomainError("A column mapping is a JSON object from column header to field name.")
    unknown = sorted({v for v in value.values() if v not in FIELDS and v != NOT_IMPORTED})
    if unknown:
        raise DomainError(
            "The column mapping names fields patients do not have: {names}. Known fields: {known}.",
            names=", ".join(unknown),
            known=", ".join(FIELDS),
        )
    return {k.strip(): v for k, v in value.items()}


def parse_mapping(text: str) -> dict[str, str]:
    try:
        return check_mapping(json.loads(text))
    except json.JSONDecodeError as err:
        raise DomainError("The column mapping is not valid JSON ({reason}).", reason=err.msg) from err


def read_mapping(path: Path) -> dict[str, str]:
    """A mapping file: JSON in UTF-8, with or without the byte order mark Windows Notepad writes."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DomainError("The column mapping file is not UTF-8 text: save it as UTF-8.") from err
    return parse_mapping(text)


def columns(headers: list[str], mapping: Mapping[str, str]) -> dict[int, str]:
    """Column index → field: by `mapping` first, else by the header's own words. A field taken by
    two columns, or a required field by none, is refused naming them."""
    found = guess(headers, mapping)
    taken: dict[str, int] = {}
    for i, name in found.items():
        if name in taken:
            raise DomainError(
                "Columns {first!r} and {second!r} both map to {field}.",
                first=headers[taken[name]],
                second=headers[i],
                field=name,
            )
        taken[name] = i
    missing = [name for name in REQUIRED if name not in taken]
    if missing:
        raise DomainError(
            "No column holds {fields}: name the column in a mapping (header to field name).",
            fields=", ".join(missing),
        )
    return found


def guess(headers: list[str], mapping: Mapping[str, str]) -> dict[int, str]:
    """Column index → field as `columns` finds it, unchecked (the window's starting choice)."""
    found: dict[int, str] = {}
    for i, header in enumerate(headers):
        name = mapping[header] if header in mapping else _BY_WORD.get(fold(header))
        if name:  # NOT_IMPORTED in the mapping leaves out a column its header would map
            found[i] = name
    return found


def saved_mapping(session: Session) -> dict[str, str]:
    """The clinic's saved mapping ({} when none)."""
    raw = session.scalar(sa.select(Setting.value).where(Setting.key == SETTING_KEY))
    return {} if raw is None else parse_mapping(raw)


def save_mapping(session: Session, mapping: Mapping[str, str]) -> None:
    text = json.dumps(check_mapping(dict(mapping)), ensure_ascii=False, sort_keys=True)
    row = session.scalar(sa.select(Setting).where(Setting.key == SETTING_KEY))
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=text))
    elif row.value != text:
        row.value = text
