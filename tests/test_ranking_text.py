"""``ranking --json`` writes its rows through a template, in UTF-8 (exchange/results.ranking_utf8,
issue 18); its bytes must be json.dumps' text of the contract's object encoded, byte for
byte, for any sitting: odd names, teams, finals with awards, certificates, ties decided or
not, statuses, marks missing or 缺考; a name UTF-8 cannot hold fails as encoding that
text fails."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillscore.actions.competition import Competition
from skillscore.demo import build_large
from skillscore.exchange.results import ranking_body, ranking_utf8
from skillscore.model import CertificatePolicy, Contestant, Stage, StageRules
from skillscore.rules.standings import compute_standings
from skillscore.rules.units import build_units
from test_live_standings_rules import decisions_for, entries_st

# Names and numbers as a hand-edited file may hold them: quotes, backslashes, controls,
# characters outside the BMP, a lone surrogate, line and paragraph separators.
odd_text = st.text(st.characters(blacklist_categories=()), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(odd_text, min_size=1, max_size=30, unique=True),
    team_size=st.sampled_from([1, 1, 2, 3]),
    stage=st.sampled_from(list(Stage)),
    certified=st.booleans(),
    levels=st.sampled_from([(1, 2, 3, 4, 5), (3, 4, 5), (4,)]),
    policy=st.sampled_from(list(CertificatePolicy)),
    quota=st.sampled_from([None, 1, 4]),
    marks=st.lists(entries_st, min_size=30, max_size=30),
    seed=st.integers(0, 10**6),
)
def test_the_text_is_json_dumps_text(names, team_size, stage, certified, levels, policy, quota, marks, seed):
    people = [Contestant(name, names[-1 - i], "", "单位", union_card=i % 2 == 0,
                         team=names[i // team_size] if team_size > 1 else "", seq=i) for i, name in enumerate(names)]
    rules = StageRules(stage, certified, levels, team_size=team_size, quota=quota if stage.advances else None,
                       certificate_policy=policy)
    entries = {p.no: marks[i] for i, p in enumerate(people) if i % 5 != 4}
    standings = compute_standings(build_units(people, entries, team_size), rules,
                                  decisions_for(people, entries, rules, random.Random(seed)))
    head = {"event": {"no": 1, "name": names[0]}, "stage": stage.value, "fingerprint": None}
    text = json.dumps({**head, **ranking_body(standings)}, ensure_ascii=False)
    try:
        expected = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: printing the text would fail alike
        with pytest.raises(UnicodeEncodeError):
            ranking_utf8(head, standings)
        return
    assert ranking_utf8(head, standings) == expected


@pytest.mark.parametrize("stage", ["prelim", "final"])
def test_a_sittings_ranking_json_is_its_ranking_dumped(tmp_path, stage):
    """From the file (a finalised sitting's is json.dumps of the finalised document itself)."""
    comp_path = build_large(tmp_path / "big.sqlite", 400, stage=stage, missing=7)
    with Competition(comp_path, operator="测试") as comp:
        data = comp.ranking_json_utf8()
        assert data == json.dumps(comp.ranking(), ensure_ascii=False).encode("utf-8")
        assert comp.ranking_json() == data.decode("utf-8")
        assert json.loads(data)["ranked"] == comp.standings().ranked > 300
