"""The desk's start paints first and reads the rest right after (issue 18): from the
counters the file keeps, a screenful of the roster and the header. That frame must be the
very pixels of the fully read desk; nothing is ranked before it; a file that keeps nothing
is counted for its counters (by SQLite, or ranked where only that is exact), paints the
same frame, and keeps them for the next start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import at_first_frame
from skillscore.demo import build_large
from skillscore.rules.standings import counts


def _window(qtbot, path, **kwargs):
    from ui.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_file(path, operator="测试员", **kwargs)
    return w


def _first_frame(qtbot, w):
    """(the first frame's pixels, and what the desk had read when it was painted), after the
    window has painted it and the desk has read the rest."""
    desk, session, model = w.desk, w.session, w.desk.roster_tab.model
    frames = at_first_frame(w, lambda: (w.grab().toImage(), {
        "opening": desk.opening, "ranked": session._live is not None,
        "facade": session._comp is not None, "rows": len(model.rows)}))
    assert len(frames) == 1
    return frames[0]


def test_the_first_frame_is_the_whole_desks_and_nothing_is_ranked_before_it(qtbot, tmp_path):
    path = build_large(tmp_path / "大.sqlite", 400)
    _window(qtbot, path, paint_first=True).close()  # nothing kept yet: ranked for the frame, then kept
    w = _window(qtbot, path, paint_first=True)
    desk, session = w.desk, w.session
    assert desk.opening and session._live is None  # no ranking worked out for this frame
    model = desk.roster_tab.model
    assert len(model.rows) == 120 and model.rowCount() == 400  # a screenful of a full-length table
    frame, read = _first_frame(qtbot, w)
    # unranked, and read without the facade
    assert read == {"opening": True, "ranked": False, "facade": False, "rows": 120}
    assert not desk.opening and session._live is not None and len(model.rows) == 400
    assert session.comp is session.file  # the facade took the open file over
    assert w.grab().toImage() == frame
    assert desk.counter_buttons["ranked"].text() == f"参赛 {counts(session.standings())['ranked']}"
    w.close()


def test_a_file_that_keeps_nothing_is_counted_for_its_first_frame_and_keeps_its_counters(qtbot, tmp_path):
    path = build_large(tmp_path / "大.sqlite", 400)
    w = _window(qtbot, path, paint_first=True)
    assert w.session.kept_counts() is None
    frame, read = _first_frame(qtbot, w)
    # Counted by SQLite (skillscore/actions/counted.py), not ranked, without the facade,
    # and the roster a screenful.
    assert read == {"opening": True, "ranked": False, "facade": False, "rows": 120}
    assert w.grab().toImage() == frame and len(w.desk.roster_tab.model.rows) == 400
    assert w.session.kept_counts() == counts(w.session.standings())  # kept right after the frame
    no = w.session.contestants()[0].no
    w.session.set_mark(no, "theory", "12")
    assert w.session.kept_counts() is None  # a mark forgets them
    w.close()  # kept again at closing, from the ranking the desk holds
    again = _window(qtbot, path, paint_first=True)
    assert again.desk.opening and again.session._live is None
    kept = again.session.kept_counts()
    again.desk.finish_opening()
    assert kept == counts(again.session.standings())
    again.close()


def test_a_file_sqlite_cannot_count_is_ranked_for_its_first_frame(qtbot, tmp_path):
    """A mark another program wrote in a form the program never writes ("88.5"): only the
    ranking counts it exactly, so the first frame is ranked for, and is the same frame."""
    path = build_large(tmp_path / "大.sqlite", 400)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE marks SET theory = '88.5' WHERE no = (SELECT MIN(no) FROM marks WHERE status IS NULL)")
    db.close()
    w = _window(qtbot, path, paint_first=True)
    assert w.session.counted() is None and w.session.kept_counts() is None
    frame, read = _first_frame(qtbot, w)
    assert read == {"opening": True, "ranked": True, "facade": False, "rows": 120}
    assert w.grab().toImage() == frame
    assert w.session.kept_counts() == counts(w.session.standings())
    w.close()


def test_the_first_frame_loads_neither_the_facade_nor_the_halls_window(qtbot, tmp_path):
    """In a fresh process, as ``skillscore-gui FILE`` starts: the first frame is read from
    the file alone (actions/opened.py); the facade, with its fifteen action modules and the
    rules they bring, loads right after, and takes the open file over: its hold, its
    connection. A typed mark then goes through it as always."""
    path = build_large(tmp_path / "大.sqlite", 300)
    _window(qtbot, path, paint_first=True).close()  # nothing kept yet: ranked for the frame, then kept
    root = Path(__file__).resolve().parents[2]
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from ui.app import make_app, start_window
        heavy = ("skillscore.actions.competition", "skillscore.actions.entry", "skillscore.rules.units",
                 "ui.projector", "ui.start_page", "PySide6.QtWidgets.QFileDialog")
        app = make_app([], lang="zh")
        w = start_window({str(path)!r}, operator="测试员")
        first = []
        w.after_first_frame.append(lambda: first.append([m for m in heavy if m in sys.modules]))
        def after():
            print("first", first)
            print("after", [m for m in heavy[:3] if m in sys.modules])
            session = w.session
            no = session.contestants()[0].no
            print("typed", session.set_mark(no, "theory", "77.5")[0][3], type(session.comp).__name__)
            w.close()
            app.quit()
        QTimer.singleShot(500, after)
        app.exec()
    """)
    # Its settings (the recent files) in a folder of its own, not the developer's.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=root, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines())
    assert lines["first"] == "[[]]"  # one first frame, and none of them loaded for it
    assert lines["after"] == str(["skillscore.actions.competition", "skillscore.actions.entry", "skillscore.rules.units"])
    assert lines["typed"] == "77.50 Competition"
