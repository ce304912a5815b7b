"""How the marks are spread: histograms, mean / median / spread, the advancement cut-off,
the lowest total at each certificate level, and counts per employer (工作单位).

Pure functions over what the core already computed: the contract's ranking object
(``comp.ranking()``, or ``doc["ranking"]`` of a results document) and each contestant's
employer. No rule is applied again here: who advances and who holds which level is read
from the rows, so the picture always agrees with the sheet. Every figure is a Decimal;
binary floats never touch a mark.

The population is the N ranked units (RULES.md §4): rows without a rank have no total.
A part marked 缺考 counts as 0.00, as it does in the total (RULES.md §2), and is counted
separately so the picture can say how many zeros are absences.
"""

from __future__ import annotations

import statistics as pystats
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Mapping

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")
BIN_WIDTH = Decimal("10")
PARTS = ("total", "theory", "practical")


@dataclass(frozen=True)
class Bin:
    """Marks ``low ≤ m < high``; the last bin also holds ``high`` itself (a mark of 100)."""

    low: Decimal
    high: Decimal
    count: int
    closed: bool = False  # True for the last bin: its upper edge is included

    @property
    def label(self) -> str:
        return f"{self.low:.0f}–{self.high:.0f}"

    def holds(self, value: Decimal) -> bool:
        return self.low <= value < self.high or (self.closed and value == self.high)


@dataclass(frozen=True)
class Summary:
    """Mean, median and population standard deviation (the whole field, not a sample),
    each rounded half-up to 2 decimals; None when there is nothing to summarise."""

    count: int
    mean: Decimal | None
    median: Decimal | None
    stdev: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    absent: int = 0  # how many of the values are a 缺考 counted as 0.00


@dataclass(frozen=True)
class Distribution:
    """One part's marks over the ranked units (total, theory or practical): the values, histogram and summary."""

    part: str  # "total", "theory" or "practical"
    values: tuple[Decimal, ...]
    bins: tuple[Bin, ...]
    summary: Summary


@dataclass(frozen=True)
class Threshold:
    """A line on the histogram: the lowest total still inside a group, and its rank.

    ``kind`` is "cutoff" (the last advancing rank) or "level" (the lowest total holding
    certificate ``level``)."""

    kind: str
    total: Decimal
    rank: int
    level: int | None = None
    count: int = 0  # how many hold it (advance, or hold this level)


@dataclass(frozen=True)
class UnitCount:
    """One employer (工作单位): how many of its people are on the roster, ranked, advancing and certified."""

    unit: str
    contestants: int  # people on the roster from this employer
    ranked: int  # of them, in a ranked unit
    advancing: int  # of them, in a unit that advances
    certified: int  # of them, in a unit holding a certificate level


@dataclass(frozen=True)
class Statistics:
    """The marks' picture of a stage: each part's distribution, the cut-off and level lines, the counts per employer."""

    ranked: int
    quota: int | None
    distributions: dict[str, Distribution]
    cutoff: Threshold | None
    levels: tuple[Threshold, ...]
    units: tuple[UnitCount, ...]
    undecided_advance: int  # rows whose advancement an unresolved tie leaves open
    pass_mark: Decimal | None = None

    @property
    def totals(self) -> Distribution:
        return self.distributions["total"]


# -- the pieces -----------------------------------------------------------------------------
def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def histogram(values: Iterable[Decimal], *, width: Decimal = BIN_WIDTH, top: Decimal = HUNDRED) -> tuple[Bin, ...]:
    """Equal bins from 0 to ``top`` (10-point bins: 0–10 … 90–100); ``top`` itself falls in
    the last bin, so a perfect 100 is counted, not lost off the right edge."""
    n = int(top / width)
    counts = [0] * n
    for v in values:
        if v < 0 or v > top:
            raise ValueError(f"mark {v} is outside 0–{top}")
        counts[min(int(v // width), n - 1)] += 1
    return tuple(Bin(width * i, width * (i + 1), counts[i], closed=i == n - 1) for i in range(n))


def summarise(values: Iterable[Decimal], *, absent: int = 0) -> Summary:
    vals = list(values)
    if not vals:
        return Summary(0, None, None, None, None, None, absent)
    # statistics works exactly on Decimals (through Fractions) and returns Decimals.
    return Summary(
        count=len(vals),
        mean=round2(pystats.mean(vals)),
        median=round2(pystats.median(vals)),
        stdev=round2(pystats.pstdev(vals)),
        minimum=min(vals),
        maximum=max(vals),
        absent=absent,
    )


def mark_value(text: str | None) -> Decimal | None:
    """A mark as the ranking object writes it: '88.50', 'absent' (→ 0.00) or None."""
    if text is None:
        return None
    if text == "absent":
        return ZERO
    return Decimal(text)


def ranked_rows(ranking: Mapping) -> list[dict]:
    return [r for r in ranking["rows"] if r["status"] == "ranked"]


def distribution(ranking: Mapping, part: str) -> Distribution:
    rows = ranked_rows(ranking)
    values = [v for v in (mark_value(r[part]) for r in rows) if v is not None]
    absent = sum(1 for r in rows if r[part] == "absent")
    return Distribution(part, tuple(values), histogram(values), summarise(values, absent=absent))


def _lowest(rows: list[dict]) -> tuple[Decimal, int] | None:
    """The lowest total among ``rows`` and the (last) position it sits at."""
    if not rows:
        return None
    low = min(Decimal(r["total"]) for r in rows)
    rank = max(_position(r) for r in rows if Decimal(r["total"]) == low)
    return low, rank


def _position(row: dict) -> int:
    # A row in an unresolved tie has no rank but occupies a..b; the last place counts.
    return row["rank"] if row["rank"] is not None else row["rank_range"][1]


def cutoff(ranking: Mapping) -> Threshold | None:
    """The total of the last advancing rank (None at the final or when nobody advances)."""
    advancing = [r for r in ranked_rows(ranking) if r["advances"] is True]
    low = _lowest(advancing)
    if low is None:
        return None
    return Threshold("cutoff", low[0], low[1], count=len(advancing))


def level_thresholds(ranking: Mapping) -> tuple[Threshold, ...]:
    """For each certificate level issued: the lowest total holding it, best level first.

    Read from the rows (who holds which level), not from the rank rules, so a contestant
    who failed the pass mark and got nothing does not drag a line down."""
    by_level: dict[int, list[dict]] = {}
    for r in ranked_rows(ranking):
        if r["certificate"]:
            by_level.setdefault(r["certificate"], []).append(r)
    out = []
    for level in sorted(by_level):
        total, rank = _lowest(by_level[level])
        out.append(Threshold("level", total, rank, level=level, count=len(by_level[level])))
    return tuple(out)


def cutoff_for_quota(ranking: Mapping, quota: int) -> tuple[Decimal, bool] | None:
    """What a quota of ``quota`` would cut at: the total at that place, and whether an
    unresolved tie straddles it (then advancement there stays open until the committee
    decides, RULES.md §5), so the committee sees it before setting a smaller quota.
    None for a quota of 0 or beyond the ranked field."""
    rows = ranked_rows(ranking)
    if quota <= 0 or quota > len(rows):
        return None
    at = next(r for r in rows if _first(r) <= quota <= _position(r))
    return Decimal(at["total"]), _position(at) > quota


def _first(row: dict) -> int:
    return row["rank"] if row["rank"] is not None else row["rank_range"][0]


def unit_counts(ranking: Mapping, units: Mapping[str, str]) -> tuple[UnitCount, ...]:
    """People per employer: on the roster, ranked, advancing, holding a level. A team's
    members count one each under their own employer. Most contestants first, then by name."""
    table: dict[str, list[int]] = {}
    for no, unit in units.items():
        table.setdefault(unit or "", [0, 0, 0, 0])[0] += 1
    for r in ranking["rows"]:
        if r["status"] != "ranked":
            continue
        for no in r["members"] or [r["no"]]:
            counts = table.setdefault(units.get(no, ""), [0, 0, 0, 0])
            counts[1] += 1
            counts[2] += r["advances"] is True
            counts[3] += bool(r["certificate"])
    rows = [UnitCount(u, *c) for u, c in table.items()]
    return tuple(sorted(rows, key=lambda u: (-u.contestants, -u.ranked, u.unit)))


# -- everything at once -------------------------------------------------------------------------
def compute(ranking: Mapping, units: Mapping[str, str], *, pass_mark: Decimal | None = None) -> Statistics:
    """All the figures for one sitting. ``units`` maps every contestant's number to their
    employer (the roster, members of teams included)."""
    return Statistics(
        ranked=ranking["ranked"],
        quota=ranking.get("advance_quota"),
        distributions={part: distribution(ranking, part) for part in PARTS},
        cutoff=cutoff(ranking),
        levels=level_thresholds(ranking),
        units=unit_counts(ranking, units),
        undecided_advance=sum(1 for r in ranked_rows(ranking) if r["advances"] is None),
        pass_mark=pass_mark,
    )


def of_competition(comp) -> Statistics:
    """The live (or finalised) figures of an open ``Competition``."""
    info = comp.info()
    units = {c.no: c.unit for c in comp.contestants()}
    return compute(comp.ranking(), units, pass_mark=info.rules.pass_mark if info.event.certified else None)


def of_document(doc: Mapping) -> Statistics:
    """The figures of a results document (what the sheets are printed from)."""
    units = {p["no"]: p.get("unit", "") for p in doc.get("contestants", [])}
    pass_mark = doc.get("settings", {}).get("pass_mark") if doc["event"].get("certified") else None
    return compute(doc["ranking"], units, pass_mark=Decimal(pass_mark) if pass_mark else None)


def to_dict(stats: Statistics) -> dict:
    """Plain JSON-ready data (``skillscore stats --json``): every figure as a two-decimal
    string, like marks in the ranking object; counts as integers."""

    def mark(v: Decimal | None) -> str | None:
        return None if v is None else f"{v:.2f}"

    def line(t: Threshold | None) -> dict | None:
        if t is None:
            return None
        return {"total": mark(t.total), "rank": t.rank, "level": t.level, "count": t.count}

    return {
        "ranked": stats.ranked,
        "advance_quota": stats.quota,
        "pass_mark": mark(stats.pass_mark),
        "cutoff": line(stats.cutoff),
        "levels": [line(t) for t in stats.levels],
        "undecided_advance": stats.undecided_advance,
        "distributions": {
            part: {
                "bins": [{"low": mark(b.low), "high": mark(b.high), "count": b.count} for b in d.bins],
                "count": d.summary.count, "absent": d.summary.absent,
                **{k: mark(getattr(d.summary, k)) for k in ("mean", "median", "stdev", "minimum", "maximum")},
            }
            for part, d in stats.distributions.items()
        },
        "units": [{"unit": u.unit, "contestants": u.contestants, "ranked": u.ranked, "advancing": u.advancing,
                   "certified": u.certified} for u in stats.units],
    }


# -- words for the CLI and the printed page (the screens use Qt's translations) -------------------
LABELS: dict[str, tuple[str, str]] = {
    "title": ("成绩分布统计", "Statistics"),
    "total": ("总成绩", "Total"),
    "theory": ("理论知识", "Theory"),
    "practical": ("技能操作", "Practical"),
    "histogram": ("{part}分布（{n} 人，每 10 分一组）", "{part} distribution ({n} ranked, 10-point bins)"),
    "figures": ("平均 {mean} · 中位数 {median} · 标准差 {stdev} · 最低 {minimum} · 最高 {maximum}",
                "mean {mean} · median {median} · std. dev. {stdev} · min {minimum} · max {maximum}"),
    "absent_note": ("（缺考 {count} 人，计为 0.00）", " ({count} absent, counted as 0.00)"),
    "ranked": ("排名人数 N = {n}", "Ranked N = {n}"),
    "quota": ("晋级名额 {quota}", "Advancement quota {quota}"),
    "cutoff": ("晋级线 {total}（第 {rank} 名）", "Cut-off {total} (rank {rank})"),
    "cutoff_short": ("晋级线 {total}", "Cut-off {total}"),
    "level_line": ("{level} 最低 {total}（第 {rank} 名，{count} 人）", "{level} from {total} (rank {rank}, {count})"),
    "pass_line": ("及格线 {mark}", "Pass mark {mark}"),
    "undecided": ("另有 {count} 人晋级待定（并列待定）", "{count} more: advancement open (tie to be decided)"),
    "units": ("各工作单位人数", "By employer"),
    "unit": ("工作单位", "Employer"),
    "contestants": ("参赛", "Entered"),
    "ranked_col": ("排名", "Ranked"),
    "advancing": ("晋级", "Advance"),
    "certified": ("取证", "Certificate"),
    "people": ("人数", "Count"),
    "nobody": ("尚无排名成绩", "No ranked results yet"),
}


def label(key: str, lang: str = "zh", **params) -> str:
    zh, en = LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text
