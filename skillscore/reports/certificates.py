"""取证名单 (certificate-bearing events): who receives which level, grouped by level, with
full ID numbers, because the list goes to the skills assessment centre that issues the
certificates. Marked as internal on every page: it must not be posted.
"""

from __future__ import annotations

from ..catalog import level_name
from ..errors import RefusedError
from ..messages import register
from .common import mark_text, rank_text, row_marks, tint
from .source import SheetSource
from .table import Column, Row, Section, SheetSpec
from .words import word

register({"report_not_certified": ("竞赛项目「{event}」不是取证项目，没有取证名单",
                                   "Event '{event}' is not certificate-bearing, so there is no certificate list")})


def columns(lang: str) -> list[Column]:
    w = lambda key: word(key, lang)  # noqa: E731
    en = lang == "en"  # English status words (Not entered) may need two lines
    return [
        Column("seq", w("seq"), 28, "center"),
        Column("no", w("no"), 40),
        Column("name", w("name"), 48),
        Column("sex", w("sex"), 26, "center"),
        Column("id_number", w("id_number"), 82, size=7.5),
        Column("unit", w("unit")),
        Column("rank", w("rank"), 40, "center"),
        Column("theory", w("theory"), 38, "right", wrap=en),
        Column("practical", w("practical"), 38, "right", wrap=en),
        Column("total", w("total"), 38, "right", wrap=en),
    ]


def _rows(source: SheetSource, row: dict, lang: str, start: int) -> list[Row]:
    """One line per person (a team's certificate is each member's own)."""
    theory, practical, total = row_marks(row, lang)
    out = []
    for k, p in enumerate(source.members(row)):
        name = p.get("name", "")
        if source.team_event:
            name = f"{name}（{row['no']}）" if lang != "en" else f"{name} ({row['no']})"
            theory = mark_text(p.get("theory"), lang)  # each member's own theory mark
        out.append(Row((str(start + k), p["no"], name, p.get("sex", ""), p.get("id_number", ""), p.get("unit", ""),
                        rank_text(row), theory, practical, total), fill=tint(row)))
    return out


def build(source: SheetSource, lang: str = "zh") -> SheetSpec:
    event = source.doc["event"]
    if not event.get("certified"):
        raise RefusedError("report_not_certified", event=event["name"])
    ranked = [r for r in source.rows if r["status"] == "ranked"]
    body: list = []
    counts = []
    for level in range(1, 6):
        rows = [r for r in ranked if r.get("certificate") == level and "certificate" not in r.get("undecided", [])]
        if not rows:
            continue
        lines: list[Row] = []
        for r in rows:
            lines.extend(_rows(source, r, lang, len(lines) + 1))
        name = level_name(level, lang)
        body.append(Section(f"{name}　{word('people', lang, count=len(lines))}"))
        body.extend(lines)
        counts.append((name, len(lines)))
    open_ = [r for r in ranked if "certificate" in r.get("undecided", [])]
    if open_:
        body.append(Section(word("section_undecided_level", lang)))
        lines = []
        for r in open_:
            lines.extend(_rows(source, r, lang, len(lines) + 1))
        body.extend(lines)
    total = sum(n for _, n in counts)
    sep = "、" if lang != "en" else ", "
    levels = sep.join(f"{name} {word('people', lang, count=n)}" for name, n in counts) or word("nobody", lang)
    summary = [word("summary_certificates", lang, count=total, levels=levels)]
    if open_:
        summary.append(word("section_undecided_level", lang) + f"：{sum(len(source.members(r)) for r in open_)}")
    return SheetSpec(kind="certificates", title=word("sheet_certificates", lang), columns=columns(lang), body=body,
                     summary=summary, internal=True)
