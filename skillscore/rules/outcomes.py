"""What a position earns: advancement (§5), certificate level (§6) and awards (§7).

Each rule is a function of one position. For an unresolved tie spanning positions a..b,
``decide_over_span`` asks the rule at every position: the same answer everywhere is an
answer; different answers leave the field undecided until the committee rules.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from ..model import Awards, Stage, Unit

T = TypeVar("T")
UNDECIDED = object()


def default_quota(ranked: int) -> int:
    """floor(N × 30%), on integers (RULES.md §5)."""
    return ranked * 30 // 100


def decide_over_span(first: int, last: int, rule: Callable[[int], T]) -> T | object:
    if first == last:
        return rule(first)
    answers = {rule(p) for p in range(first, last + 1)}
    return answers.pop() if len(answers) == 1 else UNDECIDED


def advances_at(position: int, quota: int) -> bool:
    return position <= quota


def raw_level(stage: Stage, position: int, ranked: int) -> int | None:
    """The level a position earns before the national-standard cap; first match wins."""
    if stage is Stage.FINAL:
        return 1 if position <= 5 else 2 if position <= 10 else None
    if stage is Stage.SEMIFINAL:
        return 2 if position <= 5 else 3 if position <= ranked * 30 // 100 else None
    if position <= 3:
        return 3
    if position <= ranked * 20 // 100:
        return 4
    if position <= ranked * 50 // 100:
        return 5
    return None


def cap_level(level: int | None, levels: tuple[int, ...]) -> int | None:
    """A level above the highest defined one is issued as that one; below the lowest, none."""
    if level is None or not levels:
        return None
    highest, lowest = min(levels), max(levels)
    if level < highest:
        return highest
    if level > lowest:
        return None
    # A gap inside the standard's levels: issue the next defined level below it.
    return min(l for l in levels if l >= level)


def awards_at(position: int, unit: Unit, team_event: bool) -> Awards:
    if team_event:
        return Awards(talent_pool=position <= 3, subsidy_yuan=None, labor_award_nomination=False)
    subsidy = None
    if unit.union_card and position <= 10:
        subsidy = 2000 if position == 1 else 1000
    return Awards(talent_pool=position <= 10, subsidy_yuan=subsidy, labor_award_nomination=position == 1)
