"""Benchmark: `skillscore report FILE results -o out.pdf` as a whole process (issue 5).

Targets on the 2-core reference machine: under 0.5 s for 150 contestants and under 2.5 s
for 10,000 (wall time of the process: start-up, reading the file, computing the results,
laying out and writing the PDF). Also prints the pieces: loading the 5 MB font collection,
the results document, layout and drawing in-process, and the baseline of a process that
only ranks (`skillscore ranking`), for scale.

Run: python benchmarks/bench_report.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from skillscore.demo import build_large

SIZES = ((150, 0.5), (10_000, 2.5))


def wall(cmd: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def pieces(path: Path, out: Path) -> dict[str, float]:
    """In-process timings of each stage (one run; the font is loaded once per process)."""
    from skillscore.actions.competition import Competition
    from skillscore.reports import build_spec
    from skillscore.reports.base import SheetRenderer
    from skillscore.reports.fonts import register_font
    from skillscore.reports.source import load_source

    t = {}
    start = time.perf_counter()
    register_font()
    t["font load (.ttc, 5 MB)"] = time.perf_counter() - start
    with Competition(path) as comp:
        start = time.perf_counter()
        source = load_source(comp)
        t["results document (core)"] = time.perf_counter() - start
    start = time.perf_counter()
    renderer = SheetRenderer(source, build_spec(source, "results"))
    renderer.layout()
    t["sheet rows + layout"] = time.perf_counter() - start
    start = time.perf_counter()
    pages = renderer.render(out)
    t[f"layout + draw + save ({pages} pages)"] = time.perf_counter() - start
    return t


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for count, target in SIZES:
            path = Path(tmp) / f"n{count}.sqlite"
            build_large(path, count)
            out = Path(tmp) / f"n{count}.pdf"
            report = wall([sys.executable, "-m", "skillscore.cli", "report", str(path), "results", "-o", str(out)], runs)
            ranking = wall([sys.executable, "-m", "skillscore.cli", "ranking", str(path), "--json"], runs)
            verdict = "ok" if report[1] < target else "OVER TARGET"
            print(f"contestants: {count}  ({out.stat().st_size / 1e6:.1f} MB PDF)")
            print(f"  `skillscore report FILE results -o out.pdf`: best {report[0]:.2f} s, median {report[1]:.2f} s"
                  f"  (target < {target} s: {verdict})")
            print(f"  `skillscore ranking FILE --json` (baseline):   best {ranking[0]:.2f} s, median {ranking[1]:.2f} s")
            code = ("import sys, json; sys.path.insert(0, %r); from bench_report import pieces; "
                    "print(json.dumps(pieces(__import__('pathlib').Path(%r), __import__('pathlib').Path(%r))))"
                    % (str(Path(__file__).parent), str(path), str(Path(tmp) / "p.pdf")))
            # A fresh process, so the font is loaded cold as in the command.
            done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
            import json

            for name, seconds in json.loads(done.stdout).items():
                print(f"    {name:<34} {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
