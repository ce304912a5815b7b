"""The rows of the desk's kept ranking at one moment, answered when read (issue 18).

A typed mark that moves a unit far shifts every row it jumps over by one position: at
10,000 that is thousands of rows whose rank, quota and certificate answers change while
their order and ties stand. Building those rows again cost ~2.5 ms of every such keystroke,
for a view that shows thirty of them. ``LiveStandings`` marks them *stale* instead, and the
standings it publishes hold a ``LiveRows``: a snapshot of its lists (copied in C, ~0.1 ms)
in which a stale row is answered at its index the first time it is read, exactly as
``standing_rows`` answers it (tests/test_live_standings_rules.py compares whole rankings).
Reading every row (a sheet, the projector) answers every stale row once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import chain, compress

from ..model import Standing
from .ranking import Placement
from .standings import Answers, standing_rows


class LiveRows(Sequence):
    """The ranked rows in order (some stale), then the unranked rows: read-only, and read
    like the tuple ``compute_standings`` gives (a slice is a tuple, equal to a tuple)."""

    __slots__ = ("_ranked", "_stale", "_keys", "_passes", "_rest", "_answers")

    def __init__(self, ranked: list[Standing], stale: list[bool], keys: list[tuple[int, int]],
                 passes: list[bool] | None, rest: list[Standing], answers: Answers):
        self._ranked = list(ranked)
        # Copied only when some row is stale: reading one needs its neighbours' keys.
        self._stale = list(stale) if True in stale else None
        self._keys = list(keys) if self._stale else None
        self._passes = list(passes) if self._stale and passes is not None else None
        self._rest = tuple(rest)
        self._answers = answers

    @property
    def unanswered(self) -> int:
        """Rows not answered yet (read only by tests/test_live_rows.py)."""
        return 0 if self._stale is None else sum(self._stale)

    def __len__(self) -> int:
        return len(self._ranked) + len(self._rest)

    def __getitem__(self, index):
        n = len(self._ranked)
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple([self[i] for i in range(start, stop, step)])
            self._answer_all(start, min(stop, n))
            return tuple(self._ranked[start:stop]) + self._rest[max(start - n, 0):max(stop - n, 0)]
        if index < 0:
            index += len(self)
            if index < 0:
                raise IndexError("LiveRows index out of range")
        if index < n:
            if self._stale is not None and self._stale[index]:
                return self._answer(index)
            return self._ranked[index]
        return self._rest[index - n]  # IndexError beyond the end, as a tuple's

    def __iter__(self):
        self._answer_all(0, len(self._ranked))
        return chain(self._ranked, self._rest)

    def __eq__(self, other) -> bool:
        if isinstance(other, (LiveRows, tuple)):  # a tuple's equality: never equal to a list
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LiveRows({tuple(self)!r})"

    def _answer_all(self, low: int, high: int) -> None:
        if self._stale is not None and low < high:
            for i in compress(range(low, high), self._stale[low:high]):
                self._answer(i)

    def _answer(self, i: int) -> Standing:
        """Row i answered at position i + 1 (its order and ties stand), by standing_rows."""
        s = self._ranked[i]
        if s.rank is not None:  # one position
            first = last = i + 1
            placement = Placement(s.unit, first, last, s.tie, s.tie_method)
        else:  # in an unresolved group: every row of one ranking key, wherever it now stands
            key = self._keys[i]
            first, last = bisect_left(self._keys, key) + 1, bisect_right(self._keys, key)
            placement = Placement(s.unit, first, last, "unresolved")
        cert = {s.unit.key: (first, last)} if self._passes is not None and self._passes[i] else {}
        row = self._ranked[i] = standing_rows([placement], self._answers, cert)[0]
        self._stale[i] = False
        return row
