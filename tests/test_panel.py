"""Judging panels (RULES.md §11, issue 9): aggregation tables, import, ranking, statistics."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from support import ACCEPTANCE, PIN, ranking_json, run_cli, write_csv
from skillscore.actions.competition import Competition
from skillscore.model import ABSENT
from skillscore.errors import InputError, RefusedError, UsageError
from skillscore.rules.panel import Module, PanelScheme, aggregate_module, judge_statistics, practical_from_panel

SMALL = ACCEPTANCE / "prelim-small"


def marks(*values) -> dict[int, D]:
    return {j: D(str(v)) for j, v in enumerate(values, start=1)}


@pytest.mark.parametrize("scores, aggregation, result", [
    ((78, 80, 80, 85, 90), "trimmed", "81.67"),  # RULES.md's example
    ((78, 80, 80, 85, 90), "mean", "82.60"),
    ((80, 80, 80), "trimmed", "80.00"),  # ties among judges
    ((70, 90, 80), "trimmed", "80.00"),  # k = 3: the middle mark
    ((90, 90, 70, 70, 80), "trimmed", "80.00"),  # equal highs and lows: one of each dropped
    ((61, 62, 63, 64, 65, 66, 67, 68, 99), "trimmed", "65.00"),  # k = 9
    ((10, 10.01, 10.01), "mean", "10.01"),  # 10.00666… → 10.01
    ((33.33, 33.33, 33.34), "mean", "33.33"),
])
def test_module_aggregation(scores, aggregation, result):
    value, _ = aggregate_module(marks(*scores), len(scores), aggregation)
    assert value == D(result)


def test_which_marks_are_dropped():
    _, dropped = aggregate_module(marks(78, 80, 80, 85, 90), 5, "trimmed")
    assert set(dropped) == {1, 5}
    _, dropped = aggregate_module(marks(80, 80, 80), 3, "trimmed")
    assert len(set(dropped)) == 2


def test_two_modules_are_rounded_each_then_summed():
    scheme = PanelScheme(3, "mean", (Module("实操", D(60)), Module("答辩", D(40))))
    # 实操: (50 + 50 + 50.01)/3 = 50.0033… → 50.00; 答辩: (30 + 30 + 30.02)/3 = 30.0066… → 30.01
    value, results = practical_from_panel(scheme, {"实操": marks(50, 50, 50.01), "答辩": marks(30, 30, 30.02)})
    assert [r.result for r in results] == [D("50.00"), D("30.01")]
    assert value == D("80.01")


def test_a_missing_judge_keeps_the_practical_mark_missing():
    scheme = PanelScheme(5, "trimmed", (Module("技能操作", D(100)),))
    value, results = practical_from_panel(scheme, {"技能操作": marks(80, 80, 80, 80)})
    assert value is None and results[0].result is None


def test_judge_statistics_flag_the_outlier():
    scheme = PanelScheme(5, "trimmed", (Module("技能操作", D(100)),))
    sheets = {f"A{i}": {"技能操作": marks(80 + i, 81 + i, 79 + i, 80 + i, 95)} for i in range(6)}
    stats = {s.judge: s for s in judge_statistics(scheme, sheets)}
    assert stats[5].flagged and not any(stats[j].flagged for j in range(1, 5))
    assert stats[5].dropped_share == D("1.000") and stats[5].mean_deviation > 10
    assert stats[3].dropped_share == D("1.000")  # always the lowest


@pytest.fixture
def panel_file(tmp_path):
    scheme = PanelScheme(3, "trimmed", (Module("实操", D(70)), Module("答辩", D(30))))
    comp = Competition.create(tmp_path / "p.sqlite", event_no=21, stage="prelim", committee="x", pin=PIN,
                              date="2025-09-01", panel=scheme)
    comp.import_roster(SMALL / "roster.csv")
    yield comp
    comp.close()


def test_panel_import_is_all_or_nothing_with_named_rules(panel_file, tmp_path):
    bad = write_csv(tmp_path / "bad.csv", ["编号", "模块", "裁判", "分数"], [
        ["A001", "实操", "1", "60"], ["A001", "实操", "4", "60"], ["A001", "答辩", "1", "31"],
        ["A001", "展示", "1", "10"], ["A001", "实操", "1", "61"]])
    with pytest.raises(InputError) as exc:
        panel_file.import_panel_marks(bad)
    assert [(p.code, p.row) for p in exc.value.problems] == [
        ("panel_judge_invalid", 3), ("mark_out_of_range", 4), ("panel_module_unknown", 5), ("panel_duplicate", 6)]
    assert panel_file.panel_sheets() == {}


def test_direct_practical_marks_are_refused_under_a_panel(panel_file, tmp_path):
    with pytest.raises(RefusedError):
        panel_file.set_mark("A001", "practical", "80")
    panel_file.set_mark("A001", "practical", "缺考")  # absent from the whole part is allowed
    with pytest.raises(RefusedError):
        panel_file.import_marks(write_csv(tmp_path / "m.csv", ["编号", "技能操作"], [["A002", "70"]]))


def test_the_scheme_is_locked_after_the_first_practical_mark(panel_file):
    with pytest.raises(UsageError):
        panel_file.set_panel_scheme(PanelScheme(2, "mean", (Module("x", D(100)),)), pin=PIN)
    panel_file.set_panel_scheme(PanelScheme(5, "mean", (Module("技能操作", D(100)),)), pin=PIN)
    panel_file.set_panel_mark("A001", "技能操作", 1, "80")
    with pytest.raises(RefusedError):
        panel_file.set_panel_scheme(None, pin=PIN)


def test_typed_panel_marks_derive_the_practical_mark(panel_file):
    for judge, score in enumerate((60, 62, 70), start=1):
        panel_file.set_panel_mark("A002", "实操", judge, str(score))
    assert panel_file.entries().get("A002") is None or panel_file.entries()["A002"].practical is None
    for judge, score in enumerate((25, 28.5, 20), start=1):
        panel_file.set_panel_mark("A002", "答辩", judge, str(score))
    assert panel_file.entries()["A002"].practical == D("87.00")  # 62 + 25
    audit = [e for e in panel_file.audit_entries() if e.action == "mark" and e.subject == "A002"]
    assert audit[-1].reason == "由裁判组分数汇总" and audit[-1].new == "87.00"


def test_end_to_end_panel_marks_to_ranking(tmp_path):
    path = tmp_path / "e.sqlite"
    out = run_cli("new", path, "--event", "21", "--stage", "prelim", "--committee", "x", "--pin", PIN,
                  "--date", "2025-09-01", "--panel-judges", "5", "--panel-modules", "实操:60,答辩:40",
                  "--aggregation", "trimmed")
    assert out.returncode == 0, out.stderr
    roster = write_csv(tmp_path / "r.csv", *[l.split(",") for l in (SMALL / "roster.csv").read_text(encoding="utf-8").splitlines()[:1]],
                       [l.split(",") for l in (SMALL / "roster.csv").read_text(encoding="utf-8").splitlines()[1:5]])
    assert run_cli("roster", "import", path, roster).returncode == 0
    theory = write_csv(tmp_path / "t.csv", ["编号", "理论知识"], [["A001", "80"], ["A002", "90"], ["B003", "70"], ["B004", "60"]])
    assert run_cli("marks", "import", path, theory).returncode == 0
    rows = []
    sheet = {  # contestant: (实操 five judges, 答辩 five judges)
        "A001": ((50, 52, 55, 58, 60), (30, 31, 33, 35, 40)),  # 55.00 + 33.00 = 88.00
        "A002": ((40, 41, 42, 43, 44), (20, 20, 20, 20, 20)),  # 42.00 + 20.00 = 62.00
        "B003": ((59, 59, 59, 59, 59), (39, 39, 39, 39, 39)),  # 59.00 + 39.00 = 98.00
        "B004": ((45, 46, 47, 48, 49), (30, 31, 32, 33, 34)),  # 47.00 + 32.00 = 79.00
    }
    for no, (practical, defence) in sheet.items():
        for judge, score in enumerate(practical, start=1):
            rows.append([no, "实操", str(judge), str(score)])
        for judge, score in enumerate(defence, start=1):
            rows.append([no, "答辩", str(judge), str(score)])
    panel = write_csv(tmp_path / "panel.csv", ["编号", "模块", "裁判", "分数"], rows)
    out = run_cli("marks", "import", path, panel, "--panel")
    assert out.returncode == 0, out.stderr
    got = {r["no"]: (r["practical"], r["total"], r["rank"]) for r in ranking_json(path)["rows"]}
    # totals: A001 80×.3+88×.7 = 85.60; A002 90×.3+62×.7 = 70.40; B003 70×.3+98×.7 = 89.60; B004 60×.3+79×.7 = 73.30
    assert got == {"B003": ("98.00", "89.60", 1), "A001": ("88.00", "85.60", 2),
                   "B004": ("79.00", "73.30", 3), "A002": ("62.00", "70.40", 4)}
    stats = run_cli("panel", "stats", path)
    assert stats.returncode == 0 and stats.stdout.count("\n") == 6


def test_clearing_the_practical_cell_in_a_panel_file_gives_back_the_judges_mark(panel_file):
    for judge, score in enumerate((60, 62, 70), start=1):
        panel_file.set_panel_mark("A002", "实操", judge, str(score))
    for judge, score in enumerate((25, 28.5, 20), start=1):
        panel_file.set_panel_mark("A002", "答辩", judge, str(score))
    panel_file.set_mark("A002", "practical", "缺考")
    assert panel_file.entries()["A002"].practical is ABSENT
    panel_file.set_mark("A002", "practical", "")
    assert panel_file.entries()["A002"].practical == D("87.00")
