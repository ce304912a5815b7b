"""加密对照表 (RULES.md §12.3): code → 编号 (and name), in code order, for the sealed
envelope. Marked confidential on every page; a reprint says which printing it is (a
reprint needs the chief judge's PIN and is audited by the caller).
"""

from __future__ import annotations

from .day import DaySpec, Group, dw, unit_word
from .daydata import KeyData
from .table import Column, Row
from .words import word

WORDS = {
    "banner": ("机密 · 加密对照表 · 打印后即装入密封袋，由监督签封；解密前不得拆封",
               "CONFIDENTIAL · key sheet · into the envelope as soon as printed, sealed and signed by the supervisor; "
               "not to be opened before the reveal"),
    "banner_short": ("机密 · 解密前不得拆封", "CONFIDENTIAL · not to be opened before the reveal"),
    "printing": ("第 {n} 次打印", "Printing no. {n}"),
    "count": ("共 {count} 个评分号", "{count} codes"),
    "sealed_by": ("封存人", "Sealed by"),
}


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return dw(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def build(data: KeyData, lang: str = "zh") -> DaySpec:
    team = data.sitting.team_event
    cols = [Column("seq", word("seq", lang), 30, "center", wrap=False),
            Column("code", _w("code", lang), 70, "center", wrap=False),
            Column("key", unit_word(data.sitting, lang), 90 if team else 70, "center"),
            Column("name", word("name", lang))]
    body = [Row((str(i), e.code, e.key, e.name))
            for i, e in enumerate(sorted(data.entries, key=lambda e: e.code), start=1)]
    group = Group(subtitle="", body=body, summary=[_w("count", lang, count=len(body))])
    return DaySpec(kind="key", title=_w("sheet_key", lang), columns=cols, groups=[group],
                   signatures=[[word("chief_judge", lang), word("supervisor", lang)],
                               [_w("sealed_by", lang), word("sign_date", lang)]],
                   banner=_w("banner", lang), banner_short=_w("banner_short", lang),
                   right_note=_w("printing", lang, n=data.printing))
