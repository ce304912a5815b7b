"""晋级名单 (prelim and semifinal): the units that advance, by rank, with masked ID numbers,
so the next committee and the contestants can see who goes on. Members of a tie that
straddles the cut-off are listed apart as undecided until the committee resolves it.
"""

from __future__ import annotations

from ..errors import RefusedError
from ..messages import register
from .common import note_text, rank_text, row_marks, tint, who
from .source import SheetSource
from .table import Column, Row, Section, SheetSpec
from .words import word

register({"report_no_advancement": ("决赛不设晋级，没有晋级名单", "The final has no advancement, so there is no advancement list")})


def columns(source: SheetSource, lang: str) -> list[Column]:
    w = lambda key: word(key, lang)  # noqa: E731
    en = lang == "en"  # English status words (Not entered) may need two lines
    team = source.team_event
    return [
        Column("rank", w("rank"), 40, "center"),
        Column("no", w("team") if team else w("no"), 40 if not team else 44),
        Column("name", w("name"), 44 if not team else 66),
        Column("id_number", w("id_number"), 80, size=7.2),
        Column("unit", w("unit")),
        Column("theory", w("theory"), 38, "right", wrap=en),
        Column("practical", w("practical"), 38, "right", wrap=en),
        Column("total", w("total"), 38, "right", wrap=en),
        Column("note", w("note"), 54, size=7),
    ]


def _row(source: SheetSource, row: dict, lang: str) -> Row:
    no, name, id_cell, unit = who(source, row)
    return Row((rank_text(row), no, name, id_cell, unit, *row_marks(row, lang), note_text(source, row, lang)),
               fill=tint(row))


def build(source: SheetSource, lang: str = "zh") -> SheetSpec:
    if source.doc["stage"] == "final":
        raise RefusedError("report_no_advancement")
    ranked = [r for r in source.rows if r["status"] == "ranked"]
    going = [r for r in ranked if r["advances"] is True]
    open_ = [r for r in ranked if r["advances"] is None]
    body: list = [_row(source, r, lang) for r in going]
    if open_:
        body.append(Section(word("section_undecided_advance", lang)))
        body.extend(_row(source, r, lang) for r in open_)
    quota = source.ranking.get("advance_quota")
    undecided = word("summary_undecided", lang, count=len(open_)) if open_ else ""
    summary = [word("summary_advancement", lang, count=len(going), quota=quota, undecided=undecided)]
    return SheetSpec(kind="advancement", title=word("sheet_advancement", lang), columns=columns(source, lang),
                     body=body, summary=summary)
