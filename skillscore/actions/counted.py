"""The desk's counters counted by SQLite, for a file that keeps none (issue 18).

The desk's first frame shows the counters (参赛, 晋级, 待录, 并列待定). A file the desk
closed keeps them (storage/database.py KEPT_FROM); one another program wrote last keeps
none, and ranking its 10,000 contestants in Python to count them cost ~110 ms before the
window could paint. SQLite counts them in ~30 (and ahead, while Qt loads: CountedAhead,
below): the units ranked and those incomplete, as
rules/units.py decides a unit's status, and the runs of equal (total, practical) keys,
which are the unresolved ties unless a decision of the chief judge's orders exactly one
(rules/ranking.py decision_for). Only where the count is exactly the ranking's: an
individual event whose marks are all in the form the program writes (two decimals, or
absent: the total in hundredths is then (3 × theory + 7 × practical + 5) // 10, as in
units.py) and whose statuses it knows. Anything else answers None, and the desk ranks.
tests/test_counted.py holds the two equal on random files (hypothesis).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Iterable, NamedTuple

from ..model import StageRules, TieDecision
from ..storage.database import sqlite_uri
from ..rules.ranking import decision_for
from ..rules.standings import counts_of

# What a row of marks makes of its contestant's unit, as units.py decides it (a stage-wide
# status wins, then missing marks): 0 ranked, 1 incomplete, 2 not ranked (a stage-wide
# status, or absent from both parts), 3 what only the ranking reads exactly (a status the
# program does not know, a mark not in its own form). A mark out of form is 3 whatever the
# rest of its row: the ranking reads every stored mark, and refuses one it cannot read
# ("1.2.34") even where no total needs it, as in a row still waiting for its other mark.
_FORM = ("({0} = 'absent' OR ({0} GLOB '[0-9]*.[0-9][0-9]' AND {0} NOT GLOB '*[^0-9]*.*'"
         " AND length({0}) <= 15))")  # digits, one point, two decimals; in hundredths within 64 bits
_KIND = f"""CASE
  WHEN (theory IS NOT NULL AND NOT {_FORM.format("theory")})
    OR (practical IS NOT NULL AND NOT {_FORM.format("practical")}) THEN 3
  WHEN status IS NOT NULL THEN CASE WHEN status IN ('absent', 'withdrawn', 'disqualified') THEN 2 ELSE 3 END
  WHEN theory IS NULL OR practical IS NULL THEN 1
  WHEN theory = 'absent' AND practical = 'absent' THEN 2
  ELSE 0 END"""
_HUNDREDTHS = "CAST(replace({0}, '.', '') AS INTEGER)"  # of a mark in the form; 'absent' casts to 0
# Marks of a contestant only: a row another program left for a number not on the roster is
# no unit's, as units.py reads them. ``+no``: scan marks once, looking each number up in
# the roster's index, rather than look every contestant's marks up by number (~2× slower).
_OF_CONTESTANTS = "+no IN (SELECT no FROM contestants)"

# One statement, so one snapshot of the file, answering one row: in a thread, each row
# fetched waits for Python's lock, which the window's building holds up to 5 ms at a time.
# The file's sizes and the log's newest entry, then the groups that matter, from one scan
# (each row's kind and key): every kind but ranked, and ranked rows sharing one (total,
# practical) key, the tie groups; as JSON arrays [kind, total, practical, count(, numbers)].
# ``LIMIT -1`` keeps SQLite from folding the inner query into the outer, which would work
# the kind out once for each place it is named instead of once a row. ``{members}``: the
# group's numbers, read only when the chief judge has decided ties (a scan's worth of JSON).
_TALLY = f"""
SELECT (SELECT COUNT(*) FROM contestants), (SELECT COUNT(*) FROM marks WHERE {_OF_CONTESTANTS}),
       (SELECT COALESCE(MAX(id), 0) FROM audit), json_group_array(json_array(kind, total, practical, n{{members}}))
FROM (
  SELECT kind, CASE kind WHEN 0 THEN total END AS total, CASE kind WHEN 0 THEN practical END AS practical,
         COUNT(*) AS n{{numbers}} FROM (
    SELECT {_KIND} AS kind, no, {_HUNDREDTHS.format("practical")} AS practical,
           (3 * {_HUNDREDTHS.format("theory")} + 7 * {_HUNDREDTHS.format("practical")} + 5) / 10 AS total
    FROM marks WHERE {_OF_CONTESTANTS} LIMIT -1)
  GROUP BY 1, 2, 3 HAVING kind <> 0 OR COUNT(*) > 1)"""
_DECIDED = "SELECT EXISTS (SELECT 1 FROM tie_decisions)"


class Tally(NamedTuple):
    """What SQLite counted, before the rules: ``groups`` (kind, total, practical, count, and
    the numbers when the file holds decisions); ``audit_head``: the log's newest entry
    then, which says whether the file has changed since (every change is logged)."""

    contestants: int
    rows: int
    groups: list[tuple]
    audit_head: int


def tally(db, decided: bool | None = None) -> Tally:
    """``decided``: whether the file holds tie decisions, when the caller has asked."""
    if decided is None:
        decided = db.execute(_DECIDED).fetchone()[0]
    query = _TALLY.format(members=", json(numbers)" if decided else "",
                          numbers=", json_group_array(no) AS numbers" if decided else "")
    contestants, rows, audit_head, groups = db.execute(query).fetchone()
    return Tally(contestants, rows, [tuple(g) for g in json.loads(groups)], audit_head)


def counts_from(tallied: Tally, rules: StageRules, decisions: Iterable[TieDecision]) -> dict | None:
    """The counters (rules/standings.py counts) of the file's ranking, or None when only
    ranking it gives them exactly (a team event, a mark or status another program wrote)."""
    if rules.team_size > 1:
        return None
    decisions = list(decisions)
    by_kind = [0, 0, 0, 0]
    unresolved = 0
    for kind, total, practical, count, *members in tallied.groups:
        by_kind[kind] += count
        if kind == 0 and (not members or decision_for(set(members[0]), (total, practical), decisions) is None):
            unresolved += 1
    if by_kind[3]:
        return None
    # by_kind[0] holds only the tied: every row of marks not of another kind is ranked. A
    # contestant without a row of marks has none yet: incomplete.
    rows, contestants = tallied.rows, tallied.contestants
    return counts_of(rows - by_kind[1] - by_kind[2], by_kind[1] + contestants - rows, unresolved, rules)


def counted(db, rules: StageRules, decisions: Iterable[TieDecision]) -> dict | None:
    return counts_from(tally(db), rules, decisions)


class CountedAhead:
    """``tally`` of the file at ``path``, started now in a thread, on a read-only connection
    of its own: the desk's start begins it as soon as it knows the file, and SQLite's ~30 ms
    (it lets go of Python's lock while it works) pass on the second core while the first
    builds the window. Read-only, so harmless on whatever the path names; ``result`` is
    None when the file keeps counters, or when it could not count (not a competition file),
    and then the desk counts on its own connection if it must."""

    def __init__(self, path: Path):
        self._tally: Tally | None = None
        self._thread = threading.Thread(target=self._run, args=(Path(path),), name="counted_ahead", daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            db = sqlite3.connect(sqlite_uri(path.resolve().as_uri()) + "?mode=ro", uri=True, isolation_level=None)
            try:
                # A file that keeps its counters (the usual start) needs no count.
                keeps, decided = db.execute(f"SELECT EXISTS (SELECT 1 FROM kept), ({_DECIDED})").fetchone()
                if not keeps:
                    self._tally = tally(db, decided)
            finally:
                db.close()
        except Exception:  # noqa: BLE001 - only a head start: the desk counts itself, and says why if it must
            self._tally = None

    def result(self) -> Tally | None:
        self._thread.join()
        return self._tally
