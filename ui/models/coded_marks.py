"""The code grid (RULES.md §12.3): while codes are sealed, practical marks are typed here
by 评分号, in session and station order, with nothing else about the person on screen.

It is the marks grid's model with other rows: the key of a row is its code, and the core
takes and reports practical marks by code while sealed, so typing, paste, undo and double
entry work exactly as in the marks grid. The rows hold only what is shown: the code, the
seat and the mark (``comp.coded_rows()``); no name, 编号 or employer ever reaches them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from skillscore.model import Entry
from skillscore.rules.marks import mark_from_text

from ..models.base import CENTER, RIGHT, Column
from .marks import MarksModel

translate = QCoreApplication.translate


class CodedMarkRow(NamedTuple):  # a NamedTuple, as MarkRow: MarksModel.apply replaces its entry
    no: str  # the code: the row's key, as the marks grid's rows are keyed by 编号
    session: int | None
    station: int | None
    entry: Entry

    def get(self, field: str):
        return getattr(self.entry, field)


class CodedMarksModel(MarksModel):
    """评分号 · 场次 · 工位号 · 技能操作; only the practical mark is editable."""

    def _build_columns(self) -> None:
        self.columns = (
            Column("no", QT_TRANSLATE_NOOP("Columns", "评分号"), CENTER, 90),
            Column("session", QT_TRANSLATE_NOOP("Columns", "场次"), CENTER, 70),
            Column("station", QT_TRANSLATE_NOOP("Columns", "工位号"), CENTER, 70),
            Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), RIGHT, 110),
        )

    def reload(self) -> None:
        rows = [CodedMarkRow(r.code, r.session, r.station, Entry(practical=mark_from_text(r.practical)))
                for r in self.session.comp.coded_rows()]
        self._index = {r.no: i for i, r in enumerate(rows)}
        self.read_only = self.session.finalized
        self.pending = self.session.pending_marks()
        self.set_rows(rows)

    def display(self, row: CodedMarkRow, key: str) -> str:
        if key in ("session", "station"):
            value = getattr(row, key)
            return "" if value is None else str(value)
        return super().display(row, key)

    def raw(self, row, key: str) -> Any:
        return self.display(row, key) if key in ("session", "station") else super().raw(row, key)

    def name_of(self, row) -> str:
        return ""  # find by code only

    def paste_line(self) -> str:
        return translate("CodedMarksModel", "评分号 {no}「{value}」：{reason}")
