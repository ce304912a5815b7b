"""The facade's fast path for the desk (Competition.live_standings) always equals standings()."""

from __future__ import annotations

import random

import pytest

from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, ROSTER_HEADER, roster_rows

from helpers import write_csv


def test_live_standings_follow_every_kind_of_change(demo_file, tmp_path):
    rng = random.Random(4)
    with Competition(demo_file, operator="测试员") as comp, Competition(demo_file, operator="另一台") as other:
        assert comp.live_standings() == comp.standings()
        nos = [c.no for c in comp.contestants()]
        for step in range(40):
            no, field = rng.choice(nos), rng.choice(["theory", "practical", "practical", "status"])
            text = rng.choice(["", "缺考", "弃权", "取消资格"]) if field == "status" else \
                rng.choice(["", "缺考", str(rng.randint(40, 100)), f"{rng.randint(40, 99)}.{rng.randint(0, 99):02d}"])
            (other if step % 5 == 0 else comp).set_mark(no, field, text)  # another connection writes too
            assert comp.live_standings() == comp.standings(), step
        for no in ("A001", "A002"):  # an exact tie
            comp.set_mark(no, "theory", "75.51")
            comp.set_mark(no, "practical", "80.01")
            comp.set_mark(no, "status", "")
        assert comp.live_standings() == comp.standings()
        group = next(g for g in comp.standings().tie_groups if "A001" in g)
        comp.draw_lots(list(group), pin=DEMO_PIN)  # a tie decision
        assert comp.live_standings() == comp.standings()
        comp.import_roster(write_csv(tmp_path / "more.csv", ROSTER_HEADER, roster_rows(2, seed=5, prefix="C")))
        assert comp.live_standings() == comp.standings()
        with pytest.raises(Exception):
            comp.set_quota(1, pin="wrong")  # a logged wrong PIN
        comp.set_quota(1, pin=DEMO_PIN)
        assert comp.live_standings() == comp.standings()
        assert comp.live_standings().advance_quota == 1
