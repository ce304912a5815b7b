"""The desk's kept ranking alone (rules/live.py), in one process, without Qt: what one typed
mark costs the ranking before anything is painted.

    python benchmarks/bench_live.py FILE [EDITS]

Two kinds of edit, each timed per ``LiveStandings.apply`` (median, ms):
- jump: a ranked unit's practical set to 99.99 or 40.01 in turn, as benchmarks/bench_desk.py
  types it (the unit jumps thousands of rows at 10,000);
- count: ranked units lose their practical mark one after another, so the number ranked
  changes on every edit, as it does while a clerk types a sitting's first marks (the quota
  and the level cut-offs are asked again for each new count).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skillscore.actions.competition import Competition  # noqa: E402
from skillscore.rules.live import LiveStandings  # noqa: E402


def main(argv: list[str]) -> None:
    path, edits = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 100
    with Competition(path, operator="基准") as comp:
        info, people, entries, decisions = comp.info(), comp.contestants(), dict(comp.entries()), comp.tie_decisions()
    gc.disable()  # as at the desk, where ui/collector.py collects between keystrokes
    result = {}
    for kind in ("jump", "count"):
        live = LiveStandings(people, entries, info.rules, decisions)
        ranked = [s.unit.key for s in live.standings.rows if s.rank is not None]
        times = []
        for i in range(edits):
            if kind == "jump":
                no = ranked[(len(ranked) // 3 + i * 37) % len(ranked)]
                new = live.entries[no]._replace(practical=Decimal("99.99") if i % 2 == 0 else Decimal("40.01"))
            else:
                no = ranked[(i * 37) % len(ranked)]
                new = live.entries[no]._replace(practical=None)
            start = time.perf_counter()
            live.apply({no: new})
            times.append(time.perf_counter() - start)
        result[kind] = {"median_ms": round(statistics.median(times) * 1000, 3), "edits": edits}
    result["rows"] = len(live.standings.rows)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
