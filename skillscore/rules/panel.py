"""Practical marks from a judging panel (RULES.md §11), as pure functions.

Per module, the judges' marks are averaged (mean) or trimmed (drop one highest and one
lowest, average the rest; k ≥ 3); each module result is rounded half-up to 2 decimals and
the module results are summed into the practical mark. The mark exists only when every
judge of every module has marked.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, NamedTuple

from ..messages import register
from .marks import round2

# The rules a scheme breaks (scheme_problem), and a module or judge the scheme does not have,
# refused by the judges' marks import (io/panel.py) and at the desk (actions/panel.py).
register(
    {
        "panel_judges_range": ("评分裁判人数应为 3–9 人", "A panel has 3 to 9 judges"),
        "panel_aggregation_unknown": ("汇总方式应为 mean（平均）或 trimmed（去掉一个最高分和一个最低分）",
                                      "Aggregation must be mean or trimmed (drop one highest and one lowest)"),
        "panel_modules_invalid": ("模块名称不能为空或重复", "Module names must be present and distinct"),
        "panel_modules_sum": ("各模块满分之和必须为 100", "The modules' maximum marks must add up to 100"),
        "panel_module_unknown": (
            "模块「{value}」不在评分方案中（方案中的模块：{modules}）",
            "module '{value}' is not in the scoring scheme (its modules: {modules})",
        ),
        "panel_judge_invalid": (
            "裁判编号「{value}」无效：应为 1–{judges}",
            "judge '{value}' is not valid: use 1–{judges}",
        ),
    }
)

AGGREGATIONS = ("mean", "trimmed")


class Module(NamedTuple):
    """A module (模块) of the practical part and its maximum mark (RULES.md §11)."""

    name: str
    maximum: Decimal


class PanelScheme(NamedTuple):
    """How a panel marks the practical part (RULES.md §11): k judges, mean or trimmed mean, and the modules."""

    judges: int  # k, 3..9
    aggregation: str  # "mean" or "trimmed"
    modules: tuple[Module, ...]

    def module(self, name: str) -> Module | None:
        return next((m for m in self.modules if m.name == name), None)


def scheme_problem(judges: int, aggregation: str, modules: tuple[Module, ...]) -> str | None:
    """The rule a proposed scheme breaks, as a message code, or None."""
    if not 3 <= judges <= 9:
        return "panel_judges_range"
    if aggregation not in AGGREGATIONS:
        return "panel_aggregation_unknown"
    if not modules or len({m.name for m in modules}) != len(modules):
        return "panel_modules_invalid"
    if sum((m.maximum for m in modules), Decimal(0)) != Decimal(100) or any(m.maximum <= 0 for m in modules):
        return "panel_modules_sum"
    return None


class ModuleResult(NamedTuple):
    """One module's result for a contestant, and the judges whose marks the trimmed mean dropped."""

    module: str
    result: Decimal | None  # None until every judge has marked
    dropped: tuple[int, ...]  # judge numbers whose marks were dropped (trimmed mean)


def trimmed_drops(scores: Mapping[int, Decimal]) -> tuple[int, int]:
    """Which judges' marks are dropped: one highest and one lowest.

    Among equal marks the choice does not change the result; we drop the highest-numbered
    judge's high mark and the lowest-numbered judge's low mark so it is the same every time.
    """
    by_value = sorted(scores.items(), key=lambda js: (js[1], js[0]))
    low = by_value[0][0]
    high = max((j for j, s in scores.items() if s == by_value[-1][1] and j != low), default=by_value[-1][0])
    return low, high


def aggregate_module(scores: Mapping[int, Decimal], judges: int, aggregation: str) -> tuple[Decimal | None, tuple[int, ...]]:
    if len(scores) < judges:
        return None, ()
    values = list(scores.values())
    if aggregation == "trimmed":
        low, high = trimmed_drops(scores)
        kept = [s for j, s in scores.items() if j not in (low, high)]
        return round2(sum(kept, Decimal(0)) / len(kept)), (low, high)
    return round2(sum(values, Decimal(0)) / len(values)), ()


def practical_from_panel(
    scheme: PanelScheme, scores: Mapping[str, Mapping[int, Decimal]]
) -> tuple[Decimal | None, list[ModuleResult]]:
    """The practical mark (None while any judge's mark is missing) and each module's result."""
    results = []
    for module in scheme.modules:
        result, dropped = aggregate_module(scores.get(module.name, {}), scheme.judges, scheme.aggregation)
        results.append(ModuleResult(module.name, result, dropped))
    if any(r.result is None for r in results):
        return None, results
    return sum((r.result for r in results), Decimal(0)), results


class JudgeStats(NamedTuple):
    """How one judge marked against the panel: deviation from the module results, share of marks dropped, flagged."""

    judge: int
    marks: int
    mean_deviation: Decimal  # average of (judge's mark − module result)
    mean_abs_deviation: Decimal
    dropped_share: Decimal  # fraction of the judge's marks that were dropped
    flagged: bool


def judge_statistics(
    scheme: PanelScheme, sheets: Mapping[str, Mapping[str, Mapping[int, Decimal]]]
) -> list[JudgeStats]:
    """Per judge: deviation from the panel's result and how often their mark was dropped.

    ``sheets`` maps contestant → module → judge → mark (complete modules only count).
    A judge whose mean absolute deviation is more than twice the panel's median is flagged.
    """
    deviations: dict[int, list[Decimal]] = {j: [] for j in range(1, scheme.judges + 1)}
    drops: dict[int, int] = {j: 0 for j in deviations}
    for modules in sheets.values():
        for module in scheme.modules:
            scores = modules.get(module.name, {})
            result, dropped = aggregate_module(scores, scheme.judges, scheme.aggregation)
            if result is None:
                continue
            for judge, score in scores.items():
                deviations[judge].append(score - result)
            for judge in dropped:
                drops[judge] += 1
    stats = []
    for judge, devs in deviations.items():
        n = len(devs)
        mean = round2(sum(devs, Decimal(0)) / n) if n else Decimal("0.00")
        mean_abs = round2(sum((abs(d) for d in devs), Decimal(0)) / n) if n else Decimal("0.00")
        share = (Decimal(drops[judge]) / n).quantize(Decimal("0.001")) if n else Decimal("0.000")
        stats.append(JudgeStats(judge, n, mean, mean_abs, share, False))
    abs_values = sorted(s.mean_abs_deviation for s in stats if s.marks)
    if abs_values:
        median = abs_values[len(abs_values) // 2]
        stats = [
            JudgeStats(s.judge, s.marks, s.mean_deviation, s.mean_abs_deviation, s.dropped_share,
                       s.marks > 0 and s.mean_abs_deviation > max(2 * median, Decimal("1.00")))
            for s in stats
        ]
    return stats
