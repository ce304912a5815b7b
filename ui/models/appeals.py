"""The appeals register (申诉处理登记表, RULES.md §12.4) as a table: every appeal in number
order, then the practical marks corrected after the reveal outside an appeal (§12.3).
Marks changed read old → new; while sealed a practical change reads 已加密, because an
appeal names a person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from skillscore.rules.marks import mark_from_text

from ..words import field_word, mark_text
from .base import CENTER, Column, FOREGROUND, RowTableModel, TOOLTIP

translate = QCoreApplication.translate
LATE_BRUSH = QBrush(QColor("#B71C1C"))


@dataclass(frozen=True)
class AppealRow:
    key: str  # "1", "2" … for appeals; "更正 1" for a correction
    id: int | None
    no: str
    by: str
    received: str
    late: bool
    part: str
    subject: str
    decision: str | None  # upheld | rejected | correction | None
    reason: str
    changes: tuple[tuple[str, str, str | None, str | None], ...]


def decision_text(decision: str | None) -> str:
    return {"upheld": translate("AppealsModel", "申诉成立"), "rejected": translate("AppealsModel", "申诉驳回"),
            "correction": translate("AppealsModel", "解密后更正")}.get(decision, translate("AppealsModel", "待裁决"))


def change_text(no: str, field: str, old, new, sealed: bool) -> str:
    name = field_word(field) if field in ("theory", "practical") else field
    if sealed and field == "practical":
        return f"{no} {name} " + translate("Sealed", "已加密，解密后显示")
    shown = [mark_text(mark_from_text(v)) or "—" for v in (old, new)]
    return f"{no} {name} {shown[0]} → {shown[1]}"


class AppealsModel(RowTableModel):
    extra_roles = frozenset({Qt.ForegroundRole, Qt.ToolTipRole})
    columns = (
        Column("key", QT_TRANSLATE_NOOP("Columns", "序号"), CENTER, 56),
        Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=70),
        Column("by", QT_TRANSLATE_NOOP("Columns", "申诉人"), width=90),
        Column("received", QT_TRANSLATE_NOOP("Columns", "受理时间"), width=150),
        Column("part", QT_TRANSLATE_NOOP("Columns", "部分"), width=70),
        Column("subject", QT_TRANSLATE_NOOP("Columns", "申诉事由"), width=200),
        Column("decision", QT_TRANSLATE_NOOP("Columns", "仲裁决定"), CENTER, 80),
        Column("reason", QT_TRANSLATE_NOOP("Columns", "理由"), width=160),
        Column("changes", QT_TRANSLATE_NOOP("Columns", "成绩变更"), width=240),
    )

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.sealed = False

    def reload(self) -> None:
        comp = self.session.comp
        self.sealed = comp.codes_sealed
        rows = [AppealRow(str(a.id), a.id, a.no, a.by, a.received, a.late, a.part, a.subject, a.decision,
                          a.reason or "", a.changes) for a in comp.appeals()]
        rows += [AppealRow(translate("AppealsModel", "更正 {n}").format(n=i), None, e.subject or "", e.operator,
                           e.at[:16].replace("T", " "), False, "practical", (e.reason or "").split("：", 1)[-1],
                           "correction", "", ((e.subject or "", e.field or "", e.old, e.new),))
                 for i, e in enumerate(comp.corrections(), start=1)]
        self.set_rows(rows)

    def display(self, row: AppealRow, key: str) -> str:
        if key == "received":
            return row.received + (" " + translate("AppealsModel", "逾期") if row.late else "")
        if key == "part":
            return field_word(row.part)
        if key == "decision":
            return decision_text(row.decision)
        if key == "changes":
            return "；".join(change_text(*c, self.sealed) for c in row.changes)
        return str(getattr(row, key))

    def key_of(self, row: AppealRow) -> str:
        return row.key

    def extra(self, row: AppealRow, key: str, role: int) -> Any:
        if role == FOREGROUND and key == "received" and row.late:
            return LATE_BRUSH
        if role == TOOLTIP and key in ("subject", "reason", "changes"):
            return self.display(row, key)
        return None
