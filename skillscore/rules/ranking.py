"""Ranking without shared ranks (RULES.md §4).

Units are ordered by an explicit precedence of named comparison keys (after Tabbycat's
standings metrics): total first, then practical. What is still equal after the last key
is an *unresolved tie*: it is never ordered silently, only by a committee decision.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby
from typing import Callable, Iterable, NamedTuple

from ..model import Status, TieDecision, Unit
from .marks import as_number

# The precedence of comparison keys, highest first. Each returns a Decimal to maximise.
METRICS: tuple[tuple[str, Callable[[Unit], Decimal]], ...] = (
    ("total", lambda u: u.total),
    ("practical", lambda u: as_number(u.practical)),
)


class Placement(NamedTuple):
    # A NamedTuple, not a dataclass: 10,000 of these are built on every keystroke.
    unit: Unit
    first: int  # first position the unit (or its unresolved group) occupies
    last: int  # last position; first == last unless in an unresolved group
    tie: str | None  # None, "practical", "unresolved", "committee"
    tie_method: str | None = None

    @property
    def rank(self) -> int | None:
        return self.first if self.first == self.last else None


def _key(unit: Unit) -> tuple[Decimal, ...]:
    return tuple([metric(unit) for _, metric in METRICS])


def _decision_for(group: list[Unit], decisions: Iterable[TieDecision]) -> TieDecision | None:
    """A decision applies only to exactly the group, at exactly the marks it was made on."""
    keys = {u.key for u in group}
    total, practical = _key(group[0])
    for d in decisions:
        if set(d.order) == keys and d.total == total and d.practical == practical:
            return d
    return None


def place(units: Iterable[Unit], decisions: Iterable[TieDecision] = ()) -> list[Placement]:
    """Positions for the ranked units, best first."""
    decisions = list(decisions)
    keyed = sorted(((_key(u), u) for u in units if u.status is Status.RANKED), key=lambda ku: ku[0], reverse=True)
    # Totals shared by units with different practical marks ("decided by practical").
    split_by_practical = {
        total for total, same in groupby(keyed, key=lambda ku: ku[0][0]) if len({k for k, _ in same}) > 1
    }
    placements: list[Placement] = []
    position = 1
    for _, same in groupby(keyed, key=lambda ku: ku[0]):
        group = [u for _, u in same]
        if len(group) == 1:
            unit = group[0]
            tie = "practical" if unit.total in split_by_practical else None
            placements.append(Placement(unit, position, position, tie))
        else:
            decision = _decision_for(group, decisions)
            if decision is None:
                last = position + len(group) - 1
                for unit in sorted(group, key=lambda u: u.key):
                    placements.append(Placement(unit, position, last, "unresolved"))
            else:
                by_key = {u.key: u for u in group}
                for offset, key in enumerate(decision.order):
                    p = position + offset
                    placements.append(Placement(by_key[key], p, p, "committee", decision.method))
        position += len(group)
    return placements


def unresolved_groups(placements: Iterable[Placement]) -> list[tuple[str, ...]]:
    groups: dict[int, list[str]] = {}
    for p in placements:
        if p.tie == "unresolved":
            groups.setdefault(p.first, []).append(p.unit.key)
    return [tuple(keys) for _, keys in sorted(groups.items())]
