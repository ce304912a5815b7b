"""From contestants and their entries to the units that are ranked (RULES.md §2, §8)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterable, Mapping

from ..model import ABSENT, STATUS_PRECEDENCE, Contestant, Entry, Mark, Status, Unit, new_record
from .marks import as_number, cents, exact_hundredths, hundredths, mark_from_text, round2, weighted_total

_NO_ENTRY = Entry()


_RANKED, _INCOMPLETE, _ABSENT_STATUS = Status.RANKED, Status.INCOMPLETE, Status.ABSENT


def _unit(key, name, members, theory, practical, stage_wide, union_card, member_theories) -> Unit:
    # Runs once per contestant on every ranking (10,000 on the city-wide file): inline.
    if stage_wide is not None:  # a stage-wide status wins over incomplete marks (CONTRACT.md)
        status = stage_wide
    elif theory is None or practical is None:
        status = _INCOMPLETE
    elif theory is ABSENT and practical is ABSENT:
        status = _ABSENT_STATUS
    else:
        status = _RANKED
    if status is _RANKED:
        # weighted_total in whole hundredths: marks have two decimals, so theory × 30% +
        # practical × 70% is (3t + 7p) / 1000 exactly, and half-up to hundredths is
        # (3t + 7p + 5) // 10. Integers, because the command line meets every value
        # for the first time, where a Decimal product, sum and quantize cost ~2 µs.
        theory_h, practical_h = exact_hundredths(theory), exact_hundredths(practical)
        if theory_h is not None and practical_h is not None:
            total_h = (3 * theory_h + 7 * practical_h + 5) // 10
            total = cents(total_h)
        else:  # a mark no program path stores (a hand-edited file): the Decimal way, exactly
            total = weighted_total(theory, practical)
            total_h, practical_h = hundredths(total), hundredths(practical)
        rank_key = (total_h, practical_h)
    else:
        total = rank_key = None
    return new_record(Unit, (key, name, members, theory, practical, status, total, union_card, member_theories, rank_key))


def individual_unit(no: str, name: str, union_card: bool, theory: Mark, practical: Mark,
                    status: Status | None) -> Unit:
    """One contestant of an individual event as a unit (``status``: the stage-wide one)."""
    return _unit(no, name, None, theory, practical, status, union_card, (theory,))


def individual_units_stored(rows: Iterable[tuple]) -> list[Unit]:
    """An individual event's units from rows as the file stores them: (no, name, union
    card, theory text, practical text, status text, …; further fields are ignored). The
    units individual_unit makes of the parsed values, in one loop with one call a row: the
    10,000 of every ranking (issue 18). A status text the program does not know raises
    ValueError."""
    mark, unit = mark_from_text, _unit
    units: list[Unit] = []
    append = units.append
    for row in rows:
        no, name, card, theory, practical, status = row[:6]  # a row of six: the row itself
        theory, practical = mark(theory), mark(practical)
        append(unit(no, name, None, theory, practical, Status(status) if status else None, bool(card), (theory,)))
    return units


def individual_units(contestants: Iterable[Contestant], entries: Mapping[str, Entry]) -> list[Unit]:
    units = []
    for c in contestants:
        e = entries.get(c.no, _NO_ENTRY)
        units.append(_unit(c.no, c.name, None, e.theory, e.practical, e.status, c.union_card, (e.theory,)))
    return units


def team_theory(theories: list[Mark]) -> Mark:
    """Mean of the members' theory marks, 缺考 as 0; absent only if all are 缺考."""
    if any(t is None for t in theories):
        return None
    if all(t is ABSENT for t in theories):
        return ABSENT
    return round2(sum((as_number(t) for t in theories), Decimal(0)) / len(theories))


def _team_practical(practicals: list[Mark]) -> Mark:
    # The team has one practical mark, stored on every member. Members disagreeing can
    # only come from a damaged file; leaving the team unranked is the safe reading.
    given = {p for p in practicals if p is not None}
    return given.pop() if len(given) == 1 else None


def _team_status(statuses: list[Status | None]) -> Status | None:
    for strongest in STATUS_PRECEDENCE:
        if strongest in statuses:
            return strongest
    return None


def team_units(contestants: Iterable[Contestant], entries: Mapping[str, Entry]) -> list[Unit]:
    members: dict[str, list[Contestant]] = defaultdict(list)
    for c in sorted(contestants, key=lambda c: c.seq):
        members[c.team].append(c)
    units = []
    for team, people in members.items():
        es = [entries.get(c.no, _NO_ENTRY) for c in people]
        theories = [e.theory for e in es]
        units.append(
            _unit(
                team,
                team,
                tuple(c.no for c in people),
                team_theory(theories),
                _team_practical([e.practical for e in es]),
                _team_status([e.status for e in es]),
                False,
                tuple(theories),
            )
        )
    return units


def build_units(contestants: Iterable[Contestant], entries: Mapping[str, Entry], team_size: int) -> list[Unit]:
    if team_size > 1:
        return team_units(contestants, entries)
    return individual_units(contestants, entries)
