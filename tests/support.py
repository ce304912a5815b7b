"""Shared helpers for the tests: the real command run in a subprocess, small files.

A module of its own (not conftest.py): tests/gui has a conftest.py too, and two modules
named ``conftest`` would shadow each other when imported by name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCEPTANCE = Path(__file__).resolve().parent / "acceptance"
PIN = "2468"


def run_cli(*args: str, input: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``skillscore`` command as a user would (a new process each time)."""
    full_env = {k: v for k, v in os.environ.items() if k != "SKILLSCORE_LANG"}
    full_env.update({"SKILLSCORE_OPERATOR": "测试员", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "skillscore.cli", *map(str, args)],
        capture_output=True, text=True, input=input, env=full_env, cwd=ROOT,
    )


def ranking_json(path) -> dict:
    out = run_cli("ranking", path, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    import csv

    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path
