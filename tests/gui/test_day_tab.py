"""The 赛务 tab (RULES.md §12.1, §12.2): scanning at check-in, counters, closing with the
absentees shown, a late arrival, the draw with its seed shown first, moves and redraws
guarded, the hand draw, the sheets, and 场次/工位号 in the marks grid (sortable)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QSpinBox

from skillscore.actions.competition import Competition
from skillscore.model import ABSENT

from conftest import open_window
from day_support import individual
from helpers import answer_next_dialog, write_csv
from support import PIN

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def day(qtbot, tmp_path):
    path = individual(tmp_path, 8)
    w = open_window(qtbot, path)
    w.desk.tabs.setCurrentWidget(w.desk.day_tab)
    yield w.desk, path
    w.close()


def test_scanning_an_id_number_checks_in_and_shows_the_card(day, qtbot):
    desk, path = day
    view = desk.day_tab.checkin
    with Competition(path) as comp:
        person = next(c for c in comp.contestants() if c.no == "A003")
    view.scan.setText(person.id_number)
    qtbot.keyClick(view.scan, Qt.Key_Return)  # what a card reader types last
    card = view.result
    assert card.name.text() == person.name and view.card.state == "in"
    assert card.fields["id"][1].text() == person.id_number[:6] + "********" + person.id_number[-4:]
    assert "已检录" in card.mark.text() and view.scan.text() == "" and view.scan.hasFocus()
    assert "理论知识 到场 1 / 应到 8" in view.counters.text()
    assert view.model.display(view.model.rows[view.table.currentIndex().row()], "no") == "A003"
    view.submit("A003")
    assert view.card.state == "already" and "检录过" in card.mark.text()
    view.submit("110101199001011237")
    assert view.card.state == "unknown" and "没有此编号" in card.mark.text()
    desk.session.set_mark("A005", "status", "弃权")
    view.submit("A005")
    assert view.card.state == "withdrawn" and "弃权" in card.mark.text()
    with Competition(path) as comp:
        assert comp.checkin_counts("theory") == (1, 7)
        assert [e.action for e in comp.audit_entries()].count("checkin") == 1


def test_closing_shows_the_absentees_then_marks_them_absent(day):
    desk, path = day
    view = desk.day_tab.checkin
    for no in ("A001", "A002", "A003", "A004", "A005", "A006"):
        view.submit(no)
    seen = {}

    def fill(dialog):
        seen["list"] = [dialog.findChild(QListWidget, "absentees").item(i).text()[:4] for i in range(2)]
        dialog.pin.setText(PIN)
        dialog.accept()

    answer_next_dialog(fill)
    assert view.close_part() == ["A007", "A008"]
    assert seen["list"] == ["A007", "A008"]
    assert "已于" in view.closed_label.text() and not view.close_button.isEnabled()
    marks = desk.marks_tab.model
    assert marks.rows[marks.row_of("A007")].entry.theory is ABSENT
    assert marks.rows[marks.row_of("A001")].entry.theory is None
    row = next(r for r in view.model.rows if r.no == "A008")
    assert view.model.display(row, "theory") == "缺考"
    # A late arrival: the card says check-in is closed; the PIN and a reason clear the 缺考.
    view.submit("A008")
    assert view.card.state == "closed" and view.result.late_button.isVisibleTo(view.result)
    assert not view.late_checkin(answer=("0000", "交通管制"))
    assert "口令错误" in desk.strip.text()
    assert view.late_checkin(answer=(PIN, "交通管制"))
    assert view.card.cleared and marks.rows[marks.row_of("A008")].entry.theory is None
    with Competition(path) as comp:
        assert comp.entries()["A007"].theory is ABSENT and comp.checkin_counts("theory") == (7, 8)


def test_the_seed_is_shown_before_the_draw_and_the_table_follows_it(day):
    desk, path = day
    view = desk.day_tab.draw
    seed = view.seed.text()
    assert len(seed) == 16 and view.draw_button.isEnabled() and not view.move_button.isEnabled()
    view.stations.setValue(3)
    assert view.draw()
    with Competition(path) as comp:
        assert comp.draw_settings() == (seed, 3, "seed")
        rows = comp.draw_rows()
    assert [(r.no, r.session, r.station) for r in view.model.rows] == rows
    assert seed in view.info.text() and view.seed.text() == seed and view.seed.isReadOnly()
    assert not view.draw_button.isEnabled() and view.redraw_button.isEnabled()
    # The marks grid shows where each works, and sorts by it.
    grid = desk.marks_tab.view
    model = grid.marks
    assert not grid.isColumnHidden(model.column_of("session"))
    grid.sortByColumn(model.column_of("session"), Qt.AscendingOrder)
    assert [(r.no, r.session, r.station) for r in model.rows] == rows
    grid.sortByColumn(model.column_of("no"), Qt.AscendingOrder)
    assert [r.no for r in model.rows] == sorted(r.no for r in model.rows)
    # The check-in card says where to go.
    desk.day_tab.checkin.submit(rows[4][0])
    assert desk.day_tab.checkin.result.fields["seat"][1].text() == f"第 {rows[4][1]} 场 · {rows[4][2]} 号工位"


def test_moves_and_redraws_need_the_pin_and_a_reason(day):
    desk, path = day
    view = desk.day_tab.draw
    view.stations.setValue(3)
    view.draw()
    before = [(r.no, r.session, r.station) for r in view.model.rows]
    assert not view.redraw("另一个种子", 4, answer=("0000", "漏列"))
    assert [(r.no, r.session, r.station) for r in view.model.rows] == before
    assert view.redraw("另一个种子", 4, answer=(PIN, "漏列"))
    assert "另一个种子" in view.info.text() and len(view.model.rows) == 8
    key = view.model.rows[0].no
    assert not view.move(key, 2, 4, answer=(PIN, "设备故障"))  # session 2 has stations 1-4 taken
    assert "已分给" in desk.strip.text()
    assert view.move(key, 3, 4, answer=(PIN, "设备故障"))
    moved = next(r for r in view.model.rows if r.no == key)
    assert (moved.session, moved.station) == (3, 4) and moved.note
    log = desk.log_tab.model
    log.reload()
    assert {"抽签", "调整工位"} <= {log.display(e, "action") for e in log.rows}


def test_the_move_dialog_and_the_redraw_dialog_collect_their_fields(day):
    desk, _ = day
    view = desk.day_tab.draw
    view.stations.setValue(4)
    view.draw()

    def redraw(dialog):
        dialog.seed.setText("现场摸号 7 3 9")
        dialog.findChild(QSpinBox, "redraw_stations").setValue(2)
        dialog.reason.setPlainText("工位调整")
        dialog.pin.setText(PIN)
        dialog.accept()

    answer_next_dialog(redraw)
    assert view.redraw()
    assert view.session.comp.draw_settings() == ("现场摸号 7 3 9", 2, "seed")

    def move(dialog):
        dialog.key.setText("A001")
        dialog.session_box.setValue(5)
        dialog.station_box.setValue(1)
        dialog.reason.setPlainText("设备故障")
        dialog.pin.setText(PIN)
        dialog.accept()

    answer_next_dialog(move)
    assert view.move()
    assert ("A001", 5, 1) in view.session.comp.draw_rows()


def test_a_hand_draw_is_imported_and_a_bad_one_refused(day, tmp_path):
    desk, path = day
    view = desk.day_tab.draw
    rows = [[f"A00{k}", str((k + 1) // 2), str(2 - k % 2)] for k in range(1, 9)]
    bad = write_csv(tmp_path / "手工-有误.csv", ["编号", "场次", "工位号"], rows[:7] + [["A008", "4", "1"]])
    assert not view.import_hand(str(bad))
    assert "手工-有误.csv" in desk.strip.text() and "第 9 行" in desk.strip.text() and view.model.rows == []
    good = write_csv(tmp_path / "手工.csv", ["编号", "场次", "工位号"], rows)
    assert view.import_hand(str(good))
    assert "手工抽签" in view.info.text() and len(view.model.rows) == 8 and view.seed.text() == ""


@pytest.mark.parametrize("kind", ["checkin", "draw", "scoresheets"])
def test_the_sheets_print_from_the_tab(day, qtbot, tmp_path, kind):
    desk, _ = day
    desk.day_tab.draw.draw()
    out = tmp_path / f"{kind}.pdf"
    desk.print_report(kind, str(out))
    qtbot.waitUntil(lambda: out.exists() and "已生成" in desk.strip.text(), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")


def test_a_file_without_a_draw_shows_no_seat_columns(window):
    grid = window.desk.marks_tab.view
    assert grid.isColumnHidden(grid.marks.column_of("session"))
    assert grid.isColumnHidden(grid.marks.column_of("station"))


def test_the_day_screenshots_are_made_at_1366x768_in_both_languages(tmp_path):
    from PySide6.QtGui import QImage

    from ui.day_screenshots import take

    names = ["desk-checkin", "desk-draw", "desk-checkin-en", "desk-draw-en"]
    written = {p.stem: p for p in take(tmp_path)}
    assert sorted(written) == sorted(names)
    for name in names:
        image = QImage(str(written[name]))
        assert (image.width(), image.height()) == (1366, 768), name
        assert written[name].stat().st_size < 300_000
        assert (ROOT / "docs" / "screenshots" / f"{name}.png").is_file(), name


def test_the_day_tab_reads_its_rows_when_first_shown_not_on_opening(qtbot, tmp_path):
    """Issue 18: opening a file does not read check-in and the draw for a tab nobody looks
    at (at 10,000 contestants that was over a second); the tab is whole when shown."""
    path = individual(tmp_path, 8)
    w = open_window(qtbot, path)
    desk = w.desk
    assert desk.tabs.currentWidget() is not desk.day_tab
    assert desk.day_tab.checkin.model.rowCount() == 0 and desk.day_tab.draw.model.rowCount() == 0
    desk.tabs.setCurrentWidget(desk.day_tab)
    assert desk.day_tab.checkin.model.rowCount() == 8
    assert "理论知识 到场 0 / 应到 8" in desk.day_tab.checkin.counters.text()
    desk.day_tab.checkin.submit("A001")
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    desk.tabs.setCurrentWidget(desk.day_tab)
    assert "理论知识 到场 1 / 应到 8" in desk.day_tab.checkin.counters.text()
    w.close()
