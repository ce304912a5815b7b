"""Judges' marks typed at the keyboard into the panel grid (RULES.md §11, issue 9).

The panel demo: 30 contestants, 5 judges, modules 实操 (70) and 答辩 (30), trimmed mean.
A029 has no mark from judge 2 in 实操, A030 none from judge 3 in 答辩, A028 is 缺考.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication

from skillscore.actions.competition import Competition
from skillscore.model import ABSENT, Status

from helpers import audit_count, stored
from ui.models.marks import ERROR_ROLE
from ui.models.panel_marks import DROPPED_ROLE, PanelMarksModel

pytestmark = pytest.mark.gui


@pytest.fixture
def grid(panel_window):
    desk = panel_window.desk
    desk.tabs.setCurrentWidget(desk.panel_tab)
    return desk.panel_tab.page


def module_view(grid, module: str):
    view = grid.show_module(module)
    view.setFocus()
    return view


def go_to(view, no: str, key: str):
    m = view.marks
    view.setCurrentIndex(m.index(m.row_of(no), m.column_of(key)))
    return view.currentIndex()


def text(view, no: str, key: str) -> str:
    m = view.marks
    return m.data(m.index(m.row_of(no), m.column_of(key)))


def judges_marks(path, no: str, module: str) -> dict[int, Decimal]:
    with Competition(path) as comp:
        return comp.panel_sheets().get(no, {}).get(module, {})


def ranking_row(desk, no: str):
    return next(r for r in desk.ranking_tab.model.rows if r.unit.key == no)


def test_the_panel_tabs_appear_only_in_a_file_scored_by_a_panel(panel_window, desk):
    titles = [panel_window.desk.tabs.tabText(i) for i in range(panel_window.desk.tabs.count())]
    assert titles == ["名单", "赛务", "成绩录入", "裁判评分", "排名", "统计", "裁判统计", "定稿与输出", "日志"]
    assert not hasattr(desk, "panel_tab")  # the ordinary demo keeps its six tabs
    grid = panel_window.desk.panel_tab
    assert [grid.modules.tabText(i) for i in range(grid.modules.count())] == ["实操（满分 70）", "答辩（满分 30）"]
    m = grid.models["实操"]
    assert [m.headerData(i, Qt.Horizontal) for i in range(m.columnCount())] == \
        ["编号", "姓名", "裁判1", "裁判2", "裁判3", "裁判4", "裁判5", "模块成绩", "技能操作", "工作单位"]


def test_the_models_pass_the_model_tester_while_marks_are_typed(qtmodeltester, grid):
    for model in grid.models.values():
        qtmodeltester.check(model, force_py=True)  # stays attached: the signals below are checked too
    view = module_view(grid, "答辩")
    go_to(view, "A030", "judge3")
    view.commit(view.currentIndex(), "20")
    view.commit(view.currentIndex(), "99")  # refused: the model tester sees the error signal too
    standalone = PanelMarksModel(grid.session, grid.scheme, grid.scheme.modules[0])
    qtmodeltester.check(standalone, force_py=True)
    standalone.reload()
    assert standalone.rowCount() == 30


def test_typing_a_row_of_judges_marks_updates_aggregate_practical_and_ranking(qtbot, panel_window, grid, panel_file):
    desk = panel_window.desk
    view = module_view(grid, "答辩")
    hands_on = Decimal(text(grid.views["实操"], "A001", "result"))  # 实操 stays as the demo has it
    go_to(view, "A001", "judge1")
    for i, mark in enumerate(("20", "21.5", "22", "23", "24")):
        qtbot.keyClicks(view, mark)
        qtbot.keyClick(view, Qt.Key_Tab if i < 4 else Qt.Key_Return)
    assert judges_marks(panel_file, "A001", "答辩") == {1: Decimal("20.00"), 2: Decimal("21.50"), 3: Decimal("22.00"),
                                                       4: Decimal("23.00"), 5: Decimal("24.00")}
    # Enter after the last judge moved down a row, in the same column.
    assert (view.marks.row_at(view.currentIndex().row()).no, view.currentIndex().column()) == \
        ("A002", view.marks.column_of("judge5"))
    # Trimmed: 20 and 24 dropped, (21.5 + 22 + 23) / 3 = 22.1666… → 22.17.
    assert text(view, "A001", "result") == "22.17"
    practical = hands_on + Decimal("22.17")
    assert text(view, "A001", "practical") == f"{practical:.2f}"
    assert stored(panel_file, "A001").practical == practical
    row = ranking_row(desk, "A001")
    theory = stored(panel_file, "A001").theory
    total = (theory * Decimal("0.3") + practical * Decimal("0.7")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert (row.unit.practical, row.unit.total) == (practical, total)
    assert panel_window.saved_label.text().startswith("已保存 ")


def test_the_dropped_marks_are_struck_through_in_grey(qtbot, grid):
    view = module_view(grid, "答辩")
    go_to(view, "A001", "judge1")
    for mark in ("20", "21.5", "22", "23", "24"):
        qtbot.keyClicks(view, mark)
        qtbot.keyClick(view, Qt.Key_Tab)
    m = view.marks
    for judge, dropped in ((1, True), (2, False), (3, False), (4, False), (5, True)):
        index = m.index(m.row_of("A001"), m.column_of(f"judge{judge}"))
        assert m.data(index, DROPPED_ROLE) is dropped, judge
        font = m.data(index, Qt.FontRole)
        assert (isinstance(font, QFont) and font.strikeOut()) is dropped, judge
        assert (m.data(index, Qt.ForegroundRole) is not None) is dropped, judge
    low = m.index(m.row_of("A001"), m.column_of("judge1"))
    assert m.data(low, Qt.ToolTipRole) == "最低分，已去掉（不计入模块成绩）"
    # Typing a new lowest mark moves the strike to that judge.
    go_to(view, "A001", "judge3")
    qtbot.keyClicks(view, "19")
    qtbot.keyClick(view, Qt.Key_Return)
    assert [m.data(m.index(m.row_of("A001"), m.column_of(f"judge{j}")), DROPPED_ROLE) for j in range(1, 6)] == \
        [False, False, True, False, True]


def test_the_painted_cell_of_a_dropped_mark_is_grey(qtbot, grid):
    view = module_view(grid, "实操")
    m = view.marks
    row = m.row_of("A001")
    dropped = [j for j in range(1, 6) if m.data(m.index(row, m.column_of(f"judge{j}")), DROPPED_ROLE)]
    kept = next(j for j in range(1, 6) if j not in dropped)
    image = view.viewport().grab().toImage()

    def darkest(judge):
        rect = view.visualRect(m.index(row, m.column_of(f"judge{judge}")))
        return min(image.pixelColor(x, y).value() for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom()))

    assert len(dropped) == 2
    assert darkest(kept) < 60  # black type
    assert all(90 < darkest(j) < 180 for j in dropped)  # grey type


@pytest.mark.parametrize("module, typed, reason", [
    ("答辩", "35", "分数 35 超出范围：应在 0–30 之间"),  # above the module's maximum
    ("实操", "70.5", "分数 70.5 超出范围：应在 0–70 之间"),
    ("实操", "66.666", "分数 66.666 小数位过多：最多两位小数，系统不会自动四舍五入"),
])
def test_an_out_of_range_mark_is_refused_in_place_with_its_reason(qtbot, grid, panel_file, module, typed, reason):
    view = module_view(grid, module)
    before = judges_marks(panel_file, "A005", module)
    count = audit_count(panel_file)
    index = go_to(view, "A005", "judge2")
    old = view.marks.data(index)
    qtbot.keyClicks(view, typed)
    qtbot.keyClick(view, Qt.Key_Return)
    assert judges_marks(panel_file, "A005", module) == before and audit_count(panel_file) == count
    assert view.currentIndex() == index  # the cursor stays on the refused cell …
    assert view.marks.data(index) == old  # … which keeps the stored mark …
    assert view.marks.data(index, ERROR_ROLE) == reason  # … outlined, with the reason under it
    assert view.reason.isVisible() and view.reason.text() == reason
    qtbot.keyClicks(view, old)  # typed correctly, the cell is clear again
    qtbot.keyClick(view, Qt.Key_Return)
    assert view.marks.data(index, ERROR_ROLE) is None


def test_a_missing_judges_mark_leaves_the_practical_empty(qtbot, panel_window, grid, panel_file):
    desk = panel_window.desk
    view = module_view(grid, "实操")
    assert text(view, "A029", "judge2") == "" and text(view, "A029", "result") == ""
    assert text(view, "A029", "practical") == "" and stored(panel_file, "A029").practical is None
    m = view.marks
    assert m.data(m.index(m.row_of("A029"), m.column_of("result")), Qt.ToolTipRole) == "尚未评分：裁判2"
    assert ranking_row(desk, "A029").unit.status is Status.INCOMPLETE
    # Removing one mark of a complete contestant empties the practical and the rank again.
    assert ranking_row(desk, "A003").rank is not None
    go_to(view, "A003", "judge4")
    qtbot.keyClick(view, Qt.Key_Delete)
    assert 4 not in judges_marks(panel_file, "A003", "实操")
    assert text(view, "A003", "result") == "" and text(view, "A003", "practical") == ""
    assert stored(panel_file, "A003").practical is None
    assert ranking_row(desk, "A003").unit.status is Status.INCOMPLETE
    assert desk.counter_buttons["incomplete"].text() == "待录 3"
    # The last missing mark typed: A029 gets its practical mark and a rank.
    go_to(view, "A029", "judge2")
    qtbot.keyClicks(view, "50")
    qtbot.keyClick(view, Qt.Key_Return)
    assert text(view, "A029", "result") != "" and stored(panel_file, "A029").practical is not None
    assert ranking_row(desk, "A029").rank is not None


def test_q_marks_the_practical_absent_and_delete_on_the_practical_takes_it_back(qtbot, grid, panel_file):
    view = module_view(grid, "实操")
    practical = stored(panel_file, "A010").practical
    go_to(view, "A010", "judge1")
    qtbot.keyClick(view, Qt.Key_Q)
    assert stored(panel_file, "A010").practical is ABSENT
    assert text(view, "A010", "practical") == "缺考"
    assert view.marks.row_at(view.currentIndex().row()).no == "A011"  # moved down, as in the marks grid
    go_to(view, "A010", "practical")
    qtbot.keyClick(view, Qt.Key_Delete)
    assert stored(panel_file, "A010").practical == practical  # derived from the judges' marks again
    assert text(view, "A010", "practical") == f"{practical:.2f}"


def test_a_practical_mark_cannot_be_typed_past_the_judges(qtbot, grid, panel_file):
    view = module_view(grid, "实操")
    index = go_to(view, "A010", "practical")
    qtbot.keyClicks(view, "88")
    qtbot.keyClick(view, Qt.Key_Return)
    assert view.marks.data(index, ERROR_ROLE).startswith("本文件的技能操作成绩由各裁判分数汇总得出，不能直接录入")
    assert stored(panel_file, "A010").practical != Decimal("88")


def test_ctrl_z_undoes_the_last_judges_mark_not_the_marks_grid(qtbot, panel_window, grid, panel_file):
    desk = panel_window.desk
    desk.marks_tab.view.marks.session.set_mark("A002", "theory", "77")  # an entry in the marks grid's list
    view = module_view(grid, "答辩")
    old = judges_marks(panel_file, "A004", "答辩")[2]
    go_to(view, "A004", "judge2")
    qtbot.keyClicks(view, "29")
    qtbot.keyClick(view, Qt.Key_Return)
    go_to(view, "A009", "judge1")  # the cursor elsewhere
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert judges_marks(panel_file, "A004", "答辩")[2] == old
    assert stored(panel_file, "A002").theory == Decimal("77.00")  # untouched
    assert desk.tabs.currentWidget() is desk.panel_tab
    assert (view.marks.row_at(view.currentIndex().row()).no, view.currentIndex().column()) == \
        ("A004", view.marks.column_of("judge2"))
    with Competition(panel_file) as comp:
        last = [e for e in comp.audit_entries() if e.action == "panel_mark"][-1]
    assert (last.subject, last.field, last.old, last.new, last.operator) == \
        ("A004", "答辩/裁判2", "29.00", f"{old:.2f}", "测试员")  # the correction is a new entry


def test_undo_of_absent_brings_the_derived_practical_back(qtbot, grid, panel_file):
    view = module_view(grid, "答辩")
    practical = stored(panel_file, "A012").practical
    go_to(view, "A012", "judge3")
    qtbot.keyClick(view, Qt.Key_Slash)
    assert stored(panel_file, "A012").practical is ABSENT
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert stored(panel_file, "A012").practical == practical


def test_pasting_judges_marks_from_excel_saves_the_block_and_one_undo_takes_it_back(qtbot, grid, panel_file):
    view = module_view(grid, "答辩")
    before = {no: judges_marks(panel_file, no, "答辩") for no in ("A001", "A002")}
    go_to(view, "A001", "judge1")
    QGuiApplication.clipboard().setText("20\t21\t22\t23\t24\r\n10\t11\t12\t13\t14\r\n")
    qtbot.keyClick(view, Qt.Key_V, Qt.ControlModifier)
    assert judges_marks(panel_file, "A002", "答辩") == {j: Decimal(9 + j) for j in range(1, 6)}
    assert text(view, "A001", "result") == "22.00" and text(view, "A002", "result") == "12.00"
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert {no: judges_marks(panel_file, no, "答辩") for no in ("A001", "A002")} == before


def test_a_paste_above_the_modules_maximum_writes_nothing_and_says_which(qtbot, grid, panel_file):
    view = module_view(grid, "答辩")
    count = audit_count(panel_file)
    go_to(view, "A001", "judge4")
    assert not view.paste("20\t21\n22\t31\n")
    assert audit_count(panel_file) == count
    assert "编号 A002「31」：分数 31 超出范围：应在 0–30 之间" in view.reason.text()


def test_a_finalised_stage_makes_the_grid_read_only(qtbot, panel_window, grid, panel_file):
    from skillscore.demo import DEMO_PIN
    from ui import operations as ops

    session = panel_window.desk.session
    for no, module, judge in (("A029", "实操", 2), ("A030", "答辩", 3)):
        session.do(ops.set_panel_mark, no, module, judge, "20")
    session.do(ops.finalize, pin=DEMO_PIN)
    view = module_view(grid, "实操")
    index = go_to(view, "A001", "judge1")
    assert not view.marks.flags(index) & Qt.ItemIsEditable
    assert not view.paste("1\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nine_judges_fit_1366_without_scrolling_sideways(qtbot, tmp_path, lang):
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, roster_rows
    from skillscore.rules.panel import Module, PanelScheme
    from ui.i18n import install_language
    from ui.mainwindow import MainWindow
    from helpers import write_csv

    path = tmp_path / "nine.skillscore"
    scheme = PanelScheme(9, "mean", (Module("技能操作", Decimal(100)),))
    with Competition.create(path, event_no=29, stage="prelim", committee="测试", pin=DEMO_PIN, date="2025-09-20",
                            panel=scheme) as comp:
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, roster_rows(40, seed=3)))
    install_language(lang)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.open_file(path, operator="测试员")
    desk = w.desk
    for tab in (desk.panel_tab, desk.judges_tab):
        desk.tabs.setCurrentWidget(tab)
        qtbot.wait(10)
        view = tab.current_view() if tab is desk.panel_tab else tab.view
        assert not view.horizontalScrollBar().isVisible(), (lang, tab)
        header, model = view.horizontalHeader(), view.model()
        for i in range(model.columnCount()):
            title = model.headerData(i, Qt.Horizontal)
            assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(title) + 8, title
    w.close()


def test_the_screenshots_are_made_at_1366x768_and_stay_small(tmp_path):
    from pathlib import Path

    from PySide6.QtGui import QImage

    from ui.panel_screenshots import take

    written = {p.stem: p for p in take(tmp_path)}
    assert set(written) == {"panel-grid", "judge-stats"}
    committed = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    for name, path in written.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768), name
        assert path.stat().st_size < 300_000, name
        assert (committed / f"{name}.png").stat().st_size < 300_000, name


def test_the_panel_demo_opens_from_the_window_and_the_command(qtbot):
    from support import run_cli

    from ui.app import build_parser
    from ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    path = w.open_demo(operator="测试员", panel=True)
    assert w.desk.tabs.currentWidget() is w.desk.panel_tab and w.desk.header.text().endswith("演示")
    assert w.desk.panel_tab.models["实操"].rowCount() == 30
    w.close()
    path.unlink()
    assert build_parser().parse_args(["--demo-panel"]).demo_panel
    out = run_cli("gui", "--help")
    assert out.returncode == 0 and "--demo-panel" in out.stdout


def new_dialog(qtbot, tmp_path, modules: str, *, judges: int = 5, aggregation: str = "trimmed"):
    from ui.dialogs.start import NewCompetitionDialog

    dialog = NewCompetitionDialog()
    qtbot.addWidget(dialog)
    dialog.committee.setText("东城区初赛组委会")
    dialog.pin.setText("2468")
    dialog.pin_again.setText("2468")
    dialog.path.setText(str(tmp_path / "new.skillscore"))
    dialog.panel.setChecked(True)
    dialog.panel.judges.setValue(judges)
    dialog.panel.modules.setText(modules)
    dialog.panel.aggregation.setCurrentIndex(dialog.panel.aggregation.findData(aggregation))
    return dialog


def test_the_new_competition_dialog_sets_up_a_panel(qtbot, tmp_path):
    from skillscore.rules.panel import Module, PanelScheme

    dialog = new_dialog(qtbot, tmp_path, "实操:70，答辩:30", judges=7)
    dialog.accept()
    assert dialog.created is not None, dialog.problem.text()
    with Competition(tmp_path / "new.skillscore") as comp:
        assert comp.panel_scheme() == PanelScheme(7, "trimmed", (Module("实操", Decimal(70)), Module("答辩", Decimal(30))))


@pytest.mark.parametrize("modules, reason", [
    ("实操:70,答辩:20", "各模块满分之和必须为 100"),
    ("实操:七十", "模块写法「实操:七十」无效：应为 名称:满分,名称:满分"),
])
def test_a_wrong_panel_scheme_is_refused_in_the_dialog_and_no_file_is_made(qtbot, tmp_path, modules, reason):
    dialog = new_dialog(qtbot, tmp_path, modules)
    dialog.accept()
    assert dialog.created is None and dialog.problem.text() == reason
    assert not (tmp_path / "new.skillscore").exists()


def test_unticked_the_new_competition_has_single_practical_marks(qtbot, tmp_path):
    dialog = new_dialog(qtbot, tmp_path, "实操:70,答辩:20")  # ignored while unticked
    dialog.panel.setChecked(False)
    dialog.accept()
    with Competition(tmp_path / "new.skillscore") as comp:
        assert comp.panel_scheme() is None


def test_in_the_team_event_a_team_has_one_row_and_its_mark_goes_to_every_member(qtbot, tmp_path):
    from pathlib import Path

    from skillscore.demo import DEMO_PIN
    from skillscore.rules.panel import Module, PanelScheme
    from ui.mainwindow import MainWindow

    roster = Path(__file__).resolve().parents[1] / "acceptance" / "final-team" / "roster.csv"
    path = tmp_path / "team.skillscore"
    with Competition.create(path, event_no=9, stage="final", committee="组委会", pin=DEMO_PIN, date="2025-09-01",
                            panel=PanelScheme(3, "mean", (Module("技能操作", Decimal(100)),))) as comp:
        comp.import_roster(roster)
        teams = len({c.team for c in comp.contestants()})
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_file(path, operator="测试员")
    w.desk.tabs.setCurrentWidget(w.desk.panel_tab)
    view = module_view(w.desk.panel_tab, "技能操作")
    m = view.marks
    assert m.rowCount() == teams
    assert (m.row_at(0).no, m.row_at(0).name, m.row_at(0).unit) == \
        ("T011", "第1队", "北京京东物流有限公司、北京市燃气集团有限责任公司")
    go_to(view, "T011", "judge1")
    for i, mark in enumerate(("80", "81", "85")):
        qtbot.keyClicks(view, mark)
        qtbot.keyClick(view, Qt.Key_Tab if i < 2 else Qt.Key_Return)
    assert text(view, "T011", "practical") == "82.00"
    assert stored(path, "T011").practical == stored(path, "T012").practical == Decimal("82.00")
    w.close()


def test_ctrl_f_finds_a_contestant_in_the_judges_grid(qtbot, panel_window, grid):
    view = module_view(grid, "答辩")
    qtbot.keyClick(view, Qt.Key_F, Qt.ControlModifier)
    assert grid.find.isVisible()
    qtbot.keyClicks(grid.find.edit, "A027")
    qtbot.keyClick(grid.find.edit, Qt.Key_Return)
    assert view.marks.row_at(view.currentIndex().row()).no == "A027"
    assert view.marks.columns[view.currentIndex().column()].key == "judge1" and view.hasFocus()


def test_delete_on_a_derived_practical_mark_changes_nothing_and_says_why(qtbot, grid, panel_file):
    view = module_view(grid, "实操")
    count = audit_count(panel_file)
    practical = stored(panel_file, "A010").practical
    index = go_to(view, "A010", "practical")
    qtbot.keyClick(view, Qt.Key_Delete)
    assert stored(panel_file, "A010").practical == practical and audit_count(panel_file) == count
    assert view.marks.data(index, ERROR_ROLE).startswith("本文件的技能操作成绩由各裁判分数汇总得出")


def test_a_typed_judges_mark_updates_its_rows_in_place_exactly_as_a_reload_would(grid, panel_window):
    """Issue 18: the grid, the marks grid and the ranking follow the log's exact changes
    instead of re-reading every mark; after judges' marks typed, cleared, 缺考 and back,
    every row equals what a fresh read of the file gives."""
    desk = panel_window.desk
    reads = []
    grid.refresh = lambda: reads.append(1)  # a reload would be counted here
    model = grid.models["实操"]
    for no, key, value in (("A001", "judge1", "12.5"), ("A002", "judge5", "69"), ("A029", "judge2", "40"),
                           ("A003", "practical", "缺考"), ("A003", "practical", ""), ("A001", "judge1", "")):
        assert model.setData(model.index(model.row_of(no), model.column_of(key)), value, Qt.EditRole)
    assert reads == []
    session = desk.session
    for module, kept in grid.models.items():
        fresh = PanelMarksModel(session, grid.scheme, kept.module)
        fresh.reload()
        assert kept.rows == fresh.rows, module
    with Competition(session.path) as comp:
        standings = comp.standings()
        entries = comp.entries()
    assert list(desk.ranking_tab.model.rows) == list(standings.rows)  # the kept ranking, read through
    assert {r.no: r.entry for r in desk.marks_tab.model.rows} == {no: entries[no] for no in entries}
