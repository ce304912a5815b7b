"""Shared helpers for the tests: the real command run in a subprocess, small files.

A module of its own (not conftest.py): tests/gui has a conftest.py too, and two modules
named ``conftest`` would shadow each other when imported by name."""

from __future__ import annotations

import json
import os
import sqlite3
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


def prelim_small(path: Path) -> Path:
    """The acceptance scenario prelim-small made with the real command: 14 contestants, one
    tie decided by practical, two unresolved ties."""
    small = ACCEPTANCE / "prelim-small"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "组委会",
                   "--date", "2025-09-01", "--pin", PIN).returncode == 0
    assert run_cli("roster", "import", path, small / "roster.csv").returncode == 0
    assert run_cli("marks", "import", path, small / "marks.csv").returncode == 0
    return path


def as_schema_4(path: Path) -> Path:
    """The file as the program before competition ids left it: schema 4, no identity, none
    of the later tables (its next opening migrates it)."""
    import sqlite3

    con = sqlite3.connect(path)
    for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%_forgets_kept'"
                                  ).fetchall():
        con.execute(f"DROP TRIGGER {trigger}")  # schema 8's
    for table in ("desk_merges", "desk_merged_items", "desk_conflicts", "checkins", "draw_seats", "codes",
                  "appeal_changes", "appeals", "kept"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM meta WHERE key='competition_id'")
    con.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    con.commit()
    con.close()
    return path


def without_values(text: str, params: dict) -> str:
    """A refusal's text with its values taken out, to see that no placeholder is left
    unfilled: the values may hold any character (a flipped member name had "{"), and one
    may contain another (the damage detail names the member), so the longest go first."""
    for value in sorted(map(str, params.values()), key=len, reverse=True):
        text = text.replace(value, "")
    return text


def damage_the_audit_log(path):
    """Break the audit log's root page (its count of cells), a page the ranking never reads:
    whatever refuses the file then is the integrity check, not the ranking's own reading."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name='audit'").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size + 3:(root - 1) * page_size + 5] = b"\xff\xff"
    path.write_bytes(bytes(data))
