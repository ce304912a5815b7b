"""The draw commands against absurd input found by fuzzing the command line (RULES.md §12.2):
huge sessions and stations, an empty draw, 0 given as a number. Each is refused in words
naming what is wrong (file, row and column for a file's cell), exits 1 or 2, writes no
crash log and leaves the draw as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, build_sealed_demo

from day_support import individual
from support import PIN, ROOT, run_cli, write_csv

HEADER = ["编号", "场次", "工位号"]
GOOD = [["A001", "1", "1"], ["A002", "1", "2"], ["A003", "2", "1"], ["A004", "2", "2"]]


def _small_memory() -> None:
    """In the child: 4 GB of address space at most, so code that builds a list up to a
    typed 10^20 fails fast with MemoryError instead of filling the machine's memory."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def cli(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """The real command as tests/support.run_cli runs it, with its crash logs kept in
    tmp_path/state and a time limit: the fuzzed inputs ran for minutes on the old code,
    and a test must fail then, not hang."""
    env = {k: v for k, v in os.environ.items() if k != "SKILLSCORE_LANG"}
    env.update({"SKILLSCORE_OPERATOR": "测试员", "XDG_STATE_HOME": str(tmp_path / "state")})
    return subprocess.run([sys.executable, "-m", "skillscore.cli", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60,
                          preexec_fn=_small_memory if sys.platform != "win32" else None)


def state(tmp_path, path) -> tuple[dict, int]:
    """What a refusal must leave alone: the draw table and the number of audit entries."""
    listed, audit = cli(tmp_path, "draw", "list", path, "--json"), cli(tmp_path, "audit", path)
    assert listed.returncode == 0 and audit.returncode == 0, listed.stderr + audit.stderr
    return json.loads(listed.stdout), len(audit.stdout.splitlines())


def refused(tmp_path, path, *args: str, code: int = 1) -> str:
    """Run a command that must be refused cleanly; the stderr to read."""
    before = state(tmp_path, path)
    out = cli(tmp_path, *args)
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "内部" not in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert not (tmp_path / "state").exists()  # no crash log
    assert state(tmp_path, path) == before  # nothing written
    return out.stderr


def empty_sitting(tmp_path):
    path = tmp_path / "empty.skillscore"
    with Competition.create(path, event_no=29, stage="prelim", committee="东城区初赛组委会", pin=PIN,
                            date="2025-09-20", operator="测试"):
        pass
    return path


# -- 1. a session number beyond any draw ---------------------------------------------------
@pytest.mark.parametrize("value, words", [
    ("99999999999999999999", "5 个单位最多分 5 场"),
    ("1000000000000", "5 个单位最多分 5 场"),
    ("6", "5 个单位最多分 5 场"),
    ("1e999999", "应为从 1 起的整数"),  # int() of it alone took minutes
])
def test_a_session_beyond_the_number_of_units_is_refused_by_file_row_and_column(tmp_path, value, words):
    path = individual(tmp_path, 5)
    csv = write_csv(tmp_path / "手工抽签.csv", HEADER, GOOD + [["A005", value, "1"]])
    err = refused(tmp_path, path, "draw", "import", path, csv)
    assert "手工抽签.csv" in err and "第 6 行" in err and "「场次」列" in err and f"「{value}」" in err
    assert words in err


# -- 2. a station number beyond any hall -------------------------------------------------------
@pytest.mark.parametrize("value", ["99999999999999999999", "1000"])
def test_a_station_beyond_the_bound_is_refused_by_file_row_and_column(tmp_path, value):
    path = individual(tmp_path, 5)
    csv = write_csv(tmp_path / "手工抽签.csv", HEADER, GOOD + [["A005", "3", value]])
    err = refused(tmp_path, path, "draw", "import", path, csv)
    assert "手工抽签.csv" in err and "第 6 行" in err and "「工位号」列" in err
    assert f"工位号「{value}」无效：应为 1–999 之间的整数" in err


# -- 3. an empty draw ------------------------------------------------------------------------------
def test_an_empty_roster_is_not_drawn_by_hand(tmp_path):
    path = empty_sitting(tmp_path)
    csv = write_csv(tmp_path / "表头.csv", HEADER, [])
    err = refused(tmp_path, path, "draw", "import", path, csv)
    assert "没有可参加抽签的单位" in err
    assert state(tmp_path, path)[0] == {"seed": None, "stations": None, "rows": []}


def test_a_hand_draw_file_with_only_its_header_is_refused_by_name(tmp_path):
    path = individual(tmp_path, 5)
    csv = write_csv(tmp_path / "表头.csv", HEADER, [])
    err = refused(tmp_path, path, "draw", "import", path, csv)
    assert "表头.csv" in err and "没有抽签记录" in err
    assert "不在抽签表中" not in err  # one line, not one per contestant


# -- 4. a move beyond the stations ----------------------------------------------------------------
def test_a_number_of_stations_beyond_the_bound_is_refused(tmp_path):
    path = individual(tmp_path, 5)
    err = refused(tmp_path, path, "draw", path, "--stations", "99999999999999999999", "--seed", "示例")
    assert "工位数「99999999999999999999」无效：应为 1–999 之间的整数" in err


def test_a_move_in_a_file_holding_a_station_count_beyond_the_bound(tmp_path):
    """The old code stored S = 99999999999999999999 from the command above; a move to such
    a station then overflowed SQLite's INTEGER. Such a file is made here as it did."""
    path = individual(tmp_path, 5)
    with Competition(path, operator="测试") as comp:
        comp.make_draw(2, "示例")
        with comp.store.transaction():
            comp.store.set_meta("draw_stations", "99999999999999999999")
    err = refused(tmp_path, path, "draw", "move", path, "A001", "--session", "1", "--station",
                  "99999999999999999999", "--reason", "设备故障", "--pin", PIN)
    assert "工位号「99999999999999999999」无效：应为 1–999 之间的整数" in err
    err = refused(tmp_path, path, "draw", "move", path, "A001", "--session", "99999999999999999999", "--station",
                  "1", "--reason", "设备故障", "--pin", PIN)
    assert "场次不连续" in err


def test_a_move_in_a_file_whose_seats_carry_no_station_count(tmp_path):
    """The sealed demo writes its seats without S: a move read None as S and crashed."""
    path = build_sealed_demo(tmp_path / "demo.skillscore")
    err = refused(tmp_path, path, "draw", "move", path, "A001", "--session", "1", "--station", "21",
                  "--reason", "设备故障", "--pin", DEMO_PIN)
    assert "工位号「21」无效：应为 1–20 之间的整数" in err


def test_the_sealed_demo_names_its_draw_as_the_draw_stores_it(tmp_path):
    path = build_sealed_demo(tmp_path / "demo.skillscore")
    out = run_cli("draw", "list", path)
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "抽签种子：示例　工位数：20", out.stdout
    # A file an older demo wrote (seats, no settings) still moves a seat within its stations.
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM meta WHERE key IN ('draw_seed', 'draw_stations', 'draw_kind')")
    err = refused(tmp_path, path, "draw", "move", path, "A001", "--session", "1", "--station", "21",
                  "--reason", "设备故障", "--pin", DEMO_PIN)
    assert "工位号「21」无效：应为 1–20 之间的整数" in err


# -- 5. zero is a value, not a missing option ----------------------------------------------------------
@pytest.mark.parametrize("args, words, code", [
    (["draw", "{f}", "--stations", "0", "--redo", "--reason", "重抽", "--pin", PIN], "工位数「0」无效：应为 1–999", 1),
    (["draw", "move", "{f}", "A001", "--session", "0", "--station", "1", "--reason", "x", "--pin", PIN],
     "场次「0」无效：应为从 1 起的整数", 1),
    (["draw", "move", "{f}", "A001", "--session", "1", "--station", "0", "--reason", "x", "--pin", PIN],
     "工位号「0」无效：应为 1–2 之间的整数", 1),
    (["draw", "list", "{f}", "--stations", "0"], "此用法不接受 --stations", 2),
])
def test_zero_is_refused_as_a_number_not_taken_for_a_missing_option(tmp_path, args, words, code):
    path = individual(tmp_path, 5)
    assert cli(tmp_path, "draw", path, "--stations", "2", "--seed", "示例").returncode == 0
    err = refused(tmp_path, path, *[a.format(f=path) for a in args], code=code)
    assert words in err and "此用法需要" not in err


@pytest.mark.parametrize("seed", ["长" * 65, "a\tb", "示例\n第二行"])
def test_a_seed_that_is_not_one_short_line_is_refused(tmp_path, seed):
    # Printed on the draw record's header and every page's foot: 5,000 characters once
    # flooded the page. A hand-typed seed is a line.
    path = individual(tmp_path, 5)
    err = refused(tmp_path, path, "draw", path, "--stations", "2", "--seed", seed, code=2)
    assert "抽签种子应为一行文字，不超过 64 个字符" in err
    assert cli(tmp_path, "draw", path, "--stations", "2", "--seed", "长" * 64).returncode == 0
