"""The kept ranking's rows are answered when read (rules/live_rows.py, issue 18): a mark that
moves a unit past thousands of rows builds none of them until they are read, every
published ranking stays as it was when published, and the rows read like a tuple."""

from __future__ import annotations

from decimal import Decimal

import pytest

from skillscore.model import Contestant, Entry, Stage, StageRules
from skillscore.rules.live import LiveStandings
from skillscore.rules.live_rows import LiveRows
from test_live_standings_rules import full

RULES = StageRules(Stage.PRELIM, True, (1, 2, 3, 4, 5), quota=None)


def sitting(count: int):
    """Every contestant a distinct total: 99.95, 99.90, … (no ties)."""
    people = [Contestant(f"A{i:04d}", f"选手{i}", "", "单位", seq=i) for i in range(count)]
    entries = {p.no: Entry(Decimal("80"), Decimal(10000 - 5 * i) / 100) for i, p in enumerate(people)}
    return people, entries


def test_a_far_move_leaves_the_rows_it_passed_to_be_answered_when_read():
    people, entries = sitting(2000)
    live = LiveStandings(people, entries, RULES)
    last = people[-1].no
    change = {last: Entry(Decimal("100"), Decimal("100"))}
    entries.update(change)
    rows = live.apply(change).rows
    assert isinstance(rows, LiveRows)
    assert rows.unanswered == 1999  # every row the mark jumped over moved down one position
    assert rows[0].unit.key == last and rows[0].rank == 1
    assert rows[1000].rank == 1001 and rows.unanswered == 1998
    assert tuple(rows) == full(people, entries, RULES, []).rows and rows.unanswered == 0


def test_a_published_ranking_stays_as_it_was_when_later_marks_move_the_kept_one():
    people, entries = sitting(300)
    live = LiveStandings(people, entries, RULES)
    first = {people[-1].no: Entry(Decimal("100"), Decimal("100"))}
    entries.update(first)
    published = live.apply(first)  # not read yet: its rows are still to be answered
    expected = full(people, entries, RULES, [])
    second = {people[-2].no: Entry(Decimal("100"), Decimal("100")), people[0].no: Entry(Decimal("0"), Decimal("0"))}
    entries.update(second)
    live.apply(second)
    assert published.rows.unanswered > 0
    assert published == expected  # read only now, after the kept ranking moved on
    assert live.standings == full(people, entries, RULES, [])


def test_the_rows_read_like_the_tuple_compute_standings_gives():
    people, entries = sitting(50)
    entries[people[10].no] = Entry()  # one without marks: an unranked row after the ranked
    live = LiveStandings(people, entries, RULES)
    change = {people[-1].no: Entry(Decimal("100"), Decimal("100"))}
    entries.update(change)
    rows = live.apply(change).rows
    tuple_rows = full(people, entries, RULES, []).rows
    assert len(rows) == len(tuple_rows) == 50
    assert rows[-1] == tuple_rows[-1] and rows[-1].rank is None  # the unranked row, last
    assert rows[3:7] == tuple_rows[3:7] and rows[::7] == tuple_rows[::7] and rows[::-3] == tuple_rows[::-3]
    assert rows[45:] == tuple_rows[45:]  # ranked and unranked rows in one slice
    assert rows == tuple_rows and tuple_rows == rows and rows != list(tuple_rows)  # as a tuple compares
    assert hash(rows) == hash(tuple_rows)
    assert rows.index(tuple_rows[20]) == 20 and tuple_rows[20] in rows
    for beyond in (50, -51, -60):  # before the first row as after the last: a tuple's error, nothing answered
        with pytest.raises(IndexError):
            rows[beyond]
    assert rows != tuple_rows[:-1] and (rows == "not rows") is False
