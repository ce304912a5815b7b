"""The committee orders a tied group (组委会裁定): an order, a written reason, the PIN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout)

from .common import ok_cancel, problem_label

translate = QCoreApplication.translate


class TieOrderDialog(QDialog):
    def __init__(self, parent, members: list[tuple[str, str]], first_rank: int):
        super().__init__(parent)
        self.setObjectName("tie_dialog")
        self.setWindowTitle(translate("TieOrderDialog", "组委会裁定并列名次"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        text = QLabel(translate("TieOrderDialog", "以下选手总成绩和技能操作成绩均相同。请按组委会裁定的顺序排列"
                                "（最上面为第 {rank} 名），写明理由，并输入裁判长口令。").format(rank=first_rank))
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.order = QListWidget()
        self.order.setObjectName("order")
        for no, name in members:
            item = QListWidgetItem(f"{no}  {name}")
            item.setData(Qt.UserRole, no)
            self.order.addItem(item)
        self.order.setCurrentRow(0)
        row.addWidget(self.order, 1)
        moves = QVBoxLayout()
        up = QPushButton(translate("TieOrderDialog", "上移"))
        down = QPushButton(translate("TieOrderDialog", "下移"))
        up.clicked.connect(lambda: self.move(-1))
        down.clicked.connect(lambda: self.move(1))
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        row.addLayout(moves)
        layout.addLayout(row)
        form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(64)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        form.addRow(translate("TieOrderDialog", "理由（记入日志）"), self.reason)
        form.addRow(translate("TieOrderDialog", "裁判长口令"), self.pin)
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))

    def move(self, step: int) -> None:
        row = self.order.currentRow()
        target = row + step
        if 0 <= row < self.order.count() and 0 <= target < self.order.count():
            item = self.order.takeItem(row)
            self.order.insertItem(target, item)
            self.order.setCurrentRow(target)

    def ordered(self) -> list[str]:
        return [self.order.item(i).data(Qt.UserRole) for i in range(self.order.count())]

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.problem.setText(translate("TieOrderDialog", "请填写理由"))
            self.problem.show()
            return
        super().accept()

    def values(self) -> tuple[list[str], str, str]:
        return self.ordered(), self.reason.toPlainText().strip(), self.pin.text()
