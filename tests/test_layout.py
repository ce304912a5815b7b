"""The layout of docs/ARCHITECTURE.md, held by reading every import with ``ast``.

- No import circles between modules of ``skillscore/``, counting imports made inside
  functions too (a lazy import hides a circle, it does not remove it). Imports under
  ``if TYPE_CHECKING:`` are annotations only and do not count.
- Who may import whom: the pure rules import only the model and each other; nothing in
  the core imports the command line; what travels (``exchange/``) and the sheets never
  import the actions or the file; ``ui/`` reaches the competition file only through the
  facade (``skillscore.actions.competition``, and ``skillscore.actions.opened``, the class
  it is built on, with which the desk's first frame reads the file before the facade
  loads), never ``storage/`` or another action module.
- Each folder of the core says what it holds in its ``__init__`` docstring, and the top
  of ``skillscore/`` stays a short list.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "skillscore"


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module named after ``from``/``import``, the names imported) for every import."""
    name, is_package = _module_name(path)
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: list[tuple[str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if _is_type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module
            found.append((target, [alias.name for alias in node.names]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _graph(paths: list[Path], known: set[str]) -> dict[str, set[str]]:
    """Module → the modules it imports. ``from package import submodule`` is an edge to
    the submodule only: Python runs the package's ``__init__`` first either way."""
    graph: dict[str, set[str]] = {}
    for path in paths:
        name = _module_name(path)[0]
        edges = graph.setdefault(name, set())
        for target, names in _imports(path):
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in known]
            edges.update(submodules)
            if target in known and (not names or len(submodules) < len(names)):
                edges.add(target)
        edges.discard(name)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return groups


CORE_FILES = sorted(CORE.rglob("*.py"))
CORE_MODULES = {_module_name(p)[0] for p in CORE_FILES}
CORE_GRAPH = _graph(CORE_FILES, CORE_MODULES)


def test_the_core_has_no_import_circles():
    assert _circles(CORE_GRAPH) == []


def test_the_circle_finder_finds_a_circle_made_by_a_lazy_import(tmp_path):
    """The check above can fail: two modules importing each other, one of them inside a
    function, are reported."""
    package = tmp_path / "skillscore"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import thing\n")
    (package / "b.py").write_text("def thing():\n    from . import a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import thing\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        files = sorted(package.rglob("*.py"))
        graph = _graph(files, {_module_name(p)[0] for p in files})
    finally:
        ROOT = saved
    assert _circles(graph) == [["skillscore.a", "skillscore.b"]]
    assert graph["skillscore.c"] == set()


def _imported_by(prefix: str) -> dict[str, set[str]]:
    return {m: edges for m, edges in CORE_GRAPH.items() if m == prefix or m.startswith(prefix + ".")}


def _offenders(prefix: str, allowed) -> list[str]:
    return sorted(f"{m} → {t}" for m, edges in _imported_by(prefix).items() for t in edges if not allowed(t))


def _inside(*prefixes: str):
    return lambda t: any(t == p or t.startswith(p + ".") for p in prefixes)


def test_the_rules_import_only_the_model_texts_and_each_other():
    # messages and errors are texts and exception types: no I/O, no clock.
    allowed = _inside("skillscore.rules", "skillscore.model", "skillscore.messages", "skillscore.errors")
    assert _offenders("skillscore.rules", allowed) == []


@pytest.mark.parametrize("folder, forbidden", [
    ("skillscore.rules", ("skillscore.storage", "skillscore.actions", "skillscore.exchange", "skillscore.cli")),
    ("skillscore.io", ("skillscore.storage", "skillscore.actions", "skillscore.exchange", "skillscore.cli")),
    ("skillscore.storage", ("skillscore.actions", "skillscore.exchange", "skillscore.reports", "skillscore.cli")),
    ("skillscore.exchange", ("skillscore.actions", "skillscore.cli")),
    ("skillscore.reports", ("skillscore.storage", "skillscore.actions", "skillscore.cli")),
    ("skillscore.actions", ("skillscore.cli",)),
    ("skillscore.system", ("skillscore.storage", "skillscore.actions", "skillscore.exchange", "skillscore.cli")),
])
def test_who_may_import_whom(folder, forbidden):
    assert _offenders(folder, lambda t: not _inside(*forbidden)(t)) == []


FACADE = ("skillscore.actions.competition", "skillscore.actions.opened")


def test_ui_reaches_the_file_only_through_the_facade():
    ui_files = sorted((ROOT / "ui").rglob("*.py"))
    bad = []
    for path in ui_files:
        for target, names in _imports(path):
            full = [target] + [f"{target}.{n}" for n in names]
            for t in full:
                if t.startswith("skillscore.storage") or (
                        t.startswith("skillscore.actions.") and not t.startswith(FACADE)):
                    bad.append(f"{path.relative_to(ROOT)}: {t}")
    assert bad == []


def test_each_core_folder_says_what_it_holds():
    folders = sorted(p.parent for p in CORE.glob("*/__init__.py"))
    assert len(folders) >= 8
    silent = [f.name for f in folders if not (ast.get_docstring(ast.parse((f / "__init__.py").read_text())) or "").strip()]
    assert silent == []


def test_the_top_of_the_core_is_a_short_list():
    entries = sorted(p.name for p in CORE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= 15, entries


def test_no_two_parts_of_the_facade_define_the_same_name():
    """The facade is one class mixed from one module per area (docs/ARCHITECTURE.md says
    why); a method defined in two areas would silently shadow one of them."""
    from skillscore.actions.competition import Competition

    seen: dict[str, str] = {}
    clashes = []
    for part in Competition.__mro__[1:]:
        if part is object:
            continue
        for name in vars(part):
            if name.startswith("__"):
                continue
            if name in seen:
                clashes.append(f"{name}: {seen[name]} and {part.__name__}")
            seen.setdefault(name, part.__name__)
    assert clashes == []
