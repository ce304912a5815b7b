"""Benchmark: the desk with 10,000 contestants (issue 4).

Targets: from saving one mark to the ranking view showing the new order under 50 ms;
opening a 10,000-contestant file under 1 s.  Run: python benchmarks/bench_gui.py [N]

The save is what Enter does in the grid (the marks model's setData → comp.set_mark),
then the ranking model is refreshed from the core's standings and the visible ranking
view is painted. The breakdown shows where the time goes.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from skillscore.actions.competition import Competition  # noqa: E402
from skillscore.demo import build_large  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def summary(name: str, times: list[float]) -> None:
    print(f"{name:<52} best {ms(min(times))}   median {ms(statistics.median(times))}")


def main(count: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        path = Path(tmp) / "big.skillscore"
        start = time.perf_counter()
        build_large(path, count)
        print(f"built a sitting of {count} contestants in {time.perf_counter() - start:.1f} s")

        from ui import collector
        from ui.app import make_app
        from ui.mainwindow import MainWindow

        app = make_app([], lang="zh")
        collector.start(app)  # as ui.app.run does
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        app.processEvents()

        opens = []
        for _ in range(3):
            start = time.perf_counter()
            window.open_file(path, operator="基准")
            window.desk.tabs.setCurrentWidget(window.desk.ranking_tab)
            app.processEvents()  # painted
            opens.append(time.perf_counter() - start)
        summary(f"open a {count}-contestant file (window shown)", opens)

        desk = window.desk
        marks, ranking = desk.marks_tab.model, desk.ranking_tab.model
        view = desk.ranking_tab.view
        column = marks.column_of("practical")
        saves, wrong = [], 0
        rows = ranking.rows
        movers = [rows[len(rows) // 2 + i * 7].unit.key for i in range(12)]
        for i, no in enumerate(movers):
            index = marks.index(marks.row_of(no), column)
            value = "100" if i % 2 == 0 else "40"
            before = [r.unit.key for r in ranking.rows].index(no)
            start = time.perf_counter()
            ok = marks.setData(index, value, Qt.EditRole)  # saved, standings recomputed, model updated
            view.viewport().repaint()  # the ranking on screen shows it
            saves.append(time.perf_counter() - start)
            after = [r.unit.key for r in ranking.rows].index(no)
            if not ok or (after < before) != (value == "100"):
                wrong += 1
        summary("save one mark → ranking view shows the new order", saves)
        if wrong:
            print(f"!! {wrong} saves did not move the contestant as expected")

        # Where the time goes: the same steps one by one.
        comp = desk.session.comp
        no = movers[0]
        parts = {"comp.set_mark (one value, one transaction)": [],
                 "comp.live_standings() (new marks + rank)": [],
                 "ranking model update (diff + dataChanged)": [], "ranking view repaint": [],
                 "for comparison: comp.standings() (read all + rank)": []}
        standings = None
        for i in range(8):
            start = time.perf_counter()
            comp.set_mark(no, "practical", "99" if i % 2 else "46")
            parts["comp.set_mark (one value, one transaction)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            standings = comp.live_standings()
            parts["comp.live_standings() (new marks + rank)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            ranking.set_standings(standings, employers=desk.employers, decisions=[])
            parts["ranking model update (diff + dataChanged)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            view.viewport().repaint()
            parts["ranking view repaint"].append(time.perf_counter() - start)
            start = time.perf_counter()
            comp.standings()
            parts["for comparison: comp.standings() (read all + rank)"].append(time.perf_counter() - start)
        for name, times in parts.items():
            summary("  " + name, times)
        from skillscore.rules.standings import compute_standings
        from skillscore.rules.units import build_units

        with Competition(path) as fresh:
            info, people, entries = fresh.info(), fresh.contestants(), fresh.entries()
            rules = []
            for _ in range(5):
                start = time.perf_counter()
                compute_standings(build_units(people, entries, 1), info.rules, [])
                rules.append(time.perf_counter() - start)
        summary("  of which the rules alone (build_units + compute_standings)", rules)
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
