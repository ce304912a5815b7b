"""The desk's ranking kept between keystrokes (issue 18): one typed mark, one short span.

``LiveStandings`` holds the ranked rows in their order. When a unit's marks change it
takes the unit out, puts it back where its new key sorts, and places again only the span
between its old and new place, widened to whole totals (a "decided by practical" mark or
a committee's decision never reaches past the rows of one total). Rows outside the span
keep their positions, so what they earn is unchanged. When the number ranked changes,
the quota and level cut-offs may move: every row after the change moves one position
and is placed again, and so is any row sitting at a cut-off that moved. Rows that only
moved by a position are not built again at once: they are marked stale and answered
where they stand when read (live_rows.py), unless certificates go by rank among passers,
where a row's answer depends on every passer before it.

The result is always exactly ``compute_standings`` of the same units (the hypothesis
test in tests/test_live_standings_rules.py compares them after random edits).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from itertools import compress
from operator import ne
from typing import Iterable, Mapping

from .collector import collector_paused  # noqa: F401  (its home until issue 18)
from ..model import CertificatePolicy, Contestant, Entry, Standing, Standings, StageRules, Status, TieDecision, Unit
from .live_rows import LiveRows
from .ranking import Placement, place_sorted, sort_ranked
from .standings import _certificate_spans, answers_for, standing_rows, standings_warnings, unit_passes
from .units import build_units, individual_units, team_units

# Beyond this many units changed at once (an import), one whole computation is cheaper.
MOVE_AT_MOST = 64


def _order(unit: Unit) -> tuple[int, int]:
    """The sort key of a ranked row: ascending is best first."""
    return -unit.rank_key[0], -unit.rank_key[1]


class LiveStandings:
    def __init__(self, contestants: Iterable[Contestant], entries: Mapping[str, Entry], rules: StageRules,
                 decisions: Iterable[TieDecision] = ()):
        self.rules = rules
        self.decisions = list(decisions)
        self.entries: dict[str, Entry] = dict(entries)
        self._people = list(contestants)
        self._person = {c.no: c for c in self._people}
        self._members: dict[str, list[Contestant]] = defaultdict(list)
        if rules.team_size > 1:
            for c in sorted(self._people, key=lambda c: c.seq):
                self._members[c.team].append(c)
        self._passers_policy = rules.certified and rules.certificate_policy is CertificatePolicy.PASSERS
        self._answers: dict[int, object] = {}
        self.previous: Standings | None = None
        self.span: tuple[int, int] | None = None  # rows of ``standings`` that differ from ``previous``
        with collector_paused():
            self._compute_all()

    # -- the whole computation --------------------------------------------------------------
    def _compute_all(self) -> None:
        units = build_units(self._people, self.entries, self.rules.team_size)
        self.units = {u.key: u for u in units}
        keyed = sort_ranked(units)
        placements = place_sorted(keyed, self.decisions)
        answers = self._answers_for(len(placements))
        self._passes = [unit_passes(p.unit, self.rules) for p in placements] if self.rules.certified else None
        cert = _certificate_spans(placements, self.rules, passing=self._passes) if self.rules.certified else {}
        self._ranked: list[Standing] = standing_rows(placements, answers, cert)
        self._stale = [False] * len(self._ranked)  # rows whose position moved since answered (live_rows.py)
        self._keys = [(-k[0], -k[1]) for k, _ in keyed]
        rest = sorted((u for u in units if u.status is not Status.RANKED), key=lambda u: u.key)
        self._rest = [Standing(unit=u) for u in rest]
        self._rest_keys = [u.key for u in rest]
        self._incomplete = sum(1 for u in rest if u.status is Status.INCOMPLETE)
        self._groups = [(p.first, p.unit.key) for p in placements if p.tie == "unresolved"]
        self._publish()

    def _answers_for(self, ranked: int):
        answers = self._answers.get(ranked)
        if answers is None:
            if len(self._answers) > 4:
                self._answers.clear()
            answers = self._answers[ranked] = answers_for(ranked, self.rules)
        return answers

    def _publish(self) -> None:
        ranked = len(self._ranked)
        groups: dict[int, list[str]] = {}
        for first, key in self._groups:
            groups.setdefault(first, []).append(key)
        answers = self._answers_for(ranked)
        self.standings = Standings(
            LiveRows(self._ranked, self._stale, self._keys, self._passes, self._rest, answers), ranked, answers.quota,
            standings_warnings(ranked, bool(groups), self._incomplete > 0),
            tuple(tuple(keys) for _, keys in sorted(groups.items())))

    # -- changes ----------------------------------------------------------------------------
    def apply(self, entries: Mapping[str, Entry]) -> Standings:
        """New entries for some contestants; ``span`` says which rows may differ after."""
        with collector_paused():
            return self._apply(entries)

    def _apply(self, entries: Mapping[str, Entry]) -> Standings:
        self.previous = self.standings
        touched = set()
        for no, entry in entries.items():
            self.entries[no] = entry
            person = self._person.get(no)
            if person is not None:
                touched.add(person.team if self.rules.team_size > 1 else no)
        if not touched:
            self.span = (0, 0)
            return self.standings
        if len(touched) > MOVE_AT_MOST:
            self._compute_all()
            self.span = (0, len(self.standings.rows))
            return self.standings
        low, high = len(self.previous.rows), 0
        for key in sorted(touched):
            old = self.units[key]
            if self.rules.team_size > 1:
                new = team_units(self._members[key], self.entries)[0]
            else:
                new = individual_units([self._person[key]], self.entries)[0]
            self.units[key] = new
            if new != old:
                a, b = self._move(old, new)
                low, high = min(low, a), max(high, b)
        self._publish()
        self.span = (low, high) if low < high else (0, 0)
        return self.standings

    def _move(self, old: Unit, new: Unit) -> tuple[int, int]:
        """Replace one unit; the rows [a, b) of the whole list that may have changed."""
        was, now = old.status is Status.RANKED, new.status is Status.RANKED
        count = len(self._ranked)
        totals, moved = [], []
        if was:
            key = _order(old)
            at = next(i for i in range(bisect_left(self._keys, key), bisect_right(self._keys, key))
                      if self._ranked[i].unit.key == old.key)
            del self._keys[at], self._ranked[at], self._stale[at]
            if self._passes is not None:
                del self._passes[at]
            totals.append(key[0])
            moved.append(at)
        else:
            at = bisect_left(self._rest_keys, old.key)
            del self._rest_keys[at], self._rest[at]
            self._incomplete -= old.status is Status.INCOMPLETE
            rest_at = at
        if now:
            key = _order(new)
            at = bisect_right(self._keys, key)
            self._keys.insert(at, key)
            self._ranked.insert(at, Standing(unit=new))  # a stand-in, placed below
            self._stale.insert(at, False)
            if self._passes is not None:
                self._passes.insert(at, unit_passes(new, self.rules))
            totals.append(key[0])
            moved.append(at)
        else:
            insort(self._rest_keys, new.key)
            at = bisect_left(self._rest_keys, new.key)
            self._rest.insert(at, Standing(unit=new))
            self._incomplete += new.status is Status.INCOMPLETE
            rest_at = min(rest_at, at) if not was else at
        if not was and not now:  # an unranked unit stays unranked: its one row
            return count + rest_at, count + rest_at + 1
        # The totals the unit left and joined are placed again, whole; the rows between
        # them only moved by one position, and are answered again where they now stand.
        blocks = sorted((bisect_left(self._keys, (t,)), bisect_left(self._keys, (t + 1,))) for t in totals)
        if len(blocks) == 2 and blocks[0][1] >= blocks[1][0]:
            blocks = [(blocks[0][0], max(blocks[0][1], blocks[1][1]))]
        low = min(blocks[0][0], *moved)
        high = max(blocks[-1][1], *(m + 1 for m in moved)) if was == now else len(self._ranked)
        passers_moved = (self._passers_policy and was == now
                         and unit_passes(old, self.rules) != unit_passes(new, self.rules))
        if (self._passers_policy and was != now) or passers_moved:
            # Positions among passers moved for every later row; a moved cut-off may reach any.
            low = 0 if was != now else low
            high = len(self._ranked)
        first = low
        if was != now:  # the number ranked changed: the cut-offs may have moved
            for position in _moved_cutoffs(self._answers_for(count), self._answers_for(len(self._ranked)), low):
                total = self._keys[position - 1][0]
                start = bisect_left(self._keys, (total,))
                self._reanswer(start, bisect_left(self._keys, (total + 1,)))
                first = min(first, start)
        edge = low
        for start, end in blocks:
            self._reanswer(edge, start)
            self._place(start, end)
            edge = end
        self._reanswer(edge, high)
        self._refresh_groups(low, high, was == now)
        return first, (high if was == now else len(self._ranked) + len(self._rest))

    def _place(self, low: int, high: int) -> None:
        """Place the rows [low, high) again (they start and end between different totals)."""
        if low >= high:
            return
        keyed = [(s.unit.rank_key, s.unit) for s in self._ranked[low:high]]
        placements = place_sorted(keyed, self.decisions, low)
        self._ranked[low:high] = self._rows_for(placements, low, high)
        self._stale[low:high] = [False] * (high - low)

    def _rows_for(self, placements, low: int, high: int) -> list[Standing]:
        cert = {}
        if self.rules.certified:
            before = sum(self._passes[:low]) if self._passers_policy else 0
            passing = [unit_passes(p.unit, self.rules) for p in placements]
            self._passes[low:high] = passing
            cert = _certificate_spans(placements, self.rules, before, passing)
        return standing_rows(placements, self._answers_for(len(self._ranked)), cert)

    def _reanswer(self, low: int, high: int) -> None:
        """Rows [low, high) whose order and ties stand, at the positions they now hold:
        a row's position is its index + 1 (an unresolved group spans its rows)."""
        if low >= high:
            return
        rows = self._ranked
        if self._passers_policy:  # positions among passers: the whole rule, group by group
            placements = []
            i = low
            while i < high:
                s = rows[i]
                if s.rank is not None:
                    placements.append(Placement(s.unit, i + 1, i + 1, s.tie, s.tie_method))
                    i += 1
                    continue
                j = i + 1
                while j < high and rows[j].rank_range == s.rank_range:
                    j += 1
                placements.extend(Placement(r.unit, i + 1, j, "unresolved") for r in rows[i:j])
                i = j
            rows[low:high] = self._rows_for(placements, low, high)
            return
        # Otherwise a row's answers depend on its own position alone: the rows are marked
        # stale and answered where they stand when read (live_rows.py). A typed mark that
        # moves a unit far shifts thousands of rows at 10,000; the view reads thirty.
        self._stale[low:high] = [True] * (high - low)

    def _refresh_groups(self, low: int, high: int, same_count: bool) -> None:
        """The unresolved groups: those before ``low`` and (same count) after ``high`` stand."""
        # A group's first position from the keys: a stale row's rank_range is where it was.
        keys = self._keys
        inside = [(bisect_left(keys, keys[i]) + 1, s.unit.key)
                  for i, s in enumerate(self._ranked[low:high], low) if s.tie == "unresolved"]
        after = [g for g in self._groups if g[0] > high] if same_count else []
        self._groups = [g for g in self._groups if g[0] <= low] + inside + after


def _moved_cutoffs(old, new, before: int) -> list[int]:
    """Positions (1-based, under ``before``) whose quota or level answer differs."""
    positions = set()
    if old.quota != new.quota and old.quota is not None and new.quota is not None:
        positions.update(range(min(old.quota, new.quota) + 1, max(old.quota, new.quota) + 1))
    limit = min(len(old.level_at), len(new.level_at), before + 1)
    # Compared in C (compress over map(ne)): this runs on every keystroke that changes the count.
    positions.update(compress(range(1, limit), map(ne, old.level_at[1:limit], new.level_at[1:limit])))
    return sorted(p for p in positions if p <= before)
