"""The desk's pages nobody sees on opening (赛务, 成绩录入, 排名, 统计, 定稿与输出, 日志) are
built when first shown or asked for (ui/views/lazy_tab.py, issue 18): not their modules, not
their widgets, on opening; then the same pages as before, refreshed as before. The marks
grid and the ranking are built current and kept so; the counters never wait for them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import at_first_frame
from skillscore.actions.competition import Competition
from ui.views.lazy_tab import LazyTab

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
LAZY = ("day_tab", "marks_tab", "ranking_tab", "statistics_tab", "finalize_tab", "log_tab")


def test_opening_builds_none_of_the_unseen_pages(desk):
    for name in LAZY:
        holder = getattr(desk, name)
        assert isinstance(holder, LazyTab) and not holder.built, name
        assert desk.tabs.indexOf(holder) >= 0
    assert desk.tabs.currentWidget() is desk.roster_tab


def test_a_page_is_built_and_read_when_shown(qtbot, desk):
    with Competition(desk.session.path, operator="x") as comp:
        logged = len(comp.audit_entries())
    desk.tabs.setCurrentWidget(desk.log_tab)
    assert desk.log_tab.built and desk.log_tab.page.isVisible() and not desk.log_tab.dirty
    assert desk.log_tab.model.rowCount() == logged > 0  # refreshed on showing, as before
    desk.tabs.setCurrentWidget(desk.day_tab)
    assert desk.day_tab.built and desk.day_tab.checkin.isVisible()
    assert desk.day_tab.checkin.model.rowCount() == len(desk.session.contestants())


def test_the_marks_grid_and_ranking_are_built_current_after_changes_made_unseen(qtbot, desk):
    """Marks typed elsewhere (a paste, the command line) before the grid and the ranking were
    ever shown: both show them when built, and the counters never waited for either."""
    session = desk.session
    incomplete = [s.unit.key for s in session.standings().rows if s.unit.status.name == "INCOMPLETE"]
    assert incomplete and not desk.marks_tab.built and not desk.ranking_tab.built
    waiting = desk.counter_buttons["incomplete"].text()
    assert waiting == f"待录 {len(incomplete)}"
    no = incomplete[0]
    for part, mark in (("theory", "88"), ("practical", "91.50")):
        if getattr(session.entries()[no], part) is None:
            session.set_mark(no, part, mark)
    assert desk.counter_buttons["incomplete"].text() == f"待录 {len(incomplete) - 1}"
    assert not desk.marks_tab.built and not desk.ranking_tab.built  # nothing read for them yet
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    model = desk.ranking_tab.model
    assert desk.ranking_tab.built and model.counts()["incomplete"] == len(incomplete) - 1
    row = next(r for r in range(model.rowCount()) if model.standings.rows[r].unit.key == no)
    assert model.standings.rows[row].unit.status.name != "INCOMPLETE"
    desk.tabs.setCurrentWidget(desk.marks_tab)
    grid = desk.marks_tab.model
    assert desk.marks_tab.built
    theory = grid.index(grid.row_of(no), grid.column_of("theory")).data()
    assert theory == str(session.entries()[no].theory)
    # Built, both follow the next change at once, as before.
    other = incomplete[1]
    session.set_mark(other, "theory", "77")
    assert grid.index(grid.row_of(other), grid.column_of("theory")).data() == "77.00"


def test_a_shown_page_follows_changes(qtbot, desk):
    desk.tabs.setCurrentWidget(desk.log_tab)
    before = desk.log_tab.model.rowCount()
    no = desk.session.contestants()[0].no
    desk.session.set_mark(no, "theory", "61.50")
    assert desk.log_tab.model.rowCount() == before + 1  # the desk refreshes the shown page


def test_asking_for_a_page_builds_it_without_reading(desk):
    assert desk.finalize_tab.finalize_button is desk.finalize_tab.page.finalize_button
    assert desk.finalize_tab.built and desk.finalize_tab.dirty  # read when shown, as before
    with pytest.raises(AttributeError):
        desk.statistics_tab.no_such_thing
    assert desk.statistics_tab.built  # asked, so built; still not shown
    assert not desk.day_tab.built and not desk.log_tab.built


def test_their_modules_load_only_when_shown(demo_file, tmp_path):
    """In a fresh process, as a committee starts the desk: opening a file imports none of
    the unseen pages' modules, nor the hall's window (F11); showing every tab imports and
    renders each page's."""
    script = textwrap.dedent(f"""
        import sys
        from ui.app import make_app
        from ui.mainwindow import MainWindow
        app = make_app([], lang="zh")
        w = MainWindow(); w.resize(1366, 768); w.show()
        assert w.open_file({str(demo_file)!r}, operator="测试员")
        app.processEvents()
        pages = ("ui.statistics_view", "ui.audit_view", "ui.views.finalize_tab", "ui.views.day_tab",
                 "ui.views.checkin_view", "ui.views.draw_view", "ui.views.panel_grid", "skillscore.rules.statistics",
                 "ui.views.marks_tab", "ui.views.ranking_tab", "ui.views.ranking_view", "ui.dialogs.pin",
                 "ui.dialogs.start", "socket", "ui.projector", "ui.hall_data")
        print("opened", sorted(m for m in pages if m in sys.modules))
        for i in range(w.desk.tabs.count()):
            w.desk.tabs.setCurrentIndex(i)
            app.processEvents()
            assert not w.desk.tabs.widget(i).grab().isNull()
        print("shown", sorted(m for m in pages if m in sys.modules))
    """)
    # Its settings (the recent files) in a folder of its own, not the developer's.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if line.startswith(("opened", "shown")))
    assert lines["opened"] == "[]"
    assert lines["shown"] == str(sorted(["ui.statistics_view", "ui.hall_data", "ui.audit_view", "ui.views.finalize_tab",
                                         "ui.views.day_tab", "ui.views.checkin_view", "ui.views.draw_view",
                                         "skillscore.rules.statistics", "ui.views.marks_tab", "ui.views.ranking_tab",
                                         "ui.views.ranking_view", "ui.dialogs.pin"]))


def test_a_panel_file_still_has_its_judges_pages(panel_window):
    desk = panel_window.desk
    titles = [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
    assert titles.index("裁判评分") == titles.index("成绩录入") + 1
    assert titles.index("裁判统计") == titles.index("统计") + 1
    assert titles.index("赛务") == titles.index("名单") + 1


def test_ctrl_f_on_every_tab(qtbot, window):
    """The 日志 page's Ctrl+F puts the cursor in its 编号 filter (a page built on showing must
    still answer for it); a tab without a find bar sends the clerk to the marks grid's.
    (Every QWidget has a ``find`` of its own: the holder's used to be taken for the page's.)"""
    desk = window.desk
    window.activateWindow()
    for i in range(desk.tabs.count()):
        desk.tabs.setCurrentIndex(i)
        title = desk.tabs.tabText(i)
        desk.open_find()
        if title == "日志":
            assert desk.tabs.currentWidget() is desk.log_tab
            qtbot.waitUntil(lambda: desk.log_tab.page.no_edit.hasFocus(), timeout=2000)
        elif title in ("赛务", "统计", "定稿与输出"):
            assert desk.tabs.currentWidget() is desk.marks_tab, title
        else:
            assert desk.tabs.currentIndex() == i, title


def test_an_error_building_a_page_is_raised_once(qtbot):
    built = []

    def broken():
        built.append(1)
        raise AttributeError("no such widget")

    holder = LazyTab(broken)
    qtbot.addWidget(holder)
    with pytest.raises(RuntimeError, match="no such widget"):
        holder.page
    with pytest.raises(RuntimeError):
        holder.checkin  # an attribute of the page: the same error, not a recursion
    assert len(built) == 2 and not holder.built


@pytest.mark.parametrize("module", ["ui.audit_view", "ui.statistics_view", "ui.views.finalize_tab",
                                    "ui.views.day_tab"])
def test_the_self_test_fails_without_a_page_module(module):
    """As a frozen build lacking the module would: the self-test shows every tab and must
    fail, not print the error of a slot and pass."""
    script = textwrap.dedent(f"""
        import sys
        sys.modules[{module!r}] = None  # importing it now raises ImportError
        from ui.app import run_self_test
        sys.exit(run_self_test())
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=120)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "self-test FAILED" in out.stdout + out.stderr


def test_a_file_scored_by_a_panel_paints_its_first_frame_without_the_judges_pages(qtbot, panel_file):
    """裁判评分 and 裁判统计 read every judge's mark through the facade: built when first
    shown, like the other pages, so a panel's file starts as fast as any (issue 18)."""
    from ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_file(panel_file, operator="测试员", paint_first=True)
    desk, session = w.desk, w.session
    at_frame = at_first_frame(w, lambda: (desk.panel_tab.built, desk.judges_tab.built, session._comp is None))
    assert at_frame == [(False, False, True)]
    assert desk.tabs.tabText(desk.tabs.indexOf(desk.panel_tab)) == "裁判评分"
    assert desk.tabs.tabText(desk.tabs.indexOf(desk.judges_tab)) == "裁判统计"
    desk.tabs.setCurrentWidget(desk.panel_tab)  # shown: built, with every contestant's row
    assert desk.panel_tab.built and desk.panel_tab.models["实操"].rowCount() == len(session.contestants())
    desk.tabs.setCurrentWidget(desk.judges_tab)  # shown: built and read, its flag its own from then on
    stats = desk.judges_tab.page
    assert stats.model.rowCount() == session.panel_scheme().judges and not desk.judges_tab.dirty
    stats.dirty = True
    assert desk.judges_tab.dirty
    w.close()
