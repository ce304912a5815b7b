"""How long a window took to appear: from starting its process to the ``painted-at`` time
it prints after its first paint (ui/app.py with ``SKILLSCORE_EXIT_AFTER_PAINT=1``, and
benchmarks/qt_floor.py). Shared by run.py and compare_trees.py."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def until_paint(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.time()
    done = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=cwd,
                          env={**env, "SKILLSCORE_EXIT_AFTER_PAINT": "1"})
    stamp = [line for line in done.stdout.splitlines() if line.startswith("painted-at ")]
    if not stamp:
        raise RuntimeError(f"{argv} exited without painting: {done.stderr[-500:]}")
    return float(stamp[-1].split()[1]) - start
