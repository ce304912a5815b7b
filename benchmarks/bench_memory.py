"""The desk's memory over many typed marks, with its own cycle collector (ui/collector.py)
or with Python's automatic one, printed as JSON.

    python benchmarks/bench_memory.py FILE [EDITS]                # as the desk runs
    python benchmarks/bench_memory.py FILE [EDITS] --automatic    # collector.stop() first

The desk's collector runs a full pass at most every two minutes; this shows what that
leaves unfreed meanwhile. Every 20 marks the loop idles a little over a second, as a clerk
does between sheets, so the collector's timer ticks. Resident memory is read from
/proc/self/statm (Linux).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from bench_desk import open_desk  # noqa: E402


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def main(argv: list[str]) -> None:
    automatic = "--automatic" in argv
    args = [a for a in argv if a != "--automatic"]
    path, edits = Path(args[0]), int(args[1]) if len(args) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        app, window = open_desk(path)
        if automatic:
            from ui import collector

            collector.stop()
        marks = window.desk.marks_tab.model
        column, rows = marks.column_of("practical"), marks.rowCount()
        start, began = resident_mb(), time.perf_counter()
        for i in range(edits):
            marks.setData(marks.index((i * 37) % rows, column), "99.99" if i % 2 else "40.01", Qt.EditRole)
            app.processEvents()
            if i % 20 == 0:
                idle_until = time.perf_counter() + 1.1
                while time.perf_counter() < idle_until:
                    app.processEvents()
        result = {"collection": "automatic" if automatic else "desk", "edits": edits, "rows": rows,
                  "resident_mb_start": start, "resident_mb_end": resident_mb(),
                  "seconds": round(time.perf_counter() - began, 1), "gc_counts": gc.get_count()}
        window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
