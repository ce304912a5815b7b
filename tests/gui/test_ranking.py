"""The live ranking: tie colours and marks, the cut-off line, counters that filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from helpers import small_sitting
from ui.models.ranking import CUTOFF_ROLE, TIE_COLOUR, TIE_ROLE
from ui.views.ranking_view import CUTOFF_PEN

pytestmark = pytest.mark.gui


def ranking_row(desk, no: str) -> int:
    model = desk.ranking_tab.model
    return next(i for i, r in enumerate(model.rows) if r.unit.key == no)


def cell(desk, no: str, key: str, role=Qt.DisplayRole):
    model = desk.ranking_tab.model
    return model.data(model.index(ranking_row(desk, no), model.column_of(key)), role)


def painted(desk, no: str, key: str) -> QColor:
    """The colour the view paints behind a cell: its top-left corner, clear of the text."""
    tab = desk.ranking_tab
    desk.tabs.setCurrentWidget(tab)
    model, view = tab.model, tab.view
    index = model.index(ranking_row(desk, no), model.column_of(key))
    view.scrollTo(index)
    rect = view.visualRect(index)
    return QColor(view.viewport().grab().toImage().pixel(rect.left() + 2, rect.top() + 2))


def test_decided_by_practical_is_amber_with_a_triangle_and_says_why(desk):
    assert cell(desk, "A005", "rank") == "6 ▲" and cell(desk, "A010", "rank") == "7 ▲"
    assert cell(desk, "A005", "no", TIE_ROLE) == "practical"
    assert painted(desk, "A005", "name") == TIE_COLOUR["practical"]
    assert cell(desk, "A005", "rank", Qt.ToolTipRole) == \
        "技能操作成绩决定名次：总成绩 84.80 与其他选手相同，按技能操作成绩 86.00 排序"


def test_an_unresolved_tie_is_red_shows_the_span_and_a_warning_sign(desk):
    for no, other in (("A015", "A022"), ("A022", "A015")):
        assert cell(desk, no, "rank") == "14–15 ⚠"
        assert cell(desk, no, "rank", TIE_ROLE) == "unresolved"
        assert painted(desk, no, "total") == TIE_COLOUR["unresolved"]
        assert cell(desk, no, "rank", Qt.ToolTipRole) == (
            f"并列待定：总成绩 78.65 和技能操作成绩 80.00 均与 {other} 相同，名次 14–15 须由组委会裁定或抽签")
    plain = cell(desk, "A018", "rank")
    assert plain == "1" and painted(desk, "A018", "rank") == desk.ranking_tab.view.palette().base().color()


def test_a_committee_decision_turns_the_group_blue_with_a_diamond_and_its_reason(desk):
    from support import PIN

    assert desk.finalize_tab.resolve(("A015", "A022"), answer=(["A022", "A015"], "技能复核用时更短", PIN))
    assert (cell(desk, "A022", "rank"), cell(desk, "A015", "rank")) == ("14 ◆", "15 ◆")
    assert painted(desk, "A022", "unit") == TIE_COLOUR["committee"]
    assert cell(desk, "A022", "rank", Qt.ToolTipRole) == "组委会裁定：总成绩和技能操作成绩均相同，理由：技能复核用时更短"
    assert desk.counter_buttons["unresolved"].text() == "并列待定 0"


def test_the_cut_off_is_a_line_drawn_under_the_last_advancing_row(qtbot, desk):
    tab = desk.ranking_tab
    desk.tabs.setCurrentWidget(tab)
    model, view = tab.model, tab.view
    marked = [i for i in range(model.rowCount()) if model.data(model.index(i, 0), CUTOFF_ROLE)]
    quota = model.standings.advance_quota
    assert quota == 16 and marked == [ranking_row(desk, next(r.unit.key for r in model.rows if r.rank == 16))]
    # Look at the pixels: a thick dark line at the bottom of that row, none inside others.
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(marked[0], model.column_of("name")))
    x = rect.center().x()
    line = CUTOFF_PEN.color()
    assert QColor(image.pixel(x, rect.bottom() - 1)) == line
    above = view.visualRect(model.index(marked[0] - 1, model.column_of("name")))
    assert QColor(image.pixel(x, above.bottom() - 1)) != line


def _colours_in(image, rect) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())}


def test_the_tie_marks_are_painted_shapes_in_their_ink_beside_the_rank(qtbot, desk):
    from ui.views.marks_paint import INK

    tab = desk.ranking_tab
    desk.tabs.setCurrentWidget(tab)
    model, view = tab.model, tab.view
    view.resize(1200, 900)  # every row in sight
    qtbot.waitUntil(lambda: view.visualRect(model.index(ranking_row(desk, "A022"), 0)).bottom()
                    < view.viewport().height())
    image = view.viewport().grab().toImage()
    column = model.column_of("rank")
    inks = {kind: ink.name() for kind, ink in INK.items()}
    for no, kind in (("A005", "practical"), ("A015", "unresolved"), ("A022", "unresolved")):
        rect = view.visualRect(model.index(ranking_row(desk, no), column))
        seen = _colours_in(image, rect)
        assert inks[kind] in seen, (no, kind)
        assert TIE_COLOUR[kind].name() in seen  # the row's colour behind it
        assert not ({ink for k, ink in inks.items() if k != kind} & seen)
        if kind == "unresolved":
            assert "#ffffff" in seen  # the "!" inside the red triangle
    plain = view.visualRect(model.index(ranking_row(desk, "A018"), column))
    assert not set(inks.values()) & _colours_in(image, plain)


def test_a_mark_is_drawn_once_per_kind_size_and_screen_resolution(qapp):
    from ui.views.marks_paint import mark_pixmap

    sharp = mark_pixmap("committee", 12.0, 2.0)
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (28, 28, 2.0)  # 12 + a 1 px margin
    assert mark_pixmap("committee", 12.0, 2.0) is sharp
    assert mark_pixmap("committee", 12.0, 1.0).width() == 14
    image = sharp.toImage()
    assert QColor(image.pixel(14, 14)).name() == "#0d47a1"  # the diamond's ink at its centre
    edge = [image.pixelColor(x, y).alpha() for i in range(28) for x, y in ((i, 0), (i, 27), (0, i), (27, i))]
    assert max(edge) == 0  # the outline lies inside the margin, never clipped


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("kind", ["practical", "unresolved", "committee"])
def test_a_copied_mark_looks_as_the_mark_painted_directly(qapp, kind, ratio):
    # The copy must keep the outline whole and its pen as wide as painted directly, on a
    # plain screen and a high-resolution one (Windows laptops often run at 150 %).
    from PySide6.QtGui import QImage, QPainter

    from ui.views.marks_paint import draw_mark, paint_mark

    def alphas(draw) -> list[int]:
        image = QImage(int(24 * ratio), int(24 * ratio), QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(0)
        painter = QPainter(image)
        draw(painter, kind, QRectF(6, 6, 12, 12))
        painter.end()
        return [image.pixelColor(x, y).alpha() for x in range(image.width()) for y in range(image.height())]

    direct, copied = alphas(paint_mark), alphas(draw_mark)
    assert abs(sum(copied) - sum(direct)) <= sum(direct) * 0.01  # a clipped outline or thin pen: ~15 % less
    if ratio.is_integer():  # at 150 % the copy lands on whole device pixels: edges shift by half of one
        assert copied == direct


def test_counters_count_and_filter_the_table_when_clicked(qtbot, desk):
    b = desk.counter_buttons
    assert [b[k].text() for k in ("ranked", "quota", "incomplete", "unresolved")] == \
        ["参赛 55", "晋级 16", "待录 3", "并列待定 1"]
    assert not b["too_few"].isVisibleTo(desk)
    model = desk.ranking_tab.model
    qtbot.mouseClick(b["incomplete"], Qt.LeftButton)
    assert desk.tabs.currentWidget() is desk.ranking_tab
    assert [r.unit.key for r in model.rows] == ["A058", "A059", "A060"]
    assert desk.ranking_tab.filter_label.text() == "筛选：只显示待录入（3 行）"
    qtbot.mouseClick(b["unresolved"], Qt.LeftButton)
    assert [r.unit.key for r in model.rows] == ["A015", "A022"]
    qtbot.mouseClick(b["quota"], Qt.LeftButton)
    assert model.rowCount() == 16 and all(r.advances for r in model.rows)
    qtbot.mouseClick(b["ranked"], Qt.LeftButton)
    assert model.rowCount() == 60 and not desk.ranking_tab.filter_row.isVisible()


def test_fewer_than_30_is_warned_on_screen(qtbot, tmp_path, window):
    path = small_sitting(tmp_path, [("80", "80"), ("70", "90"), ("60", "60")])
    assert window.open_file(path, operator="测试员")
    desk = window.desk
    assert desk.counter_buttons["too_few"].isVisibleTo(desk)
    assert desk.counter_buttons["too_few"].text() == "！参赛人数不足30人"
    assert "参赛人数不足30人" in desk.ranking_tab.side.warnings.text()


def test_a_tie_across_the_cut_off_leaves_advancement_undecided(tmp_path, window):
    # 10 ranked: quota 3; ranks 3–4 tied exactly, so neither is known to advance.
    marks = [("90", "90"), ("85", "85"), ("80", "80"), ("80", "80")] + [("60", str(60 - i)) for i in range(6)]
    assert window.open_file(small_sitting(tmp_path, marks), operator="测试员")
    model = window.desk.ranking_tab.model
    tied = [i for i, r in enumerate(model.rows) if r.tie == "unresolved"]
    col = model.column_of("advances")
    assert [model.data(model.index(i, col)) for i in tied] == ["待定", "待定"]
    assert "晋级、取证等级待定：并列待定解决后才能确定" in model.data(model.index(tied[0], 0), Qt.ToolTipRole)
    cut = [i for i in range(model.rowCount()) if model.data(model.index(i, 0), CUTOFF_ROLE)]
    assert cut == [1]  # the line sits above the undecided pair: only ranks 1–2 surely advance


def test_the_final_shows_awards_and_hides_advancement(tmp_path, window):
    marks = [(str(90 - i), str(90 - i)) for i in range(12)]
    assert window.open_file(small_sitting(tmp_path, marks, stage="final"), operator="测试员")
    tab = window.desk.ranking_tab
    model = tab.model
    assert tab.view.isColumnHidden(model.column_of("advances"))
    assert not tab.view.isColumnHidden(model.column_of("awards"))
    first = model.data(model.index(0, model.column_of("awards")))
    assert first.startswith("纳入技能人才库") and first.endswith("推荐参评劳动奖项")
    assert model.data(model.index(11, model.column_of("awards"))) == ""
