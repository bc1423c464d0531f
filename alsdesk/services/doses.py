"""A prescription's dose: amount, unit, route, frequency, a regimen and a free-text note; checked on
entry, read from the text older records and files hold, and worded in a language (one place for
the window, the command line, the documents and FHIR)."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from dataclasses import astuple, dataclass
from typing import Any

from alsdesk.errors import DomainError
from alsdesk.i18n import translate
from alsdesk.i18n.labels import AS_DIRECTED, CODES, DOSE_UNIT_ONE, label
from alsdesk.paths import resource
from alsdesk.services.common import Text, check_choice
from alsdesk.vocab import DOSE_FREQUENCIES, DOSE_REGIMENS, DOSE_ROUTES, DOSE_UNITS

NOTE = Text("Dose note", 200, line=True)
MAX_AMOUNT = 100_000  # no ALS drug is dosed in more than this of any unit (catches a slip of the keys)


@dataclass(frozen=True)
class Dose:
    """Empty fields are unknown: a dose read from text that could not be parsed is only its note."""

    amount: float | None = None
    unit: str = ""
    route: str = ""
    frequency: str = ""
    regimen: str = ""
    note: str = ""

    def fields(self) -> dict[str, Any]:
        """The Medication columns that hold it."""
        return dict(zip(COLUMNS, astuple(self), strict=True))


# The Medication columns of a Dose's fields, in their order.
COLUMNS = ("dose_amount", "dose_unit", "dose_route", "dose_frequency", "dose_regimen", "dose_note")


def dose_of(row: Any) -> Dose:
    """The dose a Medication row (or a mapping of its columns) holds."""
    return Dose(*(row[n] for n in COLUMNS)) if isinstance(row, dict) else Dose(*(getattr(row, n) for n in COLUMNS))


def check_amount(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_AMOUNT:
        raise DomainError("Dose amount must be a number above 0 and at most 100000, not {value!r}.", value=value)


def _code_rule(allowed: tuple[str, ...], what: str) -> Callable[[object], None]:
    """The check of a coded part of a dose: empty (unknown), or one of `allowed`."""

    def check(value: object) -> None:
        if value != "":
            check_choice(value, allowed, what)

    return check


check_unit = _code_rule(DOSE_UNITS, "Dose unit")
check_route = _code_rule(DOSE_ROUTES, "Route")
check_frequency = _code_rule(DOSE_FREQUENCIES, "Frequency")
check_regimen = _code_rule(DOSE_REGIMENS, "Regimen")


def check_dose(dose: Dose) -> Dose:
    """`dose` with each part checked, the first bad one named; an amount needs its unit."""
    if dose.amount is not None:
        check_amount(dose.amount)
    check_unit(dose.unit)
    check_route(dose.route)
    check_frequency(dose.frequency)
    check_regimen(dose.regimen)
    if (dose.amount is None) != (dose.unit == ""):
        raise DomainError("Dose amount and dose unit go together: give both or neither.")
    amount = None if dose.amount is None else float(dose.amount)
    return Dose(amount, dose.unit, dose.route, dose.frequency, dose.regimen, NOTE(dose.note).strip())


def amount_text(amount: float) -> str:
    """50.0 → "50", 0.25 → "0.25": never an exponent."""
    return f"{amount:.4f}".rstrip("0").rstrip(".")


def unit_text(unit: str, amount: float | None, lang: str) -> str:
    """A unit as a dose line says it: "mg" as it is; "mcg" ("μg" in Chinese) and a counted unit
    ("1 tablet", "2 tablets") in words."""
    if unit in DOSE_UNIT_ONE:
        return translate(lang, DOSE_UNIT_ONE[unit] if amount == 1 else label(unit), "codes")
    return translate(lang, CODES[unit], "codes") if unit in CODES else unit


def word(code: str, lang: str) -> str:
    """A route, frequency or regimen code in words in `lang`."""
    return translate(lang, label(code), "codes") if code else ""


def dose_text(dose: Dose, lang: str) -> str:
    """The dose in `lang`: "50 mg by mouth twice a day" / "50 mg 口服 每日两次", then the regimen and
    the note, each after a semicolon."""
    amount = f"{amount_text(dose.amount)} {unit_text(dose.unit, dose.amount, lang)}" if dose.amount is not None else ""
    head = " ".join(p for p in (amount, word(dose.route, lang), word(dose.frequency, lang)) if p)
    parts = [p for p in (head, word(dose.regimen, lang), dose.note) if p]
    if not parts:
        return translate(lang, AS_DIRECTED, "codes")  # nothing known of it
    return ("；" if lang == "zh_CN" else "; ").join(parts)


# --- reading a dose from text ---------------------------------------------------------------------

# Words for each code, as prescribers write them in English and Chinese (lower case).
_UNIT_WORDS = {
    "mg": ("mg", "毫克"),
    "mcg": ("mcg", "µg", "μg", "ug", "微克"),
    "g": ("g", "克"),
    "mL": ("ml", "毫升"),
    "drop": ("drops", "drop", "滴"),
    "unit": ("units", "unit", "iu", "u", "单位"),
    "tablet": ("tablets", "tablet", "tabs", "tab", "片"),
    "capsule": ("capsules", "capsule", "caps", "cap", "粒", "胶囊"),
}
_ROUTE_WORDS = {
    "oral": ("by mouth", "orally", "oral", "po", "p.o.", "口服"),
    "iv": ("iv infusion", "intravenously", "intravenous", "iv", "静脉滴注", "静脉注射", "静脉"),
    "intrathecal": ("intrathecal injection", "intrathecally", "intrathecal", "鞘内注射", "鞘内"),
    "sublingual": ("under the tongue", "sublingually", "sublingual", "sl", "舌下含服", "舌下"),
    "feeding_tube": ("via feeding tube", "via gastrostomy", "via peg", "via tube", "经胃造瘘管", "经胃管", "鼻饲"),
    "subcutaneous": ("subcutaneous injection", "subcutaneously", "subcutaneous", "sc", "皮下注射"),
    "intramuscular": ("intramuscular injection", "intramuscularly", "intramuscular", "im", "肌内注射", "肌注"),
}
_FREQUENCY_WORDS = {
    "once_daily": ("once a day", "once daily", "daily", "od", "qd", "每日一次", "每天一次", "每日1次", "一日一次"),
    "twice_daily": (
        "twice a day",
        "twice daily",
        "bd",
        "bid",
        "b.d.",
        "每日两次",
        "每天两次",
        "每日2次",
        "一日两次",
        "每日二次",
    ),
    "three_times_daily": (
        "three times a day",
        "three times daily",
        "tds",
        "tid",
        "t.d.s.",
        "每日三次",
        "每天三次",
        "每日3次",
        "一日三次",
    ),
    "four_times_daily": ("four times a day", "four times daily", "qds", "qid", "每日四次", "每天四次", "每日4次"),
    "up_to_four_times_daily": ("up to four times a day", "up to four times daily", "每日最多四次"),
    "at_night": ("at night", "at bedtime", "nightly", "nocte", "每晚一次", "每晚", "睡前"),
    "every_28_days": ("every 28 days", "every four weeks", "每28天一次", "每28天"),
    "as_needed": ("when needed", "as needed", "prn", "必要时"),
}
_SEPARATORS = " \t,，;；、"


def _phrases(words: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    # Longest first, so "once daily" is read before "daily" could be.
    return sorted(((w, code) for code, ws in words.items() for w in ws), key=lambda p: -len(p[0]))


_ROUTES, _FREQUENCIES, _UNITS = _phrases(_ROUTE_WORDS), _phrases(_FREQUENCY_WORDS), _phrases(_UNIT_WORDS)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _take(text: str, at: int, phrases: list[tuple[str, str]]) -> tuple[str, int] | None:
    """The code of the phrase at `at` and where it ends; a Latin word must end at a word's end."""
    for phrase, code in phrases:
        end = at + len(phrase)
        if text.startswith(phrase, at) and not (_latin(phrase[-1]) and end < len(text) and _latin(text[end])):
            return code, end
    return None


def _number(text: str, at: int) -> tuple[float, int] | None:
    end = at
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    try:
        value = float(text[at:end])
    except ValueError:
        return None
    return (value, end) if math.isfinite(value) and 0 < value <= MAX_AMOUNT else None


def parse_dose(text: str) -> Dose | None:
    """The dose `text` says, when all of it reads as an amount with its unit then a route and a
    frequency in either order (each optional): "50 mg twice daily", "50 mg by mouth bd",
    "50 mg，每日两次", "60毫克 静脉滴注 每日一次"; or a default dose the catalog ships, in either
    language. Anything else is None: the caller keeps the text as the dose's note."""
    known = shipped_texts().get(text.strip())
    if known is not None:
        return known
    s = text.strip().lower()
    number = _number(s, 0)
    if number is None:
        return None
    amount, at = number
    while at < len(s) and s[at] == " ":
        at += 1
    unit = _take(s, at, _UNITS)
    if unit is None:
        return None
    found: dict[str, str] = {"unit": unit[0]}
    at = unit[1]
    while True:
        while at < len(s) and s[at] in _SEPARATORS:
            at += 1
        if at == len(s):
            break
        for field, phrases in (("route", _ROUTES), ("frequency", _FREQUENCIES)):
            taken = None if field in found else _take(s, at, phrases)
            if taken is not None:
                found[field], at = taken
                break
        else:
            return None  # a word that is neither: not a dose this reads
    return Dose(amount, found["unit"], found.get("route", ""), found.get("frequency", ""))


def dose_from_text(text: str) -> Dose:
    """What a dose typed as text, or an older file's dose, stores: parsed when it can be, else the
    text as the note with nothing structured (so nothing is lost)."""
    return parse_dose(text) or Dose(note=text.strip())


# --- the catalog's structured default doses ---------------------------------------------------------


@functools.cache
def _shipped() -> tuple[dict[str, tuple[str, str, Dose]], dict[str, Dose]]:
    texts = {d["code"]: (d["default_dose"], d["default_dose_zh"]) for d in _load("drugs.json")}
    by_code: dict[str, tuple[str, str, Dose]] = {}
    by_text: dict[str, Dose] = {}
    for code, fields in _load("drug_doses.json").items():
        dose = Dose(
            float(fields["amount"]), fields["unit"], fields["route"], fields["frequency"], fields.get("regimen", "")
        )
        en, zh = texts[code]
        by_code[code] = (en, zh, dose)
        by_text.update({en: dose, zh: dose})
    return by_code, by_text


def _load(name: str) -> Any:
    return json.loads(resource("catalog", name).read_text("utf-8"))


def shipped_texts() -> dict[str, Dose]:
    """Each shipped default dose text (English and Chinese) with the dose it says."""
    return _shipped()[1]


def catalog_dose(code: str, default_dose: str, default_dose_zh: str, language: str) -> Dose:
    """The dose a prescription left blank takes: the catalog's structured dose while the drug's
    default dose text is still the one shipped (a clinic that reworded it gets its own words);
    else the default text in the patient's language as the note, else nothing ("as directed")."""
    shipped = _shipped()[0].get(code)
    if shipped is not None and default_dose == shipped[0]:
        return shipped[2]
    text = default_dose_zh if language == "zh_CN" and default_dose_zh else default_dose
    return dose_from_text(text)
