"""成绩表: every ranked unit by rank with marks, total, tie note, advancement and certificate
level; then those without a rank (缺考, 弃权, 取消资格, 待录入) with their status. Public:
no ID numbers at all (the issue's columns; number, name and employer identify a line),
no phones. The advancement cut-off is a thick line under the last
place inside the quota.
"""

from __future__ import annotations

from collections import Counter

from .common import advances_text, level_text, note_text, quota_rule_index, rank_text, row_marks, tint, who
from .source import SheetSource
from .table import Column, Row, SheetSpec
from .words import word


def columns(source: SheetSource, lang: str) -> list[Column]:
    w = lambda key: word(key, lang)  # noqa: E731
    en = lang == "en"  # English status words (Not entered) may need two lines
    team = source.team_event
    cols = [
        Column("rank", w("rank"), 40, "center"),
        Column("no", w("team") if team else w("no"), 40 if not team else 44),
        Column("name", w("name"), 44 if not team else 66),
        Column("unit", w("unit")),
        Column("theory", w("theory"), 38, "right", wrap=en),
        Column("practical", w("practical"), 38, "right", wrap=en),
        Column("total", w("total"), 38, "right", wrap=en),
    ]
    if source.doc["stage"] != "final":
        cols.append(Column("advances", w("advances"), 24, "center"))
    if source.doc["event"].get("certified"):
        cols.append(Column("certificate", w("certificate"), 58, size=7.5))
    cols.append(Column("note", w("note"), 54, size=7))
    return cols


def cells(source: SheetSource, row: dict, keys: list[str], lang: str) -> tuple:
    no, name, _, unit = who(source, row, ids=False)
    theory, practical, total = row_marks(row, lang)
    ranked = row["status"] == "ranked"
    values = {
        "rank": rank_text(row), "no": no, "name": name, "unit": unit,
        "theory": theory, "practical": practical, "total": total,
        "advances": advances_text(row, lang) if ranked else "",
        "certificate": level_text(row, lang) if ranked else "",
        "note": note_text(source, row, lang),
    }
    return tuple([values[k] for k in keys])


def summary(source: SheetSource, lang: str) -> list[str]:
    rows = source.rows
    unranked = Counter(r["status"] for r in rows if r["status"] != "ranked")
    detail = ""
    if unranked:
        sep = "、" if lang != "en" else ", "
        inner = sep.join(f"{word(s, lang)} {n}" for s, n in sorted(unranked.items()))
        detail = f"（{inner}）" if lang != "en" else f" ({inner})"
    return [word("summary_results", lang, ranked=source.ranking["ranked"], unranked=sum(unranked.values()),
                 detail=detail)]


def build(source: SheetSource, lang: str = "zh") -> SheetSpec:
    cols = columns(source, lang)
    keys = [c.key for c in cols]
    cut = quota_rule_index(source)
    body = []
    ranked_index = 0
    for row in source.rows:
        is_ranked = row["status"] == "ranked"
        body.append(Row(cells(source, row, keys, lang), fill=tint(row) if is_ranked else None,
                        rule_after=is_ranked and ranked_index == cut))
        ranked_index += is_ranked
    return SheetSpec(kind="results", title=word("sheet_results", lang), columns=cols, body=body,
                     summary=summary(source, lang), tick=word("advances", lang) if "advances" in keys else None)
