"""The integrity check run alongside a command that only reads (storage/integrity.py,
issue 18): a damaged file is refused exactly as when the check runs at opening, nothing is
printed from it and nothing is written to it."""

from __future__ import annotations

import threading

import pytest

from support import ACCEPTANCE, PIN, damage_the_audit_log, run_cli
from skillscore.actions.competition import Competition
from skillscore.errors import RefusedError
from skillscore.storage import database, integrity
from skillscore.storage.database import Store

SMALL = ACCEPTANCE / "prelim-small"
# What opening says of a damaged file: quick_check's findings, or SQLite's own "malformed".
DAMAGED = ("file_damaged", "file_not_competition")


def sitting(tmp_path):
    path = tmp_path / "竞赛 文件.sqlite"
    comp = Competition.create(path, event_no=21, stage="prelim", committee="组委会", pin=PIN,
                              date="2025-09-01", operator="王芳")
    comp.import_roster(SMALL / "roster.csv")
    comp.import_marks(SMALL / "marks.csv")
    comp.close()
    return path


def test_ranking_prints_nothing_from_a_damaged_file(tmp_path):
    path = sitting(tmp_path)
    assert run_cli("ranking", path, "--json").returncode == 0
    damage_the_audit_log(path)
    for args in (["--json"], []):
        out = run_cli("ranking", path, *args)
        assert out.returncode == 1 and out.stdout == ""
        assert str(path) in out.stderr and ("完整性" in out.stderr or "已损坏" in out.stderr)
        assert "Traceback" not in out.stderr


@pytest.mark.parametrize("kind, name", [("results", "成绩表.pdf"), ("results", "成绩表.xlsx"), ("advancement", "晋级.pdf")])
def test_no_sheet_is_written_from_a_damaged_file(tmp_path, kind, name):
    path = sitting(tmp_path)
    assert run_cli("report", path, kind, "-o", tmp_path / ("good-" + name)).returncode == 0
    damage_the_audit_log(path)
    out = run_cli("report", path, kind, "-o", tmp_path / name)
    assert out.returncode == 1 and ("完整性" in out.stderr or "已损坏" in out.stderr)
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite" and p.is_file()) == ["good-" + name]


def test_the_reading_succeeds_and_closing_refuses_as_opening_does(tmp_path):
    path = sitting(tmp_path)
    damage_the_audit_log(path)
    with pytest.raises(RefusedError) as at_opening:
        Competition(path)
    assert at_opening.value.code in DAMAGED
    comp = Competition(path, check_alongside=True)
    assert '"rank": 1' in comp.ranking_json()  # the damage is where the ranking never reads
    with pytest.raises(RefusedError) as at_closing:
        comp.close()
    assert (at_closing.value.code, at_closing.value.params) == (at_opening.value.code, at_opening.value.params)


def test_nothing_is_written_to_a_damaged_file_before_its_check(tmp_path):
    path = sitting(tmp_path)
    damage_the_audit_log(path)
    before = path.read_bytes()
    comp = Competition(path, check_alongside=True)
    with pytest.raises(RefusedError) as refused:
        comp.set_mark("B003", "theory", "99", pin=PIN, reason="复核")
    assert refused.value.code in DAMAGED
    comp.close()  # checked once: closing after the refusal closes quietly
    assert path.read_bytes() == before


def test_the_check_runs_on_its_own_connection_in_another_thread(tmp_path, monkeypatch):
    path = sitting(tmp_path)
    seen = []
    original = integrity.quick_check

    def watched(db, where):
        seen.append((threading.current_thread() is threading.main_thread(), db))
        return original(db, where)

    monkeypatch.setattr(integrity, "quick_check", watched)  # the thread's
    monkeypatch.setattr(database, "quick_check", watched)  # opening's
    store = Store.open(path, check_alongside=True)
    store.checked()
    assert [on_main for on_main, _ in seen] == [False] and seen[0][1] is not store.db
    store.close()
    seen.clear()
    Store.open(path).close()  # by default, at opening, on the file's own connection
    assert [on_main for on_main, _ in seen] == [True]


def test_a_whole_file_reads_the_same_either_way(tmp_path):
    path = sitting(tmp_path)
    with Competition(path) as comp:
        expected = comp.ranking_json()
    with Competition(path, check_alongside=True) as comp:
        assert comp.ranking_json() == expected
    assert run_cli("ranking", path, "--json").stdout.strip() == expected
