"""裁判统计: the chief judge's view of the panel, and the judges' sheet to print.

Per judge: how many marks, the mean deviation from the panel's module results (negative:
marks lower than the panel), the mean absolute deviation, how often the trimmed mean
dropped the judge's mark. A judge far from the others is flagged (the core decides). The
print button writes the internal judges' sheet (``report FILE judges``) off the GUI
thread, as the desk prints every sheet.
"""

from __future__ import annotations

from pathlib import Path

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from skillscore.rules.panel import JudgeStats, PanelScheme, judge_statistics

from .. import operations as ops
from ..i18n import current_lang
from ..models.judge_stats import JudgeStatsModel
from ..words import error_text, join_words
from ..workers import run_task, with_competition

translate = QCoreApplication.translate
REFRESHING = frozenset({ops.MARKS, ops.ROSTER, ops.STAGE})
BAR = QColor("#9FB3D1")
BAR_EDGE = QColor("#2F4468")
FLAG = QColor("#C62828")
GRID = QColor("#D5D5D5")


class DeviationChart(QWidget):
    """Each judge's mean deviation as a bar from zero: left lower than the panel, right
    higher. A flagged judge's bar is red and hatched (readable in greyscale). Nothing is
    computed here but pixel positions; ``bar_rects()`` gives them to a test."""

    ROW = 30
    LABEL = 90

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stats: list[JudgeStats] = []
        self.setObjectName("deviation_chart")

    def set_stats(self, stats: list[JudgeStats]) -> None:
        self.stats = [s for s in stats if s.marks]
        self.setFixedHeight(self.ROW * len(self.stats) + 70)
        self.update()

    def scale(self) -> Decimal:
        """The axis runs from −scale to +scale marks: the largest deviation, rounded up."""
        largest = max((abs(s.mean_deviation) for s in self.stats), default=Decimal(1))
        # A fifth more than the largest bar, so its value label fits beside it.
        return max(Decimal(1), (largest * Decimal("1.2")).to_integral_value(rounding="ROUND_CEILING"))

    def plot_area(self) -> QRectF:
        return QRectF(self.LABEL, 34, max(10, self.width() - self.LABEL - 70), self.ROW * len(self.stats))

    def x_of(self, value: Decimal) -> float:
        area, scale = self.plot_area(), self.scale()
        return area.center().x() + float(value / scale) * area.width() / 2

    def bar_rects(self) -> list[QRectF]:
        area, zero = self.plot_area(), self.x_of(Decimal(0))
        rects = []
        for i, s in enumerate(self.stats):
            end = self.x_of(s.mean_deviation)
            rects.append(QRectF(min(zero, end), area.top() + i * self.ROW + 6, abs(end - zero), self.ROW - 12))
        return rects

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        if not self.stats:
            p.end()
            return
        area, scale = self.plot_area(), self.scale()
        metrics = self.fontMetrics()
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(0, 4, self.width(), 22), Qt.AlignHCenter | Qt.AlignVCenter,
                   translate("JudgeStatsView", "平均偏差（分）：← 比裁判组打分低 · 比裁判组打分高 →"))
        for step in (-scale, -scale / 2, Decimal(0), scale / 2, scale):
            x = self.x_of(step)
            p.setPen(QPen(self.palette().text().color() if step == 0 else GRID, 1.5 if step == 0 else 1))
            p.drawLine(QPointF(x, area.top() - 4), QPointF(x, area.bottom() + 4))
            label = f"{step:+.1f}" if step else "0"
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x - 40, area.bottom() + 6, 80, 20), Qt.AlignCenter, label)
        for s, rect in zip(self.stats, self.bar_rects()):
            colour = FLAG if s.flagged else BAR
            p.setPen(QPen(FLAG if s.flagged else BAR_EDGE, 1))
            p.setBrush(colour)
            p.drawRect(rect)
            if s.flagged:
                p.setBrush(QBrush(Qt.white, Qt.BDiagPattern))
                p.drawRect(rect)
            p.setPen(FLAG if s.flagged else self.palette().text().color())
            name = translate("JudgeStatsModel", "裁判{n}").format(n=s.judge)
            p.drawText(QRectF(4, rect.top() - 6, self.LABEL - 12, self.ROW), Qt.AlignRight | Qt.AlignVCenter, name)
            text = f"{s.mean_deviation:+.2f}"
            width = metrics.horizontalAdvance(text) + 6
            x = rect.right() + 4 if s.mean_deviation >= 0 else rect.left() - width - 4
            p.drawText(QRectF(x, rect.top() - 6, width, self.ROW), Qt.AlignCenter, text)
        p.end()


class JudgeStatsView(QWidget):
    notify = Signal(str, bool)  # text, is_error

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = []
        scheme = session.panel_scheme()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        how = (translate("JudgeStatsView", "去掉一个最高分和一个最低分后取平均") if scheme.aggregation == "trimmed"
               else translate("JudgeStatsView", "各裁判分数取平均"))
        modules = join_words(translate("JudgeStatsView", "{module}（满分 {maximum}）").format(
            module=m.name, maximum=m.maximum) for m in scheme.modules)
        self.scheme_label = QLabel(translate("JudgeStatsView", "评分方案：{judges} 名裁判，{how}；模块 {modules}").format(
            judges=scheme.judges, how=how, modules=modules))
        self.print_button = QPushButton(translate("JudgeStatsView", "打印裁判评分表（PDF）…"))
        self.print_button.setObjectName("print_judges")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        bar.addWidget(self.scheme_label, 1)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.scheme = scheme
        self.model = JudgeStatsModel(tuple(m.name for m in scheme.modules), self)
        self.view = QTableView()
        self.view.setObjectName("judge_stats")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(self.model.column_of("note"), QHeaderView.Stretch)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # k ≤ 9 rows: the table fits them all
        self.view.setFixedHeight(header.sizeHint().height() + 28 * scheme.judges + 2 * self.view.frameWidth())
        layout.addWidget(self.view)
        self.chart = DeviationChart()
        layout.addWidget(self.chart)
        explain = QLabel(translate(
            "JudgeStatsView",
            "偏差 = 裁判给出的分数 − 该模块成绩（只计已评完的模块）；平均偏差为负表示打分偏低，为正表示偏高。"
            "被去掉比例：该裁判的分数被作为最高分或最低分去掉的次数占其评分数的比例。"
            "平均绝对偏差超过全组中位数两倍（且大于 1.00）的裁判标红提示，供裁判长复核；提示不改变任何成绩。"))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        layout.addWidget(explain)
        self.status = QLabel()
        self.status.setObjectName("print_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.dirty = True  # read when first shown
        session.changed.connect(self._on_changed)

    def refresh(self) -> None:
        comp = self.session.comp
        stats = comp.judge_statistics()
        by_module = {}
        if len(self.scheme.modules) > 1:  # the same statistics, one module at a time
            sheets = comp.panel_sheets()
            for module in self.scheme.modules:
                one = PanelScheme(self.scheme.judges, self.scheme.aggregation, (module,))
                by_module[module.name] = {s.judge: s for s in judge_statistics(one, sheets)}
        self.model.set_stats(stats, by_module)
        self.chart.set_stats(stats)

    def _on_changed(self, change) -> None:
        if change.kinds & REFRESHING:
            if self.isVisible():
                self.refresh()
            else:
                self.dirty = True

    def flagged_rows(self) -> list[int]:
        return [i for i, s in enumerate(self.model.rows) if s.flagged]

    # -- printing --------------------------------------------------------------------------------
    def print_sheet(self, out: str | None = None):
        if out is None:
            start = str(Path(self.session.path).with_name("裁判评分表.pdf"))
            out, _ = QFileDialog.getSaveFileName(self, translate("JudgeStatsView", "打印裁判评分表"), start,
                                                 "PDF (*.pdf)")
            if not out:
                return None
        lang = current_lang()
        body = with_competition(self.session, lambda c, p: ops.write_report(c, "judges", out, lang=lang, progress=p))
        task = run_task(self, translate("JudgeStatsView", "正在生成 PDF…"), body,
                        on_done=lambda _: self._say(translate("JudgeStatsView", "已生成 {path}").format(path=out)),
                        on_error=lambda e: self._say(
                            error_text(e), True))
        self.tasks.append(task)
        return task

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #8E1B1B;" if error else "color: #1B5E20;")
        self.status.setText(text)
        self.notify.emit(text, error)
