"""What a stranger hit at the desk (issue 13.4, 13.9): English headers clipped and categories
left in Chinese, typing into a finalised grid ignored without a word, and an unexpected
error, which is logged and named in one line instead of a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from conftest import PIN, open_window
from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER
from helpers import write_csv


def test_the_english_roster_shows_whole_headers_and_english_categories(qtbot, demo_file, tmp_path):
    with Competition(demo_file) as comp:  # one female worker besides the demo's female cadres
        c = next(c for c in comp.contestants() if c.category == "女干部")
        comp.import_roster(write_csv(tmp_path / "r.csv", ROSTER_HEADER, [
            [c.no, c.name, c.sex, c.id_number, c.birth_date, "女工人", c.unit, "是", ""]]))
    w = open_window(qtbot, demo_file)
    w.set_language("en")
    tab = w.desk.roster_tab
    tab.refresh()
    model, header = tab.model, tab.view.horizontalHeader()
    for i in range(model.columnCount()):
        title = model.headerData(i, Qt.Horizontal, Qt.DisplayRole)
        assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(title), title
    assert model.headerData(model.column_of("union_card"), Qt.Horizontal, Qt.DisplayRole) == "Mutual-aid card"
    shown = {model.index(r, model.column_of("category")).data() for r in range(model.rowCount())}
    assert {"Female cadre", "Female worker"} <= shown and not shown & {"女干部", "女工人"}
    w.set_language("zh")
    w.desk.roster_tab.refresh()
    model = w.desk.roster_tab.model
    assert "女工人" in {model.index(r, model.column_of("category")).data() for r in range(model.rowCount())}
    w.close()


def test_typing_into_a_finalised_grid_says_why_in_place(qtbot, demo_file):
    w = open_window(qtbot, demo_file)
    desk = w.desk
    for no in ("A058", "A059", "A060"):
        desk.session.set_mark(no, "practical", "70")
    assert desk.finalize_tab.draw(("A015", "A022"), answer=(PIN, ""))
    assert desk.finalize_tab.finalize(answer=(PIN, ""))
    desk.tabs.setCurrentWidget(desk.marks_tab)
    view = desk.marks_tab.view
    model = desk.marks_tab.model
    before = model.index(0, model.column_of("theory")).data()
    view.setCurrentIndex(model.index(0, model.column_of("theory")))
    view.setFocus()
    said = []
    view.message.connect(said.append)
    qtbot.keyClicks(view, "8")
    assert not view.reason.isHidden() and "已定稿" in view.reason.text() and "撤销定稿" in view.reason.text()
    assert said and "已定稿" in said[-1]
    assert model.index(0, model.column_of("theory")).data() == before
    view.reason.hide()
    assert not view.paste("90\t91") and not view.reason.isHidden()  # a paste says so too
    w.close()


def test_an_unexpected_error_in_the_desk_is_logged_and_named_in_one_line(qtbot, tmp_path, monkeypatch):
    from ui import app

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    try:
        {}["a key nobody foresaw"]
    except KeyError as exc:
        line = app.show_error(exc)
    logs = list((tmp_path / "state" / "skillscore" / "logs").glob("*.log"))
    assert len(logs) == 1 and "KeyError" in logs[0].read_text(encoding="utf-8")
    assert shown == [("出错了", line)] and str(logs[0]) in line and "\n" not in line and "Traceback" not in line
    # A user's mistake is no crash: it says what it is, and nothing is logged.
    from skillscore.errors import RefusedError

    app.show_error(RefusedError("pin_wrong"))
    assert shown[-1][1] == "裁判长口令错误，操作未执行" and len(list(logs[0].parent.iterdir())) == 1
    # The hook the desk installs routes what nobody caught to the same place.
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_error_hook()
    try:
        raise ZeroDivisionError("in a slot")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert "出错了" == shown[-1][0] and len(list(logs[0].parent.iterdir())) in (1, 2)
