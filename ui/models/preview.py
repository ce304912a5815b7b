"""What an import would do, before anything is written: its problems, or its rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from skillscore.errors import Problem
from skillscore.messages import render

from ..i18n import current_lang
from ..words import field_word, mark_text, word
from .base import Column, FOREGROUND, RIGHT, RowTableModel, TOOLTIP

translate = QCoreApplication.translate


class ProblemModel(RowTableModel):
    """Every problem the core found, by row and column, with the rule it breaks."""

    extra_roles = frozenset({Qt.ToolTipRole})

    columns = (
        Column("row", QT_TRANSLATE_NOOP("Columns", "行"), RIGHT, 50),
        Column("column", QT_TRANSLATE_NOOP("Columns", "列"), width=90),
        Column("message", QT_TRANSLATE_NOOP("Columns", "问题"), width=560),
    )

    def key_of(self, row: Problem) -> str:
        return str(row.row or "")

    def display(self, p: Problem, key: str) -> str:
        if key == "row":
            return "" if p.row is None else str(p.row)
        if key == "column":
            return p.column or ""
        return render(p.code, current_lang(), value=p.value, **p.params)

    def raw(self, p: Problem, key: str) -> Any:
        return p.message(current_lang()) if key == "message" else getattr(p, key)

    def extra(self, p: Problem, key: str, role: int) -> Any:
        return self.display(p, "message") if role == TOOLTIP and key == "message" else None


@dataclass(frozen=True)
class PreviewRow:
    line: int
    no: str
    text: str  # name for a roster row, the marks for a marks row
    result: str  # "add", "update", "same" for a roster; the fields given for marks
    notes: tuple[Problem, ...] = ()  # warnings that do not refuse the file (glyph_missing)


RESULT_WORDS = {
    "add": QT_TRANSLATE_NOOP("PreviewModel", "新增"),
    "update": QT_TRANSLATE_NOOP("PreviewModel", "更新"),
    "same": QT_TRANSLATE_NOOP("PreviewModel", "未变"),
    "marks": QT_TRANSLATE_NOOP("PreviewModel", "录入"),
}


class PreviewModel(RowTableModel):
    extra_roles = frozenset({Qt.ToolTipRole, Qt.ForegroundRole})

    columns = (
        Column("line", QT_TRANSLATE_NOOP("Columns", "行"), RIGHT, 50),
        Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=80),
        Column("text", QT_TRANSLATE_NOOP("Columns", "内容"), width=300),
        Column("result", QT_TRANSLATE_NOOP("Columns", "结果"), width=60),
        Column("notes", QT_TRANSLATE_NOOP("Columns", "提示"), width=300),
    )

    def display(self, r: PreviewRow, key: str) -> str:
        if key == "line":
            return str(r.line)
        if key == "result":
            return translate("PreviewModel", RESULT_WORDS[r.result])
        if key == "notes":
            # The column is named on each note: one row can warn about its name and employer.
            return "；".join(f"{n.column}：" + render(n.code, current_lang(), value=n.value, **n.params)
                            for n in r.notes)
        return getattr(r, key)

    def extra(self, r: PreviewRow, key: str, role: int) -> Any:
        if not r.notes:
            return None
        if role == TOOLTIP:
            return "\n".join(n.message(current_lang()) for n in r.notes)
        return QColor("#8A5A00") if role == FOREGROUND and key == "notes" else None


def roster_preview(rows, existing: dict, warnings: list[Problem] = ()) -> list[PreviewRow]:
    by_line: dict[int, list[Problem]] = {}
    for w in warnings:
        by_line.setdefault(w.row, []).append(w)
    out = []
    for row in rows:
        c = row.contestant
        old = existing.get(c.no)
        result = "add" if old is None else ("same" if old == c else "update")
        out.append(PreviewRow(row.line, c.no, f"{c.name} · {c.unit}", result, tuple(by_line.get(row.line, ()))))
    return out


def marks_preview(rows) -> list[PreviewRow]:
    out = []
    for row in rows:
        bits = []
        for field in ("theory", "practical"):
            if field in row.given:
                bits.append(f"{field_word(field)} {mark_text(getattr(row, field))}")
        if "status" in row.given:
            bits.append(f"{field_word('status')} {word(row.status.value)}")
        out.append(PreviewRow(row.line, row.no, " · ".join(bits), "marks"))
    return out
