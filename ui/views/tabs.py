"""The 名单 (roster) tab, and what the desk's simpler tables share. The 成绩录入 and 排名
tabs have modules of their own (marks_tab.py, ranking_tab.py), loaded when first shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..models.roster import RosterModel
from .findbar import FindBar

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
        self._show_count(self.model.rowCount(), admitted)

    def show_first(self, count: int) -> None:
        """A screenful of the roster and its true counts, before the rest is read (issue 18)."""
        total, admitted = self.model.session.file.roster_size()
        self.model.show_first(count, total)
        self._show_count(total, admitted)

    def _show_count(self, total: int, admitted: int) -> None:
        self.count.setText(translate("RosterTab", "共 {n} 人 · 准予参赛 {admitted} 人").format(
            n=total, admitted=admitted))
