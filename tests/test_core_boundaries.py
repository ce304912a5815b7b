"""The core never imports Qt or ui/ (DESIGN.md, after Anki's pylib/aqt split)."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import skillscore

CORE = Path(skillscore.__file__).parent


def test_no_core_module_names_qt_or_ui_in_an_import():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|ui)\b", re.M)
    offenders = [str(p.relative_to(CORE)) for p in CORE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], prefix="skillscore.") if not m.name.endswith("__main__")]
    assert len(modules) > 30
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from skillscore.cli.parser import build_parser; build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
