"""The start page: a new competition, a file, the demo, or one of the files opened lately.

Shown when the desk starts without a file, and after one is closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from skillscore import COMPETITION_NAME

from .recent import recent_files

if TYPE_CHECKING:
    from .mainwindow import MainWindow

translate = QCoreApplication.translate


class StartPage(QWidget):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        title = QLabel(COMPETITION_NAME + "\n" + translate("StartPage", "成绩管理"))
        title.setAlignment(Qt.AlignCenter)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        column.addWidget(title)
        column.addSpacing(16)
        for text, slot, name in ((translate("StartPage", "新建竞赛…"), window.new_competition, "new"),
                                 (translate("StartPage", "打开竞赛文件…"), window.open_dialog, "open"),
                                 (translate("StartPage", "打开演示（60 名选手，含待录、并列）"), window.open_demo, "demo")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, s=slot: s())
            column.addWidget(button)
        column.addSpacing(12)
        column.addWidget(QLabel(translate("StartPage", "最近打开：")))
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        for path in recent_files():
            item = QListWidgetItem(path)
            item.setData(Qt.UserRole, path)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(lambda item: window.open_file(item.data(Qt.UserRole)))
        self.recent.setFixedHeight(150)
        column.addWidget(self.recent)
        column.addStretch(2)
        holder = QWidget()
        holder.setLayout(column)
        holder.setFixedWidth(520)
        outer.addWidget(holder)
        outer.addStretch(1)
