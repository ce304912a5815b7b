"""Ctrl+F: jump to a contestant number or name in the table below."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

translate = QCoreApplication.translate


class FindBar(QWidget):
    def __init__(self, jump: Callable[[str], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.jump = jump
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("FindBar", "查找：")))
        self.edit = QLineEdit()
        self.edit.setObjectName("find")
        self.edit.setPlaceholderText(translate("FindBar", "编号或姓名，回车跳转，Esc 关闭"))
        self.edit.setMaximumWidth(320)
        layout.addWidget(self.edit)
        self.result = QLabel()
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.edit.returnPressed.connect(self.go)
        self.hide()

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def go(self) -> bool:
        text = self.edit.text()
        found = self.jump(text)
        if found:
            self.result.setText("")
            self.hide()
        else:
            self.result.setText(translate("FindBar", "没有找到「{text}」").format(text=text))
            self.result.setStyleSheet("color: #8E1B1B;")
        return found

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
