"""The judging-panel choice in the new-competition dialog (RULES.md §11).

Unticked, the practical part is one mark per contestant, as before. Ticked: 3–9 judges,
the modules written as NAME:MAX,NAME:MAX (maximum marks adding up to 100; empty means
one module 技能操作 of 100), mean or trimmed mean. The core checks the scheme when it
creates the file (``Competition.create(panel=…)``), so a wrong scheme is refused with
the core's message and no file is made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from skillscore.actions.competition import parse_modules
from skillscore.rules.panel import PanelScheme

translate = QCoreApplication.translate


class PanelSchemeBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("PanelSchemeBox", "技能操作由评分裁判组打分（各裁判分数汇总为技能操作成绩）"), parent)
        self.setObjectName("panel_scheme")
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.judges = QSpinBox()
        self.judges.setRange(3, 9)
        self.judges.setValue(5)
        self.modules = QLineEdit()
        self.modules.setPlaceholderText(translate("PanelSchemeBox", "例如 实操:70,答辩:30；留空为一个模块（技能操作，满分 100）"))
        self.aggregation = QComboBox()
        self.aggregation.addItem(translate("PanelSchemeBox", "去掉一个最高分和一个最低分后取平均"), "trimmed")
        self.aggregation.addItem(translate("PanelSchemeBox", "各裁判分数取平均"), "mean")
        form.addRow(translate("PanelSchemeBox", "裁判人数"), self.judges)
        form.addRow(translate("PanelSchemeBox", "模块（名称:满分）"), self.modules)
        form.addRow(translate("PanelSchemeBox", "汇总方式"), self.aggregation)

    def scheme(self) -> PanelScheme | None:
        """The chosen scheme, or None for single marks; a badly written module list raises
        the core's UsageError (the sum and the judges are checked when the file is made)."""
        if not self.isChecked():
            return None
        return PanelScheme(self.judges.value(), self.aggregation.currentData(), parse_modules(self.modules.text()))
