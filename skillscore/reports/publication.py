"""成绩公示 (RULES.md §12.5): the finalised results exactly as the results sheet prints them
(its own table builder), with the ID number masked (first 6, last 4) so a contestant can
find their own line, no phone numbers, the publication period (start, days, the end date)
and where to appeal. Finalised only, so it carries the fingerprint and never a watermark.
"""

from __future__ import annotations

import datetime as dt

from ..errors import RefusedError, UsageError
from ..messages import register
from ..rules.appeals import FIRST_YEAR, LAST_YEAR, in_years, publication_end
from . import results
from .base import SheetRenderer
from .common import who
from .day import dw, long_date
from .daydata import PublicationData
from .source import SheetSource, load_source
from .table import Column, Row, SheetSpec
from .words import word

register({
    "report_publication_draft": ("成绩尚未定稿，不能公示", "The results are not finalised; they cannot be published"),
    "publication_days": ("公示天数「{value}」无效：应为 1 以上的整数",
                         "publication days '{value}' must be a whole number, 1 or more"),
    "publication_years": ("公示期「{start} 起 {days} 天」无效：应在 {first}–{last} 年之内，请检查开始日期和天数",
                          "publication period '{days} days from {start}' must lie within the years {first}–{last}: "
                          "check the start and the days"),
})

WORDS = {
    "period": ("公示期：{start}至{end}（{days} 天）", "Publication period: {start} to {end} ({days} days)"),
    "appeal_to": ("对公示成绩有异议的，请于公示期内提出：{where}", "To appeal against these results within the period: {where}"),
}


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return dw(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def period_end(start: dt.date, days: int) -> dt.date:
    """publication_end, with the user's slips (0 days, a start in year 9999, a million
    days) told as usage errors rather than a bare ValueError or OverflowError."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise UsageError("publication_days", value=days)
    try:
        end = publication_end(start, days)
    except OverflowError:  # past year 9999
        end = None
    if not in_years(start) or end is None or not in_years(end):
        raise UsageError("publication_years", start=start.isoformat(), days=days, first=FIRST_YEAR, last=LAST_YEAR)
    return end


def build(source: SheetSource, data: PublicationData, lang: str = "zh") -> SheetSpec:
    if not source.finalized:
        raise RefusedError("report_publication_draft")
    spec = results.build(source, lang)
    at = [c.key for c in spec.columns].index("name") + 1
    # The masked ID's 18 characters in a small size keep the employer column wide enough.
    spec.columns.insert(at, Column("id", word("id_number", lang), 70 if not source.team_event else 72, "center",
                                   size=6.5, wrap=False))
    body = []
    for item, row in zip(spec.body, source.rows, strict=True):
        masked = who(source, row)[2]  # who() masks unless asked for the internal sheet
        body.append(Row(item.cells[:at] + (masked,) + item.cells[at:], fill=item.fill, rule_after=item.rule_after))
    spec.body = body
    end = period_end(data.start, data.days)
    spec.summary = spec.summary + [
        _w("period", lang, start=long_date(data.start, lang), end=long_date(end, lang), days=data.days),
        _w("appeal_to", lang, where=data.appeal_to)]
    spec.kind, spec.title = "publication", _w("sheet_publication", lang)
    return spec


class PublicationRenderer(SheetRenderer):
    """The results sheet's renderer; the summary lines (the committee's appeal text can be
    long) are wrapped to the page before the closing block is measured."""

    def layout(self):
        self.spec.summary = [part for line in self.spec.summary
                             for part in self.wrapper.wrap(line, self.width, 8.5)]
        return super().layout()


def render(data: PublicationData, out_path, lang: str = "zh", progress=None) -> int:
    source = load_source(data.results, fingerprint=data.fingerprint)
    spec = build(source, data, lang)
    return PublicationRenderer(source, spec, lang).render(out_path, progress)
