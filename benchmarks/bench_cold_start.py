"""Cold start of the frozen programs: how long a committee waits after a double-click.

    python benchmarks/bench_cold_start.py [dist/skillscore]

Builds nothing: point it at a onedir (pyinstaller --noconfirm build.spec). Measures, as
whole processes: the desk from launch to its first painted main window (offscreen; the
desk quits after that paint when SKILLSCORE_EXIT_AFTER_PAINT=1 is set), the command's
``--help``, and the desk's whole self-test. The first run is the coldest this machine
allows without dropping the system's caches (which would disturb everything else on it);
then the best and median of five more.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {out.returncode}: {out.stderr[-2000:]}")
    return took


def main() -> int:
    onedir = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/skillscore")
    exe = ".exe" if sys.platform == "win32" else ""
    gui, cli = str(onedir / f"skillscore-gui{exe}"), str(onedir / f"skillscore{exe}")
    settings = tempfile.mkdtemp(prefix="bench-cold-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SKILLSCORE_EXIT_AFTER_PAINT": "1",
           "XDG_CONFIG_HOME": settings, "LOCALAPPDATA": settings}
    cases = [("desk: launch → first painted window", [gui, "--lang", "zh"]),
             ("command: skillscore --help", [cli, "--help"]),
             ("desk: whole self-test (demo, scenario, PDF, xlsx)", [gui, "--self-test"])]
    for label, argv in cases:
        first = timed(argv, env)
        more = [timed(argv, env) for _ in range(RUNS)]
        print(f"{label:52s} first {first:5.2f} s · best {min(more):5.2f} s · median {statistics.median(more):5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
