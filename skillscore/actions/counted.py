"""The desk's counters counted by SQLite, for a file that keeps none (issue 18).

The desk's first frame shows the counters (参赛, 晋级, 待录, 并列待定). A file the desk
closed keeps them (storage/database.py KEPT_FROM); one another program wrote last keeps
none, and ranking its 10,000 contestants in Python to count them cost ~80 ms before the
window could paint. SQLite counts them in ~10: the units ranked and those incomplete, as
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
from typing import Iterable

from ..model import StageRules, TieDecision
from ..rules.ranking import decision_for
from ..rules.standings import counts_of

# What a row of marks makes of its contestant's unit, as units.py decides it (a stage-wide
# status wins, then missing marks): 0 ranked, 1 incomplete, 2 not ranked (a stage-wide
# status, or absent from both parts), 3 what only the ranking reads exactly (a status the
# program does not know, a mark not in its own form).
_FORM = ("({0} = 'absent' OR ({0} GLOB '[0-9]*.[0-9][0-9]' AND {0} NOT GLOB '*[^0-9]*.*'"
         " AND length({0}) <= 15))")  # digits, one point, two decimals; in hundredths within 64 bits
_KIND = f"""CASE
  WHEN status IS NOT NULL THEN CASE WHEN status IN ('absent', 'withdrawn', 'disqualified') THEN 2 ELSE 3 END
  WHEN theory IS NULL OR practical IS NULL THEN 1
  WHEN theory = 'absent' AND practical = 'absent' THEN 2
  WHEN {_FORM.format("theory")} AND {_FORM.format("practical")} THEN 0
  ELSE 3 END"""
_HUNDREDTHS = "CAST(replace({0}, '.', '') AS INTEGER)"  # of a mark in the form; 'absent' casts to 0
# Marks of a contestant only: a row another program left for a number not on the roster is
# no unit's, as units.py reads them. ``+no``: scan marks once, looking each number up in
# the roster's index, rather than look every contestant's marks up by number (~2× slower).
_OF_CONTESTANTS = "+no IN (SELECT no FROM contestants)"

# One scan: each row's kind and key, then the groups that matter: every kind but ranked, and
# ranked rows sharing one (total, practical) key: the tie groups. ``LIMIT -1`` keeps SQLite
# from folding the inner query into the outer, which would work the kind out once for each
# place it is named instead of once a row. ``{members}``: the group's numbers, read only
# when the chief judge has decided ties (it costs a scan's worth of JSON).
_GROUPS = f"""
SELECT kind, CASE kind WHEN 0 THEN total END, CASE kind WHEN 0 THEN practical END, COUNT(*){{members}} FROM (
  SELECT {_KIND} AS kind, no, {_HUNDREDTHS.format("practical")} AS practical,
         (3 * {_HUNDREDTHS.format("theory")} + 7 * {_HUNDREDTHS.format("practical")} + 5) / 10 AS total
  FROM marks WHERE {_OF_CONTESTANTS} LIMIT -1)
GROUP BY 1, 2, 3 HAVING kind <> 0 OR COUNT(*) > 1"""
_ROWS = f"SELECT (SELECT COUNT(*) FROM contestants), (SELECT COUNT(*) FROM marks WHERE {_OF_CONTESTANTS})"


def counted(db: sqlite3.Connection, rules: StageRules, decisions: Iterable[TieDecision]) -> dict | None:
    """The counters (rules/standings.py counts) of the file's ranking, or None when only
    ranking it gives them exactly (a team event, a mark or status another program wrote)."""
    if rules.team_size > 1:
        return None
    decisions = list(decisions)
    groups = db.execute(_GROUPS.format(members=", json_group_array(no)" if decisions else "")).fetchall()
    contestants, rows = db.execute(_ROWS).fetchone()
    by_kind = [0, 0, 0, 0]
    unresolved = 0
    for kind, total, practical, count, *members in groups:
        by_kind[kind] += count
        if kind == 0 and (not members or decision_for(set(json.loads(members[0])), (total, practical), decisions) is None):
            unresolved += 1
    if by_kind[3]:
        return None
    # by_kind[0] holds only the tied: every row of marks not of another kind is ranked. A
    # contestant without a row of marks has none yet: incomplete.
    return counts_of(rows - by_kind[1] - by_kind[2], by_kind[1] + contestants - rows, unresolved, rules)
