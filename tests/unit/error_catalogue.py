"""The catalogue of error texts a person can see: every template raised in services, storage and
app, every field or record name passed as `what`, and the record fields a lost race can name.

Collected from the source (a raise site is the one place its words live), so a new message is in
the catalogue the moment it is written, and a raise that words its message with an f-string is
reported instead of silently staying English. `python -m tests.unit.error_catalogue` prints
alsdesk/ui/i18n/error_texts.py, which marks them all for lupdate.
"""

from __future__ import annotations

import ast
import json
import string
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "alsdesk"
SOURCES = (*sorted(ROOT.glob("services/*.py")), *sorted(ROOT.glob("storage/*.py")), *sorted(ROOT.glob("app/*.py")))
# Not worded from templates at the raise site, on purpose: an import file's messages start with the
# field's path and share one frame (IMPORT_FILE_TEMPLATE, added to the catalogue below); a sign-in
# refusal is a services/messages.py text (returned, not raised).
OWN_WORDING = {"ImportFileError", "SignInError"}
# Helpers that take a field or record name: the position of `what` among their arguments.
WHAT_AT = {
    "check_date": 1,
    "check_text": 1,
    "check_choice": 2,
    "parse_date": 1,
    "as_uuid": 1,
    "fetch": 3,
    "check_version": 2,
    "Lifecycle": 0,
    "_phone": 0,
    "_past_date": 0,
    "_optional_choice": 1,
    "_flag": 0,
    "Text": 0,
    "Day": 0,
}
# Records whose edits are version-checked, so a lost race can name their fields.
VERSIONED = ("Patient", "Workup", "Referral", "Enrollment", "Assessment", "TherapySession")


def placeholders(template: str) -> set[str]:
    """The named values a template is filled with ('{what}', '{value!r}', '{low:g}' → what, value, low)."""
    return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


@cache
def _trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text("utf-8"), str(p)) for p in (ROOT / "errors.py", *SOURCES)}


@cache
def error_classes() -> frozenset[str]:
    """AlsdeskError and every class derived from it in the scanned modules."""
    found = {"AlsdeskError"}
    classes = [n for t in _trees().values() for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    while True:
        more = {c.name for c in classes if any(_name(b) in found for b in c.bases)} - found
        if not more:
            return frozenset(found)
        found |= more


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" (or NAME = OTHER + "text"), for templates kept in a constant."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _text(node.value, out)
            if value is not None:
                out[node.targets[0].id] = value
    return out


def _text(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, constants), _text(node.right, constants)
        return left + right if left is not None and right is not None else None
    return None


@cache
def scan() -> tuple[dict[str, list[str]], set[str], list[str]]:
    """(template → where raised, field names, raise sites not worded from a template)."""
    classes = error_classes() - OWN_WORDING
    templates: dict[str, list[str]] = {}
    fields: set[str] = set()
    problems: list[str] = []
    for path, tree in _trees().items():
        constants = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name, where = _name(node.func), f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            if name in classes and path.name != "errors.py":
                first = node.args[0] if node.args else None
                # `A if condition else B` chooses between two templates: both are in the catalogue.
                options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                texts = [_text(o, constants) if o is not None else None for o in options]
                if None in texts:
                    problems.append(f"{where}: {name} is not raised with a literal template")
                    continue
                given = {k.arg for k in node.keywords}
                for text in texts:
                    templates.setdefault(text or "", []).append(where)
                    missing = placeholders(text or "") - given
                    if missing and None not in given:  # None: **values, checked when raised
                        problems.append(f"{where}: {name} is raised without {sorted(missing)}")
                what = next((k.value for k in node.keywords if k.arg == "what"), None)
                if what is not None and _text(what, constants):
                    fields.add(_text(what, constants) or "")
            elif name in WHAT_AT:
                at = WHAT_AT[name]
                arg = (
                    node.args[at]
                    if len(node.args) > at
                    else next((k.value for k in node.keywords if k.arg == "what"), None)
                )
                text = _text(arg, constants) if arg is not None else None
                if text:
                    fields.add(text)
    return templates, fields, problems


def templates() -> list[str]:
    from alsdesk.exchange.format import IMPORT_FILE_TEMPLATE

    return sorted({*scan()[0], IMPORT_FILE_TEMPLATE})  # an import file's errors share one frame


def field_names() -> list[str]:
    """Every `what`: literal arguments, plus the labels services keep in tables."""
    from alsdesk.services import assessments, patients, settings

    names = set(scan()[1])
    names |= {label for _f, label, _lo, _hi in assessments.MEASUREMENTS}
    names |= {label for _key, label in patients.ORDERED_DATES}
    names |= {spec.label for spec in settings.SPECS.values()}
    return sorted(names)


def column_names() -> list[str]:
    """The fields a lost race names (services/audit.changes_since words them like this)."""
    from alsdesk import models
    from alsdesk.services.audit import DERIVED

    skip = {"id", "created_at", "updated_at", "version", *DERIVED}
    return sorted(
        {c.key.replace("_", " ") for m in VERSIONED for c in getattr(models, m).__table__.columns if c.key not in skip}
    )


def permission_actions() -> list[str]:
    """What each permission lets a person do, as a refusal names it (services/access.py)."""
    from alsdesk.services.access import PERMISSIONS

    return sorted({action for _roles, action in PERMISSIONS.values()})


def error_texts_module() -> str:
    """alsdesk/ui/i18n/error_texts.py: every catalogue text marked for lupdate in its context."""

    def block(name: str, context: str, texts: list[str]) -> str:
        rows = "".join(f'    QT_TRANSLATE_NOOP("{context}", {json.dumps(t, ensure_ascii=False)}),\n' for t in texts)
        return f"{name} = (\n{rows})\n"

    return (
        '"""Error templates, field names and record fields that services and storage word in English,\n'
        'marked for lupdate (generated by `python -m tests.unit.error_catalogue`; a test keeps it in sync)."""\n\n'
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n\n"
        + block("ERROR_TEXTS", "errors", templates())
        + "\n"
        + block("FIELD_TEXTS", "fields", field_names())
        + "\n"
        + block("COLUMN_TEXTS", "columns", column_names())
        + "\n"
        + block("PERMISSION_TEXTS", "permissions", permission_actions())
    )


if __name__ == "__main__":
    print(error_texts_module(), end="")
