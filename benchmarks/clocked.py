"""Steps timed by the clock alone (issue 18): a wrapper around a method adds the time of
every call to ``spent`` under the step's name (``perf_counter`` only, ~1 µs a call, where
cProfile weighs every Python call several times over). Used by phases.py (the desk) and
sheet_phases.py (a results sheet)."""

from __future__ import annotations

import time
from collections import defaultdict

spent: dict[str, float] = defaultdict(float)  # step → seconds, since the last clear


def clock(cls, name: str, step: str) -> None:
    """Add the time of every call of ``cls.name`` to ``spent[step]``."""
    inner = getattr(cls, name)

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[step] += time.perf_counter() - start

    setattr(cls, name, timed)
