"""签到表 (RULES.md §12.1): posted at the door, one group of pages per part. 编号, 姓名, the
ID number masked (first 6, last 4: the clerk compares it with the card), 工作单位, 场次 and
工位号 once drawn, and empty 签名 and 时间 columns tall enough to write in. In the team
event every member signs on their own line, with the team's name beside it.
"""

from __future__ import annotations

from ..rules.privacy import mask_id
from .day import DaySpec, Group, dw
from .daydata import CheckinData, CheckinPerson
from .table import Column, Row
from .words import word

ROW_HEIGHT = 22.0
LAST = 1 << 30  # sorts the undrawn after the drawn


def columns(data: CheckinData, lang: str, drawn: bool) -> list[Column]:
    w = lambda key: dw(key, lang)  # noqa: E731
    cols = [Column("no", w("no"), 40), Column("name", w("name"), 46),
            Column("id", w("id_number"), 80, "center", size=7, wrap=False), Column("unit", w("unit"))]
    if data.sitting.team_event:
        cols.append(Column("team", w("team"), 56))
    if drawn:
        wide = 38 if lang == "en" else 34  # "Session" and "Station" must not break inside the word
        cols += [Column("session", w("session"), wide, "center", wrap=False),
                 Column("station", w("station"), wide, "center", wrap=False)]
    cols += [Column("signature", w("signature"), 72), Column("time", w("time"), 46)]
    return cols


def order(people) -> list[CheckinPerson]:
    return sorted(people, key=lambda p: (p.session or LAST, p.station or LAST, p.no))


def _cells(p: CheckinPerson, keys: list[str]) -> tuple:
    values = {"no": p.no, "name": p.name, "id": mask_id(p.id_number), "unit": p.unit, "team": p.team,
              "session": str(p.session or ""), "station": str(p.station or ""), "signature": "", "time": ""}
    return tuple(values[k] for k in keys)


def build(data: CheckinData, lang: str = "zh") -> DaySpec:
    drawn = any(p.session for p in data.people)
    cols = columns(data, lang, drawn)
    keys = [c.key for c in cols]
    rows = [Row(_cells(p, keys)) for p in order(data.people)]
    groups = [Group(subtitle=word(part, lang), body=list(rows), summary=[dw("expected", lang, count=len(rows))])
              for part in data.parts]
    return DaySpec(kind="checkin", title=dw("sheet_checkin", lang), columns=cols, groups=groups,
                   signatures=[[dw("clerk", lang), word("chief_judge", lang), word("supervisor", lang)]],
                   row_height=ROW_HEIGHT)
