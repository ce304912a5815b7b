"""Where the desk's time goes, by the clock alone (issue 18).

    python benchmarks/phases.py [COUNT]      # default 10,000; the typed mark also at 300

cProfile charges every Python call it sees, so at the desk it weighs the Python-heavy
steps several times against Qt's painting and SQLite's work. Session 13 measured the kept
ranking's re-answering (``LiveStandings._reanswer``) at 3.4 ms of a typed mark under
cProfile and ~2.4 ms by the clock; a change that cut it by a third under cProfile moved the
whole edit by nothing three alternating runs could tell. Here named steps are timed with
``perf_counter`` only (a wrapper per call, ~1 µs), medians per edit, so the table adds up
to what bench_desk.py and run.py measure. Steps nest: "save" and "follow" run inside the
model's setData, "live ranking" inside "follow", "paint" after them. Asserts no time.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import bench_desk  # noqa: E402
from clocked import clock, spent  # noqa: E402
from skillscore.demo import build_large  # noqa: E402

def clock_the_desk() -> None:
    from skillscore.actions.competition import Competition
    from skillscore.rules.live import LiveStandings
    from ui.desk import Desk
    from ui.models.ranking import RankingModel
    from ui.session import Session
    from ui.views.marks_tab import MarksTab
    from ui.views.ranking_view import RankingView

    clock(Competition, "set_mark", "save (the core's write)")
    clock(Session, "_follow_marks", "follow (read the log, move the ranking)")
    clock(LiveStandings, "apply", "live ranking (LiveStandings.apply)")
    clock(Desk, "on_changed", "desk refresh (grid, counters, ranking model)")
    clock(RankingModel, "set_standings", "ranking model (set_standings)")
    clock(RankingView, "paintEvent", "paint (ranking view)")
    # The cold start's steps (each runs once).
    clock(Session, "open", "open the file (Session.open)")
    clock(Desk, "__init__", "the desk's widgets and first refresh (Desk.__init__)")
    clock(Desk, "refresh_everything", "first refresh (Desk.refresh_everything)")
    clock(Desk, "refresh_employers", "employers (every contestant read)")
    clock(Session, "standings", "ranking (entries read, LiveStandings built)")
    clock(MarksTab, "refresh", "marks grid (when first shown)")


def typed(path: Path, reps: int) -> dict[str, float]:
    """Median per edit of each step (and of the whole edit) over ``reps`` typed marks."""
    steps: dict[str, list[float]] = defaultdict(list)
    plain = bench_desk.timed

    def timed(fn):
        spent.clear()
        result, elapsed = plain(fn)
        for step, seconds in spent.items():
            steps[step].append(seconds)
        steps["whole edit"].append(elapsed)
        return result, elapsed

    bench_desk.timed = timed
    try:
        bench_desk.typed_mark(path, reps)
    finally:
        bench_desk.timed = plain
    return {step: statistics.median(values[1:] or values) for step, values in steps.items()}


def cold(path: Path) -> dict[str, float]:
    """The desk's opening in this process: window, file and first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from ui.app import make_app
    from ui.mainwindow import MainWindow

    marks: dict[str, float] = {}
    start = time.perf_counter()
    app = make_app([], lang="zh")
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    marks["application and empty window"] = time.perf_counter() - start
    spent.clear()
    start = time.perf_counter()
    window.open_file(path, operator="基准")
    opened = time.perf_counter()
    marks["open_file, whole"] = opened - start
    marks.update(spent)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint and "first paint after opening" not in marks:
                QTimer.singleShot(0, lambda: (marks.setdefault("first paint after opening", time.perf_counter() - opened),
                                              app.quit()))
            return False

    probe = FirstPaint()
    window.installEventFilter(probe)
    window.update()
    app.exec()
    window.close()
    return marks


def one(kind: str, path: Path) -> None:
    """One measurement in this process, printed as JSON (each runs in a fresh process, as a
    desk does: a heap left over from another window slowed the kept ranking twofold)."""
    clock_the_desk()
    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        print(json.dumps(cold(path) if kind == "cold" else typed(path, int(kind.split(":")[1]))))


def measured(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--one", kind, str(path)], check=True, capture_output=True,
                          text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        return one(argv[1], Path(argv[2]))
    count = int(argv[0]) if argv else 10_000
    small = min(300, count)
    reps = 7 if count < 1000 else 21
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {n: build_large(folder / f"n{n}.sqlite", n) for n in {count, small}}

        def fresh(n: int) -> Path:  # every run on its own copy: edits and backups stay there
            target = folder / f"run{n}-{time.perf_counter_ns()}.sqlite"
            shutil.copyfile(files[n], target)
            return target

        opening = measured("cold", fresh(count))
        at = {n: measured(f"typed:{reps}", fresh(n)) for n in (count, small)}
    print(f"## The desk by the clock ({count} contestants; `python benchmarks/phases.py {count}`)\n")
    print(f"| a typed mark, median of {reps} edits | at {count} | at {small} |\n|---|---|---|")
    for step in at[count]:
        print(f"| {step} | {at[count][step] * 1000:.2f} ms | {at[small].get(step, 0) * 1000:.2f} ms |")
    print(f"\n| the desk opening {count} (in process, after imports) | time |\n|---|---|")
    for step, seconds in opening.items():
        print(f"| {step} | {seconds * 1000:.1f} ms |")


if __name__ == "__main__":
    main(sys.argv[1:])
