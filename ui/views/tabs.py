"""The simpler tabs: 名单 (roster), 成绩录入 (marks entry), 排名 (ranking)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..models.ranking import RankingModel
from ..models.roster import RosterModel
from .findbar import FindBar
from .marks_tab import MarksTab  # noqa: F401  (the desk imports the tabs from here)
from .ranking_view import RankingView, SidePanel

translate = QCoreApplication.translate


def _plain_table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    for i, column in enumerate(model.columns):
        # Never narrower than the header's own words: in English they are often longer
        # ("Mutual-aid card" was clipped at the Chinese width).
        title = model.headerData(i, Qt.Horizontal, Qt.DisplayRole) or ""
        header.resizeSection(i, max(column.width, header.fontMetrics().horizontalAdvance(title) + 24))
    return view


def _jumper(view: QTableView, model):
    def jump(text: str) -> bool:
        row = model.find(text)
        if row is None:
            return False
        view.selectRow(row)
        view.scrollTo(model.index(row, 0), QAbstractItemView.PositionAtCenter)
        view.setFocus()
        return True

    return jump


def sealed_placeholder() -> QLabel:
    """已加密，解密后显示: what the ranking, the statistics and the hall show while sealed."""
    label = QLabel(translate("Sealed", "已加密，解密后显示"))
    label.setObjectName("sealed_placeholder")
    label.setAlignment(Qt.AlignCenter)
    label.setStyleSheet("color: #4A148C; font-size: 22px; font-weight: bold;")
    return label


class RosterTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.model = RosterModel(session, self, load=False)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(translate("RosterTab", "导入名单…"))
        self.admit_button = QPushButton(translate("RosterTab", "准予参赛…"))
        self.admit_button.setToolTip(translate("RosterTab", "裁判长写明理由，准予某编号违反资格规定参赛（导入名单前或导入被拒后）"))
        self.export_button = QPushButton(translate("RosterTab", "导出名单…"))
        self.count = QLabel()
        for w in (self.import_button, self.admit_button, self.export_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.view = _plain_table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(self.model.column_of("unit"), QHeaderView.Stretch)
        self.find = FindBar(_jumper(self.view, self.model))
        layout.addWidget(self.find)
        layout.addWidget(self.view, 1)
        self.dirty = True  # read when first shown

    def refresh(self) -> None:
        self.model.reload()
        admitted = sum(1 for r in self.model.rows if r.admitted_reason is not None)
        self.count.setText(translate("RosterTab", "共 {n} 人 · 准予参赛 {admitted} 人").format(
            n=self.model.rowCount(), admitted=admitted))


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
