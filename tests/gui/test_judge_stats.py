"""裁判统计: per judge, deviation from the panel and share of marks dropped; the harsh judge flagged.

The panel demo's judge 4 marks every contestant about 10% of the module's maximum below
the others.
"""

from __future__ import annotations

from decimal import Decimal

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from skillscore.actions.competition import Competition
from skillscore.demo import HARSH_JUDGE

from ui.models.judge_stats import FLAG_BRUSH, JudgeStatsModel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel_desk(panel_window):
    return panel_window.desk


@pytest.fixture
def stats(panel_desk):
    panel_desk.tabs.setCurrentWidget(panel_desk.judges_tab)
    return panel_desk.judges_tab.page


def cell(model, row: int, key: str, role=Qt.DisplayRole):
    return model.data(model.index(row, model.column_of(key)), role)


def test_the_statistics_are_the_cores_and_the_harsh_judge_is_highlighted(stats, panel_file):
    model = stats.model
    with Competition(panel_file) as comp:
        expected = comp.judge_statistics()
    assert model.rows == expected
    assert [cell(model, i, "judge") for i in range(5)] == ["裁判1", "裁判2", "裁判3", "裁判4", "裁判5"]
    assert [model.headerData(i, Qt.Horizontal) for i in range(model.columnCount())] == \
        ["裁判", "评分数", "平均偏差", "平均绝对偏差", "被去掉比例", "实操偏差", "答辩偏差", "提示"]
    harsh = HARSH_JUDGE - 1
    assert stats.flagged_rows() == [harsh]
    assert cell(model, harsh, "mean_deviation").startswith("-")
    assert cell(model, harsh, "dropped_share") == "100.0%"  # always the lowest, so always dropped
    assert cell(model, harsh, "note") == "偏离其他裁判较多"
    assert cell(model, harsh, "judge", Qt.BackgroundRole) == FLAG_BRUSH
    assert cell(model, harsh, "judge", Qt.FontRole).bold()
    tip = cell(model, harsh, "mean_abs_deviation", Qt.ToolTipRole)
    assert tip.startswith(f"裁判4偏离其他裁判较多：平均绝对偏差 {expected[harsh].mean_abs_deviation:.2f}，其他裁判 ")
    assert "打分普遍偏低" in tip
    for i in set(range(5)) - {harsh}:
        assert cell(model, i, "judge", Qt.BackgroundRole) is None and cell(model, i, "note") == ""
        assert cell(model, i, "judge", Qt.ToolTipRole) is None


def test_the_flagged_row_is_painted_red(qtbot, stats):
    view = stats.view
    image = view.viewport().grab().toImage()
    harsh = HARSH_JUDGE - 1
    note = view.visualRect(stats.model.index(harsh, stats.model.column_of("note")))
    other = view.visualRect(stats.model.index(0, stats.model.column_of("note")))
    red = image.pixelColor(note.right() - 4, note.center().y())
    plain = image.pixelColor(other.right() - 4, other.center().y())
    assert (red.red(), red.green(), red.blue()) == (0xF7, 0xB8, 0xB8)
    assert plain.red() == plain.green() == plain.blue()


def test_the_statistics_follow_marks_typed_in_the_panel_grid(qtbot, panel_desk, stats):
    before = stats.model.rows[0]
    grid = panel_desk.panel_tab
    panel_desk.tabs.setCurrentWidget(grid)
    view = grid.show_module("实操")
    m = view.marks
    view.setCurrentIndex(m.index(m.row_of("A029"), m.column_of("judge2")))  # A029's missing mark
    view.setFocus()
    qtbot.keyClicks(view, "10")
    qtbot.keyClick(view, Qt.Key_Return)
    assert stats.dirty  # not on screen: read again when shown
    panel_desk.tabs.setCurrentWidget(panel_desk.judges_tab)
    assert stats.model.rows[0].marks == before.marks + 1


def test_the_model_passes_the_model_tester(qtmodeltester, stats):
    model = JudgeStatsModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(stats.model.rows)
    model.set_rows(stats.model.rows[:2])
    qtmodeltester.check(stats.model, force_py=True)


def test_no_complete_module_yet_shows_counts_only():
    from skillscore.rules.panel import JudgeStats

    model = JudgeStatsModel()
    model.set_rows([JudgeStats(1, 0, Decimal("0.00"), Decimal("0.00"), Decimal("0.000"), False)])
    assert [cell(model, 0, k) for k in ("judge", "marks", "mean_deviation", "dropped_share", "note")] == \
        ["裁判1", "0", "", "", ""]


def test_the_print_button_writes_the_judges_sheet_off_the_gui_thread(qtbot, stats, tmp_path, panel_file):
    out = tmp_path / "裁判评分表.pdf"
    task = stats.print_sheet(str(out))
    qtbot.waitUntil(lambda: stats.status.text().startswith("已生成"), timeout=60_000)
    assert task.error is None and out.is_file()
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "裁判评分表" in text and "内部材料" in text
    assert "偏离其他裁判较多" in text  # the sheet flags the same judge


def test_english_words(qtbot, panel_desk):
    from ui.i18n import install_language

    window = panel_desk.window()
    window.set_language("en")
    desk = window.desk
    titles = [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
    assert "Judges' marks" in titles and "Judge statistics" in titles and "Competition day" in titles
    model = desk.judges_tab.model
    desk.tabs.setCurrentWidget(desk.judges_tab)
    assert [model.headerData(i, Qt.Horizontal) for i in range(model.columnCount())] == \
        ["Judge", "Marks", "Mean dev.", "Mean abs. dev.", "Dropped", "实操 dev.", "答辩 dev.", "Note"]
    assert model.data(model.index(HARSH_JUDGE - 1, model.column_of("note"))) == "Far from the other judges"
    grid = desk.panel_tab.models["实操"]
    assert grid.headerData(grid.column_of("judge1"), Qt.Horizontal) == "Judge 1"
    assert grid.headerData(grid.column_of("result"), Qt.Horizontal) == "Module result"
    install_language("zh")


def test_each_module_has_its_own_deviation_column(stats, panel_file):
    from skillscore.rules.panel import PanelScheme, judge_statistics

    model = stats.model
    assert [model.headerData(model.column_of(f"module:{m}"), Qt.Horizontal) for m in ("实操", "答辩")] == \
        ["实操偏差", "答辩偏差"]
    with Competition(panel_file) as comp:
        scheme, sheets = comp.panel_scheme(), comp.panel_sheets()
    for module in scheme.modules:
        own = judge_statistics(PanelScheme(5, "trimmed", (module,)), sheets)
        assert [cell(model, i, f"module:{module.name}") for i in range(5)] == [f"{s.mean_deviation:+.2f}" for s in own]
    # The harsh judge is harsh in both: about 10% of each module's maximum below the panel.
    harsh = HARSH_JUDGE - 1
    assert Decimal(cell(model, harsh, "module:实操")) < -5 and Decimal(cell(model, harsh, "module:答辩")) < -2


def test_the_chart_draws_each_judges_deviation_from_zero(stats):
    chart = stats.chart
    rects = chart.bar_rects()
    zero = chart.x_of(Decimal(0))
    assert len(rects) == 5
    for s, rect in zip(stats.model.rows, rects):
        if s.mean_deviation < 0:
            assert abs(rect.right() - zero) < 0.01 and rect.left() < zero
        else:
            assert abs(rect.left() - zero) < 0.01
    widths = [r.width() for r in rects]
    assert widths.index(max(widths)) == HARSH_JUDGE - 1
    assert chart.plot_area().left() < rects[HARSH_JUDGE - 1].left()  # inside the axis, with room for its label
