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
# call → the position of the message code among its arguments
CODE_ARG = {"render": 0, "RefusedError": 0, "UsageError": 0, "PinError": 0, "SkillscoreError": 0, "_say": 1,
            "say": 1, "Problem": 0}


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
        self.every: dict[str, set[str]] = {}  # every import, lazy ones too
        self.registered: dict[str, set[str]] = {}
        self.used: dict[str, list[tuple[str, int]]] = {}
        self.mixins: set[str] = set()  # modules defining a part of Competition (a ...Mixin class)
        for path in SOURCES:
            self._read(path)

    def _read(self, path: Path) -> None:
        module = _name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top, every, registered, used = set(), set(), set(), []
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin"):
                self.mixins.add(module)
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [_target(module, path, node)]
                         + [f"{_target(module, path, node)}.{a.name}" for a in node.names])
                every.update(names)
            elif isinstance(node, ast.Call):
                func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if func == "register" and node.args and isinstance(node.args[0], ast.Dict):
                    registered.update(k.value for k in node.args[0].keys if isinstance(k, ast.Constant))
                at = CODE_ARG.get(func)
                if at is not None and len(node.args) > at and isinstance(node.args[at], ast.Constant) \
                        and isinstance(node.args[at].value, str):
                    used.append((node.args[at].value, node.lineno))
        for node in tree.body:  # what runs on import (not under `if TYPE_CHECKING:`)
            if isinstance(node, ast.Import):
                top.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                target = _target(module, path, node)
                top.update([target, *(f"{target}.{a.name}" for a in node.names)])
        self.top[module], self.every[module] = top, every
        self.registered[module], self.used[module] = registered, used

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


def test_every_message_code_is_registered_where_it_is_used():
    facts = Facts()
    everywhere = set().union(*facts.registered.values())
    missing = []
    for module, used in facts.used.items():
        reach = set(facts.on_import(module))
        if module in facts.mixins:  # its methods run on a Competition: the facade is imported
            reach |= facts.on_import("skillscore.actions.competition")
        if module.startswith("ui."):  # every screen runs inside the desk's window
            reach |= facts.on_import("ui.mainwindow")
        for imported in facts.every[module]:
            reach |= facts.on_import(imported)
        known = set().union(*(facts.registered.get(m, set()) for m in reach))
        for code, line in used:
            if code in everywhere and code not in known:
                owner = [m for m, codes in facts.registered.items() if code in codes]
                missing.append(f"{module}:{line} {code!r} (registered by {', '.join(owner)})")
    assert not missing, "message codes used where their module may not be imported:\n" + "\n".join(missing)


def test_the_check_sees_a_code_used_far_from_its_registration():
    # The failure this guards against, kept as a fact about the sources: the desk file's
    # check prints the handoff reader's lines, so the command imports that reader itself.
    facts = Facts()
    assert "pkg_line_event" in facts.registered["skillscore.exchange.handoff_read"]
    assert any(code == "pkg_line_event" for code, _ in facts.used["skillscore.cli.desks"])
    assert "skillscore.exchange.handoff_read" not in facts.on_import("skillscore.actions.competition")
