"""Issue 18's desk rows, measured in one process (offscreen Qt), printed as JSON.

    python benchmarks/bench_desk.py typed FILE [REPS]      # marks grid → ranking view
    python benchmarks/bench_desk.py panel FILE [REPS]      # judges' grid → that grid

Each figure runs from committing the typed value (the model's ``setData``, what Enter does
in the grid) until the view has processed the repaint that shows it: the ranking view's
model holds the new order (checked) and a paint event reached the view (counted). Before
each edit the view is scrolled to the edited row, so the repaint really has rows to draw.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView  # noqa: E402


# BENCH_PROFILE=OUT.prof: profile only the timed part of each edit (benchmarks/profile_rows.py).
PROFILE = os.environ.get("BENCH_PROFILE")
if PROFILE:
    import cProfile

    profiler = cProfile.Profile()


def timed(fn):
    """Run fn, returning the seconds it took (profiled when asked)."""
    if PROFILE:
        profiler.enable()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    if PROFILE:
        profiler.disable()
    return result, elapsed


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            self.paints += 1
        return False


def open_desk(path: Path):
    from ui import collector
    from ui.app import make_app
    from ui.mainwindow import MainWindow

    app = make_app([], lang="zh")
    collector.start(app)  # as ui.app.run does
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    assert window.open_file(path, operator="基准")
    app.processEvents()
    return app, window


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def typed_mark(path: Path, reps: int) -> dict:
    """A practical mark typed in the marks grid until the ranking view shows the new order."""
    app, window = open_desk(path)
    desk = window.desk
    desk.tabs.setCurrentWidget(desk.ranking_tab)
    marks, ranking, view = desk.marks_tab.model, desk.ranking_tab.model, desk.ranking_tab.view
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    column = marks.column_of("practical")
    rows = ranking.rows
    ranked = [s.unit.key for s in rows if s.rank is not None]
    times, wrong, unpainted = [], 0, 0
    for i in range(reps + 1):  # the first edit warms caches and is not counted
        no = ranked[(len(ranked) // 3 + i * 37) % len(ranked)]
        before = [s.unit.key for s in ranking.rows].index(no)
        view.scrollTo(ranking.index(before, 0), QAbstractItemView.PositionAtCenter)
        _settle(app)
        value = "99.99" if i % 2 == 0 else "40.01"
        paints = counter.paints
        index = marks.index(marks.row_of(no), column)
        # processEvents: the posted repaint of the changed rows.
        ok, elapsed = timed(lambda: (marks.setData(index, value, Qt.EditRole), app.processEvents())[0])
        after = [s.unit.key for s in ranking.rows].index(no)
        if not ok or (after < before) != (value == "99.99"):
            wrong += 1
        if counter.paints == paints:
            unpainted += 1
        if i:
            times.append(elapsed)
    window.close()
    return {"median_s": statistics.median(times), "best_s": min(times), "reps": len(times), "times_s": times,
            "rows": len(rows), "wrong": wrong, "unpainted": unpainted}


def panel_mark(path: Path, reps: int) -> dict:
    """A judge's mark typed in the judges' grid until that grid shows the new result."""
    app, window = open_desk(path)
    desk = window.desk
    grid = desk.panel_tab
    desk.tabs.setCurrentWidget(grid)
    module = next(iter(grid.models))
    model, view = grid.models[module], grid.views[module]
    grid.show_module(module)
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    column = model.judge_column(1)
    complete = [r.no for r in model.rows if r.result is not None]
    times, wrong, unpainted = [], 0, 0
    for i in range(reps + 1):
        no = complete[(len(complete) // 3 + i * 37) % len(complete)]
        row = model.row_of(no)
        view.scrollTo(model.index(row, 0), QAbstractItemView.PositionAtCenter)
        _settle(app)
        old = model.row_at(row)
        value = "1.00" if old.score(1) != 1 else "2.00"
        paints = counter.paints
        index = model.index(row, column)
        ok, elapsed = timed(lambda: (model.setData(index, value, Qt.EditRole), app.processEvents())[0])
        new = model.row_at(model.row_of(no))
        if not ok or str(new.score(1)) != value or new.result == old.result == None:  # noqa: E711
            wrong += 1
        if counter.paints == paints:
            unpainted += 1
        if i:
            times.append(elapsed)
    window.close()
    return {"median_s": statistics.median(times), "best_s": min(times), "reps": len(times), "times_s": times,
            "rows": model.rowCount(), "wrong": wrong, "unpainted": unpainted}


def main(argv: list[str]) -> None:
    kind, path = argv[0], Path(argv[1])
    reps = int(argv[2]) if len(argv) > 2 else 15
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        result = (typed_mark if kind == "typed" else panel_mark)(path, reps)
    if PROFILE:
        profiler.dump_stats(PROFILE)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
