"""申诉处理登记表 (RULES.md §12.4): every appeal in number order with who filed it, when
(逾期 when after the window), the subject, the arbitration decision and its reason, and
the marks it changed (old → new). While codes are sealed a practical mark is never
printed beside a 编号: it reads 已加密，解密后显示.
"""

from __future__ import annotations

from .common import mark_text
from .day import DaySpec, Group, dw, time_text, unit_word
from .daydata import AppealEntry, AppealsData, MarkChange
from .table import Column, Row
from .words import word

WORDS = {
    "by": ("申诉人", "Filed by"),
    "received": ("受理时间", "Received"),
    "late": ("逾期", "LATE"),
    "subject": ("申诉事由", "Subject"),
    "decision": ("仲裁决定", "Decision"),
    "upheld": ("申诉成立", "Upheld"),
    "rejected": ("申诉驳回", "Rejected"),
    "pending": ("待裁决", "Pending"),
    "reason": ("理由", "Reason"),
    "changes": ("成绩变更", "Marks changed"),
    "sealed": ("已加密，解密后显示", "Sealed: shown after the reveal"),
    "arbitration": ("仲裁组长", "Head of arbitration"),
    "count": ("申诉 {count} 件：成立 {upheld}，驳回 {rejected}，待裁决 {pending}；其中逾期 {late} 件",
              "{count} appeals: {upheld} upheld, {rejected} rejected, {pending} pending; {late} late"),
    "part_subject": ("[{part}] {subject}", "[{part}] {subject}"),
    "correction": ("更正", "Corrected"),
    "corrections": ("解密后技能操作成绩更正（裁判长口令，写明理由）", "Practical marks corrected after the reveal (PIN and reason)"),
    "corrections_count": ("更正 {count} 项", "{count} correction(s)"),
}


def _w(key: str, lang: str, **params) -> str:
    if key not in WORDS:
        return dw(key, lang, **params)
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def columns(data: AppealsData, lang: str) -> list[Column]:
    w = lambda key: _w(key, lang)  # noqa: E731
    team = data.sitting.team_event
    return [Column("id", word("seq", lang), 22, "center", wrap=False),
            Column("key", unit_word(data.sitting, lang), 56 if team else 40),
            Column("name", word("name", lang), 44),
            Column("by", w("by"), 44),
            Column("received", w("received"), 52, size=7.5),
            Column("subject", w("subject")),
            Column("decision", w("decision"), 40, "center"),
            Column("reason", w("reason"), 84, size=7.5),
            Column("changes", w("changes"), 84, size=7.5)]


def change_lines(change: MarkChange, sealed: bool, lang: str) -> list[str]:
    """Who and which part on one line, old → new on the next (never split inside)."""
    field = word(change.field, lang) if change.field in ("theory", "practical") else change.field
    if sealed and change.field == "practical":
        return [f"{change.no} {field}", _w("sealed", lang)]
    old = mark_text(change.old, lang, missing="—")
    new = mark_text(change.new, lang, missing="—")
    return [f"{change.no} {field}", f"{old} → {new}"]


def _cells(a: AppealEntry, data: AppealsData, lang: str) -> tuple:
    # "2025-09-20 17:40 逾期" wraps at its spaces in the narrow column: date, then time and the mark.
    received = time_text(a.received) + (" " + _w("late", lang) if a.late else "")
    part = word(a.part, lang) if a.part in ("theory", "practical") else a.part
    decision = _w(a.decision, lang) if a.decision in ("upheld", "rejected", "correction") else _w("pending", lang)
    return (str(a.id), a.key, a.name, a.by, received, _w("part_subject", lang, part=part, subject=a.subject), decision,
            # One change a line (a tuple cell starts each entry on a new line).
            a.reason, tuple(line for c in a.changes for line in change_lines(c, data.sealed, lang)) or "")


def build(data: AppealsData, lang: str = "zh") -> DaySpec:
    appeals = sorted(data.appeals, key=lambda a: a.id)
    body = [Row(_cells(a, data, lang)) for a in appeals]
    decided = [a.decision for a in appeals]
    summary = [_w("count", lang, count=len(appeals), upheld=decided.count("upheld"),
                  rejected=decided.count("rejected"), pending=sum(d not in ("upheld", "rejected") for d in decided),
                  late=sum(a.late for a in appeals))]
    groups = [Group(subtitle="", body=body, summary=summary)]
    if data.corrections:
        fixes = [Row(_cells(a, data, lang)) for a in data.corrections]
        groups.append(Group(subtitle=_w("corrections", lang), body=fixes,
                            summary=[_w("corrections_count", lang, count=len(fixes))]))
    return DaySpec(kind="appeals", title=_w("sheet_appeals", lang), columns=columns(data, lang), groups=groups,
                   signatures=[[_w("arbitration", lang), word("chief_judge", lang)],
                               [word("supervisor", lang), word("sign_date", lang)]])
