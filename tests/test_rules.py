"""The rules as tables (RULES.md §2–§8), plus properties checked with hypothesis."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillscore.model import ABSENT, Contestant, Entry, Stage, StageRules, Status, TieDecision
from skillscore.rules.marks import MarkError, parse_mark, weighted_total
from skillscore.rules.outcomes import cap_level, raw_level
from skillscore.rules.standings import compute_standings
from skillscore.rules.units import build_units

D = Decimal


def standings_for(marks: dict[str, tuple], *, stage="prelim", certified=False, levels=(1, 2, 3, 4, 5),
                  quota=None, decisions=(), cards=()):
    people = [Contestant(no, no, f"id{no}", "单位", union_card=no in cards, seq=i) for i, no in enumerate(marks)]
    entries = {}
    for no, m in marks.items():
        t, p, *status = m
        entries[no] = Entry(parse_mark(t), parse_mark(p), Status(status[0]) if status else None)
    rules = StageRules(Stage(stage), certified, tuple(levels), quota=quota)
    return compute_standings(build_units(people, entries, 1), rules, decisions)


def row(standings, no):
    return next(r for r in standings.rows if r.unit.key == no)


# -- marks and totals ------------------------------------------------------------------------
@pytest.mark.parametrize("theory, practical, total", [
    ("85.05", "90.00", "88.52"),  # 88.515: binary floating point would give 88.51
    ("100", "100", "100.00"),
    ("0", "0", "0.00"),
    ("缺考", "87.80", "61.46"),
    ("69", "缺考", "20.70"),
    ("60.38", "56.06", "57.36"),  # 57.356 → 57.36
    ("0.01", "0", "0.00"),  # 0.003 → 0.00
    ("0.05", "0", "0.02"),  # 0.015 → 0.02, half-up
])
def test_weighted_total_is_exact_and_half_up(theory, practical, total):
    assert weighted_total(parse_mark(theory), parse_mark(practical)) == D(total)


MARKS = st.one_of(st.just(ABSENT), st.integers(0, 10_000).map(lambda h: Decimal(h).scaleb(-2)),
                  # what no program path stores, but a hand-edited file can hold
                  st.integers(-2_000, 200_000).map(lambda t: Decimal(t).scaleb(-3)))


@settings(max_examples=400)
@given(MARKS, MARKS)
def test_a_units_total_and_keys_in_hundredths_are_weighted_total(theory, practical):
    """units._unit computes the total in integers; it must be weighted_total's, digit for
    digit, for any mark a file can hold (negative or three decimals in a hand-edited one)."""
    from skillscore.rules.marks import format_mark, hundredths
    from skillscore.rules.units import individual_unit

    unit = individual_unit("A1", "甲", False, theory, practical, None)
    if theory is ABSENT and practical is ABSENT:
        assert unit.status is Status.ABSENT and unit.total is None
        return
    expected = weighted_total(theory, practical)
    assert unit.total == expected and str(unit.total) == str(expected)
    assert format_mark(unit.total) == format_mark(expected)
    assert unit.rank_key == (hundredths(expected), hundredths(practical))


# Any Decimal a file or a computation can give: two decimals, other exponents, signs and
# zeros of either sign, and the exponent's written form (1E+2).
ANY_DECIMAL = st.builds(lambda c, e: Decimal(c).scaleb(e), st.integers(-10**7, 10**7), st.integers(-9, 3)) | \
    st.sampled_from([Decimal("-0"), Decimal("-0.00"), Decimal("1E+2"), Decimal("1.00E+1"), Decimal("1E-7")])


@given(ANY_DECIMAL)
def test_a_marks_text_and_hundredths_are_their_definitions(value):
    """format_decimal and exact_hundredths take shortcuts for two decimals (issue 18); they
    must answer as the plain definitions do: half-up to hundredths without a zero's sign;
    whole non-negative hundredths or None."""
    from skillscore.rules.marks import exact_hundredths, format_decimal

    assert format_decimal.__wrapped__(value) == str(value.quantize(Decimal("0.01"), ROUND_HALF_UP) + 0)
    whole = value * 100 == int(value * 100) and value >= 0
    assert exact_hundredths.__wrapped__(value) == (int(value * 100) if whole else None)


@pytest.mark.parametrize("text, code", [
    ("100.5", "mark_out_of_range"),
    ("-1", "mark_out_of_range"),
    ("88.123", "mark_too_many_decimals"),
    ("八十", "mark_not_number"),
    ("1e2", "mark_not_number"),
    ("85,5", "mark_not_number"),
    ("nan", "mark_not_number"),
    ("٣", "mark_not_number"),  # Arabic-Indic three: Decimal reads it, a mark sheet never has it
    ("８５，５", "mark_not_number"),
])
def test_bad_marks_are_refused_never_rounded(text, code):
    with pytest.raises(MarkError) as exc:
        parse_mark(text)
    assert exc.value.code == code


@pytest.mark.parametrize("text, value", [("85", D("85.00")), ("85.5", D("85.50")), ("100.00", D("100.00")),
                                         ("缺考", ABSENT), ("", None), ("  ", None),
                                         ("１００", D("100.00")), ("９０．５", D("90.50")), ("\u3000８５\u3000", D("85.00"))])
def test_good_marks(text, value):
    assert parse_mark(text) == value


# -- ranking --------------------------------------------------------------------------------
def test_equal_totals_go_to_the_higher_practical():
    s = standings_for({"A": ("97", "77"), "B": ("83", "83"), "C": ("90", "10")})
    assert [r.unit.key for r in s.rows] == ["B", "A", "C"]
    assert row(s, "B").tie == "practical" and row(s, "A").tie == "practical"
    assert row(s, "C").tie is None


def test_full_tie_is_never_ordered_silently():
    s = standings_for({"B2": ("80", "80"), "A1": ("80", "80"), "C": ("90", "90")})
    assert row(s, "C").rank == 1
    for no in ("A1", "B2"):
        assert row(s, no).rank is None and row(s, no).rank_range == (2, 3) and row(s, no).tie == "unresolved"
    assert s.tie_groups == (("A1", "B2"),)
    assert "unresolved_ties" in s.warnings


def test_committee_decision_applies_only_to_exactly_that_group_and_marks():
    d = TieDecision(("B2", "A1"), D("80.00"), D("80.00"), "committee", "复核录像")
    s = standings_for({"A1": ("80", "80"), "B2": ("80", "80")}, decisions=[d])
    assert (row(s, "B2").rank, row(s, "A1").rank) == (1, 2)
    assert row(s, "B2").tie == "committee" and row(s, "B2").tie_method == "committee"
    # A third contestant joins the tie: the old decision no longer fits, the group is open again.
    s = standings_for({"A1": ("80", "80"), "B2": ("80", "80"), "C3": ("80", "80")}, decisions=[d])
    assert all(r.tie == "unresolved" for r in s.rows)
    # The marks changed but the pair is still tied: the decision was about other marks.
    s = standings_for({"A1": ("70", "70"), "B2": ("70", "70")}, decisions=[d])
    assert all(r.tie == "unresolved" for r in s.rows)


def test_statuses_are_not_ranked_and_listed_by_number():
    s = standings_for({"Z": ("80", "80"), "B": ("", "80"), "A": ("90", "90", "withdrawn"),
                       "C": ("缺考", "缺考"), "D": ("50", "", "disqualified")})
    assert [(r.unit.key, r.unit.status.value) for r in s.rows] == [
        ("Z", "ranked"), ("A", "withdrawn"), ("B", "incomplete"), ("C", "absent"), ("D", "disqualified")]
    assert s.ranked == 1 and not s.complete


# -- advancement ----------------------------------------------------------------------------
def ten(**extra):
    marks = {f"N{i:02d}": (str(90 - i), str(90 - i)) for i in range(10)}
    marks.update(extra)
    return marks


def test_quota_is_floor_of_30_percent():
    s = standings_for(ten())
    assert s.advance_quota == 3
    assert [r.advances for r in s.rows] == [True] * 3 + [False] * 7


def test_a_smaller_quota_is_used_a_larger_one_is_capped():
    assert standings_for(ten(), quota=2).advance_quota == 2
    assert standings_for(ten(), quota=9).advance_quota == 3


def test_tie_straddling_the_cut_off_leaves_advancement_undecided():
    marks = ten()
    marks["N02"] = marks["N03"] = ("87.5", "87.5")  # positions 3–4 around the quota of 3
    s = standings_for(marks)
    for no in ("N02", "N03"):
        assert row(s, no).advances is None and row(s, no).undecided == ("advances",)
    assert sum(r.advances is True for r in s.rows) == 2


def test_the_final_does_not_advance():
    s = standings_for(ten(), stage="final")
    assert s.advance_quota is None and not any(r.advances for r in s.rows)


# -- certificates ---------------------------------------------------------------------------
@pytest.mark.parametrize("stage, position, n, level", [
    ("prelim", 3, 40, 3), ("prelim", 4, 40, 4), ("prelim", 8, 40, 4), ("prelim", 9, 40, 5),
    ("prelim", 20, 40, 5), ("prelim", 21, 40, None),
    ("semifinal", 5, 40, 2), ("semifinal", 6, 40, 3), ("semifinal", 12, 40, 3), ("semifinal", 13, 40, None),
    ("final", 5, 12, 1), ("final", 6, 12, 2), ("final", 10, 12, 2), ("final", 11, 12, None),
])
def test_levels_by_position(stage, position, n, level):
    assert raw_level(Stage(stage), position, n) == level


@pytest.mark.parametrize("level, levels, issued", [
    (1, (2, 3, 4, 5), 2), (5, (1, 2, 3, 4), None), (3, (1, 2, 3, 4), 3), (None, (1, 2), None),
    (3, (1, 2, 4, 5), 4),
])
def test_national_standard_cap(level, levels, issued):
    assert cap_level(level, levels) == issued


def test_certificate_needs_both_parts_passed_and_nobody_moves_up():
    s = standings_for({"A": ("59.99", "99"), "B": ("60", "60"), "C": ("缺考", "100")},
                      certified=True)
    assert row(s, "A").certificate is None and row(s, "C").certificate is None
    assert row(s, "B").certificate == 3  # rank 2 at the prelim → level 3 (rank 1–3)


def test_tie_across_a_level_boundary_is_undecided_only_if_the_issued_level_differs():
    marks = {f"N{i:02d}": (str(90 - i), str(90 - i)) for i in range(20)}
    marks["N02"] = marks["N03"] = ("87", "87")  # positions 3–4: level 3 vs 4 (floor(20%·20) = 4)
    s = standings_for(marks, certified=True)
    assert row(s, "N02").certificate is None and "certificate" in row(s, "N02").undecided
    # With a standard whose highest level is 4, both positions issue 4: decided.
    s = standings_for(marks, certified=True, levels=(4, 5))
    assert row(s, "N02").certificate == 4 and row(s, "N02").undecided == ()


# -- awards ---------------------------------------------------------------------------------
def test_final_awards_with_and_without_the_union_card():
    marks = {f"N{i:02d}": (str(90 - i), str(90 - i)) for i in range(12)}
    s = standings_for(marks, stage="final", cards={"N00", "N01", "N10"})
    a = {r.unit.key: r.awards for r in s.rows}
    assert (a["N00"].subsidy_yuan, a["N00"].labor_award_nomination, a["N00"].talent_pool) == (2000, True, True)
    assert (a["N01"].subsidy_yuan, a["N01"].labor_award_nomination) == (1000, False)
    assert a["N02"].subsidy_yuan is None and a["N02"].talent_pool
    assert a["N10"].talent_pool is False and a["N10"].subsidy_yuan is None


def test_tie_across_the_first_place_leaves_awards_undecided():
    s = standings_for({"A": ("90", "90"), "B": ("90", "90")}, stage="final", cards={"A"})
    assert all(r.awards is None and "awards" in r.undecided for r in s.rows)


# -- team event -----------------------------------------------------------------------------
def team_standings(rows, team_size=2, stage="final"):
    people, entries = [], {}
    for i, (no, team, t, p, *status) in enumerate(rows):
        people.append(Contestant(no, no, f"id{no}", "单位", team=team, seq=i))
        entries[no] = Entry(parse_mark(t), parse_mark(p), Status(status[0]) if status else None)
    return compute_standings(build_units(people, entries, team_size), StageRules(Stage(stage), False, team_size=team_size))


def test_team_theory_is_the_mean_with_absent_as_zero():
    s = team_standings([("T1", "甲", "41.57", "71"), ("T2", "甲", "缺考", "71")])
    assert s.rows[0].unit.theory == D("20.79") and s.rows[0].unit.members == ("T1", "T2")


def test_team_status_precedence_and_incomplete():
    s = team_standings([("T1", "甲", "80", "80", "absent"), ("T2", "甲", "80", "80", "disqualified"),
                        ("T3", "乙", "", "80"), ("T4", "乙", "80", "80")])
    assert {r.unit.key: r.unit.status for r in s.rows} == {"甲": Status.DISQUALIFIED, "乙": Status.INCOMPLETE}


# -- properties -----------------------------------------------------------------------------
mark_text = st.one_of(
    st.integers(0, 10000).map(lambda c: str(Decimal(c) / 100)),
    st.just("缺考"),
    st.sampled_from(["80", "80.00", "70.5"]),  # repeated values make ties likely
)
field = st.dictionaries(
    st.text("ABC0123", min_size=1, max_size=4),
    st.tuples(mark_text, mark_text),
    min_size=1, max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(field, st.randoms())
def test_properties_of_any_ranking(marks, rnd):
    s = standings_for(marks)
    ranked = [r for r in s.rows if r.unit.status is Status.RANKED]
    n = len(ranked)
    # Ranks are a permutation of 1..N apart from unresolved spans, which cover the rest exactly.
    covered = []
    for r in ranked:
        if r.rank is not None:
            covered.append(r.rank)
        else:
            first, last = r.rank_range
            assert r.tie == "unresolved" and last > first
    spans = {r.rank_range for r in ranked if r.rank is None}
    for first, last in spans:
        covered.extend(range(first, last + 1))
    assert sorted(covered) == list(range(1, n + 1))
    # Advancing never exceeds floor(30% N).
    assert sum(r.advances is True for r in s.rows) <= n * 30 // 100
    # Totals match an independent Decimal computation.
    for r in ranked:
        t, p = marks[r.unit.key]
        tv = Decimal(0) if t == "缺考" else Decimal(t)
        pv = Decimal(0) if p == "缺考" else Decimal(p)
        assert r.unit.total == (tv * 3 / 10 + pv * 7 / 10).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # The order does not depend on the input order.
    items = list(marks.items())
    rnd.shuffle(items)
    again = standings_for(dict(items))
    assert [(r.unit.key, r.rank, r.rank_range, r.tie, r.advances) for r in again.rows] == [
        (r.unit.key, r.rank, r.rank_range, r.tie, r.advances) for r in s.rows]


@settings(max_examples=300, deadline=None)
@given(ranked=st.integers(0, 3000), stage=st.sampled_from(list(Stage)),
       levels=st.lists(st.integers(1, 5), min_size=0, max_size=5, unique=True).map(lambda ls: tuple(sorted(ls))))
def test_the_levels_found_by_bisection_are_the_levels_of_every_position(ranked, stage, levels):
    from skillscore.rules.standings import answers_for

    rules = StageRules(stage, True, levels)
    expected = [None] + [None if raw_level(stage, p, ranked) is None else cap_level(raw_level(stage, p, ranked), levels)
                         for p in range(1, ranked + 1)]
    assert answers_for(ranked, rules).level_at == expected
