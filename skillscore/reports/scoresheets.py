"""评分表 (RULES.md §12.3), printed before marking: one group of pages per judge (per module
and judge with a panel), the units in session and station order under their codes (or
编号 when not sealed), the module's maximum, an empty box per mark, and signature and date
lines for the judge and the chief judge. Built from ``ScoreSheetsData``, which has no
names to print: a score sheet can never show one.
"""

from __future__ import annotations

from decimal import Decimal

from .day import DaySpec, Group, dw, unit_word
from .daydata import ScoreModule, ScoreSheetsData, ScoreUnit
from .table import Column, Row, Section
from .words import word

WORDS = {
    "judge_n": ("裁判 {n}", "Judge {n}"),
    "of_max": ("{module}（满分 {max}）", "{module} (out of {max})"),
    "score": ("得分", "Mark"),
    "sealed_note": ("已加密：按评分号评分", "Sealed: marked by code"),
    "judge_sign": ("评分裁判", "Judge"),
    "how": ("请在得分栏填写 0–{max} 的分数（最多两位小数），缺考者填“缺考”；改动处须签名。",
            "Write a mark from 0 to {max} (at most 2 decimals) in each box, or 缺考 (absent); sign any correction."),
    "count": ("本表共 {count} 行", "{count} lines"),
}
LAST = 1 << 30


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return dw(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def ordered(units) -> list[ScoreUnit]:
    return sorted(units, key=lambda u: (u.session or LAST, u.station or LAST, u.label))


def columns(data: ScoreSheetsData, lang: str, drawn: bool) -> list[Column]:
    label = _w("code", lang) if data.sealed else unit_word(data.sitting, lang)
    cols = [Column("seq", word("seq", lang), 30, "center", wrap=False)]
    if drawn:
        cols.append(Column("station", _w("station", lang), 40, "center", wrap=False))
    return cols + [Column("label", label, 72 if data.sealed else 90, "center", size=10),
                   Column("score", _w("score", lang), 96, "center"),
                   Column("note", word("note", lang))]


def _body(units: list[ScoreUnit], keys: list[str], lang: str, drawn: bool) -> list:
    body: list = []
    session = None
    for i, u in enumerate(units, start=1):
        if drawn and u.session != session:
            session = u.session
            body.append(Section(_w("session_n", lang, n=session) if session else word("nobody", lang)))
        values = {"seq": str(i), "station": str(u.station or ""), "label": u.label, "score": "", "note": ""}
        body.append(Row(tuple(values[k] for k in keys)))
    return body


def build(data: ScoreSheetsData, lang: str = "zh") -> DaySpec:
    modules = list(data.modules) or [ScoreModule(word("practical", lang), Decimal(100))]
    units = ordered(data.units)
    drawn = any(u.session for u in units)
    cols = columns(data, lang, drawn)
    body = _body(units, [c.key for c in cols], lang, drawn)
    groups = []
    for module in modules:
        top = format(Decimal(module.maximum).normalize(), "f")  # 70, 12.5: as a judge writes it
        for j in range(1, data.judges + 1):
            subtitle = _w("of_max", lang, module=module.name, max=top)
            if data.judges > 1 or data.modules:
                subtitle = _w("judge_n", lang, n=j) + " · " + subtitle
            groups.append(Group(subtitle=subtitle, body=list(body),
                                info=[_w("how", lang, max=top), _w("count", lang, count=len(units))]))
    return DaySpec(kind="scoresheets", title=_w("sheet_scoresheets", lang), columns=cols, groups=groups,
                   signatures=[[_w("judge_sign", lang), word("sign_date", lang)],
                               [word("chief_judge", lang), word("sign_date", lang)]],
                   row_height=24.0, right_note=_w("sealed_note", lang) if data.sealed else None)
