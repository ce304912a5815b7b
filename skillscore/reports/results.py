"""成绩表: every ranked unit by rank with marks, total, tie note, advancement and certificate
level; then those without a rank (缺考, 弃权, 取消资格, 待录入) with their status. Public:
no ID numbers at all (the issue's columns; number, name and employer identify a line),
no phones. The advancement cut-off is a thick line under the last
place inside the quota.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Callable

from ..catalog import level_name
from ..memo import Memo
from .common import TICK, quota_rule_index, rank_text, tie_note, tint, who
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


KEYS = ("rank", "no", "name", "unit", "theory", "practical", "total", "advances", "certificate", "note")


def row_cells(source: SheetSource, keys: list[str], lang: str) -> Callable[[dict], tuple]:
    """``row → its cells, in the order of keys``: what common.py's helpers give, with the
    sheet's words looked up once instead of once a row (10,000 rows: 32 → 17 ms; a cell
    of each of the sheet's rows is held to those helpers by tests/test_results_cells.py)."""
    absent, undecided = word("absent", lang), word("undecided", lang)
    incomplete = word("incomplete", lang)
    statuses = Memo(lambda status: word(status, lang))
    levels = Memo(lambda level: level_name(level, lang))
    ties = {"practical": word("tie_practical", lang), "unresolved": word("tie_unresolved", lang)}
    team, people = source.team_event, source.people
    index = [KEYS.index(k) for k in keys]
    # itemgetter of one index gives the value itself, not a tuple of it
    pick = itemgetter(*index) if len(index) > 1 else lambda values: tuple(values[i] for i in index)

    def cells(row: dict) -> tuple:
        status = row["status"]
        if team:
            no, name, _, unit = who(source, row, ids=False)
        else:  # who's answer for one contestant, without the list of members
            no, name = row["no"], row["name"]
            person = people.get(row["members"][0] if row.get("members") else no)
            unit = person.get("unit", "") if person is not None else ""
        missing = incomplete if status == "incomplete" else ""
        theory, practical = row["theory"], row["practical"]
        theory = absent if theory == "absent" else missing if theory is None else theory
        practical = absent if practical == "absent" else missing if practical is None else practical
        if status == "ranked":
            advances = row["advances"]
            advances = undecided if advances is None else TICK if advances else ""
            level = row.get("certificate")
            certificate = (undecided if "certificate" in (row.get("undecided") or []) else
                           levels[level] if level else "")
            tie = row.get("tie")
            note = ties.get(tie, "") if tie != "committee" else tie_note(source, row, lang)
        else:
            advances = certificate = ""
            note = statuses[status]
        return pick((rank_text(row), no, name, unit, theory, practical, row["total"] or "", advances,
                     certificate, note))

    return cells


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
    cells = row_cells(source, keys, lang)
    body = []
    ranked_index = 0
    for row in source.rows:
        is_ranked = row["status"] == "ranked"
        body.append(Row(cells(row), fill=tint(row) if is_ranked else None, rule_after=is_ranked and ranked_index == cut))
        ranked_index += is_ranked
    return SheetSpec(kind="results", title=word("sheet_results", lang), columns=cols, body=body,
                     summary=summary(source, lang), tick=word("advances", lang) if "advances" in keys else None)
