"""Every acceptance scenario, run through the real command exactly as a committee would."""

from __future__ import annotations

import json

import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli
from skillscore.catalog import event

SCENARIOS = sorted(p.name for p in ACCEPTANCE.iterdir() if p.is_dir())


def test_all_scenarios_are_present():
    assert len(SCENARIOS) >= 8


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_matches_expected(name, tmp_path):
    folder = ACCEPTANCE / name
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    comp = tmp_path / "comp.sqlite"
    args = ["new", comp, "--event", meta["event"], "--stage", meta["stage"], "--committee", "组委会",
            "--date", "2025-09-01", "--pin", PIN]
    if tuple(meta["levels"]) != event(meta["event"]).levels:
        args += ["--levels", ",".join(map(str, meta["levels"]))]
    for step in (args, ["roster", "import", comp, folder / "roster.csv"], ["marks", "import", comp, folder / "marks.csv"]):
        out = run_cli(*step)
        assert out.returncode == 0, out.stderr
    got = ranking_json(comp)
    assert got["event"]["no"] == meta["event"]
    assert got["stage"] == meta["stage"]
    for key, value in expected.items():
        if key == "rows":
            continue
        assert got[key] == value, key
    # Compare row by row for a readable failure, then the whole list.
    assert [r["no"] for r in got["rows"]] == [r["no"] for r in expected["rows"]]
    for want in expected["rows"]:
        have = next(r for r in got["rows"] if r["no"] == want["no"])
        assert {k: have[k] for k in want} == want, want["no"]
