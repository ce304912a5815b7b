"""Ranking without shared ranks (RULES.md §4).

Units are ordered by an explicit precedence of named comparison keys (after Tabbycat's
standings metrics): total first, then practical. What is still equal after the last key
is an *unresolved tie*: it is never ordered silently, only by a committee decision.
"""

from __future__ import annotations

from decimal import Decimal
from operator import itemgetter
from typing import Callable, Iterable, NamedTuple

from ..model import Status, TieDecision, Unit, new_record
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


_ZERO = Decimal("0.00")


def _key(unit: Unit) -> tuple[int, int]:
    """METRICS applied to a unit, in hundredths (exact: marks have two decimals).

    build_units computes it once per unit; units made elsewhere get it here.
    """
    if unit.rank_key is not None:
        return unit.rank_key
    practical = unit.practical if unit.practical.__class__ is Decimal else _ZERO
    return int(unit.total * 100), int(practical * 100)


def _decision_for(group: list[Unit], decisions: Iterable[TieDecision]) -> TieDecision | None:
    return decision_for({u.key for u in group}, _key(group[0]), decisions)


def decision_for(keys: set[str], key: tuple[int, int], decisions: Iterable[TieDecision]) -> TieDecision | None:
    """A decision applies only to exactly the group (``keys``, tied at ``key``: total and
    practical in hundredths), at exactly the marks it was made on."""
    total, practical = key
    for d in decisions:
        if set(d.order) == keys and int(d.total * 100) == total and int(d.practical * 100) == practical:
            return d
    return None


def sort_ranked(units: Iterable[Unit]) -> list[tuple[tuple[int, int], Unit]]:
    """(key, unit) for the ranked units, best key first (the input order kept among equals)."""
    return sorted([(u.rank_key or _key(u), u) for u in units if u.status is Status.RANKED],
                  key=itemgetter(0), reverse=True)


def place(units: Iterable[Unit], decisions: Iterable[TieDecision] = ()) -> list[Placement]:
    """Positions for the ranked units, best first."""
    return place_sorted(sort_ranked(units), list(decisions))


def place_sorted(keyed: list[tuple[tuple[int, int], Unit]], decisions: list[TieDecision],
                 offset: int = 0) -> list[Placement]:
    """Positions for units already sorted best first, the first at ``offset + 1``.

    ``keyed`` may be a slice of the whole order (the desk's live ranking re-places only the
    span a typed mark moved) as long as it starts and ends between different totals: what
    a position gets then depends on the slice alone. This runs on every keystroke at the
    desk, for up to 10,000 contestants: the runs of equal keys are found first, in one
    pass, and the units between them placed by a comprehension (issue 18).
    """
    keys = [key for key, _ in keyed]
    following = keys[1:]
    # Totals shared by neighbours with different keys were "decided by practical".
    split_by_practical = {a[0] for a, b in zip(keys, following) if a[0] == b[0] and a != b}
    placements: list[Placement] = []
    done = 0  # keyed[:done] are placed
    for start, end in _runs_of_equal(keys, following):
        _place_singles(placements, keyed, done, start, offset, split_by_practical)
        group = [u for _, u in keyed[start:end]]
        decision = _decision_for(group, decisions)
        position, last = offset + start + 1, offset + end
        if decision is None:
            placements.extend(Placement(u, position, last, "unresolved") for u in sorted(group, key=lambda u: u.key))
        else:
            by_key = {u.key: u for u in group}
            placements.extend(Placement(by_key[k], at, at, "committee", decision.method)
                              for k, at in zip(decision.order, range(position, last + 1)))
        done = end
    _place_singles(placements, keyed, done, len(keyed), offset, split_by_practical)
    return placements


def _runs_of_equal(keys: list, following: list) -> list[tuple[int, int]]:
    """[start, end) of each run of two or more equal keys, in order."""
    runs: list[tuple[int, int]] = []
    for i in [i for i, (a, b) in enumerate(zip(keys, following)) if a == b]:
        if runs and runs[-1][1] == i + 1:  # continues the run ending at i
            runs[-1] = (runs[-1][0], i + 2)
        else:
            runs.append((i, i + 2))
    return runs


def _place_singles(placements: list[Placement], keyed: list, start: int, end: int, offset: int,
                   split_by_practical: set) -> None:
    """keyed[start:end], none sharing its key with another: one position each. One
    comprehension, not a loop over indexes: most units of a sitting are here."""
    placements.extend([new_record(Placement, (unit, at, at, "practical" if key[0] in split_by_practical else None, None))
                       for at, (key, unit) in enumerate(keyed[start:end], offset + start + 1)])


def unresolved_groups(placements: Iterable[Placement]) -> list[tuple[str, ...]]:
    groups: dict[int, list[str]] = {}
    for p in placements:
        if p.tie == "unresolved":
            groups.setdefault(p.first, []).append(p.unit.key)
    return [tuple(keys) for _, keys in sorted(groups.items())]
