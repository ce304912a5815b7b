"""Every message a module shows is registered by code that module is sure to have run.

Messages are registered next to the code that raises them (skillscore/messages.py), and a
module that is imported lazily (inside the function that needs it, so the command line
starts fast) registers its messages only when that function runs. A message code used by
module M must therefore be registered by M itself, by a module M imports (at the top or
inside a function), or by a module those import at their top. Otherwise the user would
read the bare code ("pkg_line_event") instead of a sentence — which happened when the
handoff reader stopped being imported by every command.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(ROOT / "skillscore").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _target(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = here[: len(here) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


class Facts:
    def __init__(self) -> None:
        self.top: dict[str, set[str]] = {}  # imports run when the module is imported
        self.registered: dict[str, set[str]] = {}
        # every string constant: (text, line, the imports of the functions around it)
        self.strings: dict[str, list[tuple[str, int, frozenset[str]]]] = {}
        self.mixins: set[str] = set()  # modules defining a part of Competition (a ...Mixin class)
        for path in SOURCES:
            self._read(path)

    def _read(self, path: Path) -> None:
        module = _name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        registered, strings = set(), []

        def imports_in(node: ast.AST) -> set[str]:
            found = set()
            for sub in ast.walk(node):
                if isinstance(sub, ast.Import):
                    found.update(a.name for a in sub.names)
                elif isinstance(sub, ast.ImportFrom):
                    target = _target(module, path, sub)
                    found.update([target, *(f"{target}.{a.name}" for a in sub.names)])
            return found

        def visit(node: ast.AST, around: frozenset[str]) -> None:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                around = around | imports_in(node)
            if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin"):
                self.mixins.add(module)
            if isinstance(node, ast.Call):
                func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if func == "register" and node.args and isinstance(node.args[0], ast.Dict):
                    registered.update(k.value for k in node.args[0].keys if isinstance(k, ast.Constant))
                    for value in node.args[0].values:  # the texts themselves are not uses
                        visit(value, around)
                    return
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.append((node.value, node.lineno, around))
            for child in ast.iter_child_nodes(node):
                visit(child, around)

        visit(tree, frozenset())
        top = set()
        for node in tree.body:  # what runs on import (not under `if TYPE_CHECKING:`)
            if isinstance(node, ast.Import):
                top.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                target = _target(module, path, node)
                top.update([target, *(f"{target}.{a.name}" for a in node.names)])
        self.top[module], self.registered[module], self.strings[module] = top, registered, strings

    def on_import(self, module: str) -> set[str]:
        """``module`` and everything its import runs (its packages' ``__init__`` included)."""
        seen, todo = set(), [module]
        while todo:
            m = todo.pop()
            if m in seen or m not in self.top:
                continue
            seen.add(m)
            parts = m.split(".")
            todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))
            todo.extend(self.top[m])
        return seen


# Words that are message codes and also ordinary values (a setting, an audit action, a
# state): where they appear as such, they are not shown as a message.
NOT_SHOWN = {"admitted", "pin_changed", "drawn", "imported"}


def test_every_message_code_is_registered_where_it_is_used():
    """Any string equal to a registered code counts as showing it (codes also travel in
    tuples, reasons and variables); what is sure to have run there is the module's own
    import and the imports of the functions around the string — not an import made in
    some other function of the same module."""
    facts = Facts()
    owners: dict[str, list[str]] = {}
    for module, codes in facts.registered.items():
        for code in codes:
            owners.setdefault(code, []).append(module)
    missing = []
    for module, strings in facts.strings.items():
        base = set(facts.on_import(module))
        if module in facts.mixins:  # its methods run on a Competition: the facade is imported
            base |= facts.on_import("skillscore.actions.competition")
        if module.startswith("ui."):  # every screen runs inside the desk's window, and past
            # its first frame, which shows no message, on the facade (ui/session.py: comp)
            base |= facts.on_import("ui.mainwindow") | facts.on_import("skillscore.actions.competition")
        cache: dict[frozenset[str], set[str]] = {}
        for text, line, around in strings:
            if text not in owners or text in NOT_SHOWN:
                continue
            if around not in cache:
                reach = set(base)
                for imported in around:
                    reach |= facts.on_import(imported)
                cache[around] = set().union(*(facts.registered.get(m, set()) for m in reach))
            if text not in cache[around]:
                missing.append(f"{module}:{line} {text!r} (registered by {', '.join(owners[text])})")
    assert not missing, "message codes used where their module may not be imported:\n" + "\n".join(missing)


def test_the_check_sees_a_code_used_far_from_its_registration():
    # The failure this guards against, kept as a fact about the sources: the desk file's
    # check prints the handoff reader's lines, so the command imports that reader itself.
    facts = Facts()
    assert "pkg_line_event" in facts.registered["skillscore.exchange.handoff_read"]
    assert any(text == "pkg_line_event" for text, _, _ in facts.strings["skillscore.cli.desks"])
    assert "skillscore.exchange.handoff_read" not in facts.on_import("skillscore.actions.competition")


def test_a_duplicate_number_in_a_roster_reads_as_a_sentence_in_either_language(tmp_path):
    """The 编号 column's problems are found by the roster reader too, not only the marks
    reader that once registered them: a fresh process importing a roster says them whole."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from support import PIN, run_cli, write_csv

    from skillscore.demo import ROSTER_HEADER, roster_rows

    rows = roster_rows(3, seed=5)
    rows[2][0] = rows[0][0]
    roster = write_csv(tmp_path / "roster.csv", ROSTER_HEADER, rows)
    comp = tmp_path / "c.sqlite"
    assert run_cli("new", comp, "--event", "29", "--stage", "prelim", "--committee", "x", "--pin", PIN).returncode == 0
    for lang, words in (("en", "appears twice"), ("zh", "出现了两次")):
        done = run_cli("roster", "import", comp, roster, "--lang", lang)
        assert done.returncode == 1 and words in done.stderr and "no_duplicate" not in done.stderr, done.stderr
