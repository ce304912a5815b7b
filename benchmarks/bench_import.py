"""Benchmark: import a 10,000-row roster xlsx into a competition file (issue 3).

Target: under 3 s on the 2-core machine.  Run: python benchmarks/bench_import.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from skillscore.actions.competition import Competition
from skillscore.demo import ROSTER_HEADER, mark_rows, roster_rows


def main(count: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rows = roster_rows(count, seed=7)
        wb = Workbook()
        ws = wb.active
        ws.append(ROSTER_HEADER)
        for r in rows:
            ws.append(r)
        wb.save(tmp / "roster.xlsx")
        wb = Workbook()
        ws = wb.active
        ws.append(["编号", "理论知识", "技能操作", "状态"])
        for r in mark_rows([r[0] for r in rows], seed=7):
            ws.append(r)
        wb.save(tmp / "marks.xlsx")

        comp = Competition.create(tmp / "c.sqlite", event_no=29, stage="prelim", committee="基准",
                                  pin="1", date="2025-09-20")
        start = time.perf_counter()
        log = comp.import_roster(tmp / "roster.xlsx")
        roster_s = time.perf_counter() - start
        start = time.perf_counter()
        comp.import_marks(tmp / "marks.xlsx")
        marks_s = time.perf_counter() - start
        start = time.perf_counter()
        again = comp.import_marks(tmp / "marks.xlsx")
        reimport_s = time.perf_counter() - start
        comp.close()
    assert len(log.added) == count and len(again.unchanged) == count
    print(f"roster xlsx, {count} rows: {roster_s:.2f} s  (target < 3 s)")
    print(f"marks xlsx, {count} rows: {marks_s:.2f} s; re-import, nothing changed: {reimport_s:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
