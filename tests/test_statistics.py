"""The figures behind the statistics view and page: bins, summary, cut-off, level lines and
per-employer counts, from small hand-made rankings and from a real competition file."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from skillscore.rules import statistics as st
from skillscore.actions.competition import Competition
from skillscore.demo import DEMO_PIN, build_demo


def row(no, total, *, theory=None, practical=None, rank=None, rank_range=None, advances=False,
        certificate=None, status="ranked", members=None):
    return {"no": no, "name": no, "members": members, "theory": theory or total, "practical": practical or total,
            "total": total if status == "ranked" else None, "status": status, "rank": rank,
            "rank_range": rank_range, "tie": "unresolved" if rank_range else None, "advances": advances,
            "certificate": certificate, "awards": None, "undecided": []}


def ranking(rows, quota=None):
    return {"ranked": sum(r["status"] == "ranked" for r in rows), "advance_quota": quota, "rows": rows}


# -- bins ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, label", [
    ("0.00", "0–10"), ("9.99", "0–10"), ("10.00", "10–20"), ("59.99", "50–60"), ("60.00", "60–70"),
    ("89.99", "80–90"), ("90.00", "90–100"), ("100.00", "90–100"),
])
def test_each_mark_falls_in_the_bin_whose_edges_hold_it(value, label):
    bins = st.histogram([D(value)])
    assert [b.label for b in bins if b.count] == [label]
    assert next(b for b in bins if b.count).holds(D(value))


def test_bins_are_ten_decimal_edges_from_0_to_100_and_count_every_value():
    values = [D(v) for v in ("55.50", "61.00", "69.99", "70.00", "100.00", "100.00", "12.34")]
    bins = st.histogram(values)
    assert [(b.low, b.high) for b in bins] == [(D(10) * i, D(10) * (i + 1)) for i in range(10)]
    assert all(isinstance(b.low, D) for b in bins)
    assert [b.count for b in bins] == [0, 1, 0, 0, 0, 1, 2, 1, 0, 2]
    assert sum(b.count for b in bins) == len(values)
    assert [b.closed for b in bins] == [False] * 9 + [True]


@pytest.mark.parametrize("bad", ["-0.01", "100.01"])
def test_a_mark_outside_0_to_100_is_an_error_not_a_silent_bin(bad):
    with pytest.raises(ValueError, match=bad):
        st.histogram([D(bad)])


# -- summary -----------------------------------------------------------------------------------
@pytest.mark.parametrize("values, mean, median, stdev", [
    (["60", "70", "80", "90"], "75.00", "75.00", "11.18"),  # pstdev = √125
    (["85.05", "90.00", "88.52"], "87.86", "88.52", "2.07"),  # √(12.9113/3)
    # Half-up (四舍五入), not banker's rounding: 70.005 → 70.01.
    (["70.00", "70.01"], "70.01", "70.01", "0.01"),
    (["88.00"], "88.00", "88.00", "0.00"),
])
def test_mean_median_and_population_spread_are_exact_decimals_rounded_half_up(values, mean, median, stdev):
    s = st.summarise([D(v) for v in values])
    assert (s.mean, s.median, s.stdev) == (D(mean), D(median), D(stdev))
    assert all(type(x) is D for x in (s.mean, s.median, s.stdev, s.minimum, s.maximum))
    assert s.count == len(values)


def test_an_empty_field_has_no_figures_rather_than_zeros():
    s = st.summarise([])
    assert (s.count, s.mean, s.median, s.stdev, s.minimum) == (0, None, None, None, None)


def test_only_ranked_rows_count_and_an_absent_part_counts_as_zero():
    rows = [row("A1", "80.00", theory="absent", practical="90.00", rank=1),
            row("A2", "70.00", rank=2),
            row("A3", None, status="withdrawn"), row("A4", None, status="incomplete")]
    theory = st.distribution(ranking(rows), "theory")
    assert theory.values == (D("0.00"), D("70.00"))
    assert theory.summary.absent == 1
    assert theory.bins[0].count == 1
    assert st.distribution(ranking(rows), "total").summary.count == 2


# -- lines: cut-off and levels ------------------------------------------------------------------
def test_cutoff_is_the_total_of_the_last_advancing_rank_even_inside_a_tied_group():
    rows = [row("A1", "90.00", rank=1, advances=True), row("A2", "85.00", rank=2, advances=True),
            row("A3", "80.00", rank_range=[3, 4], advances=True), row("A4", "80.00", rank_range=[3, 4], advances=True),
            row("A5", "70.00", rank=5)]
    cut = st.cutoff(ranking(rows, quota=4))
    assert (cut.total, cut.rank, cut.count) == (D("80.00"), 4, 4)


def test_no_cutoff_when_nobody_advances_or_advancement_is_open():
    rows = [row("A1", "90.00", rank=1), row("A2", "80.00", rank_range=[2, 3], advances=None),
            row("A3", "80.00", rank_range=[2, 3], advances=None)]
    assert st.cutoff(ranking(rows)) is None
    assert st.compute(ranking(rows), {}).undecided_advance == 2


def test_level_lines_come_from_who_holds_each_level_not_from_rank_positions():
    # A4 is in rank 4 of level 4 positions but failed the pass mark: no level, no line at 75.
    rows = [row("A1", "95.00", rank=1, certificate=3), row("A2", "90.00", rank=2, certificate=3),
            row("A3", "85.00", rank=3, certificate=4), row("A4", "75.00", rank=4, certificate=None),
            row("A5", "70.00", rank=5, certificate=5), row("A6", "60.00", rank=6)]
    lines = st.level_thresholds(ranking(rows))
    assert [(t.level, t.total, t.rank, t.count) for t in lines] == [
        (3, D("90.00"), 2, 2), (4, D("85.00"), 3, 1), (5, D("70.00"), 5, 1)]


@pytest.mark.parametrize("quota, expected", [
    (1, (D("90.00"), False)), (2, (D("80.00"), True)), (3, (D("80.00"), False)), (4, (D("70.00"), False)),
    (0, None), (5, None),
])
def test_what_a_smaller_quota_would_cut_at_and_whether_a_tie_straddles_it(quota, expected):
    rows = [row("A1", "90.00", rank=1), row("A2", "80.00", rank_range=[2, 3]),
            row("A3", "80.00", rank_range=[2, 3]), row("A4", "70.00", rank=4)]
    assert st.cutoff_for_quota(ranking(rows), quota) == expected


# -- per employer -------------------------------------------------------------------------------
def test_per_unit_counts_people_including_team_members_and_those_not_ranked():
    rows = [row("甲队", "90.00", rank=1, advances=True, members=["T1", "T2"], certificate=3),
            row("乙队", "80.00", rank=2, members=["T3", "T4"]),
            row("丙队", None, status="absent", members=["T5", "T6"])]
    units = {"T1": "邮政", "T2": "顺丰", "T3": "邮政", "T4": "邮政", "T5": "顺丰", "T6": "京东"}
    counts = {u.unit: (u.contestants, u.ranked, u.advancing, u.certified) for u in st.unit_counts(ranking(rows), units)}
    assert counts == {"邮政": (3, 3, 1, 1), "顺丰": (2, 1, 1, 1), "京东": (1, 0, 0, 0)}
    assert [u.unit for u in st.unit_counts(ranking(rows), units)][0] == "邮政"  # most people first


# -- a real file --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("stats") / "demo.skillscore")


def test_the_demo_figures_agree_with_its_ranking_row_by_row(demo):
    with Competition(demo) as comp:
        stats = st.of_competition(comp)
        doc = comp.ranking()
        people = comp.contestants()
    ranked = [r for r in doc["rows"] if r["status"] == "ranked"]
    assert stats.ranked == len(ranked) == sum(b.count for b in stats.totals.bins)
    # Each row's total is in exactly one bin, the one that holds it.
    for r in ranked:
        assert sum(b.holds(D(r["total"])) for b in stats.totals.bins) == 1
    advancing = [r for r in ranked if r["advances"]]
    assert stats.cutoff.total == min(D(r["total"]) for r in advancing)
    assert stats.cutoff.count == len(advancing) == stats.quota
    assert {t.level for t in stats.levels} == {r["certificate"] for r in ranked if r["certificate"]}
    assert sum(u.contestants for u in stats.units) == len(people)
    assert sum(u.advancing for u in stats.units) == len(advancing)
    assert stats.pass_mark == D("60")
    # The median by hand: the middle of the sorted totals (55 ranked, so one middle value).
    totals = sorted(D(r["total"]) for r in ranked)
    assert stats.totals.summary.median == totals[len(totals) // 2]


def test_a_finalised_document_gives_the_same_figures_as_the_open_file(demo, tmp_path):
    path = tmp_path / "final.skillscore"
    path.write_bytes(demo.read_bytes())
    with Competition(path) as comp:
        # The demo leaves three practical marks missing and one tie open: settle both.
        open_nos = [r["no"] for r in comp.ranking()["rows"] if r["status"] == "incomplete"]
        for no in open_nos:
            comp.set_mark(no, "practical", "66.00")
        comp.draw_lots(list(comp.standings().tie_groups[0]), pin=DEMO_PIN, seed="s")
        comp.finalize(pin=DEMO_PIN)
        live = st.of_competition(comp)
        stored = st.of_document(comp.finalized_document())
    assert live == stored


# -- the statistics page in the results PDF ---------------------------------------------------------
def pdf_pages(path) -> list[str]:
    import pdfplumber

    # Not the draft watermark, drawn at 38° across each page (pdfminer calls that upright).
    with pdfplumber.open(path) as pdf:
        return [page.filter(lambda o: o.get("object_type") != "char" or abs(o["matrix"][1]) < 1e-6)
                .extract_text() or "" for page in pdf.pages]


def test_the_results_pdf_gains_a_statistics_page_only_when_asked(demo, tmp_path):
    from skillscore.reports import write_report

    with Competition(demo) as comp:
        plain = write_report(comp, "results", tmp_path / "plain.pdf")
        pages = write_report(comp, "results", tmp_path / "stats.pdf", with_statistics=True)
        stats = st.of_competition(comp)
    assert pages == plain + 1
    plain_text, text = pdf_pages(tmp_path / "plain.pdf"), pdf_pages(tmp_path / "stats.pdf")
    assert "成绩分布统计" not in "".join(plain_text)
    # The sheet's own pages are unchanged but for the page count in their footers.
    assert [t.replace(f"共 {pages} 页", "") for t in text[:plain]] == [t.replace(f"共 {plain} 页", "") for t in plain_text]
    last = text[-1]
    assert "成绩分布统计" in last and f"第 {pages} 页 共 {pages} 页" in last
    s = stats.totals.summary
    assert f"平均 {s.mean} · 中位数 {s.median} · 标准差 {s.stdev} · 最低 {s.minimum} · 最高 {s.maximum}" in last
    assert f"晋级线 {stats.cutoff.total}（第 {stats.cutoff.rank} 名）" in last
    for t in stats.levels:
        assert f"最低 {t.total}（第 {t.rank} 名，{t.count} 人）" in last
    assert "及格线 60" in last and "缺考 1 人" in last
    for u in stats.units:
        assert f"{u.unit} {u.contestants} {u.ranked} {u.advancing} {u.certified}" in last
    assert "草稿（第 1 版，未定稿）" in last  # a draft's statistics page says so in its footer


def test_many_employers_continue_on_further_pages_none_left_out(tmp_path):
    import csv

    from skillscore.demo import ROSTER_HEADER, mark_rows, roster_rows
    from skillscore.reports import write_report

    rows = roster_rows(90, seed=3)
    for i, r in enumerate(rows):
        r[6] = f"北京市第{i + 1:03d}测试单位有限公司"
    path = tmp_path / "many.skillscore"
    with Competition.create(path, event_no=2, stage="prelim", committee="组委会", pin=DEMO_PIN,
                            date="2025-09-20") as comp:
        for name, header, body in (("r.csv", ROSTER_HEADER, rows),
                                   ("m.csv", ["编号", "理论知识", "技能操作", "状态"], mark_rows([r[0] for r in rows]))):
            with open(tmp_path / name, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows([header, *body])
        comp.import_roster(tmp_path / "r.csv")
        comp.import_marks(tmp_path / "m.csv")
        plain = write_report(comp, "results", tmp_path / "a.pdf")
        pages = write_report(comp, "results", tmp_path / "b.pdf", with_statistics=True)
    text = pdf_pages(tmp_path / "b.pdf")
    assert pages == len(text) > plain + 1
    stats_text = "\n".join(text[plain:])
    assert "成绩分布统计（续）" in stats_text and "（续下页）" in stats_text
    for i in range(90):
        assert stats_text.count(f"北京市第{i + 1:03d}测试单位有限公司 1 1") == 1
    assert "取证" not in text[plain].split("各工作单位人数")[1]  # event 2 is not certificate-bearing


@pytest.mark.parametrize("kind, name", [("advancement", "a.pdf"), ("results", "a.xlsx")])
def test_the_statistics_page_goes_only_with_the_results_pdf(demo, tmp_path, kind, name):
    from skillscore.errors import UsageError
    from skillscore.reports import write_report

    with Competition(demo) as comp, pytest.raises(UsageError) as err:
        write_report(comp, kind, tmp_path / name, with_statistics=True)
    assert err.value.code == "report_statistics_results_only"
    assert not (tmp_path / name).exists()


def test_cli_report_with_statistics(demo, tmp_path):
    from support import run_cli

    out = tmp_path / "r.pdf"
    done = run_cli("report", demo, "results", "-o", out, "--with-statistics")
    assert done.returncode == 0, done.stderr
    assert "成绩分布统计" in pdf_pages(out)[-1]
    bad = run_cli("report", demo, "awards", "-o", tmp_path / "x.pdf", "--with-statistics")
    assert bad.returncode == 2 and "统计页只能附在成绩表" in bad.stderr
