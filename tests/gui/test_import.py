"""Importing with a preview: every problem listed (row, column, rule) before anything is written."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt

from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, make_id, roster_rows

from support import PIN
from helpers import MARKS_HEADER, audit_count, write_csv

pytestmark = pytest.mark.gui


def open_import(qtbot, desk, kind, path):
    dialog = desk.import_file(kind, str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state != "checking", timeout=10_000)
    return dialog


def problems_of(dialog) -> list[tuple[str, str, str]]:
    m = dialog.problems
    return [tuple(m.data(m.index(r, c)) for c in range(3)) for r in range(m.rowCount())]


def test_a_roster_with_problems_lists_each_one_and_writes_nothing(qtbot, tmp_path, desk, demo_file):
    bad = write_csv(tmp_path / "名单.csv", ["编号", "姓名", "身份证号", "工作单位"], [
        ["B001", "张三", "110101199003071235", "某公司"],
        ["B002", "", make_id(random.Random(2), dt.date(1990, 3, 7), True), "某公司"],
    ])
    before = audit_count(demo_file)
    dialog = open_import(qtbot, desk, "roster", bad)
    assert dialog.state == "problems" and not dialog.import_button.isEnabled()
    assert not dialog.admit_button.isEnabled()  # no eligibility rule among these problems
    listed = problems_of(dialog)
    assert [(row, column) for row, column, _ in listed] == [("2", "身份证号"), ("3", "姓名")]
    assert listed[0][2].startswith("身份证号校验位错误：110101199003071235（应为 3）")
    assert listed[1][2] == "「姓名」不能为空"
    assert dialog.summary.text().startswith("导入被拒绝：发现 2 处问题，文件未作任何改动。")
    assert audit_count(demo_file) == before


def test_a_clean_roster_is_previewed_then_imported_off_the_gui_thread(qtbot, tmp_path, desk, demo_file):
    rows = roster_rows(3, seed=99, prefix="B")
    good = write_csv(tmp_path / "补充名单.csv", ROSTER_HEADER, rows)
    dialog = open_import(qtbot, desk, "roster", good)
    assert dialog.state == "ready"
    assert dialog.summary.text() == "检查通过：共 3 行，新增 3，更新 0，未变 0。按“导入”写入竞赛文件。"
    assert dialog.preview.rowCount() == 3
    with Competition(demo_file) as comp:
        assert len(comp.contestants()) == 60  # the preview wrote nothing
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=10_000)
    with Competition(demo_file) as comp:
        assert len(comp.contestants()) == 63
        assert comp.audit_entries()[-1].operator == "测试员"
    qtbot.waitUntil(lambda: desk.strip.isVisibleTo(desk))
    assert desk.strip.text() == "已导入 补充名单.csv：新增 3，修改 0，未变 0"
    assert desk.marks_tab.model.rowCount() == 63
    assert desk.counter_buttons["incomplete"].text() == "待录 6"


def test_marks_import_updates_the_grid_and_the_ranking(qtbot, tmp_path, desk):
    marks = write_csv(tmp_path / "成绩.csv", MARKS_HEADER, [["A058", "", "80", ""], ["A059", "", "81", ""],
                                                            ["A060", "", "缺考", ""]])
    dialog = open_import(qtbot, desk, "marks", marks)
    assert dialog.state == "ready"
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=10_000)
    assert desk.counter_buttons["incomplete"].text() == "待录 0"
    grid = desk.marks_tab.model
    assert grid.data(grid.index(grid.row_of("A060"), grid.column_of("practical"))) == "缺考"


def test_a_marks_file_with_a_bad_value_names_row_column_and_rule(qtbot, tmp_path, desk):
    marks = write_csv(tmp_path / "成绩.csv", MARKS_HEADER, [["A058", "", "80", ""], ["A059", "", "101", ""],
                                                            ["Z999", "", "60", ""]])
    dialog = open_import(qtbot, desk, "marks", marks)
    assert problems_of(dialog) == [("3", "技能操作", "分数 101 超出范围：应在 0–100 之间"),
                                   ("4", "编号", "编号 Z999 不在名单中：请先导入名单或核对编号")]


def test_an_ineligible_contestant_can_be_admitted_by_the_chief_judge_from_the_preview(qtbot, tmp_path, desk, demo_file):
    young = make_id(random.Random(1), dt.date(2008, 5, 1), True)
    rows = [["B001", "小王", "男", young, "2008-05-01", "", "某公司", "否", ""]]
    path = write_csv(tmp_path / "名单.csv", ROSTER_HEADER, rows)
    dialog = open_import(qtbot, desk, "roster", path)
    assert dialog.state == "problems" and not dialog.import_button.isEnabled()
    dialog.table.setCurrentIndex(dialog.problems.index(0, 0))
    assert dialog.problems.row_at(0).code == "born_too_late" and dialog.admit_button.isEnabled()
    assert not dialog.admit_selected(answer=("0000", "特批"))
    assert dialog.summary.text() == "裁判长口令错误，操作未执行"
    assert dialog.admit_selected(answer=(PIN, "组委会特批：青年技能组"))
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=10_000)
    with Competition(demo_file) as comp:
        assert comp.admitted() == {"B001": "组委会特批：青年技能组"}
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=10_000)
    desk.tabs.setCurrentWidget(desk.roster_tab)
    roster = desk.roster_tab.model
    row = next(i for i, r in enumerate(roster.rows) if r.no == "B001")
    flag = roster.index(row, roster.column_of("eligibility"))
    assert roster.data(flag) == "◆ 准予参赛"
    assert roster.data(flag, Qt.ToolTipRole).startswith("裁判长准予参赛，理由：组委会特批：青年技能组\n出生日期晚于")


def test_an_import_whose_backups_miss_the_second_folder_says_so_in_the_desks_language(qtbot, tmp_path, desk):
    """The import runs on its own connection in a worker: a second reader found its backups'
    missed copies lost with that connection."""
    from ui import operations as ops
    from ui.i18n import install_language

    usb = tmp_path / "stick"
    desk.session.do(ops.set_second_backup_folder, str(usb))
    usb.rmdir()  # the stick pulled
    marks = write_csv(tmp_path / "成绩.csv", MARKS_HEADER, [["A058", "", "80", ""]])
    dialog = open_import(qtbot, desk, "marks", marks)
    qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=10_000)
    assert desk.strip.text().startswith("已导入 成绩.csv")  # the import's own line, then the warning under it
    assert "第二备份位置" in desk.strip.text() and str(usb) in desk.strip.text()
    install_language("en")
    try:
        desk.session.comp.set_mark("A059", "theory", "70")
        desk.session.comp.backup("manual")  # the desk's own connection, worded in English now
        desk.session.tell_backup_problem()
        assert desk.strip.text().startswith("The backup is kept on this computer, but the second folder")
    finally:
        install_language("zh")
