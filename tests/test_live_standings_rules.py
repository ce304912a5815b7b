"""The desk's kept ranking (rules/live.py) equals the whole computation after any edits.

Marks come from a small palette so that ties of every kind keep forming and breaking:
equal totals split by practical (80/60 and 60/68.57 both make 66.00), unresolved groups,
committee decisions that apply only while their group is exactly as decided, cut-offs
moving as contestants become ranked or unranked. After every edit the kept standings
must be identical to ``compute_standings`` (rank, ties, advancement, certificate,
awards, warnings, groups), and every row outside the reported span unchanged.
"""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore.model import ABSENT, CertificatePolicy, Contestant, Entry, Stage, StageRules, Status, TieDecision
from skillscore.rules.live import LiveStandings
from skillscore.rules.standings import compute_standings
from skillscore.rules.units import build_units

THEORY = [None, ABSENT, Decimal("60"), Decimal("70"), Decimal("80"), Decimal("46.67"), Decimal("59.99")]
PRACTICAL = [None, ABSENT, Decimal("60"), Decimal("70"), Decimal("64.29"), Decimal("68.57"), Decimal("59.99")]
STATUS = [None, None, None, None, Status.ABSENT, Status.WITHDRAWN, Status.DISQUALIFIED]

entries_st = st.builds(Entry, st.sampled_from(THEORY), st.sampled_from(PRACTICAL), st.sampled_from(STATUS))


def full(people, entries, rules, decisions):
    return compute_standings(build_units(people, entries, rules.team_size), rules, decisions)


def decisions_for(people, entries, rules, rng: random.Random) -> list[TieDecision]:
    """A committee order for some of the unresolved groups the starting marks make."""
    standings = full(people, entries, rules, [])
    units = {r.unit.key: r.unit for r in standings.rows}
    decisions = []
    for group in standings.tie_groups:
        if rng.random() < 0.6:
            order = list(group)
            rng.shuffle(order)
            u = units[group[0]]
            practical = u.practical if isinstance(u.practical, Decimal) else Decimal("0.00")
            decisions.append(TieDecision(tuple(order), u.total, practical, rng.choice(["committee", "lot"]), "理由"))
    return decisions


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    count=st.integers(1, 45),
    team_size=st.sampled_from([1, 1, 1, 2, 3]),
    stage=st.sampled_from(list(Stage)),
    certified=st.booleans(),
    levels=st.sampled_from([(1, 2, 3, 4, 5), (3, 4, 5), (2, 3), (4,)]),
    policy=st.sampled_from(list(CertificatePolicy)),
    quota=st.sampled_from([None, None, 1, 3, 7]),
    start=st.lists(entries_st, min_size=45, max_size=45),
    edits=st.lists(st.tuples(st.lists(st.integers(0, 44), min_size=1, max_size=3), st.lists(entries_st, min_size=3, max_size=3)),
                   min_size=1, max_size=25),
    seed=st.integers(0, 10**6),
)
def test_kept_ranking_equals_full_computation_after_random_edits(count, team_size, stage, certified, levels, policy,
                                                                  quota, start, edits, seed):
    rng = random.Random(seed)
    people = [Contestant(f"A{i:03d}", f"选手{i}", "", "单位", union_card=i % 3 == 0,
                         team=f"队{i // team_size}" if team_size > 1 else "", seq=i) for i in range(count)]
    rules = StageRules(stage, certified, levels, team_size=team_size, quota=quota if stage.advances else None,
                       certificate_policy=policy)
    entries = {p.no: start[i] for i, p in enumerate(people) if i % 7 != 6}  # some never entered
    decisions = decisions_for(people, entries, rules, rng)
    live = LiveStandings(people, entries, rules, decisions)
    assert live.standings == full(people, entries, rules, decisions)
    for targets, values in edits:
        change = {people[t % count].no: values[k] for k, t in enumerate(targets)}
        entries.update(change)
        before = live.standings
        after = live.apply(change)
        assert after == full(people, entries, rules, decisions)
        a, b = live.span
        assert len(after.rows) == len(before.rows)
        assert after.rows[:a] == before.rows[:a] and after.rows[b:] == before.rows[b:]


def test_kept_ranking_equals_full_computation_in_many_seeded_sittings():
    """A wide sweep hypothesis may not reach in its budget: every stage, policy and team
    size, 20–45 units, mostly complete marks (so the moved unit's pass or fail, and the
    cut-offs, change often), 30 edits each."""
    rng = random.Random(18)
    checked = 0
    for stage in Stage:
        for policy in CertificatePolicy:
            for team_size in (1, 2):
                for trial in range(25):
                    count = rng.randint(20, 45)
                    people = [Contestant(f"A{i:03d}", f"选手{i}", "", "单位", union_card=i % 2 == 0,
                                         team=f"队{i // team_size}" if team_size > 1 else "", seq=i)
                              for i in range(count)]
                    rules = StageRules(stage, True, rng.choice([(1, 2, 3, 4, 5), (3, 4, 5), (2, 3)]),
                                       team_size=team_size, certificate_policy=policy)

                    def entry():
                        status = rng.choice(STATUS) if rng.random() < 0.15 else None
                        return Entry(rng.choice(THEORY[2:] if rng.random() < 0.9 else THEORY),
                                     rng.choice(PRACTICAL[2:] if rng.random() < 0.9 else PRACTICAL), status)

                    entries = {p.no: entry() for p in people}
                    decisions = decisions_for(people, entries, rules, rng)
                    live = LiveStandings(people, entries, rules, decisions)
                    for _ in range(30):
                        change = {rng.choice(people).no: entry() for _ in range(rng.choice((1, 1, 1, 2)))}
                        entries.update(change)
                        before = live.standings
                        after = live.apply(change)
                        assert after == full(people, entries, rules, decisions), (stage, policy, team_size, trial)
                        a, b = live.span
                        assert after.rows[:a] == before.rows[:a] and after.rows[b:] == before.rows[b:]
                        checked += 1
    assert checked == 3 * 2 * 2 * 25 * 30
