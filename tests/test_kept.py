"""Values the file keeps for the desk's next first frame (storage/database.py KEPT_FROM,
issue 18): any change to any table but the audit log forgets them, whatever writes it, and
a value worked out before another program's write is never kept."""

from __future__ import annotations

import sqlite3

import pytest

from support import prelim_small, run_cli
from skillscore.actions.competition import Competition
from skillscore.storage.database import KEPT_FROM


@pytest.fixture
def path(tmp_path):
    return prelim_small(tmp_path / "竞赛.sqlite")


def test_every_table_but_the_audit_log_forgets_kept_values(path):
    db = sqlite3.connect(path)
    tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables - {"audit", "kept"} == set(KEPT_FROM)  # a new table needs its triggers too
    triggers = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    for table in KEPT_FROM:
        for event in ("insert", "update", "delete"):
            assert f"{table}_{event}_forgets_kept" in triggers
    # Each table, written directly (as any code path would): the kept value is gone.
    for table in KEPT_FROM:
        db.execute("INSERT INTO kept VALUES ('counts', 'x')")
        where = "key = 'schema_version'" if table == "meta" else f"rowid IN (SELECT rowid FROM {table} LIMIT 1)"
        db.execute(f"UPDATE {table} SET rowid = rowid WHERE {where}")
        count = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        left = db.execute("SELECT COUNT(*) FROM kept").fetchone()[0]
        assert left == (1 if count == 0 else 0), table  # an empty table has nothing to update
        db.execute("DELETE FROM kept")
    db.rollback()
    db.close()


def test_a_logged_event_keeps_them_and_a_mark_forgets_them(path):
    comp = Competition(path, operator="王芳")
    seen = comp.store.seen()
    assert comp.store.keep("counts", "kept-value", seen)
    comp.backup("manual")  # logged in the audit chain (meta's head and count move), nothing else
    assert comp.store.kept("counts") == "kept-value"
    no = comp.contestants()[0].no
    comp.set_mark(no, "theory", "55")
    assert comp.store.kept("counts") is None
    comp.close()


def test_nothing_is_kept_after_another_programs_write(path):
    comp = Competition(path, operator="王芳")
    seen = comp.store.seen()
    no = comp.contestants()[0].no
    assert run_cli("marks", "set", path, no, "theory", "44").returncode == 0  # another process
    assert not comp.store.keep("counts", "stale", seen)
    assert comp.store.kept("counts") is None
    assert comp.store.keep("counts", "fresh", comp.store.seen())  # seen after it: kept
    comp.close()
    # And the command line's next write forgets it.
    assert run_cli("marks", "set", path, no, "theory", "45").returncode == 0
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM kept").fetchone()[0] == 0
    db.close()
