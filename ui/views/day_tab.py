"""赛务 (Competition day, RULES.md §12): 检录 and 抽签 side by side as two pages of one tab,
after 名单. Everything is optional: a file that never uses them works as before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .checkin_view import CheckinView
from .draw_view import DrawView

translate = QCoreApplication.translate


class DayTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("day_pages")
        self.checkin = CheckinView(session)
        self.draw = DrawView(session)
        self.pages.addTab(self.checkin, translate("Desk", "检录"))
        self.pages.addTab(self.draw, translate("Desk", "抽签"))
        layout.addWidget(self.pages)

    def refresh(self) -> None:
        self.checkin.refresh()
        self.draw.refresh()
