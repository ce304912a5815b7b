"""Values a clerk can type wrongly at the command line are refused in words, with nothing
written: each of these once ended in "程序内部出错" and a crash log (found by trying
every command with wrong values, session 10)."""

from __future__ import annotations

import sqlite3

import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli, write_csv
from skillscore.rules.eligibility import check_character

SMALL = ACCEPTANCE / "prelim-small"
ROSTER_HEADER = ["编号", "姓名", "性别", "身份证号", "出生日期", "人员类别", "工作单位", "互助服务卡", "联系电话"]


def refused(tmp_path, *args, code: int = 1, words: str):
    """Run the command; it must exit ``code`` with ``words`` in one line of its own and no crash log."""
    logs = tmp_path / "state"
    out = run_cli(*args, env={"XDG_STATE_HOME": str(logs)})
    assert out.returncode == code and words in out.stderr, (out.returncode, out.stderr)
    assert "内部" not in out.stderr and not logs.exists()
    return out


def new(path, *extra):
    out = run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "组委会",
                  "--date", "2025-09-01", "--pin", PIN, *extra)
    assert out.returncode == 0, out.stderr
    return path


def test_a_new_file_in_a_folder_that_is_not_there_or_not_writable(tmp_path):
    missing = tmp_path / "没有的文件夹" / "c.sqlite"
    refused(tmp_path, "new", missing, "--event", "21", "--stage", "prelim", "--committee", "组委会",
            "--pin", PIN, words="找不到文件夹")
    assert not missing.parent.exists()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    refused(tmp_path, "new", a_file / "c.sqlite", "--event", "21", "--stage", "prelim", "--committee", "组委会",
            "--pin", PIN, words="找不到文件夹")
    refused(tmp_path, "new", "/proc/c.sqlite", "--event", "21", "--stage", "prelim", "--committee", "组委会",
            "--pin", PIN, words="无法建立竞赛文件")


@pytest.mark.parametrize("make, words", [
    ("missing", "找不到竞赛文件"), ("folder", "是一个文件夹"), ("empty", "空文件"),
    ("text", "不是 SQLite 数据库"), ("foreign", "不是 skillscore"),
])
def test_copy_takes_only_a_competition_file(tmp_path, make, words):
    source = tmp_path / "source.sqlite"
    if make == "folder":
        source.mkdir()
    elif make == "empty":
        source.write_bytes(b"")
    elif make == "text":
        source.write_text("编号,姓名\n", encoding="utf-8")
    elif make == "foreign":
        sqlite3.connect(source).execute("CREATE TABLE notes(x)").connection.close()
    refused(tmp_path, "copy", source, tmp_path / "copy.sqlite", words=words)
    assert not (tmp_path / "copy.sqlite").exists()


def test_copy_of_a_competition_file_still_works(tmp_path):
    path = new(tmp_path / "c.sqlite")
    assert run_cli("copy", path, tmp_path / "copy.sqlite").returncode == 0
    assert ranking_json(tmp_path / "copy.sqlite")["rows"] == ranking_json(path)["rows"]


@pytest.mark.parametrize("typed", ["abc", "1.5", "十二"])
def test_a_quota_that_is_not_a_whole_number(tmp_path, typed):
    path = new(tmp_path / "c.sqlite")
    assert run_cli("roster", "import", path, SMALL / "roster.csv").returncode == 0
    assert run_cli("marks", "import", path, SMALL / "marks.csv").returncode == 0
    before = ranking_json(path)["advance_quota"]
    refused(tmp_path, "quota", path, typed, "--pin", PIN, code=2, words=f"晋级名额「{typed}」不是整数")
    assert ranking_json(path)["advance_quota"] == before
    assert run_cli("quota", path, "2", "--pin", PIN).returncode == 0
    assert ranking_json(path)["advance_quota"] == 2


def test_a_quota_of_thousands_of_digits(tmp_path):
    path = new(tmp_path / "c.sqlite")
    out = refused(tmp_path, "quota", path, "9" * 5000, "--pin", PIN, code=2, words="位数过多")
    assert len(out.stderr) < 200  # the value is not printed whole


@pytest.mark.parametrize("typed", ["NaN", "sNaN", "-Infinity"])
def test_a_pass_mark_that_is_not_a_number(tmp_path, typed):
    path = new(tmp_path / "c.sqlite")
    refused(tmp_path, "settings", path, f"--pass-mark={typed}", "--pin", PIN, code=2, words=f"及格线「{typed}」无效")


def test_settling_a_number_not_on_the_roster(tmp_path):
    path = new(tmp_path / "c.sqlite", "--double-entry")
    assert run_cli("roster", "import", path, SMALL / "roster.csv").returncode == 0
    refused(tmp_path, "marks", "settle", path, "ZZZ", "theory", "50", "--pin", PIN, words="编号 ZZZ 不在名单中")


@pytest.mark.parametrize("born", ["99991231", "99600101"])
def test_a_birth_date_far_in_the_future_is_born_too_late_not_a_crash(tmp_path, born):
    path = new(tmp_path / "c.sqlite")
    first17 = "110101" + born + "001"
    roster = write_csv(tmp_path / "r.csv", ROSTER_HEADER,
                       [["A001", "史子志", "男", first17 + check_character(first17), "", "", "单位", "", ""]])
    out = refused(tmp_path, "roster", "import", path, roster, words="第 2 行")
    assert "身份证号" in out.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM contestants").fetchone() == (0,)


@pytest.mark.parametrize("edit, words", [
    ("UPDATE meta SET value='abc' WHERE key='event_no'", "设置 event_no 的值「abc」无法读取"),
    ("DELETE FROM meta WHERE key='stage'", "缺少设置 stage"),
    ("UPDATE meta SET value='x' WHERE key='certificate_policy'", "设置 certificate_policy 的值「x」无法读取"),
    ("UPDATE meta SET value='abc' WHERE key='pass_mark'", "设置 pass_mark 的值「abc」无法读取"),
    ("UPDATE meta SET value='2025-13-01' WHERE key='date'", "设置 date 的值「2025-13-01」无法读取"),
    ("UPDATE marks SET theory='abc' WHERE no='A001'", "编号 A001 的 theory 值「abc」无法读取"),
    ("UPDATE marks SET status='病假' WHERE no='A002'", "编号 A002 的 status 值「病假」无法读取"),
])
def test_a_value_another_program_wrote_into_the_file_is_named_not_a_crash(tmp_path, edit, words):
    path = new(tmp_path / "c.sqlite")
    assert run_cli("roster", "import", path, SMALL / "roster.csv").returncode == 0
    assert run_cli("marks", "import", path, SMALL / "marks.csv").returncode == 0
    with sqlite3.connect(path) as db:  # as DB Browser for SQLite would
        db.execute(edit)
    for command in (["ranking", path], ["report", path, "results", "-o", tmp_path / "r.pdf"]):
        out = refused(tmp_path, *command, words=words)
        assert "c.sqlite" in out.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_a_pin_of_spaces_alone_is_no_pin(tmp_path):
    refused(tmp_path, "new", tmp_path / "c.sqlite", "--event", "21", "--stage", "prelim", "--committee", "组委会",
            "--pin", "   ", code=2, words="裁判长口令不能为空")
    assert not (tmp_path / "c.sqlite").exists()
    path = new(tmp_path / "c.sqlite")
    refused(tmp_path, "pin", path, "--old-pin", PIN, "--new-pin", "   ", code=2, words="裁判长口令不能为空")
    assert run_cli("quota", path, "default", "--pin", PIN).returncode == 0  # the PIN is unchanged


@pytest.mark.parametrize("committee, words", [("", "请填写组委会名称"), ("   ", "请填写组委会名称"),
                                              ("东城区\n组委会", "组委会名称须为一行文字")])
def test_a_committee_is_named_on_one_line(tmp_path, committee, words):
    # Every sheet's header and the handoff file name the committee: a blank one was taken.
    path = tmp_path / "c.sqlite"
    refused(tmp_path, "new", path, "--event", "21", "--stage", "prelim", "--committee", committee, "--pin", PIN,
            code=2, words=words)
    refused(tmp_path, "new", tmp_path / "d.sqlite", "--from", tmp_path / "no-such.sspkg", "--stage", "semifinal",
            "--committee", committee, "--pin", PIN, code=2, words=words)  # before any package is read
    assert not path.exists() and not (tmp_path / "d.sqlite").exists()


def test_spaces_around_a_committee_are_not_part_of_it(tmp_path):
    import json

    path = tmp_path / "c.sqlite"
    assert run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", " 东城区组委会 ",
                   "--pin", PIN).returncode == 0
    assert json.loads(run_cli("ranking", path, "--json").stdout)["committee"] == "东城区组委会"
