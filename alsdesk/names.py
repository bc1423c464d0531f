"""How a patient's name is written wherever it is shown: lists, charts, the worklist, schedules and
printed pages all call patient_name, so the same person reads the same everywhere."""

from __future__ import annotations


def patient_name(family_name: str, given_name: str, name_zh: str | None = "", *, chinese_first: bool = False) -> str:
    """Family name in capitals, comma, given name, then the Chinese name when there is one
    ("WANG, Wei 王伟"): capitals tell the family name apart in either order of a Latin name. With
    `chinese_first` (a page printed in Chinese) the Chinese name leads: "王伟 (WANG, Wei)"."""
    latin = f"{family_name.upper()}, {given_name}"
    if not name_zh:
        return latin
    return f"{name_zh} ({latin})" if chinese_first else f"{latin} {name_zh}"
