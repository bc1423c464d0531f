"""`pybabel extract`'s method for alsdesk's sources (babel.cfg names it): the msgids with their context.

Babel's own python extractor cannot know a Qt context, so this one reads the source's syntax tree:

- `self.tr(text)` and `tr(text)` in a class: the class's name, as Qt looks it up (`x.tr(text)`
  outside a class: `x`, as lupdate named it); `tr(text, "context")`; `%n` texts (with a count) are
  plural entries;
- `QCoreApplication.translate(context, text)` and `QT_TRANSLATE_NOOP(context, text)`, and
  alsdesk.i18n's `translate(lang, text, context)`;
- `N_(text)`: the context the mapping gives the file (`context = codes`; several: one entry each);
- `t(lang, text, ...)` for each helper the mapping names in `calls` (`calls = t`, the documents'
  alsdesk.reports.texts.t): the text in the file's context, as `N_` is;
- with `errors = true`: the template an error is raised with (AlsdeskError and its subclasses;
  a module constant or either side of `a if c else b` too, and the frame an error class passes to
  `super().__init__`) in context "errors", and every field or record name (`what=`, or the argument
  of the helpers in WHAT_AT) in context "fields";
- the `columns` method (models): the record fields a lost race names, as services/audit words them.

Babel then matches what is yielded against its standard keywords (`pgettext`, `npgettext`, `gettext`).
`errors_in(tree)` also lists raise sites not worded from a template (tests/unit/test_error_texts.py).
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
# Not worded from templates at the raise site, on purpose: an import file's messages start with the
# field's path and share one frame (IMPORT_FILE_TEMPLATE, which the class passes to super().__init__,
# extracted as an error class's own frame); a sign-in refusal is a services/messages.py text
# (returned, not raised).
OWN_WORDING = frozenset({"ImportFileError", "SignInError"})
# Helpers that take a field or record name: the position of `what` among their arguments.
WHAT_AT = {
    "check_date": 1,
    "check_text": 1,
    "check_choice": 2,
    "parse_date": 1,
    "parse_time": 1,
    "check_time": 1,
    "as_uuid": 1,
    "fetch": 3,
    "check_version": 2,
    "Lifecycle": 0,
    "phone_rule": 0,
    "_past_date": 0,
    "_optional_choice": 1,
    "_flag": 0,
    "Text": 0,
    "Day": 0,
    "Number": 0,
    "SettingSpec": 1,  # a setting's label names it in a refusal (services/setting_values.py)
}
QT_CONTEXT_CALLS = frozenset({"translate", "QT_TRANSLATE_NOOP"})

# (line, babel keyword, its arguments, comments): the keyword carries the context (pgettext: 1c,2).
Found = tuple[int, str, tuple[str, ...], list[str]]


@dataclass
class Entry:
    line: int
    context: str | None
    text: str
    plural: bool = False


@dataclass
class ErrorScan:
    templates: list[Entry] = field(default_factory=list)
    fields: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line: why"


def placeholders(template: str) -> set[str]:
    """The named values a template is filled with ('{what}', '{value!r}', '{low:g}' → what, value, low)."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _root(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _text(node: ast.expr | None, constants: Mapping[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, constants), _text(node.right, constants)
        return left + right if left is not None and right is not None else None
    return None


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" (or NAME = OTHER + "text"), for templates kept in a constant."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _text(node.value, out)
            if value is not None:
                out[node.targets[0].id] = value
    return out


@cache
def error_classes() -> frozenset[str]:
    """AlsdeskError and every class derived from it anywhere in alsdesk."""
    classes = [
        n
        for p in sorted(ROOT.rglob("*.py"))
        for n in ast.walk(ast.parse(p.read_text("utf-8"), str(p)))
        if isinstance(n, ast.ClassDef)
    ]
    found = {"AlsdeskError"}
    while True:
        more = {c.name for c in classes if any(_name(b) in found for b in c.bases)} - found
        if not more:
            return frozenset(found)
        found |= more


def errors_in(tree: ast.Module) -> ErrorScan:
    """The error templates and field names of one module, and its raise sites without a template."""
    classes = error_classes() - OWN_WORDING
    constants, owner = _constants(tree), _class_of(tree)
    scan = ErrorScan()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "__init__" and owner.get(node) in error_classes():  # an error class's own frame
            text = _text(node.args[0] if node.args else None, constants)
            if text is not None:
                scan.templates.append(Entry(node.lineno, "errors", text))
            continue
        if name in classes:
            first = node.args[0] if node.args else None
            # `A if condition else B` chooses between two templates: both are in the catalogue.
            options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            texts = [_text(o, constants) for o in options]
            if None in texts:
                scan.problems.append(f"{node.lineno}: {name} is not raised with a literal template")
                continue
            given = {k.arg for k in node.keywords}
            for text in texts:
                assert text is not None
                scan.templates.append(Entry(node.lineno, "errors", text))
                missing = placeholders(text) - given
                if missing and None not in given:  # None: **values, checked when raised
                    scan.problems.append(f"{node.lineno}: {name} is raised without {sorted(missing)}")
            what = next((k.value for k in node.keywords if k.arg == "what"), None)
        elif name in WHAT_AT:
            at = WHAT_AT[name]
            what = (
                node.args[at]
                if len(node.args) > at
                else next((k.value for k in node.keywords if k.arg == "what"), None)
            )
        else:
            continue
        text = _text(what, constants)
        if text:
            scan.fields.append(Entry(node.lineno, "fields", text))
    return scan


def _class_of(tree: ast.Module) -> dict[ast.AST, str]:
    """Each node inside a class → the innermost class's name."""
    owner: dict[ast.AST, str] = {}

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if inner is not None:
                owner[child] = inner
            visit(child, inner)

    visit(tree, None)
    return owner


def entries(
    tree: ast.Module,
    n_contexts: tuple[str | None, ...] = (None,),
    errors: bool = False,
    calls: tuple[str, ...] = (),
) -> Iterator[Entry]:
    """Every translatable text of a module with its context (`calls`: helpers taking
    `(lang, text, ...)` whose literal text is in the file's context)."""
    owner, constants = _class_of(tree), _constants(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, args = _name(node.func), node.args
        literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in args]
        if name == "tr" and literal and literal[0]:
            if len(literal) > 1 and literal[1] and isinstance(node.func, ast.Name):
                yield Entry(node.lineno, literal[1], literal[0])  # tr(text, context) (ui/widgets/common.py)
                continue
            cls = owner.get(node) or (_root(node.func.value) if isinstance(node.func, ast.Attribute) else None)
            yield Entry(node.lineno, cls, literal[0], plural=len(args) > 2)
        elif name in QT_CONTEXT_CALLS and len(literal) > 1 and literal[0] and literal[1]:
            yield Entry(node.lineno, literal[0], literal[1], plural=len(args) > 3)
        elif name == "translate" and len(literal) > 2 and literal[1] and literal[2]:
            yield Entry(node.lineno, literal[2], literal[1])  # alsdesk.i18n.translate(lang, text, context)
        elif name == "N_" and args and (text := _text(args[0], constants)):
            for context in n_contexts:
                yield Entry(node.lineno, context, text)
        elif name in calls and isinstance(node.func, ast.Name) and len(literal) > 1 and literal[1]:
            for context in n_contexts:
                yield Entry(node.lineno, context, literal[1])
    if errors:
        scan = errors_in(tree)
        yield from scan.templates
        yield from scan.fields


def _babel(entry: Entry) -> Found:
    if entry.plural:
        return entry.line, "npgettext", (entry.context or "", entry.text, entry.text), []
    if entry.context:
        return entry.line, "pgettext", (entry.context, entry.text), []
    return entry.line, "gettext", (entry.text,), []


def _words(options: Mapping[str, str], key: str) -> tuple[str, ...]:
    return tuple(options.get(key, "").replace(",", " ").split())


def extract(fileobj: IO[bytes], keywords: object, comment_tags: object, options: Mapping[str, str]) -> Iterator[Found]:
    """The extraction method for alsdesk's python files; options: `context` (for N_ and `calls`),
    `errors`, `calls`."""
    tree = ast.parse(fileobj.read())
    contexts: tuple[str | None, ...] = _words(options, "context") or (None,)

    def flag(key: str) -> bool:
        return options.get(key, "").lower() in ("1", "true", "yes")

    for entry in entries(tree, contexts, flag("errors"), _words(options, "calls")):
        yield _babel(entry)


def extract_columns(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: Mapping[str, str]
) -> Iterator[Found]:
    """The fields of the records in `records` whose edits are version-checked, so a lost race can
    name them ("birth date"), leaving out those in `skip`; context "columns"."""
    records, skip = set(_words(options, "records")), set(_words(options, "skip"))
    for node in ast.parse(fileobj.read()).body:
        if isinstance(node, ast.ClassDef) and node.name in records:
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    key = item.target.id
                    if not key.startswith("_") and key not in skip and _is_column(item):
                        yield item.lineno, "pgettext", ("columns", key.replace("_", " ")), []


def _is_column(item: ast.AnnAssign) -> bool:
    """`name: Mapped[...] = mapped_column(...)` or a column helper (patient_fk()); a relationship is not a field."""
    mapped = isinstance(item.annotation, ast.Subscript) and _name(item.annotation.value) == "Mapped"
    return mapped and not (isinstance(item.value, ast.Call) and _name(item.value.func) == "relationship")
