"""获奖名单 (final): talent pool, subsidies with their amounts, labour-award nomination, as
the core computed them. One line per person (a team's members each enter the pool), ID
numbers masked. A benefit a tie leaves open prints as 待定.
"""

from __future__ import annotations

from ..errors import RefusedError
from ..messages import register
from ..rules.privacy import mask_id
from .common import TICK, rank_text, tint
from .source import SheetSource
from .table import Column, Row, SheetSpec
from .words import word

register({"report_awards_final_only": ("获奖名单只在决赛产生（本文件为{stage}）",
                                       "The awards list exists only at the final (this file is the {stage})")})


def columns(source: SheetSource, lang: str) -> list[Column]:
    w = lambda key: word(key, lang)  # noqa: E731
    cols = [Column("rank", w("rank"), 40, "center")]
    if source.team_event:
        cols.append(Column("team", w("team"), 44))
    cols += [
        Column("no", w("no"), 40),
        Column("name", w("name"), 44),
        Column("id_number", w("id_number"), 80, size=7.2),
        Column("unit", w("unit")),
        Column("total", w("total"), 38, "right"),
        Column("talent_pool", w("talent_pool"), 44, "center"),
    ]
    if not source.team_event:
        cols += [
            Column("union_card", w("union_card"), 46, "center"),
            Column("subsidy", w("subsidy"), 42, "right"),
            Column("nomination", w("nomination"), 44, "center"),
        ]
    return cols


def _earns(row: dict) -> bool:
    a = row.get("awards")
    open_ = "awards" in (row.get("undecided") or [])
    return open_ or bool(a and (a["talent_pool"] or a["subsidy_yuan"] or a["labor_award_nomination"]))


def build(source: SheetSource, lang: str = "zh") -> SheetSpec:
    from .words import stage_name

    if source.doc["stage"] != "final":
        raise RefusedError("report_awards_final_only", stage=stage_name(source.doc["stage"], lang))
    team = source.team_event
    body = []
    pool = paid = nominated = 0
    total_yuan = 0
    for row in source.rows:
        if row["status"] != "ranked" or not _earns(row):
            continue
        a = row.get("awards") or {"talent_pool": False, "subsidy_yuan": None, "labor_award_nomination": False}
        open_ = "awards" in (row.get("undecided") or [])
        pending = word("undecided", lang)
        for p in source.members(row):
            cells = [rank_text(row)]
            if team:
                cells.append(row["no"])
            cells += [p["no"], p.get("name", ""), mask_id(p.get("id_number")), p.get("unit", ""), row["total"] or "",
                      pending if open_ else (TICK if a["talent_pool"] else "")]
            if not team:
                subsidy = a["subsidy_yuan"]
                cells += [word("yes" if p.get("union_card") else "no_", lang),
                          pending if open_ else (word("yuan", lang, amount=subsidy) if subsidy else ""),
                          pending if open_ else (TICK if a["labor_award_nomination"] else "")]
            body.append(Row(tuple(cells), fill=tint(row)))
            if not open_:
                pool += bool(a["talent_pool"])
                if not team and a["subsidy_yuan"]:
                    paid += 1
                    total_yuan += int(a["subsidy_yuan"])
                nominated += bool(not team and a["labor_award_nomination"])
    if team:
        summary = [word("summary_awards_team", lang, pool=pool)]
    else:
        summary = [word("summary_awards", lang, pool=pool, total=total_yuan, paid=paid, nominated=nominated)]
    return SheetSpec(kind="awards", title=word("sheet_awards", lang), columns=columns(source, lang), body=body,
                     summary=summary, tick=word("yes", lang))
