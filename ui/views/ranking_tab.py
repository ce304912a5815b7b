"""The 排名 tab: the live ranking, its filter line and side panel, or one line while sealed.
Built when first shown (ui/views/lazy_tab.py): nothing of it is read at opening but the
counters, which the desk keeps itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..models.ranking import RankingModel
from .findbar import FindBar
from .ranking_view import RankingView, SidePanel
from .tabs import sealed_placeholder

translate = QCoreApplication.translate


class RankingTab(QWidget):
    filter_cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RankingModel(self)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.filter_row = QWidget()
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_label = QLabel()
        self.filter_label.setStyleSheet("color: #0D47A1; font-weight: bold;")
        show_all = QPushButton(translate("RankingTab", "显示全部"))
        show_all.clicked.connect(lambda: self.set_filter("all"))
        row.addWidget(self.filter_label)
        row.addWidget(show_all)
        row.addStretch(1)
        self.filter_row.hide()
        left.addWidget(self.filter_row)
        self.view = RankingView(self.model)
        self.find = FindBar(self.view.jump_to)
        left.addWidget(self.find)
        left.addWidget(self.view, 1)
        layout.addLayout(left, 1)
        self.side = SidePanel()
        layout.addWidget(self.side)
        self.sealed = sealed_placeholder()
        layout.addWidget(self.sealed, 1)
        self.sealed.hide()

    def set_sealed(self, sealed: bool) -> None:
        """While codes are sealed the ranking is withheld (RULES.md §12.3): one line instead."""
        for widget in (self.view, self.side):
            widget.setVisible(not sealed)
        if sealed:
            self.find.hide()
        self.sealed.setVisible(sealed)

    def set_filter(self, mode: str) -> None:
        self.model.set_filter(mode)
        if mode == "all":
            self.filter_row.hide()
            self.filter_cleared.emit()
            return
        names = {
            "advancing": translate("RankingTab", "只显示晋级（含待定）"),
            "incomplete": translate("RankingTab", "只显示待录入"),
            "unresolved": translate("RankingTab", "只显示并列待定"),
        }
        self.filter_label.setText(translate("RankingTab", "筛选：{name}（{n} 行）").format(
            name=names[mode], n=self.model.rowCount()))
        self.filter_row.show()
