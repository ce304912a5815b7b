"""抽签记录表 (RULES.md §12.2): the seed (or 手工抽签), S, the number of sessions, how to
recompute the draw, then every unit by session and station, signed by the chief judge and
the supervisor. With a seed, each line also shows the first 8 hex digits of its SHA-256
digest, so a witness can check the order line by line with any SHA-256 tool.
"""

from __future__ import annotations

from ..rules.draw import digest
from .day import DaySpec, Group, dw, unit_word
from .daydata import DrawData
from .table import Column, Row, Section
from .words import word

WORDS = {
    "seed_line": ("抽签种子：{seed}", "Seed: {seed}"),
    "hand_line": ("手工抽签（无种子，按组委会记录的结果录入）", "Drawn by hand (no seed; as recorded by the committee)"),
    "undrawn_line": ("尚未抽签", "No draw has been made yet"),
    "sizes_line": ("工位数 S = {stations}　场次数 m = {sessions}　参加抽签 {units} {what}",
                   "Stations S = {stations}   sessions m = {sessions}   units drawn {units}"),
    "persons": ("人", ""),
    "teams": ("队", ""),
    "recompute": ("复算方法：按“种子|{unit}”（UTF-8）的 SHA-256 十六进制值从小到大排序，依次填入第 1 场的 1、2、…号工位，"
                  "再填第 2 场，依此类推；前 r 场各多 1 人（m = ⌈n/S⌉，q = n // m，r = n % m）。排序值为该值的前 8 位。",
                  "To recompute: sort by the SHA-256 hex digest of “seed|{unit}” (UTF-8), ascending; fill session 1 at "
                  "stations 1, 2, …, then session 2, and so on; the first r sessions hold one more (m = ⌈n/S⌉, "
                  "q = n // m, r = n % m). Digest: its first 8 hex digits."),
    "digest": ("排序值", "Digest"),
}


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return dw(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def columns(data: DrawData, lang: str) -> list[Column]:
    team = data.sitting.team_event
    cols = [Column("station", _w("station", lang), 40, "center", wrap=False),
            Column("key", unit_word(data.sitting, lang), 62 if team else 44),
            Column("name", word("name", lang), 96 if team else 50),
            Column("unit", word("unit", lang))]
    if data.seed is not None:
        cols.append(Column("digest", _w("digest", lang), 52, "center", wrap=False))
    cols.append(Column("note", word("note", lang), 80, size=7))
    return cols


def build(data: DrawData, lang: str = "zh") -> DaySpec:
    cols = columns(data, lang)
    keys = [c.key for c in cols]
    seats = sorted(data.seats, key=lambda s: (s.session, s.station))
    sessions = max((s.session for s in seats), default=0)
    body: list = []
    team = data.sitting.team_event
    for n in range(1, sessions + 1):
        here = [s for s in seats if s.session == n]
        if not here:
            continue
        body.append(Section(_w("session_count_team" if team else "session_count", lang, n=n, count=len(here))))
        for s in here:
            values = {"station": str(s.station), "key": s.key, "name": s.name, "unit": s.unit, "note": s.note,
                      "digest": digest(data.seed, s.key)[:8] if data.seed is not None else ""}
            body.append(Row(tuple(values[k] for k in keys)))
    # The seed is the record's point (anyone can recompute the draw from it): large, centred.
    # Printed before any draw, the record said 手工抽签 with S = 0: a record of a draw that
    # was never made. It says so instead, and gives no sizes.
    subtitle = (_w("seed_line", lang, seed=data.seed) if data.seed is not None else
                _w("hand_line", lang) if seats else _w("undrawn_line", lang))
    info = [_w("sizes_line", lang, stations=data.stations, sessions=sessions, units=len(seats),
               what=_w("teams" if team else "persons", lang))] if seats else []
    if data.seed is not None:
        info.append(_w("recompute", lang, unit=unit_word(data.sitting, lang)))
    group = Group(subtitle=subtitle, body=body, info=info, summary=list(data.remarks))
    return DaySpec(kind="draw", title=_w("sheet_draw", lang), columns=cols, groups=[group],
                   signatures=[[word("chief_judge", lang), word("supervisor", lang)], [word("sign_date", lang)]],
                   row_height=16.0)
