"""How long a window took to appear: from starting its process to the ``painted-at`` time
it prints after its first paint (ui/app.py with ``SKILLSCORE_EXIT_AFTER_PAINT=1``, and
benchmarks/qt_floor.py). Shared by run.py and compare_trees.py."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def until_paint(argv: list[str], env: dict[str, str], cwd: Path | None = None, *, opened: bool = False) -> float:
    """``opened``: the desk quits only once it has read the rest and kept its counters in
    the file (as closing a clerk's desk does), for the starts after it to paint from them
    (a desk older than that variable quits at once, as before)."""
    start = time.time()
    done = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=cwd,
                          env={**env, "SKILLSCORE_EXIT_AFTER_PAINT": "1", "SKILLSCORE_EXIT_OPENED": "1" if opened else ""})
    stamp = [line for line in done.stdout.splitlines() if line.startswith("painted-at ")]
    if not stamp:
        raise RuntimeError(f"{argv} exited without painting: {done.stderr[-500:]}")
    return float(stamp[-1].split()[1]) - start
