"""The statistics view: the painted bars and lines against the data, the figures, the
employer table (qtmodeltester), the trial quota and the PNG export. Real widgets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from skillscore.actions.competition import Competition
from ui.session import Session
from ui.statistics_view import CUTOFF, LEVEL, PASS, TRIAL, StatisticsView

DESK = (1366, 768)


@pytest.fixture
def session(demo_file):
    s = Session.open(demo_file, operator="测试员")
    yield s
    s.close()


@pytest.fixture
def view(qtbot, session):
    v = StatisticsView(session)
    qtbot.addWidget(v)
    v.resize(*DESK)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    return v


def by_hand(ranking: dict, part: str) -> list[int]:
    """Ten-point bins counted here without the statistics module: 缺考 is 0, 100 is in 90–100."""
    counts = [0] * 10
    for r in ranking["rows"]:
        if r["status"] != "ranked":
            continue
        value = Decimal("0") if r[part] == "absent" else Decimal(r[part])
        counts[min(int(value) // 10, 9)] += 1
    return counts


@pytest.mark.parametrize("part", ["total", "theory", "practical"])
def test_the_bars_painted_are_the_bins_of_the_data(view, session, part):
    ranking = session.comp.ranking()
    expected = by_hand(ranking, part)
    bars = view.histograms[part].bar_rects()
    assert [b.count for b, _ in bars] == expected
    assert [f"{b.low:.0f}–{b.high:.0f}" for b, _ in bars] == [f"{10 * i}–{10 * i + 10}" for i in range(10)]
    # Left to right, one bar per bin, heights in proportion to the counts.
    lefts = [r.left() for _, r in bars]
    assert lefts == sorted(lefts)
    tallest_bin, tallest = max(bars, key=lambda br: br[0].count)
    for b, r in bars:
        assert r.height() == pytest.approx(tallest.height() * b.count / tallest_bin.count, abs=0.5)


def test_the_cut_off_line_stands_at_the_last_advancing_total_inside_its_bin(view, session):
    ranking = session.comp.ranking()
    last_in = [r for r in ranking["rows"] if r["advances"] is True][-1]
    hist = view.histograms["total"]
    cutoff = [line for line in hist.lines if line.colour == CUTOFF]
    assert len(cutoff) == 1 and cutoff[0].value == Decimal(last_in["total"])
    assert cutoff[0].label == f"晋级线 {last_in['total']}"
    x = hist.line_x(cutoff[0].value)
    bin_, rect = next((b, r) for b, r in hist.bar_rects() if b.holds(Decimal(last_in["total"])))
    assert rect.left() - 1 <= x <= rect.right() + 1
    # 78.43 sits 84.3% of the way along its bin (70–80 holds 78.43).
    along = (x - rect.left() + 1) / (rect.width() + 2)
    assert along == pytest.approx(float((Decimal(last_in["total"]) - bin_.low) / 10), abs=0.02)


def test_each_certificate_level_has_a_line_at_its_lowest_total_and_the_parts_show_the_pass_mark(view, session):
    ranking = session.comp.ranking()
    lowest: dict[int, Decimal] = {}
    for r in ranking["rows"]:
        if r["certificate"]:
            lowest[r["certificate"]] = min(lowest.get(r["certificate"], Decimal(100)), Decimal(r["total"]))
    levels = [line for line in view.histograms["total"].lines if line.colour == LEVEL]
    assert sorted(line.value for line in levels) == sorted(lowest.values())
    names = {3: "三级/高级工", 4: "四级/中级工", 5: "五级/初级工"}
    for level, total in lowest.items():
        assert any(line.label == f"{names[level]} 最低 {total}" for line in levels)
    for part in ("theory", "practical"):
        [line] = view.histograms[part].lines
        assert (line.colour, line.value, line.label) == (PASS, Decimal("60"), "及格线 60")


def test_the_summary_says_n_quota_and_cut_off(view, session):
    ranking = session.comp.ranking()
    last_in = [r for r in ranking["rows"] if r["advances"] is True][-1]
    text = view.summary.text()
    assert f"排名人数 N = {ranking['ranked']}" in text and f"晋级名额 {ranking['advance_quota']}" in text
    assert f"晋级线 {last_in['total']}（第 {last_in['rank']} 名）" in text
    assert "快递员" in view.title.text() and "初赛" in view.title.text()


def test_the_employer_table_passes_the_model_tester_and_adds_up(qtmodeltester, view, session):
    qtmodeltester.check(view.units)
    people = session.contestants()
    rows = view.units.rows
    assert sum(u.contestants for u in rows) == len(people)
    assert {u.unit for u in rows} == {c.unit for c in people}
    advancing = sum(1 for r in session.comp.ranking()["rows"] if r["advances"] is True)
    assert sum(u.advancing for u in rows) == advancing
    assert not view.unit_view.isColumnHidden(view.units.column_of("certified"))


def test_a_trial_quota_draws_where_it_would_cut_and_warns_of_a_straddling_tie(view, session):
    ranking = session.comp.ranking()
    assert view.trial.maximum() == ranking["ranked"] * 30 // 100
    view.trial.setValue(10)
    tenth = next(r for r in ranking["rows"] if r["rank"] == 10)
    trial = [line for line in view.histograms["total"].lines if line.colour == TRIAL]
    assert [line.value for line in trial] == [Decimal(tenth["total"])]
    assert view.trial_note.isVisible() and f"晋级线为 {tenth['total']}" in view.trial_note.text()
    assert "并列待定" not in view.trial_note.text()
    view.trial.setValue(14)  # the demo's tie to be decided holds places 14–15
    assert "并列待定" in view.trial_note.text()
    view.trial.setValue(0)
    assert not view.trial_note.isVisible()
    assert not [line for line in view.histograms["total"].lines if line.colour == TRIAL]
    with Competition(session.path) as comp:
        assert comp.info().rules.quota is None  # only a trial: nothing was set


def test_export_png_writes_the_charts_as_shown(view, tmp_path):
    out = view.export_png(tmp_path / "分布.png")
    assert out == tmp_path / "分布.png"
    image = QImage(str(out))
    assert not image.isNull()
    ratio = view.charts.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(view.charts.width() * ratio), round(view.charts.height() * ratio))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_png_to_a_missing_folder_says_so_and_writes_nothing(view, tmp_path):
    assert view.export_png(tmp_path / "missing" / "a.png") is None
    assert "无法写入" in view.trial_note.text()
    assert not (tmp_path / "missing").exists()


def test_a_new_mark_shows_after_refresh(view, session):
    before = [b.count for b, _ in view.histograms["total"].bar_rects()]
    incomplete = [r["no"] for r in session.comp.ranking()["rows"] if r["status"] == "incomplete"]
    session.set_mark(incomplete[0], "practical", "100")
    view.refresh()
    after = [b.count for b, _ in view.histograms["total"].bar_rects()]
    assert sum(after) == sum(before) + 1
    assert after == by_hand(session.comp.ranking(), "total")


def test_in_english_the_figures_and_lines_read_in_english(qtbot, session):
    from ui.i18n import install_language

    install_language("en")
    v = StatisticsView(session)
    qtbot.addWidget(v)
    v.refresh()
    assert v.summary.text().startswith("Ranked N = 55 · Quota 16 · Cut-off 78.43 (rank 16)")
    labels = [line.label for line in v.histograms["total"].lines]
    assert "Cut-off 78.43" in labels and "Level 3 / Senior worker from 91.75" in labels
    assert v.units.headerData(1, Qt.Horizontal) == "Entered"
