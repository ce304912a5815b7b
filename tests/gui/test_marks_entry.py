"""Typing marks at the keyboard on the real grid: saved at once, ranking follows, undo, paste."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from skillscore.model import ABSENT, Status

from helpers import audit_count, stored
from ui.models.marks import ERROR_ROLE

pytestmark = pytest.mark.gui


def grid(desk):
    desk.tabs.setCurrentWidget(desk.marks_tab)
    view = desk.marks_tab.view
    view.setFocus()
    return view


def go_to(view, no: str, field: str):
    m = view.marks
    view.setCurrentIndex(m.index(m.row_of(no), m.column_of(field)))
    return view.currentIndex()


def test_typing_a_mark_saves_it_and_the_ranking_follows_at_once(qtbot, window, desk, demo_file):
    view = grid(desk)
    assert not desk.marks_tab.double.isVisibleTo(desk.marks_tab)  # no double entry in the demo
    assert stored(demo_file, "A058").practical is None
    go_to(view, "A058", "practical")
    qtbot.keyClicks(view, "99.5")
    qtbot.keyClick(view, Qt.Key_Return)
    assert stored(demo_file, "A058").practical == Decimal("99.50")
    assert view.marks.data(go_to(view, "A058", "practical")) == "99.50"
    # A058's theory is 90.00: total 96.65 beats the demo's leader, so it ranks first now.
    top = desk.ranking_tab.model.row_at(0)
    assert (top.unit.key, top.rank, str(top.unit.total)) == ("A058", 1, "96.65")
    assert desk.counter_buttons["incomplete"].text() == "待录 2"
    assert window.saved_label.text().startswith("已保存 ")


def test_enter_moves_down_tab_moves_right_shift_enter_moves_up(qtbot, desk, demo_file):
    view = grid(desk)
    m = view.marks
    go_to(view, "A010", "theory")
    qtbot.keyClicks(view, "70")
    qtbot.keyClick(view, Qt.Key_Tab)
    assert (m.row_at(view.currentIndex().row()).no, m.columns[view.currentIndex().column()].key) == ("A010", "practical")
    qtbot.keyClicks(view, "71")
    qtbot.keyClick(view, Qt.Key_Return)
    assert (m.row_at(view.currentIndex().row()).no, m.columns[view.currentIndex().column()].key) == ("A011", "practical")
    qtbot.keyClick(view, Qt.Key_Return, Qt.ShiftModifier)
    assert m.row_at(view.currentIndex().row()).no == "A010"
    entry = stored(demo_file, "A010")
    assert (entry.theory, entry.practical) == (Decimal("70.00"), Decimal("71.00"))


@pytest.mark.parametrize("typed, reason", [
    ("100.5", "分数 100.5 超出范围：应在 0–100 之间"),
    ("88.123", "分数 88.123 小数位过多：最多两位小数，系统不会自动四舍五入"),
    ("8O", "「8O」不是分数：请填写 0–100 的数字（最多两位小数）或“缺考”"),
])
def test_an_invalid_value_is_refused_in_place_with_its_reason(qtbot, desk, demo_file, typed, reason):
    view = grid(desk)
    before = stored(demo_file, "A005")
    count = audit_count(demo_file)
    index = go_to(view, "A005", "theory")
    qtbot.keyClicks(view, typed)
    qtbot.keyClick(view, Qt.Key_Return)
    assert stored(demo_file, "A005") == before and audit_count(demo_file) == count
    assert view.currentIndex() == index  # the cursor stays on the refused cell
    assert view.marks.data(index) == "82.00"  # the cell keeps the old value …
    assert view.marks.data(index, ERROR_ROLE) == reason  # … outlined, with the reason
    assert view.reason.isVisible() and view.reason.text() == reason
    assert view.reason.geometry().top() >= view.visualRect(index).bottom()  # under the cell
    qtbot.keyClicks(view, "83")  # typing a good value clears it
    qtbot.keyClick(view, Qt.Key_Return)
    assert view.marks.data(index, ERROR_ROLE) is None and not view.reason.isVisible()
    assert stored(demo_file, "A005").theory == Decimal("83.00")


def test_a_refused_value_reads_in_english_when_the_desk_is_in_english(qtbot, window, demo_file):
    window.set_language("en")
    view = grid(window.desk)
    go_to(view, "A005", "theory")
    qtbot.keyClicks(view, "100.5")
    qtbot.keyClick(view, Qt.Key_Return)
    assert view.reason.text() == "mark 100.5 is out of range: it must be between 0 and 100"


@pytest.mark.parametrize("key", [Qt.Key_Q, Qt.Key_Slash])
def test_q_or_slash_types_absent_and_moves_down(qtbot, desk, demo_file, key):
    view = grid(desk)
    go_to(view, "A059", "practical")
    qtbot.keyClick(view, key)
    assert stored(demo_file, "A059").practical is ABSENT
    assert view.marks.row_at(view.currentIndex().row()).no == "A060"
    assert view.marks.data(go_to(view, "A059", "practical")) == "缺考"


def test_q_inside_an_open_editor_also_types_absent(qtbot, desk, demo_file):
    view = grid(desk)
    index = go_to(view, "A060", "practical")
    view.edit(index)
    assert view.delegate.editor is not None
    qtbot.keyClick(view.delegate.editor, Qt.Key_Q)
    assert stored(demo_file, "A060").practical is ABSENT


def test_delete_clears_a_mark_and_the_contestant_is_no_longer_ranked(qtbot, desk, demo_file):
    view = grid(desk)
    go_to(view, "A001", "theory")
    qtbot.keyClick(view, Qt.Key_Delete)
    assert stored(demo_file, "A001").theory is None
    a001 = next(r for r in desk.ranking_tab.model.rows if r.unit.key == "A001")
    assert a001.unit.status is Status.INCOMPLETE and a001.rank is None


def test_ctrl_z_undoes_the_last_entry_as_a_new_audited_change(qtbot, desk, demo_file):
    view = grid(desk)
    go_to(view, "A003", "theory")
    qtbot.keyClicks(view, "99")
    qtbot.keyClick(view, Qt.Key_Return)
    count = audit_count(demo_file)
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert stored(demo_file, "A003").theory == Decimal("86.00")
    assert audit_count(demo_file) == count + 1  # the correction is a new entry, nothing erased
    from skillscore.actions.competition import Competition

    with Competition(demo_file) as comp:
        last = comp.audit_entries()[-1]
    assert (last.action, last.subject, last.field, last.old, last.new, last.operator) == \
        ("mark", "A003", "theory", "99.00", "86.00", "测试员")
    assert view.marks.row_at(view.currentIndex().row()).no == "A003"  # the cursor shows what changed


def test_pasting_a_block_from_excel_saves_every_cell_and_one_undo_takes_it_back(qtbot, desk, demo_file):
    view = grid(desk)
    go_to(view, "A058", "theory")
    QGuiApplication.clipboard().setText("80\t90\r\n70.5\t缺考\r\n")
    qtbot.keyClick(view, Qt.Key_V, Qt.ControlModifier)
    a, b = stored(demo_file, "A058"), stored(demo_file, "A059")
    assert (a.theory, a.practical, b.theory, b.practical) == (Decimal("80.00"), Decimal("90.00"), Decimal("70.50"), ABSENT)
    assert view.marks.data(go_to(view, "A059", "practical")) == "缺考"
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    a, b = stored(demo_file, "A058"), stored(demo_file, "A059")
    assert (a.practical, b.practical) == (None, None) and a.theory == Decimal("90.00")


def test_a_paste_with_one_bad_cell_writes_nothing_and_says_which(qtbot, desk, demo_file):
    view = grid(desk)
    go_to(view, "A001", "theory")
    count = audit_count(demo_file)
    assert not view.paste("80\t90\n70\t101\n")
    assert audit_count(demo_file) == count
    assert stored(demo_file, "A001").theory != Decimal("80.00")
    assert "编号 A002「101」：分数 101 超出范围" in view.reason.text()


def test_ctrl_f_jumps_to_a_number_or_a_name(qtbot, window, desk):
    view = grid(desk)
    qtbot.keyClick(view, Qt.Key_F, Qt.ControlModifier)
    bar = desk.marks_tab.page.find
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "A045")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert view.marks.row_at(view.currentIndex().row()).no == "A045" and not bar.isVisible()
    name = view.marks.row_at(view.marks.row_of("A012")).name
    desk.open_find()
    bar.edit.setText(name)  # typed through the input method (QTest types ASCII only)
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert view.marks.row_at(view.currentIndex().row()).no == "A012"


def test_a_finalised_stage_shows_read_only(qtbot, desk, demo_file):
    from skillscore.demo import DEMO_PIN
    from ui import operations as ops

    session = desk.session
    for no in ("A058", "A059", "A060"):
        session.set_mark(no, "practical", "70")
    for group in session.standings().tie_groups:
        session.do(ops.draw_lots, list(group), pin=DEMO_PIN)
    fingerprint = session.do(ops.finalize, pin=DEMO_PIN)
    assert desk.banner.isVisible()
    assert desk.banner.text() == f"已定稿（第 1 版）· 成绩指纹 {fingerprint[:8]}… · 成绩只读"
    view = grid(desk)
    index = go_to(view, "A001", "theory")
    assert not view.marks.flags(index) & Qt.ItemIsEditable
    count = audit_count(demo_file)
    qtbot.keyClicks(view, "50")
    qtbot.keyClick(view, Qt.Key_Return)
    qtbot.keyClick(view, Qt.Key_Q)
    assert view.delegate.editor is None and audit_count(demo_file) == count
    assert not view.paste("1\t2\n")


def test_double_entry_counts_a_mark_only_when_a_second_clerk_types_the_same(qtbot, tmp_path, window):
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN, ROSTER_HEADER, roster_rows

    from helpers import write_csv

    path = tmp_path / "double.skillscore"
    with Competition.create(path, event_no=29, stage="prelim", committee="组委会", pin=DEMO_PIN,
                            date="2025-09-20", double_entry=True, operator="建档") as comp:
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, roster_rows(3, seed=3)))
    assert window.open_file(path, operator="甲")
    desk = window.desk
    assert desk.marks_tab.double.isVisibleTo(desk.marks_tab)
    view = grid(desk)
    index = go_to(view, "A001", "theory")
    qtbot.keyClicks(view, "77")
    qtbot.keyClick(view, Qt.Key_Return)
    assert stored(path, "A001") is None or stored(path, "A001").theory is None  # not counted yet
    assert view.marks.data(index) == "待复核" and view.marks.data(index, Qt.EditRole) == ""
    # The second clerk opens the same file and types the check pass blind.
    assert window.open_file(path, operator="乙")
    desk = window.desk
    desk.marks_tab.second_pass.setChecked(True)
    view = grid(desk)
    index = go_to(view, "A001", "theory")
    assert view.marks.data(index) == "待复核"
    qtbot.keyClicks(view, "77")
    qtbot.keyClick(view, Qt.Key_Return)
    assert stored(path, "A001").theory == Decimal("77.00")
    assert view.marks.data(index) == "77.00"


def test_in_the_team_event_one_practical_mark_goes_to_the_whole_team(qtbot, tmp_path, window):
    from skillscore.actions.competition import Competition
    from skillscore.demo import DEMO_PIN

    folder = Path(__file__).resolve().parents[1] / "acceptance" / "final-team"
    path = tmp_path / "team.skillscore"
    with Competition.create(path, event_no=9, stage="final", committee="组委会", pin=DEMO_PIN,
                            date="2025-09-01", operator="建档") as comp:
        comp.import_roster(folder / "roster.csv")
        comp.import_marks(folder / "marks.csv")
    assert window.open_file(path, operator="测试员")
    desk = window.desk
    view = grid(desk)
    assert "team" in [c.key for c in view.marks.columns]
    go_to(view, "T011", "practical")
    qtbot.keyClicks(view, "99")
    qtbot.keyClick(view, Qt.Key_Return)
    assert view.marks.data(go_to(view, "T012", "practical")) == "99.00"  # the team-mate too
    top = desk.ranking_tab.model.row_at(0)
    assert top.unit.key == "第1队" and top.unit.members == ("T011", "T012")
    assert desk.ranking_tab.model.data(desk.ranking_tab.model.index(0, 3)) == \
        "北京京东物流有限公司、北京市燃气集团有限责任公司"  # the team's employers
