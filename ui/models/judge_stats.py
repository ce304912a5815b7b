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

from .base import CENTER, RIGHT, Column, RowTableModel

translate = QCoreApplication.translate
FLAG_BRUSH = QBrush(QColor("#F7B8B8"))  # the ranking's red: "look at this"
FLAG_INK = QBrush(QColor("#8E1B1B"))


class JudgeStatsModel(RowTableModel):
    extra_roles = frozenset({Qt.BackgroundRole, Qt.ForegroundRole, Qt.ToolTipRole, Qt.FontRole})
    columns = (
        Column("judge", QT_TRANSLATE_NOOP("Columns", "裁判"), CENTER, 90),
        Column("marks", QT_TRANSLATE_NOOP("Columns", "评分数"), RIGHT, 90),
        Column("mean_deviation", QT_TRANSLATE_NOOP("Columns", "平均偏差"), RIGHT, 110),
        Column("mean_abs_deviation", QT_TRANSLATE_NOOP("Columns", "平均绝对偏差"), RIGHT, 150),
        Column("dropped_share", QT_TRANSLATE_NOOP("Columns", "被去掉比例"), RIGHT, 130),
        Column("note", QT_TRANSLATE_NOOP("Columns", "提示"), width=240),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def key_of(self, row: JudgeStats) -> str:
        return str(row.judge)

    def name_of(self, row: JudgeStats) -> str:
        return ""

    def display(self, row: JudgeStats, key: str) -> str:
        if key == "judge":
            return translate("JudgeStatsModel", "裁判{n}").format(n=row.judge)
        if key == "marks":
            return str(row.marks)
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
        if role == Qt.BackgroundRole:
            return FLAG_BRUSH
        if role == Qt.ForegroundRole:
            return FLAG_INK
        if role == Qt.FontRole:
            return self._bold
        if role == Qt.ToolTipRole:
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
