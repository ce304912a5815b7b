"""Benchmark: rank 10,000 contestants from a competition file (issue 2).

Targets: the ranking itself (rules on loaded marks) under 100 ms; `skillscore ranking
FILE --json` as a whole process under 1 s.  Run: python benchmarks/bench_ranking.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from skillscore.actions.competition import Competition
from skillscore.demo import build_large
from skillscore.rules.standings import compute_standings
from skillscore.rules.units import build_units


def best_and_median(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(count: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite"
        build_large(path, count)
        with Competition(path) as comp:
            info = comp.info()
            contestants, entries, decisions = comp.contestants(), comp.entries(), comp.tie_decisions()
            rules_only = best_and_median(
                lambda: compute_standings(build_units(contestants, entries, 1), info.rules, decisions), 15
            )
            with_reading = best_and_median(comp.standings, 10)
        whole = best_and_median(
            lambda: subprocess.run([sys.executable, "-m", "skillscore.cli", "ranking", str(path), "--json"],
                                   check=True, capture_output=True),
            5,
        )
    print(f"contestants: {count}")
    print(f"ranking (rules on loaded marks): best {rules_only[0]*1000:.0f} ms, median {rules_only[1]*1000:.0f} ms  (target < 100 ms)")
    print(f"ranking incl. reading the file:  best {with_reading[0]*1000:.0f} ms, median {with_reading[1]*1000:.0f} ms")
    print(f"`skillscore ranking FILE --json` process: best {whole[0]:.2f} s, median {whole[1]:.2f} s  (target < 1 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
