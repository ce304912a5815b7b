"""The desk under anonymous codes (issue 17): the code grid shows nothing of the person,
typing, paste and undo work by code, results are withheld, the reveal's checklist, and
the appeals register."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, build_sealed_demo

from conftest import open_window
from helpers import stored

pytestmark = pytest.mark.gui


@pytest.fixture
def sealed_file(tmp_path):
    return build_sealed_demo(tmp_path / "sealed.skillscore")


@pytest.fixture
def sealed_window(qtbot, sealed_file):
    w = open_window(qtbot, sealed_file)
    yield w
    w.close()


def people(path):
    with Competition(path) as comp:
        found = set()
        for c in comp.contestants():
            found |= {c.no, c.name, c.unit}
        key = {e.code: e.key for e in comp.codes_key(pin=DEMO_PIN)}
    return found, key


def code_grid(desk):
    desk.tabs.setCurrentWidget(desk.marks_tab)
    tab = desk.marks_tab
    tab.grids.setCurrentWidget(tab.coded_page)
    view = tab.view
    view.setFocus()
    return view


def test_the_code_grid_shows_no_name_number_or_employer_anywhere(sealed_window, sealed_file):
    desk = sealed_window.desk
    view = code_grid(desk)
    model = view.marks
    shown = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    shown += [model.index(r, c).data(role) for r in range(model.rowCount()) for c in range(model.columnCount())
              for role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole)]
    # …and every label on the screen around it: header, banner, tab titles, the find bar.
    shown += [w.text() for w in sealed_window.findChildren(QLabel) if w.isVisible()]
    shown += [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
    shown += [desk.marks_tab.grids.tabText(i) for i in range(desk.marks_tab.grids.count())]
    text = "\n".join(str(s) for s in shown if s)
    found, key = people(sealed_file)
    assert model.rowCount() == 60 and shown[:4] == ["评分号", "场次", "工位号", "技能操作"]
    assert not [p for p in found if p and p in text]
    assert [model.row_at(r).no for r in range(model.rowCount())] == [r.code for r in Competition(sealed_file).coded_rows()]
    seats = [(model.row_at(r).session, model.row_at(r).station) for r in range(model.rowCount())]
    assert seats == sorted(seats)  # session and station order
    assert set(key) == {model.row_at(r).no for r in range(model.rowCount())}


def test_typing_paste_and_undo_by_code(qtbot, sealed_window, sealed_file):
    desk = sealed_window.desk
    view = code_grid(desk)
    model = view.marks
    _, key = people(sealed_file)
    empty = [r for r in range(model.rowCount()) if model.row_at(r).get("practical") is None]
    first, second, third = (model.row_at(r).no for r in empty[:3])
    view.setCurrentIndex(model.index(empty[0], model.column_of("practical")))
    qtbot.keyClicks(view, "88.5")
    qtbot.keyClick(view, Qt.Key_Return)
    assert stored(sealed_file, key[first]).practical == Decimal("88.50")
    assert model.row_at(empty[1]).no == model.row_at(view.currentIndex().row()).no  # moved down
    assert view.paste("77\n66")
    assert [stored(sealed_file, key[c]).practical for c in (second, third)] == [Decimal("77"), Decimal("66")]
    assert view.undo()
    assert [stored(sealed_file, key[c]).practical for c in (second, third)] == [None, None]
    assert model.data(model.index(empty[1], model.column_of("practical"))) == ""
    assert not view.paste("abc")  # refused whole, with the reason under the cell
    assert "评分号" in view.reason.text() and key[first] not in view.reason.text()


def test_results_are_withheld_on_every_screen(qtbot, sealed_window):
    desk = sealed_window.desk
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    assert desk.ranking_tab.sealed.isVisible() and desk.ranking_tab.sealed.text() == "已加密，解密后显示"
    assert not desk.ranking_tab.view.isVisible() and desk.ranking_tab.model.rowCount() == 0
    desk.tabs.setCurrentWidget(desk.statistics_tab)
    assert desk.statistics_tab.placeholder.isVisible() and not desk.statistics_tab.charts.isVisible()
    assert not desk.counters.isVisible() and "已加密" in desk.banner.text()
    number_grid = desk.marks_tab.numbers_page.model
    assert "practical" not in [c.key for c in number_grid.columns]
    projector = sealed_window.projector
    projector.toggle()
    assert projector.window.sealed and projector.window.rows == []
    projector.window.close()


def test_the_reveal_checklist_then_the_ranking(qtbot, sealed_window, sealed_file):
    from ui.codes_menu import reveal

    desk = sealed_window.desk
    dialog = reveal(desk)
    missing = dialog.lines["codes_reveal_missing"]
    assert missing.text().startswith("✗") and "20 个评分号" in missing.text()
    assert dialog.lines["codes_reveal_pending"].text().startswith("✓")
    assert not dialog.reveal_button.isEnabled()
    dialog.reject()
    with Competition(sealed_file, operator="裁判") as comp:
        for row in comp.coded_rows():
            if row.practical is None:
                comp.set_mark(row.code, "practical", "缺考")
    sealed_window.reload_session()
    desk = sealed_window.desk
    dialog = reveal(desk)
    assert all(line.text().startswith("✓") for line in dialog.lines.values()) and dialog.reveal_button.isEnabled()
    dialog.pin.setText("0000")
    dialog.reveal()
    assert dialog.isVisible() and "口令错误" in dialog.problem.text()
    dialog.pin.setText(DEMO_PIN)
    dialog.reveal()
    assert not dialog.isVisible()
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    assert desk.ranking_tab.view.isVisibleTo(desk.ranking_tab) and desk.ranking_tab.model.rowCount() == 60
    assert not desk.ranking_tab.sealed.isVisibleTo(desk.ranking_tab)
    assert desk.marks_tab.coded_model is None and "practical" in [c.key for c in desk.marks_tab.model.columns]


def test_the_appeals_register_records_decides_and_shows_the_change(qtbot, sealed_window, sealed_file):
    from ui.codes_menu import open_appeals

    dialog = open_appeals(sealed_window.desk)
    view = dialog.view
    add = view.add()
    add.no.setText("A007")
    add.by.setText("领队 王强")
    add.subject.setPlainText("理论试卷漏判一题")
    add.part.setCurrentIndex(add.part.findData("theory"))
    add.received.setText("2025-09-20 16:30")
    add.accept()
    assert view.model.rowCount() == 1 and view.model.row_at(0).no == "A007"
    view.table.setCurrentIndex(view.model.index(0, 0))
    decide = view.decide()
    decide.upheld.setChecked(True)
    decide.reason.setPlainText("复核属实")
    decide.pin.setText(DEMO_PIN)
    theory = stored(sealed_file, "A007").theory
    decide.set_change(0, "A007", "theory", "")  # the new mark forgotten: once erased the mark, unasked
    decide.accept()
    assert "没有填写新成绩" in decide.problem.text() and stored(sealed_file, "A007").theory == theory
    assert view.model.row_at(0).decision is None
    decide.set_change(0, "A007", "theory", "91")
    decide.accept()
    row = view.model.row_at(0)
    assert row.decision == "upheld" and stored(sealed_file, "A007").theory == Decimal("91")
    assert "→ 91.00" in view.model.data(view.model.index(0, view.model.column_of("changes")))
    dialog.close()


def test_after_the_reveal_a_practical_change_asks_for_pin_and_reason(qtbot, sealed_window, sealed_file):
    with Competition(sealed_file) as comp:
        for row in comp.coded_rows():
            if row.practical is None:
                comp.set_mark(row.code, "practical", "70")
        comp.reveal_codes(pin=DEMO_PIN)
    sealed_window.reload_session()
    tab = sealed_window.desk.marks_tab
    model = tab.model
    asked = []
    model.ask_correction = lambda no: asked.append(no)  # the clerk cancels
    index = model.index(model.row_of("A001"), model.column_of("practical"))
    before = stored(sealed_file, "A001").practical
    assert not model.setData(index, "99")
    assert asked == ["A001"] and stored(sealed_file, "A001").practical == before
    assert "锁定" in model.data(index, Qt.ToolTipRole)
    model.ask_correction = lambda no: (DEMO_PIN, "评分表加总错误")
    assert model.setData(index, "99")
    assert stored(sealed_file, "A001").practical == Decimal("99")
    with Competition(sealed_file) as comp:
        (fix,) = comp.corrections()
    assert (fix.subject, fix.new, fix.reason) == ("A001", "99.00", "解密后更正：评分表加总错误")


def test_a_panels_judges_grid_lists_codes_only_while_sealed(qtbot, tmp_path):
    from skillscore.demo import PANEL_JUDGES, build_panel_demo

    path = tmp_path / "panel.skillscore"
    build_panel_demo(path)
    with Competition(path) as comp:  # a fresh panel sitting: no judge has marked yet
        comp.store.db.execute("DELETE FROM panel_marks")
        comp.store.db.execute("UPDATE marks SET practical=NULL")
        comp.seal_codes(pin=DEMO_PIN)
    window = open_window(qtbot, path)
    try:
        desk = window.desk
        desk.tabs.setCurrentWidget(desk.panel_tab)
        qtbot.waitUntil(desk.panel_tab.isVisible)
        view = desk.panel_tab.show_module("实操")
        model = view.marks
        shown = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
        shown += [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
        found, key = people(path)
        text = "\n".join(str(s) for s in shown if s)
        assert shown[0] == "评分号" and model.columnCount() == PANEL_JUDGES + 3
        assert not [p for p in found if p and p in text]
        code = model.row_at(0).no
        assert code in key
        assert model.setData(model.index(0, model.judge_column(1)), "60"), model.errors
        assert model.data(model.index(0, model.judge_column(1))) == "60.00"
        with Competition(path) as comp:
            sheets = comp.panel_sheets()
        assert sheets[key[code]]["实操"][1] == Decimal("60")
    finally:
        window.close()
