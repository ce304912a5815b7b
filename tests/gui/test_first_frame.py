"""The desk's start paints first and reads the rest right after (issue 18): from the
counters the file keeps, a screenful of the roster and the header. That frame must be the
very pixels of the fully read desk; nothing is ranked before it; a file that keeps nothing
opens whole, and keeps its counters for the next start."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer

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


def test_the_first_frame_is_the_whole_desks_and_nothing_is_ranked_before_it(qtbot, tmp_path):
    path = build_large(tmp_path / "大.sqlite", 400)
    _window(qtbot, path, paint_first=True).close()  # nothing kept yet: opened whole, then kept
    w = _window(qtbot, path, paint_first=True)
    desk, session = w.desk, w.session
    assert desk.opening and session._live is None  # no ranking worked out for this frame
    model = desk.roster_tab.model
    assert len(model.rows) == 120 and model.rowCount() == 400  # a screenful of a full-length table
    frames = []

    def painted():  # called once the first frame is painted, before the rest is read
        frames.append((w.grab().toImage(), desk.opening, session._live is None, len(model.rows)))

    loop = QEventLoop()
    QTimer.singleShot(2000, loop.quit)
    w.after_first_frame.extend([painted, loop.quit])
    loop.exec()  # the window paints; the desk then reads the rest
    assert len(frames) == 1
    frame, was_opening, unranked, rows = frames[0]
    assert was_opening and unranked and rows == 120
    assert not desk.opening and session._live is not None and len(model.rows) == 400
    assert w.grab().toImage() == frame
    assert desk.counter_buttons["ranked"].text() == f"参赛 {counts(session.standings())['ranked']}"
    w.close()


def test_a_file_that_keeps_nothing_opens_whole_and_keeps_its_counters(qtbot, demo_file):
    w = _window(qtbot, demo_file, paint_first=True)
    assert not w.desk.opening and w.session._live is not None  # read whole before painting
    assert w.session.kept_counts() == counts(w.session.standings())
    no = w.session.contestants()[0].no
    w.session.set_mark(no, "theory", "12")
    assert w.session.kept_counts() is None  # a mark forgets them
    w.close()  # kept again at closing, from the ranking the desk holds
    again = _window(qtbot, demo_file, paint_first=True)
    assert again.desk.opening
    kept = again.session.kept_counts()
    again.desk.finish_opening()
    assert kept == counts(again.session.standings())
    again.close()
