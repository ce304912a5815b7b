"""裁判统计: the chief judge's view of the panel, and the judges' sheet to print.

Per judge: how many marks, the mean deviation from the panel's module results (negative:
marks lower than the panel), the mean absolute deviation, how often the trimmed mean
dropped the judge's mark. A judge far from the others is flagged (the core decides). The
print button writes the internal judges' sheet (``report FILE judges``) off the GUI
thread, as the desk prints every sheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from skillscore.errors import SkillscoreError

from .. import operations as ops
from ..i18n import current_lang
from ..models.judge_stats import JudgeStatsModel
from ..workers import run_task, with_competition

translate = QCoreApplication.translate
REFRESHING = frozenset({ops.MARKS, ops.ROSTER, ops.STAGE})


class JudgeStatsView(QWidget):
    notify = Signal(str, bool)  # text, is_error

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = []
        scheme = session.comp.panel_scheme()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        how = (translate("JudgeStatsView", "去掉一个最高分和一个最低分后取平均") if scheme.aggregation == "trimmed"
               else translate("JudgeStatsView", "各裁判分数取平均"))
        modules = "、".join(translate("JudgeStatsView", "{module}（满分 {maximum}）").format(
            module=m.name, maximum=m.maximum) for m in scheme.modules)
        self.scheme_label = QLabel(translate("JudgeStatsView", "评分方案：{judges} 名裁判，{how}；模块 {modules}").format(
            judges=scheme.judges, how=how, modules=modules))
        self.print_button = QPushButton(translate("JudgeStatsView", "打印裁判评分表（PDF）…"))
        self.print_button.setObjectName("print_judges")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        bar.addWidget(self.scheme_label, 1)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.model = JudgeStatsModel(self)
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
        layout.addWidget(self.view, 1)
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
        self.dirty = True  # read when first shown
        session.changed.connect(self._on_changed)

    def refresh(self) -> None:
        self.model.set_rows(self.session.comp.judge_statistics())

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
        body = with_competition(self.session.path, self.session.operator,
                                lambda c, p: ops.write_report(c, "judges", out, lang=lang, progress=p))
        task = run_task(self, translate("JudgeStatsView", "正在生成 PDF…"), body,
                        on_done=lambda _: self._say(translate("JudgeStatsView", "已生成 {path}").format(path=out)),
                        on_error=lambda e: self._say(
                            e.message(current_lang()) if isinstance(e, SkillscoreError) else str(e), True))
        self.tasks.append(task)
        return task

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #8E1B1B;" if error else "color: #1B5E20;")
        self.status.setText(text)
        self.notify.emit(text, error)
