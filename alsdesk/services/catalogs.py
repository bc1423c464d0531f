"""Catalogs (workup types, drugs, care program templates): shipped defaults plus clinic additions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError, NotFoundError
from alsdesk.i18n.values import Name
from alsdesk.models import Drug, Enrollment, Medication, ProgramTemplate, Setting, WorkupType
from alsdesk.paths import resource
from alsdesk.services import medications
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, check_choice, check_text, rows_where
from alsdesk.services.interventions import KINDS as INTERVENTIONS
from alsdesk.storage.reader import Query
from alsdesk.vocab import APPROVAL, DISCIPLINES, EVIDENCE, GENETICS

INVESTIGATIONAL_WARNING = {
    "en": "Investigational: not an established ALS treatment; discuss with your neurologist",
    "zh_CN": "研究性项目：并非已确立的ALS治疗方法；请与您的神经科医生讨论",
}


def load_resource(name: str) -> Any:
    return json.loads(resource("catalog", name).read_text("utf-8"))


@dataclass(frozen=True)
class WorkupTypeView:
    code: str
    name_en: str
    name_zh: str
    discipline: str


@dataclass(frozen=True)
class DrugView:
    code: str
    name: str
    purpose: str
    approval: str
    default_dose: str
    facts: str
    requires_genetics: str
    monitoring: str
    name_zh: str = ""
    purpose_zh: str = ""
    facts_zh: str = ""
    default_dose_zh: str = ""


@dataclass(frozen=True)
class ProgramItem:
    en: str
    zh: str
    needs: str = ""  # an intervention (services.interventions.KINDS) the item assumes, or ""
    reading: str = ""  # the unit of a reading the item asks for (READINGS: SpO2 %, weight kg), or ""


@dataclass(frozen=True)
class ProgramTemplateView:
    code: str
    name_en: str
    name_zh: str
    purpose: str
    evidence_level: str
    duration_days: int
    diet_restrictions: str
    instructions: str
    source: str
    items: tuple[ProgramItem, ...]
    diet_restrictions_zh: str = ""
    instructions_zh: str = ""

    @property
    def investigational(self) -> bool:
        return self.evidence_level == "investigational"


# Units of the readings an item may ask for: the checklist leaves room to write one each day.
READINGS = ("%", "kg")


def parse_items(items_json: str) -> tuple[ProgramItem, ...]:
    return tuple(
        ProgramItem(en=i["en"], zh=i.get("zh", ""), needs=i.get("needs", ""), reading=i.get("reading", ""))
        for i in json.loads(items_json)
    )


def _template_row(entry: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in entry.items() if k != "items"}
    row["items_json"] = json.dumps(entry["items"], ensure_ascii=False)
    return row


# Drug texts shipped earlier and since corrected, by code and field: a database still holding one
# of them (so the clinic never edited it) gets today's shipped text and its Chinese.
SUPERSEDED_DRUG_TEXTS: dict[str, dict[str, tuple[str, ...]]] = {
    "edaravone_iv": {  # issue 12: no drug-free fortnight, no EU status
        "default_dose": ("60 mg IV; cycles 14 days on / 14 off, then 10 of 14 days",),
        "facts": ("FDA approval 2017 (IV).",),
    },
    "edaravone_oral": {  # issue 12: also no fasting instruction
        "default_dose": ("105 mg; cycles 14 days on / 14 off, then 10 of 14 days",),
        "facts": ("FDA approval 2022 (oral suspension).",),
    },
}
_CHINESE_OF = {"default_dose": "default_dose_zh", "facts": "facts_zh"}


def _update_shipped_drug_texts(session: Session) -> bool:
    """Shipped drug texts the clinic has not edited follow the shipped catalog: a superseded English
    text is replaced with today's (and its Chinese with today's), and a shipped English text whose
    Chinese is still empty gets it. Returns whether anything changed."""
    shipped = {e["code"]: e for e in load_resource("drugs.json")}
    changed = False
    for drug in session.scalars(sa.select(Drug).where(Drug.code.in_(shipped))):
        entry = shipped[drug.code]
        for field, zh_field in _CHINESE_OF.items():
            now_en, now_zh = entry.get(field, ""), entry.get(zh_field, "")
            if getattr(drug, field) in SUPERSEDED_DRUG_TEXTS.get(drug.code, {}).get(field, ()):
                setattr(drug, field, now_en)
                setattr(drug, zh_field, now_zh)
                changed = True
            elif getattr(drug, field) == now_en and now_zh and not getattr(drug, zh_field):
                setattr(drug, zh_field, now_zh)
                changed = True
    return changed


# Program names shipped earlier, by code: (English, Chinese) as shipped, renamed since. Families read
# the name on their handout and checklist, so an enrollment still holding one is renamed with its
# template; a name the clinic edited is left as it is.
SUPERSEDED_PROGRAM_NAMES: dict[str, tuple[str, str]] = {
    "low_glutamate_diet": ("Low-glutamate diet (seed paper example)", "低谷氨酸饮食（论文示例）"),  # issue 13
}


def _update_shipped_program_names(session: Session) -> bool:
    shipped = {e["code"]: e for e in load_resource("programs.json")}
    changed = False
    for code, (old_en, old_zh) in SUPERSEDED_PROGRAM_NAMES.items():
        new = {"name_en": shipped[code]["name_en"], "name_zh": shipped[code]["name_zh"]}
        for model, code_column in ((ProgramTemplate, ProgramTemplate.code), (Enrollment, Enrollment.template_code)):
            result = session.execute(
                sa.update(model)
                .where(code_column == code, model.name_en == old_en, model.name_zh.in_((old_zh, "")))
                .values(new)
                .execution_options(synchronize_session=False)
            )
            changed = changed or bool(getattr(result, "rowcount", 0))
    return changed


CATALOG_FILES = ("workup_types.json", "drugs.json", "programs.json")
# The shipped catalog last brought into this database (shipped_digest), so that opening a clinic
# whose catalog is already in step reads one row instead of writing (cold start, every CLI command).
SYNCED_SETTING = "catalog_synced"
_SETTING = Setting.__table__  # the table, not the mapped class: no mapper configuration at start
_SYNCED = Query(sa.select(_SETTING.c.value).where(_SETTING.c.key == SYNCED_SETTING))


def shipped_digest() -> str:
    """What sync_catalogs brings in: the shipped files and the superseded texts it replaces."""
    h = hashlib.sha256()
    for name in CATALOG_FILES:
        h.update(resource("catalog", name).read_bytes())
    h.update(repr((SUPERSEDED_DRUG_TEXTS, SUPERSEDED_PROGRAM_NAMES)).encode())
    return h.hexdigest()


def catalogs_in_step(*, session: Session) -> bool:
    """Whether this shipped catalog was already synced here. Catalog entries are never deleted, so
    nothing a sync adds can go missing afterwards."""
    rows = _SYNCED.rows(session)
    return bool(rows) and rows[0][0] == json.dumps(shipped_digest())


def sync_catalogs(*, session: Session) -> Changes:
    """Add shipped catalog entries the database lacks, and bring shipped drug texts and program names
    the clinic has not edited up to date (_update_shipped_drug_texts, _update_shipped_program_names);
    never overwrite a clinic's own edits. Records the shipped digest (catalogs_in_step)."""
    added = _update_shipped_drug_texts(session)
    added = _update_shipped_program_names(session) or added
    monitored: list[str] = []
    for model, filename, convert in (
        (WorkupType, "workup_types.json", dict),
        (Drug, "drugs.json", dict),
        (ProgramTemplate, "programs.json", _template_row),
    ):
        have = set(session.scalars(sa.select(model.code)))
        for entry in load_resource(filename):
            if entry["code"] not in have:
                session.add(model(**convert(entry)))
                added = True
                if model is Drug and entry.get("monitoring"):
                    monitored.append(entry["code"])
    if monitored:  # courses recorded before their drug was in the catalog now need their tests dated
        session.flush()
        medications.derive_alt_due(session, Medication.drug_code.in_(monitored))
    digest = json.dumps(shipped_digest())
    row = session.scalar(sa.select(Setting).where(Setting.key == SYNCED_SETTING))
    if row is None:
        session.add(Setting(key=SYNCED_SETTING, value=digest))
    elif row.value != digest:
        row.value = digest
    return Changes(catalogs=added, worklist=bool(monitored))


def workup_types(*, session: Session) -> list[WorkupTypeView]:
    rows = session.scalars(sa.select(WorkupType).where(WorkupType.active).order_by(WorkupType.name_en))
    return [WorkupTypeView(r.code, r.name_en, r.name_zh, r.discipline) for r in rows]


def workup_type_names(*, session: Session) -> dict[str, str]:
    return dict(session.execute(sa.select(WorkupType.code, WorkupType.name_en)).all())


_WORKUP_NAMES = Query(sa.select(WorkupType.code, WorkupType.name_en, WorkupType.name_zh))


def workup_type_names_both(*, session: Session) -> dict[str, Name]:
    """Every workup type's name by code, in English and Chinese (the chart window shows either)."""
    return {code: Name(en, zh or "") for code, en, zh in _WORKUP_NAMES.rows(session)}  # read with each chart


def chinese_names(*, session: Session) -> list[tuple[str, str]]:
    """(English, Chinese) catalog texts that have a Chinese form: names of workup types, drugs and
    care programs, and drugs' purposes, facts and default doses (services quote them, e.g. prescription
    warnings; the window shows which default dose a blank dose takes)."""
    pairs = list(session.execute(sa.select(WorkupType.name_en, WorkupType.name_zh).where(WorkupType.name_zh != "")))
    pairs += session.execute(sa.select(Drug.name, Drug.name_zh).where(Drug.name_zh != "")).all()
    pairs += session.execute(sa.select(Drug.purpose, Drug.purpose_zh).where(Drug.purpose_zh != "")).all()
    pairs += session.execute(sa.select(Drug.facts, Drug.facts_zh).where(Drug.facts_zh != "", Drug.facts != "")).all()
    pairs += session.execute(
        sa.select(Drug.default_dose, Drug.default_dose_zh).where(Drug.default_dose_zh != "", Drug.default_dose != "")
    ).all()
    pairs += session.execute(
        sa.select(ProgramTemplate.name_en, ProgramTemplate.name_zh).where(ProgramTemplate.name_zh != "")
    ).all()
    return [(en, zh) for en, zh in pairs]


def drug_view(row: Drug) -> DrugView:
    return DrugView(
        row.code,
        row.name,
        row.purpose,
        row.approval,
        row.default_dose,
        row.facts,
        row.requires_genetics,
        row.monitoring,
        name_zh=row.name_zh,
        purpose_zh=row.purpose_zh,
        facts_zh=row.facts_zh,
        default_dose_zh=row.default_dose_zh,
    )


def drugs(*, session: Session) -> list[DrugView]:
    return [drug_view(r) for r in rows_where(session, Drug, None, None, "name")]  # read with each chart


def get_drug(*, session: Session, code: str) -> DrugView:
    row = session.scalar(sa.select(Drug).where(Drug.code == code))
    if row is None:
        raise NotFoundError("No drug with code {code!r} is in the catalog.", code=code)
    return drug_view(row)


def template_view(row: ProgramTemplate) -> ProgramTemplateView:
    return ProgramTemplateView(
        row.code,
        row.name_en,
        row.name_zh,
        row.purpose,
        row.evidence_level,
        row.duration_days,
        row.diet_restrictions,
        row.instructions,
        row.source,
        parse_items(row.items_json),
        diet_restrictions_zh=row.diet_restrictions_zh,
        instructions_zh=row.instructions_zh,
    )


def program_templates(*, session: Session) -> list[ProgramTemplateView]:
    """The active templates by name (read with each chart, as columns: storage.reader)."""
    return [template_view(r) for r in rows_where(session, ProgramTemplate, None, None, "name_en") if r.active]


@requires("admin")
def add_workup_type(*, session: Session, code: str, name_en: str, name_zh: str = "", discipline: str) -> Changes:
    code = check_text(code, "Code", max_len=40).lower()
    if session.scalar(sa.select(WorkupType.id).where(WorkupType.code == code)):
        raise DomainError("A workup type with code {code!r} already exists.", code=code)
    session.add(
        WorkupType(
            code=code,
            name_en=check_text(name_en, "Name", max_len=200),
            name_zh=check_text(name_zh, "Chinese name", max_len=200, required=False),
            discipline=check_choice(discipline, DISCIPLINES, "Discipline"),
        )
    )
    return Changes(catalogs=True, worklist=False)


@requires("admin")
def save_drug(
    *,
    session: Session,
    code: str,
    name: str,
    purpose: str,
    approval: str,
    default_dose: str = "",
    facts: str = "",
    requires_genetics: str = "",
    name_zh: str = "",
    purpose_zh: str = "",
    facts_zh: str = "",
    default_dose_zh: str = "",
) -> Changes:
    """Add a drug to the clinic's catalog or edit one (approval status drives prescription warnings).
    The Chinese texts are optional; without them the Chinese window shows the English ones."""
    code = check_text(code, "Code", max_len=40).lower()
    values = dict(
        name=check_text(name, "Name", max_len=200),
        name_zh=check_text(name_zh, "Chinese name", max_len=200, required=False),
        purpose=check_text(purpose, "Purpose", max_len=200),
        approval=check_choice(approval, APPROVAL, "Approval status"),
        default_dose=check_text(default_dose, "Default dose", max_len=200, required=False),
        purpose_zh=check_text(purpose_zh, "Chinese purpose", max_len=200, required=False),
        default_dose_zh=check_text(default_dose_zh, "Chinese default dose", max_len=200, required=False),
        facts=check_text(facts, "Facts", max_len=5000, required=False),
        facts_zh=check_text(facts_zh, "Chinese facts", max_len=5000, required=False),
        requires_genetics=check_choice(requires_genetics, ("", *GENETICS), "Required genetics"),
    )
    if values["facts_zh"] and not values["facts"]:  # the English window would show no facts at all
        raise DomainError("Chinese facts need the English facts they translate.")
    if values["default_dose_zh"] and not values["default_dose"]:  # English patients would get "as directed"
        raise DomainError("A Chinese default dose needs the English default dose it translates.")
    row = session.scalar(sa.select(Drug).where(Drug.code == code))
    if row is None:
        session.add(Drug(code=code, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return Changes(catalogs=True, worklist=False)


def check_duration(duration_days: object) -> None:
    """A care program's length, for its template and for an enrollment made from it."""
    if isinstance(duration_days, bool) or not isinstance(duration_days, int) or not 1 <= duration_days <= 366:
        raise DomainError("Duration must be a whole number of days from 1 to 366.")


def _item(i: dict[str, str]) -> dict[str, str]:
    """A template item as stored; `needs` names the intervention an item assumes (checked)."""
    item = {"en": i["en"].strip(), "zh": i.get("zh", "").strip()}
    needs = i.get("needs", "") or ""
    if needs:
        item["needs"] = check_choice(needs, INTERVENTIONS, "Needs intervention")
    reading = i.get("reading", "") or ""
    if reading:
        item["reading"] = check_choice(reading, READINGS, "Reading")
    return item


@requires("admin")
def save_program_template(
    *,
    session: Session,
    code: str,
    name_en: str,
    evidence_level: str,
    items: list[dict[str, str]],
    name_zh: str = "",
    purpose: str = "",
    duration_days: int = 15,
    diet_restrictions: str = "",
    instructions: str = "",
    diet_restrictions_zh: str = "",
    instructions_zh: str = "",
    source: str = "",
) -> Changes:
    """Create or edit a clinic's care program template (enrollments keep their own copy)."""
    code = check_text(code, "Code", max_len=40).lower()
    if not items or not all(isinstance(i, dict) and str(i.get("en", "")).strip() for i in items):
        raise DomainError("A care program needs at least one item, each with English text.")
    check_duration(duration_days)
    values = dict(
        name_en=check_text(name_en, "Name", max_len=200),
        name_zh=check_text(name_zh, "Chinese name", max_len=200, required=False),
        purpose=purpose.strip(),
        evidence_level=check_choice(evidence_level, EVIDENCE, "Evidence level"),
        duration_days=duration_days,
        diet_restrictions=diet_restrictions.strip(),
        instructions=instructions.strip(),
        diet_restrictions_zh=diet_restrictions_zh.strip(),
        instructions_zh=instructions_zh.strip(),
        source=source.strip(),
        items_json=json.dumps([_item(i) for i in items], ensure_ascii=False),
    )
    row = session.scalar(sa.select(ProgramTemplate).where(ProgramTemplate.code == code))
    if row is None:
        session.add(ProgramTemplate(code=code, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)
    return Changes(catalogs=True, worklist=False)
