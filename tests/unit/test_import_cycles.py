"""No import cycles anywhere in alsdesk, and every module in a layer of the layers contract.

Built with grimp (what import-linter runs on), so function-level imports count as much as those at
the top: a cycle cannot hide inside a function. Imports under `if TYPE_CHECKING:` are left out:
they never run, and an annotation naming the class that creates this one (ui.session_guard names
the MainWindow that makes its guard) is not a cycle. The Qt-free CI run has no grimp and skips
this file; the full run has it (import-linter brings it).
"""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph():  # type: ignore[no-untyped-def]
    return grimp.build_graph("alsdesk", exclude_type_checking_imports=True, cache_dir=None)


def strongly_connected(graph) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The groups of modules that import each other in a circle (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def describe(graph, group: list[str]) -> str:  # type: ignore[no-untyped-def]
    """One circle through the group, each step with the line that imports: a -> b (l.12) -> a."""
    first = group[0]
    nxt = next(m for m in sorted(graph.find_modules_directly_imported_by(first)) if m in group)
    chain = [first, *graph.find_shortest_chain(importer=nxt, imported=first)]
    steps = [chain[0]]
    for importer, imported in itertools.pairwise(chain):
        lines = sorted({d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported)})
        steps.append(f"{imported} (l.{','.join(map(str, lines))} of {importer})")
    return " -> ".join(steps)


def test_no_module_imports_itself_through_others(graph) -> None:  # type: ignore[no-untyped-def]
    cycles = [describe(graph, group) for group in strongly_connected(graph)]
    assert cycles == [], "import cycles (move the shared piece into a module both can import):\n" + "\n".join(cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above would pass on a finder that never finds one: it finds a made-up circle."""
    made = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.d"):
        made.add_module(name)
    made.add_import(importer="pkg.a", imported="pkg.b", line_number=3, line_contents="import pkg.b")
    made.add_import(importer="pkg.b", imported="pkg.c", line_number=4, line_contents="import pkg.c")
    made.add_import(importer="pkg.c", imported="pkg.a", line_number=5, line_contents="import pkg.a")
    made.add_import(importer="pkg.c", imported="pkg.d", line_number=6, line_contents="import pkg.d")
    groups = strongly_connected(made)
    assert groups == [["pkg.a", "pkg.b", "pkg.c"]]
    assert describe(made, groups[0]) == "pkg.a -> pkg.b (l.3 of pkg.a) -> pkg.c (l.4 of pkg.b) -> pkg.a (l.5 of pkg.c)"


def test_every_module_is_in_a_layer(graph) -> None:  # type: ignore[no-untyped-def]
    """A module outside the layers contract could import anything: each of alsdesk's top-level
    modules and packages is named in one layer."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    named = {part.strip() for layer in layers for part in layer.replace(":", "|").split("|")}
    top = {m for m in graph.find_children("alsdesk")}
    assert sorted(top - named) == []
