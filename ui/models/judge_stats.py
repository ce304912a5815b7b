"""Judge statistics (the chief judge's tool): one row per judge, from ``comp.judge_statistics()``.

The core computes everything: the mean deviation from the panel's module results, the
mean absolute deviation, the share of the judge's marks the trimmed mean dropped, and
whether the judge is far from the others (flagged). Flagged rows are red, say so in the
提示 column (readable in greyscale) and explain why in the tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from skillscore.rules.panel import JudgeStats

from .base import BACKGROUND, CENTER, Column, DISPLAY, FONT, FOREGROUND, RIGHT, RowTableModel, TOOLTIP

translate = QCoreApplication.translate
FLAG_BRUSH = QBrush(QColor("#F7B8B8"))  # the ranking's red: "look at this"
FLAG_INK = QBrush(QColor("#8E1B1B"))


class JudgeStatsModel(RowTableModel):
    extra_roles = frozenset({Qt.BackgroundRole, Qt.ForegroundRole, Qt.ToolTipRole, Qt.FontRole})
    base_columns = (
        Column("judge", QT_TRANSLATE_NOOP("Columns", "裁判"), CENTER, 80),
        Column("marks", QT_TRANSLATE_NOOP("Columns", "评分数"), RIGHT, 80),
        Column("mean_deviation", QT_TRANSLATE_NOOP("Columns", "平均偏差"), RIGHT, 100),
        Column("mean_abs_deviation", QT_TRANSLATE_NOOP("Columns", "平均绝对偏差"), RIGHT, 130),
        Column("dropped_share", QT_TRANSLATE_NOOP("Columns", "被去掉比例"), RIGHT, 110),
    )

    def __init__(self, modules: tuple[str, ...] = (), parent=None):
        """``modules``: with more than one, a column per module shows where a judge deviates."""
        super().__init__(parent)
        self.modules = modules if len(modules) > 1 else ()
        self.by_module: dict[str, dict[int, JudgeStats]] = {}
        self.columns = (*self.base_columns,
                        *(Column(f"module:{m}", "", RIGHT, 120) for m in self.modules),
                        Column("note", QT_TRANSLATE_NOOP("Columns", "提示"), width=200))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_stats(self, stats: list[JudgeStats], by_module: dict[str, dict[int, JudgeStats]] | None = None) -> None:
        """The panel's statistics, and each module's own (judge → statistics) for its column."""
        self.by_module = by_module or {}
        self.set_rows(stats)
        if self.modules and self._rows:  # the per-module figures may change while the totals do not
            first = self.column_of(f"module:{self.modules[0]}")
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, first + len(self.modules) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        key = self.columns[section].key if orientation == Qt.Horizontal and 0 <= section < len(self.columns) else ""
        if key.startswith("module:") and role == DISPLAY:
            return translate("JudgeStatsModel", "{module}偏差").format(module=key[7:])
        if key.startswith("module:") and role == TOOLTIP:
            return translate("JudgeStatsModel", "只看模块「{module}」时的平均偏差").format(module=key[7:])
        return super().headerData(section, orientation, role)

    def key_of(self, row: JudgeStats) -> str:
        return str(row.judge)

    def name_of(self, row: JudgeStats) -> str:
        return ""

    def display(self, row: JudgeStats, key: str) -> str:
        if key == "judge":
            return translate("JudgeStatsModel", "裁判{n}").format(n=row.judge)
        if key == "marks":
            return str(row.marks)
        if key.startswith("module:"):
            own = self.by_module.get(key[7:], {}).get(row.judge)
            return f"{own.mean_deviation:+.2f}" if own is not None and own.marks else ""
        if not row.marks and key != "note":
            return ""  # a judge with no complete module yet has no statistics
        if key == "mean_deviation":
            return f"{row.mean_deviation:+.2f}"
        if key == "mean_abs_deviation":
            return f"{row.mean_abs_deviation:.2f}"
        if key == "dropped_share":
            return f"{row.dropped_share * 100:.1f}%"
        if key == "note":
            return translate("JudgeStatsModel", "偏离其他裁判较多") if row.flagged else ""
        return ""

    def extra(self, row: JudgeStats, key: str, role: int) -> Any:
        if not row.flagged:
            return None
        if role == BACKGROUND:
            return FLAG_BRUSH
        if role == FOREGROUND:
            return FLAG_INK
        if role == FONT:
            return self._bold
        if role == TOOLTIP:
            return self.reason(row)
        return None

    def reason(self, row: JudgeStats) -> str:
        others = [s.mean_abs_deviation for s in self._rows if s.judge != row.judge and s.marks]
        spread = f"{min(others):.2f}–{max(others):.2f}" if others else "—"
        if row.mean_deviation * 2 <= -row.mean_abs_deviation:
            direction = translate("JudgeStatsModel", "打分普遍偏低")
        elif row.mean_deviation * 2 >= row.mean_abs_deviation:
            direction = translate("JudgeStatsModel", "打分普遍偏高")
        else:  # deviations both ways that mostly cancel out
            direction = translate("JudgeStatsModel", "打分忽高忽低")
        return translate("JudgeStatsModel", "裁判{n}偏离其他裁判较多：平均绝对偏差 {mine}，其他裁判 {spread}"
                         "（超过全组中位数的两倍且大于 1.00 即提示）；{direction}，平均偏差 {mean}").format(
            n=row.judge, mine=f"{row.mean_abs_deviation:.2f}", spread=spread, direction=direction,
            mean=f"{row.mean_deviation:+.2f}")
