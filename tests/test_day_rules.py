"""The competition day's pure rules (RULES.md §12): the draw, anonymous codes, the appeal
window and the publication period."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillscore.messages import render
from skillscore.rules.appeals import appeal_deadline, is_late, publication_end
from skillscore.rules.codes import CodeError, code_length, make_codes
from skillscore.rules.draw import (
    DrawError, Seat, check_hand_draw, default_seed, digest, draw, draw_order, session_sizes,
)

UNITS = ["A001", "A002", "A003", "A004", "A005"]


# -- the draw: RULES.md's worked example ---------------------------------------------------
def test_worked_example_digests_recomputed_independently():
    expected = {"A001": "6abc2dcf", "A002": "8038a429", "A003": "408fa894", "A004": "1c4a07d4", "A005": "6b7382aa"}
    for key, head in expected.items():
        independent = hashlib.sha256(("示例" + "|" + key).encode("utf-8")).hexdigest()
        assert independent.startswith(head)
        assert digest("示例", key) == independent


def test_worked_example_order_and_seats():
    assert draw_order("示例", UNITS) == ["A004", "A003", "A001", "A005", "A002"]
    assert session_sizes(5, 2) == [2, 2, 1]
    assert draw("示例", UNITS, 2) == [
        Seat("A004", 1, 1), Seat("A003", 1, 2),
        Seat("A001", 2, 1), Seat("A005", 2, 2),
        Seat("A002", 3, 1),
    ]
    # Seats are plain tuples too: (key, session, station).
    assert tuple(draw("示例", UNITS, 2)[0]) == ("A004", 1, 1)


def test_session_sizes_spread_evenly():
    # n = 7, S = 3: m = 3, q = 2, r = 1 -> 3, 2, 2 (not 3, 3, 1)
    assert session_sizes(7, 3) == [3, 2, 2]
    assert session_sizes(6, 3) == [3, 3]
    assert session_sizes(1, 10) == [1]
    assert session_sizes(0, 4) == []
    assert draw("x", [], 3) == []


@pytest.mark.parametrize("bad", [0, -1, True, 2.0, "3"])
def test_stations_must_be_a_positive_whole_number(bad):
    with pytest.raises(DrawError) as err:
        session_sizes(5, bad)
    assert err.value.code == "draw_stations"


def test_a_unit_twice_is_refused_not_drawn_twice():
    with pytest.raises(DrawError) as err:
        draw("s", ["A001", "A002", "A001"], 2)
    assert err.value.value == "A001"


def test_default_seed_is_sixteen_hex_digits_from_the_given_source():
    assert default_seed(lambda n: bytes(range(n))) == "0001020304050607"
    seed = default_seed(secrets.token_bytes)
    assert len(seed) == 16 and int(seed, 16) >= 0 and seed == seed.lower()


keys_strategy = st.lists(st.text(min_size=1, max_size=6), min_size=0, max_size=60, unique=True)


@given(keys=keys_strategy, stations=st.integers(1, 12), seed=st.text(max_size=10), shuffle=st.randoms())
def test_draw_properties(keys, stations, seed, shuffle):
    seats = draw(seed, keys, stations)
    assert sorted(s.key for s in seats) == sorted(keys)
    sizes = session_sizes(len(keys), stations)
    assert len(sizes) == -(-len(keys) // stations)
    if sizes:
        assert max(sizes) - min(sizes) <= 1 and max(sizes) <= stations
    assert len({(s.session, s.station) for s in seats}) == len(seats)
    assert all(1 <= s.station <= stations for s in seats)
    assert seats == sorted(seats, key=lambda s: (s.session, s.station))
    # The same seed gives the same draw whatever order the units were listed in.
    other = list(keys)
    shuffle.shuffle(other)
    assert draw(seed, other, stations) == seats
    # …and a drawn table passes the hand-draw check.
    assert check_hand_draw(seats, keys, stations) == []


# -- a draw made by hand -----------------------------------------------------------------
def codes_of(problems):
    return [(p.index, p.column, p.code, p.value) for p in problems]


def test_hand_draw_problems_name_row_and_column():
    rows = [
        ("A001", 1, 1),
        ("A002", 1, 1),   # station taken in session 1
        ("A002", 1, 2),   # A002 again
        ("B999", 3, 1),   # unknown unit; session 2 is empty
        ("A003", 3, 5),   # station beyond S
        ("A004", 0, 2),   # session 0
        ("A006", "x", None),  # not numbers at all
    ]
    keys = ["A001", "A002", "A003", "A004", "A005", "A006"]
    problems = check_hand_draw(rows, keys, 4)
    assert codes_of(problems) == [
        (1, "station", "draw_station_taken", "1"),
        (2, "no", "draw_unit_twice", "A002"),
        (3, "no", "draw_unit_unknown", "B999"),
        (3, "session", "draw_session_gap", "3"),
        (4, "station", "draw_station_range", "5"),
        (5, "session", "draw_session_range", "0"),
        (6, "session", "draw_session_range", "x"),
        (6, "station", "draw_station_range", "None"),
        (None, "no", "draw_unit_missing", "A005"),
    ]
    taken = problems[0]
    assert taken.params == {"session": 1, "other": "A001"}
    assert problems[3].params == {"missing": 2}
    # Every problem reads as a sentence in both languages.
    for p in problems:
        for lang in ("zh", "en"):
            text = render(p.code, lang, value=p.value, **p.params)
            assert "{" not in text and p.value in text or p.code == "draw_session_gap"
    assert "第 2 场没有人" in render("draw_session_gap", "zh", value="3", missing=2)


def test_a_valid_hand_draw_may_leave_stations_empty_and_sessions_uneven():
    rows = [("A001", 1, 3), ("A002", 1, 1), ("A003", 2, 2)]
    assert check_hand_draw(rows, ["A003", "A002", "A001"], 3) == []


# -- codes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("n, length", [(0, 3), (1, 3), (99, 3), (100, 4), (999, 4), (1000, 5)])
def test_code_length(n, length):
    assert code_length(n) == length


def test_codes_are_distinct_digits_of_one_length_and_not_in_key_order():
    keys = [f"A{i:03d}" for i in range(1, 21)]
    codes = make_codes(keys, random.Random(7).randrange)
    assert list(codes) == keys
    values = list(codes.values())
    assert len(set(values)) == 20
    assert all(len(v) == 3 and v.isdigit() for v in values)
    assert values != sorted(values) and values != sorted(values, reverse=True)


def test_real_codes_over_fifty_units_are_not_monotonic():
    keys = [f"{i:03d}" for i in range(1, 51)]
    values = list(make_codes(keys, secrets.randbelow).values())
    assert len(set(values)) == 50 and all(len(v) == 3 and v.isdigit() for v in values)
    assert values != sorted(values) and values != sorted(values, reverse=True)
    assert not set(values) & set(keys)


def test_codes_skip_taken_values_and_keys_that_look_like_codes():
    # A fake source that repeats itself: the duplicates and the code equal to a key are
    # drawn again, never handed out twice.
    answers = iter([1, 1, 2, 5, 2, 3])
    codes = make_codes(["002", "X", "Y"], lambda space: next(answers))
    assert codes == {"002": "001", "X": "005", "Y": "003"}
    with pytest.raises(CodeError):
        make_codes(["A", "A"], secrets.randbelow)


@given(n=st.integers(0, 300), seed=st.integers(0, 2**32))
def test_codes_properties(n, seed):
    keys = [f"K{i}" for i in range(n)]
    codes = make_codes(keys, random.Random(seed).randrange)
    assert set(codes) == set(keys)
    assert len(set(codes.values())) == n
    assert all(len(c) == code_length(n) and c.isdigit() for c in codes.values())


# -- appeals and publication ------------------------------------------------------------------
T = dt.datetime


def test_appeal_window():
    end = T(2025, 9, 20, 16, 0)
    assert appeal_deadline(end) == T(2025, 9, 20, 18, 0)
    assert not is_late(T(2025, 9, 20, 18, 0), end)       # at the last minute: in time
    assert is_late(T(2025, 9, 20, 18, 0, 1), end)
    assert not is_late(T(2025, 9, 20, 18, 30), end, hours=3)
    assert is_late(T(2025, 9, 20, 16, 31), end, hours=0.5)
    assert not is_late(T(2030, 1, 1), None)              # no window set: never late
    assert appeal_deadline(None) is None


def test_publication_period_counts_the_first_day():
    assert publication_end(dt.date(2025, 9, 22)) == dt.date(2025, 9, 26)
    assert publication_end(dt.date(2025, 9, 29), 7) == dt.date(2025, 10, 5)
    assert publication_end(dt.date(2025, 9, 22), 1) == dt.date(2025, 9, 22)
    with pytest.raises(ValueError):
        publication_end(dt.date(2025, 9, 22), 0)
