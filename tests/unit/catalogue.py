"""The catalogue as the tests see it: what `pybabel extract` finds in the source (babel.cfg, run in
this process with the same mapping), and each language's .po."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from alsdesk.i18n import LANGUAGES
from alsdesk.i18n.extract import ErrorScan, errors_in, placeholders

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
__all__ = ["ErrorScan", "placeholders"]

Key = tuple[str | None, str]  # (msgctxt, msgid)


def _mapping() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    return method_map, options_map


@cache
def extracted() -> dict[Key, tuple[str, ...]]:
    """Every (context, msgid) in the source → its plural form ((): none)."""
    method_map, options_map = _mapping()
    found: dict[Key, tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, directory_filter=_source_folder
    ):
        msgid, *plural = (message,) if isinstance(message, str) else message
        found[(context, msgid)] = tuple(plural)
    return found


def _source_folder(folder: str) -> bool:
    """Walk alsdesk/ only (babel.cfg's patterns all start there), not tests/ or a .venv."""
    path = Path(folder).resolve()
    return path == ROOT or path.is_relative_to(ROOT / "alsdesk")


def texts(context: str) -> list[str]:
    return sorted(msgid for ctx, msgid in extracted() if ctx == context)


def languages() -> list[str]:
    return [lang for lang in LANGUAGES if lang != "en"]  # English is the msgids themselves


@cache
def catalogue(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "alsdesk.po").open("rb") as f:
        return read_po(f)


def translations(lang: str, context: str) -> dict[str, str]:
    return {
        m.id if isinstance(m.id, str) else m.id[0]: m.string if isinstance(m.string, str) else m.string[0]
        for m in catalogue(lang)
        if m.id and m.context == context
    }


def error_scans() -> dict[str, ErrorScan]:
    """The raise sites of every file babel.cfg extracts errors from (`errors = true`)."""
    method_map, options_map = _mapping()
    scans = {}
    for path in sorted((ROOT / "alsdesk").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        pattern = next((p for p, _m in method_map if _matches(relative, p)), None)
        if pattern and options_map.get(pattern, {}).get("errors") == "true":
            scans[relative] = errors_in(ast.parse(path.read_text("utf-8")))
    return scans


def _matches(path: str, pattern: str) -> bool:
    from babel.util import pathmatch

    return pathmatch(pattern, path)
