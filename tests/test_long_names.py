"""Paths with Chinese characters and spaces, and long names (issue 13.7). A sitting worked
end to end in such folders with the real command: competition file, backups, exports,
sheets and the handoff file. A name too long for what the file needs beside it (its backups
folder, SQLite's journal) is refused at `new`; one that fits but leaves no room for a
backup's time and reason in a name gets backups with a shortened name, and keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, mark_rows, roster_rows
from skillscore.storage.backup import backup_dir, list_backups
from skillscore.system.files import PATH_BUDGET, NAME_MAX, absolute, byte_len
from support import run_cli, write_csv

LONG = "北京市东城区总工会职工职业技能大赛快递员项目初赛组织委员会" * 3


def _new(path: Path) -> object:
    return run_cli("new", path, "--event", "29", "--stage", "prelim", "--committee", "东城区 初赛组委会",
                   "--pin", DEMO_PIN, "--date", "2025-09-20")


def _files(folder: Path) -> tuple[Path, Path]:
    rows = roster_rows(36, seed=11)
    roster = write_csv(folder / "报名 名单.csv", ROSTER_HEADER, rows)
    marks = write_csv(folder / "成绩 录入.csv", ["编号", "理论知识", "技能操作", "状态"],
                      mark_rows([r[0] for r in rows], seed=12, missing=0))
    return roster, marks


def test_a_whole_sitting_in_folders_with_chinese_names_and_spaces(tmp_path):
    folder = tmp_path / "东城区 工会" / "2025 技能 大赛"
    out = folder / "输出 文件"
    out.mkdir(parents=True)
    path = folder / "快递员 初赛.sqlite"
    roster, marks = _files(folder)
    assert _new(path).returncode == 0
    for command in (("roster", "import", path, roster), ("marks", "import", path, marks),
                    ("backup", "create", path), ("roster", "export", path, out / "名单 导出.xlsx"),
                    ("marks", "export", path, out / "成绩 导出.csv"),
                    ("report", path, "results", "-o", out / "成绩 表（草稿）.pdf")):
        result = run_cli(*command)
        assert result.returncode == 0, (command, result.stderr)
    with Competition(path) as comp:
        groups = [list(g) for g in comp.standings().tie_groups]
    for group in groups:
        assert run_cli("tie", "draw", path, "--group", ",".join(group), "--pin", DEMO_PIN).returncode == 0
    assert run_cli("finalize", path, "--pin", DEMO_PIN).returncode == 0
    result = run_cli("export", path, out / "东城区 初赛 交接.sspkg")
    assert result.returncode == 0, result.stderr
    assert run_cli("verify", out / "东城区 初赛 交接.sspkg").returncode == 0
    backups = list_backups(path)
    assert backups and backup_dir(path) == folder / "快递员 初赛.sqlite.backups"
    result = run_cli("backup", "restore", path, backups[-1].path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["东城区 初赛 交接.sspkg", "名单 导出.xlsx", "成绩 导出.csv",
                                                     "成绩 表（草稿）.pdf"]
    assert run_cli("audit", path, "--verify").returncode == 0


def test_new_refuses_a_name_that_could_not_be_backed_up(tmp_path):
    name = LONG[:80] + ".sqlite"  # 247 bytes: accepted until now, then every import failed
    result = _new(tmp_path / name)
    assert result.returncode == 1 and "文件名太长" in result.stderr and "247 字节" in result.stderr
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []
    result = run_cli("--lang", "en", "new", tmp_path / (LONG[:90] + ".sqlite"), "--event", "29", "--stage", "prelim",
                     "--committee", "x", "--pin", DEMO_PIN)
    assert result.returncode == 1 and "file name is too long" in result.stderr  # not the OS's own error


def test_the_longest_accepted_name_gets_backups_that_fit(tmp_path):
    name = LONG[:77] + ".sqlite"
    assert len(name.encode("utf-8")) == 238
    path = tmp_path / name
    assert _new(path).returncode == 0
    roster, marks = _files(tmp_path)
    for command in (("roster", "import", path, roster), ("marks", "import", path, marks), ("backup", "create", path)):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
    backups = list_backups(path)
    assert len(backups) >= 3
    names = [b.path.name for b in backups]
    assert all(len(n.encode("utf-8")) <= NAME_MAX - 14 for n in names)  # room for the temporary name too
    assert all(byte_len(absolute(b.path)) <= PATH_BUDGET - 14 for b in backups)  # and for SQLite's path limit
    assert len(set(names)) == len(names) and all(n.startswith(LONG[:40]) for n in names)
    assert {b.reason for b in backups} >= {"before-import", "manual"}
    with Competition(path) as comp:  # the shortened backups are this file's: restore finds them
        comp.restore(backups[-1].path)
        assert len(comp.contestants()) == 0  # the first backup was made before the roster came in


@pytest.mark.parametrize("other", ["名单 报名.xlsx", "成绩（第二批） 录入.csv"])
def test_inputs_in_such_folders(tmp_path, other):
    folder = tmp_path / "新建 文件夹 (2)"
    folder.mkdir()
    path = folder / "初赛 成绩.sqlite"
    assert _new(path).returncode == 0
    roster, marks = _files(folder)
    if other.endswith(".xlsx"):
        import csv

        import openpyxl

        book = openpyxl.Workbook()
        for row in csv.reader(roster.read_text(encoding="utf-8").splitlines()):
            book.active.append(row)
        book.save(folder / other)
        assert run_cli("roster", "import", path, folder / other).returncode == 0
    else:
        assert run_cli("roster", "import", path, roster).returncode == 0
        target = folder / other
        target.write_bytes(marks.read_bytes())
        assert run_cli("marks", "import", path, target).returncode == 0


def test_a_deep_folder_is_refused_at_new_and_backups_fit_in_one_near_the_limit(tmp_path):
    deep = tmp_path
    while byte_len(absolute(deep)) < 300:
        deep = deep / "东城区 工会 技能大赛"
    deep.mkdir(parents=True)
    result = _new(deep / (LONG[:40] + ".sqlite"))  # 127 bytes more: past what backups need
    assert result.returncode == 1 and "路径太长" in result.stderr and "Traceback" not in result.stderr
    room = 380 - byte_len(absolute(deep)) - 1 - len(".sqlite")
    path = deep / (LONG.encode("utf-8")[:room].decode("utf-8", "ignore") + ".sqlite")
    assert _new(path).returncode == 0, "the longest path accepted"
    roster, marks = _files(tmp_path)
    for command in (("roster", "import", path, roster), ("marks", "import", path, marks), ("backup", "list", path)):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
    backups = list_backups(path)
    assert len(backups) >= 2 and all(byte_len(absolute(b.path)) <= PATH_BUDGET - 14 for b in backups)
    with Competition(path) as comp:
        comp.restore(backups[-1].path)
