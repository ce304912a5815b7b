"""Export and verify of a 10,000-contestant handoff package (target: under 1 s each).

    python benchmarks/bench_handoff.py [COUNT]

Builds a finalised sitting of COUNT contestants (marks spaced so that no tie needs
the committee), then times, best of 3: export_package (pack, write with fsync, read back)
and read_package (every check verify makes), plus the whole `skillscore verify` command
in a fresh process, and building the next stage's roster from the package once. Prints the numbers; asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, _write, roster_rows
from skillscore.exchange.handoff import export_package
from skillscore.exchange.handoff_read import read_package
from skillscore.actions.competition import Competition as _Competition
create_from_packages = _Competition.create_from_packages


def build_finalised(folder: Path, count: int) -> Path:
    path = folder / "sitting.sqlite"
    comp = Competition.create(path, event_no=29, stage="prelim", committee="基准测试组委会", pin=DEMO_PIN,
                              date="2025-09-20", operator="基准")
    with comp:
        rows = roster_rows(count, seed=count)
        comp.import_roster(_write(folder / "roster.csv", ROSTER_HEADER, rows))
        # Theory steps of 0.50 within a practical step: totals never tie (RULES.md §4).
        marks = [[r[0], f"{40 + (i % 100) * 0.5:.2f}", f"{50 + (i // 100) * 0.4:.2f}", ""] for i, r in enumerate(rows)]
        comp.import_marks(_write(folder / "marks.csv", ["编号", "理论知识", "技能操作", "状态"], marks))
        comp.finalize(pin=DEMO_PIN)
    return path


def best_of(n: int, func) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        sitting = build_finalised(folder, count)
        print(f"setup: {count} contestants finalised in {time.perf_counter() - start:.1f} s")
        out = folder / "out.sspkg"
        with Competition(sitting) as comp:
            export_s = best_of(3, lambda: export_package(comp, out))
            code = export_package(comp, out).code
        # Each whole process derives the key once (scrypt, ~0.4 s); in one process it is remembered.
        verify_s = best_of(3, lambda: read_package(out, code))
        cli_s = best_of(3, lambda: subprocess.run([sys.executable, "-m", "skillscore.cli", "verify", str(out),
                                                   "--code", code], check=True, capture_output=True))
        start = time.perf_counter()
        create_from_packages(folder / "semi.sqlite", [out], codes=[code], stage="semifinal", committee="基准复赛组委会",
                             pin=DEMO_PIN, date="2025-10-20", operator="基准").close()
        new_s = time.perf_counter() - start
        size = out.stat().st_size
        print(f"package: {size / 1e6:.2f} MB")
        print(f"export_package: {export_s:.3f} s (target < 1 s)")
        print(f"read_package (verify): {verify_s:.3f} s (target < 1 s)")
        print(f"skillscore verify --code, whole process (key derivation included): {cli_s:.3f} s")
        print(f"create_from_packages ({count * 30 // 100} advancing): {new_s:.3f} s")


if __name__ == "__main__":
    main()
