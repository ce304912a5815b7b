"""The judges' marks of one module (RULES.md §11): one row per contestant, one column per judge.

Columns: 编号, 姓名, 裁判1..k, 模块成绩 (the module's result), 技能操作 (the practical
mark the core derived from every module), 工作单位. A typed judge's mark is saved at
once through ``comp.set_panel_mark``; the core derives the module result and the
practical mark in the same transaction, and the grid re-reads them, so the aggregate
beside the judges' marks is always the stored one. Marks the trimmed mean dropped carry
DROPPED_ROLE and are painted struck through in grey. A refused value keeps the stored
one and the reason stays on the cell (ERROR_ROLE, as in the marks grid).

The module result and the dropped marks come from the core's own pure rule
(``rules.panel.aggregate_module``), the one that derived the stored practical mark.
In the team event a team has one row: its marks are held by its first member.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from skillscore.errors import RefusedError, SkillscoreError
from skillscore.model import ABSENT
from skillscore.rules.marks import mark_from_text
from skillscore.rules.panel import Module, PanelScheme, aggregate_module

from .. import operations as ops
from ..i18n import current_lang
from ..words import ABSENT_INPUT, join_words, mark_text
from .base import BACKGROUND, CENTER, Column, DISPLAY, EDIT, FONT, FOREGROUND, RIGHT, RowTableModel, TOOLTIP
from .marks import ABSENT_KEYS, ERROR_ROLE

DROPPED_ROLE = Qt.UserRole + 6  # True on a judge's mark the trimmed mean left out

translate = QCoreApplication.translate
DROPPED_GREY = QBrush(QColor("#8A8A8A"))
AGGREGATE_BACKGROUND = QBrush(QColor("#EEF3FA"))  # the derived columns, set apart from what is typed


def _fonts() -> tuple[QFont, QFont]:
    struck, bold = QFont(), QFont()
    struck.setStrikeOut(True)
    bold.setBold(True)
    return struck, bold


@dataclass(frozen=True)
class PanelRow:
    no: str  # the contestant who holds the marks (in the team event, the team's first member)
    name: str  # the contestant's name, or the team's
    unit: str
    scores: tuple[Decimal | None, ...]  # judge 1..k; None: not marked yet
    result: Decimal | None  # the module's result; None until every judge has marked
    dropped: tuple[int, ...]  # (lowest, highest) judge numbers left out by the trimmed mean
    practical: Any  # the stored practical mark: Decimal, ABSENT or None

    def score(self, judge: int) -> Decimal | None:
        return self.scores[judge - 1]


def judge_key(judge: int) -> str:
    return f"judge{judge}"


def judge_of(key: str) -> int | None:
    return int(key[5:]) if key.startswith("judge") else None


def panel_units(contestants, team_size: int) -> list[tuple[str, str, str]]:
    """(no holding the marks, name, unit) per row, in number order; one row per team."""
    if team_size <= 1:
        return sorted((c.no, c.name, c.unit) for c in contestants)
    holder: dict[str, str] = {}  # team → the member who holds its marks
    units: dict[str, list[str]] = {}
    for c in contestants:  # roster order: the core gives the marks to the team's first member
        holder.setdefault(c.team, c.no)
        if c.unit not in units.setdefault(c.team, []):
            units[c.team].append(c.unit)
    return sorted((no, team, join_words(units[team])) for team, no in holder.items())


class PanelMarksModel(RowTableModel):
    extra_roles = frozenset({ERROR_ROLE, DROPPED_ROLE, Qt.ToolTipRole, Qt.ForegroundRole, Qt.FontRole,
                             Qt.BackgroundRole})
    refused = Signal(QModelIndex, str)  # the cell and the reason
    typed = Signal(object)  # after a saved value: how to undo it (``undo_entry``)

    def __init__(self, session, scheme: PanelScheme, module: Module, parent=None):
        super().__init__(parent)
        self.session = session
        self.scheme = scheme
        self.module = module
        self.errors: dict[tuple[str, str], str] = {}
        self.read_only = False
        self._index: dict[str, int] = {}
        self._struck, self._bold = _fonts()
        # While codes are sealed the grid lists codes in seat order, nothing of the person.
        self.sealed = session.codes_sealed()
        if self.sealed:
            self.columns = (
                Column("no", QT_TRANSLATE_NOOP("Columns", "评分号"), CENTER, 90),
                *(Column(judge_key(j), "", RIGHT, 72) for j in range(1, scheme.judges + 1)),
                Column("result", QT_TRANSLATE_NOOP("Columns", "模块成绩"), RIGHT, 100),
                Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), RIGHT, 100),
            )
            return
        self.columns = (
            Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=70),
            Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=80),
            *(Column(judge_key(j), "", RIGHT, 72) for j in range(1, scheme.judges + 1)),
            Column("result", QT_TRANSLATE_NOOP("Columns", "模块成绩"), RIGHT, 100),
            Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), RIGHT, 100),
            # Last, taking the spare width: the marks stay next to the name they belong to.
            Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=200),
        )

    # -- feeding ----------------------------------------------------------------------------
    def reload(self, sheets: dict | None = None) -> None:
        """Re-read the rows; ``sheets`` (comp.panel_sheets()) may be shared by every module's grid."""
        session = self.session
        if self.sealed:
            self._reload_coded()
            return
        if sheets is None:
            sheets = session.comp.panel_sheets()
        entries = session.entries()
        rows = []
        for no, name, unit in panel_units(session.contestants(), session.info().rules.team_size):
            judged = sheets.get(no, {}).get(self.module.name, {})
            result, dropped = aggregate_module(judged, self.scheme.judges, self.scheme.aggregation)
            entry = entries.get(no)
            rows.append(PanelRow(no, name, unit, tuple(judged.get(j) for j in range(1, self.scheme.judges + 1)),
                                 result, dropped, entry.practical if entry else None))
        self._index = {r.no: i for i, r in enumerate(rows)}
        self.read_only = session.finalized
        self.set_rows(rows)

    def apply(self, marks, panel) -> bool:
        """Exact changes from the log (Change.marks, Change.panel): update those rows only.
        False when a change names a row this grid does not have (the caller reloads)."""
        touched: dict[str, PanelRow] = {}
        for holder, module, judge, new in panel:
            if module != self.module.name:
                continue
            if holder not in self._index or not 1 <= judge <= self.scheme.judges:
                return False
            row = touched.get(holder) or self._rows[self._index[holder]]
            scores = list(row.scores)
            scores[judge - 1] = Decimal(new) if new is not None else None  # as panel_sheets reads it
            touched[holder] = dataclasses.replace(row, scores=tuple(scores))
        for no, field, _old, new in marks:
            if field == "practical" and no in self._index:  # a team's other members have no row here
                row = touched.get(no) or self._rows[self._index[no]]
                touched[no] = dataclasses.replace(row, practical=mark_from_text(new))
        for holder, row in touched.items():
            judged = {j: s for j, s in enumerate(row.scores, 1) if s is not None}
            result, dropped = aggregate_module(judged, self.scheme.judges, self.scheme.aggregation)
            self.replace_row(self._index[holder], dataclasses.replace(row, result=result, dropped=dropped))
        return True

    def _reload_coded(self) -> None:
        rows = []
        for code, sheet, practical in self.session.comp.coded_panel_sheets():
            judged = sheet.get(self.module.name, {})
            result, dropped = aggregate_module(judged, self.scheme.judges, self.scheme.aggregation)
            rows.append(PanelRow(code, "", "", tuple(judged.get(j) for j in range(1, self.scheme.judges + 1)),
                                 result, dropped, mark_from_text(practical)))
        self._index = {r.no: i for i, r in enumerate(rows)}
        self.read_only = self.session.finalized
        self.set_rows(rows)

    def row_of(self, no: str) -> int | None:
        return self._index.get(no)

    def judge_column(self, judge: int) -> int:
        return self.column_of(judge_key(judge))

    # -- cells -----------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        judge = judge_of(self.columns[section].key) if orientation == Qt.Horizontal and 0 <= section < len(
            self.columns) else None
        if judge is not None and role == DISPLAY:
            return translate("PanelMarksModel", "裁判{n}").format(n=judge)
        if orientation == Qt.Horizontal and role == TOOLTIP and 0 <= section < len(self.columns):
            key = self.columns[section].key
            if key == "result":
                how = (translate("PanelMarksModel", "去掉一个最高分和一个最低分后取平均")
                       if self.scheme.aggregation == "trimmed" else translate("PanelMarksModel", "各裁判分数取平均"))
                return translate("PanelMarksModel", "{module}（满分 {maximum}）：{how}，四舍五入到两位小数").format(
                    module=self.module.name, maximum=self.module.maximum, how=how)
            if key == "practical":
                return translate("PanelMarksModel", "各模块成绩之和；有裁判未评分时为空")
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self.read_only and self.is_entry(self.columns[index.column()].key):
            return base | Qt.ItemIsEditable
        return base

    @staticmethod
    def is_entry(key: str) -> bool:
        """Judges' marks are typed; 技能操作 only takes 缺考 (or clearing it)."""
        return key == "practical" or judge_of(key) is not None

    def display(self, row: PanelRow, key: str) -> str:
        judge = judge_of(key)
        if judge is not None:
            return mark_text(row.score(judge))
        if key == "result":
            return mark_text(row.result)
        if key == "practical":
            return mark_text(row.practical)
        return getattr(row, key)

    def raw(self, row: PanelRow, key: str) -> Any:
        judge = judge_of(key)
        if judge is not None:
            return mark_text(row.score(judge))
        return self.display(row, key)

    def extra(self, row: PanelRow, key: str, role: int) -> Any:
        judge = judge_of(key)
        dropped = judge is not None and judge in row.dropped
        if role == ERROR_ROLE:
            return self.errors.get((row.no, key))
        if role == DROPPED_ROLE:
            return dropped
        if role == FONT:
            return self._struck if dropped else self._bold if key in ("result", "practical") else None
        if role == FOREGROUND:
            return DROPPED_GREY if dropped else None
        if role == BACKGROUND:
            return AGGREGATE_BACKGROUND if key in ("result", "practical") else None
        if role == TOOLTIP:
            return self.errors.get((row.no, key)) or self._explain(row, key, judge)
        return None

    def _explain(self, row: PanelRow, key: str, judge: int | None) -> str | None:
        if judge is not None and judge in row.dropped:
            if row.dropped[0] == judge:
                return translate("PanelMarksModel", "最低分，已去掉（不计入模块成绩）")
            return translate("PanelMarksModel", "最高分，已去掉（不计入模块成绩）")
        if key == "result" and row.result is None:
            missing = [translate("PanelMarksModel", "裁判{n}").format(n=j)
                       for j in range(1, self.scheme.judges + 1) if row.score(j) is None]
            return translate("PanelMarksModel", "尚未评分：{judges}").format(judges=join_words(missing))
        if key == "practical" and row.practical is ABSENT:
            return translate("PanelMarksModel", "技能操作缺考；在此格按 Delete 可撤销缺考")
        return None

    # -- saving --------------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role != EDIT or not index.isValid() or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        key = self.columns[index.column()].key
        text = str(value if value is not None else "").strip()
        if text in ABSENT_KEYS:
            text = ABSENT_INPUT
        before = self.undo_entry(row, key, text)
        lang = current_lang()
        if text != self.raw(row, key):  # the value as it stands (Enter on an opened cell) is not saved again
            try:
                self.save(row.no, key, text)
            except SkillscoreError as e:  # a bad mark among them
                return self._refuse(index, row.no, key, e.message(lang))
            self.typed.emit(before)
        if self.errors.pop((row.no, key), None) is not None:
            changed = self.index(self.row_of(row.no), index.column())
            self.dataChanged.emit(changed, changed, [ERROR_ROLE, Qt.ToolTipRole])
        return True

    def save(self, no: str, key: str, text: str, *, batch: bool = False) -> None:
        """One value: a judge's mark, or 缺考 / clearing it for the whole practical part.

        ``batch``: one of many (a paste, an undo); the caller refreshes the desk once after."""
        def run(op, *args):
            return op(self.session.comp, *args) if batch else self.session.do(op, *args)

        judge = judge_of(key)
        if judge is not None:
            run(ops.set_panel_mark, no, self.module.name, judge, text)
            return
        if not text and self._rows[self._index[no]].practical is not ABSENT:
            # Only 缺考 is cleared here; a derived mark goes with a judge's mark, not by itself.
            raise RefusedError("panel_practical_direct", no=no)
        # Not the marks grid's undo list: Ctrl+Z here undoes the judges' grid's own entries.
        run(ops.set_mark, no, "practical", text)  # the core refuses anything but 缺考 or ''
        if not text:
            # With 缺考 cleared the practical mark comes from the judges' marks again: the
            # core derives it whenever a judge's mark is saved, so one is saved unchanged.
            row = self._rows[self._index[no]]
            judge = next((j for j in range(1, self.scheme.judges + 1) if row.score(j) is not None), None)
            if judge is not None:
                run(ops.set_panel_mark, no, self.module.name, judge, mark_text(row.score(judge)))

    def undo_entry(self, row: PanelRow, key: str, text: str) -> tuple[str, str, list[tuple[str, str]]]:
        """(module, no, steps): the values that, saved in order, put back what the cells held."""
        absent_before = row.practical is ABSENT
        restore_part = ("practical", ABSENT_INPUT if absent_before else "")
        judge = judge_of(key)
        if text == ABSENT_INPUT or judge is None:
            return self.module.name, row.no, [restore_part]
        old = row.score(judge)
        steps = [(key, "" if old is None else f"{old:.2f}")]
        if absent_before:  # a full panel typed over 缺考 replaces it: undo brings 缺考 back
            steps.append(restore_part)
        return self.module.name, row.no, steps

    def _refuse(self, index: QModelIndex, no: str, key: str, message: str) -> bool:
        self.errors[(no, key)] = message
        self.dataChanged.emit(index, index, [ERROR_ROLE, Qt.ToolTipRole])
        self.refused.emit(index, message)
        return False
