"""A judging-panel sitting of any size, for the desk's panel row of issue 18.

    python benchmarks/bench_panel.py COUNT OUT.sqlite

Same scheme and marks as the panel demo (5 judges, 实操 70 + 答辩 30, trimmed mean;
``panel_demo_marks``), for COUNT contestants.
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, PANEL_JUDGES, PANEL_MODULES, ROSTER_HEADER, _write, mark_rows, panel_demo_marks, roster_rows
from skillscore.rules.panel import Module, PanelScheme


def build_large_panel(path: str | Path, count: int) -> Path:
    path = Path(path)
    scheme = PanelScheme(PANEL_JUDGES, "trimmed", tuple(Module(n, Decimal(m)) for n, m in PANEL_MODULES))
    comp = Competition.create(path, event_no=29, stage="prelim", committee="基准测试组委会",
                              pin=DEMO_PIN, date="2025-09-20", operator="基准", panel=scheme)
    with comp, tempfile.TemporaryDirectory() as tmp:
        rows = roster_rows(count, seed=count)
        comp.import_roster(_write(Path(tmp) / "roster.csv", ROSTER_HEADER, rows))
        nos = [r[0] for r in rows]
        theory = [[no, t] for no, t, _, _ in mark_rows(nos, seed=count)]
        comp.import_marks(_write(Path(tmp) / "theory.csv", ["编号", "理论知识"], theory))
        comp.import_panel_marks(_write(Path(tmp) / "panel.csv", ["编号", "模块", "裁判", "分数"],
                                       panel_demo_marks(nos, seed=count)))
    return path


if __name__ == "__main__":
    start = time.perf_counter()
    build_large_panel(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"built in {time.perf_counter() - start:.1f} s")
