"""申诉登记: the appeals register at the desk (RULES.md §12.4), a widget of its own so the
competition-day tab (赛务) can hold it; until then 赛务 ▸ 申诉登记… opens it in a window.

Buttons: record an appeal, decide the selected one (PIN), set a part's window, print the
申诉处理登记表. The table re-reads after every change the session reports.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..dialogs.appeal import AddAppealDialog, DecideDialog, WindowDialog
from ..models.appeals import AppealsModel
from ..words import field_word

translate = QCoreApplication.translate


class AppealsView(QWidget):
    def __init__(self, session, parent=None, *, printer=None):
        super().__init__(parent)
        self.session = session
        self.printer = printer  # prints the 申诉处理登记表 (the desk's background printing)
        self.setObjectName("appeals_view")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(translate("AppealsView", "登记申诉…"))
        self.decide_button = QPushButton(translate("AppealsView", "仲裁决定…"))
        self.window_button = QPushButton(translate("AppealsView", "申诉时限…"))
        self.print_button = QPushButton(translate("AppealsView", "打印申诉处理登记表…"))
        self.print_button.setVisible(printer is not None)
        for b in (self.add_button, self.decide_button, self.window_button, self.print_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.windows = QLabel()
        self.windows.setObjectName("windows")
        self.windows.setStyleSheet("color: #555;")
        layout.addWidget(self.windows)
        self.model = AppealsModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(self.model.column_of("changes"), QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(lambda: self.add())
        self.decide_button.clicked.connect(lambda: self.decide())
        self.window_button.clicked.connect(lambda: self.set_window())
        self.print_button.clicked.connect(lambda: self.print_register())
        self.table.doubleClicked.connect(lambda _: self.decide())
        session.changed.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        windows = self.session.comp.appeal_windows()
        parts = [translate("AppealsView", "{part}：{ends} 后 {hours} 小时内").format(
            part=field_word(part), ends=f"{ends:%Y-%m-%d %H:%M}", hours=f"{hours:g}")
                 for part, (ends, hours) in windows.items()]
        self.windows.setText(translate("AppealsView", "申诉时限：{windows}").format(
            windows="；".join(parts) if parts else translate("AppealsView", "未设置（不判逾期）")))

    def selected(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_at(index.row())
        return row if row.id is not None else None

    # -- actions (each returns its dialog, opened; tests drive it) ---------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog

    def add(self) -> QDialog:
        return self._open(AddAppealDialog(self, self.session))

    def decide(self) -> QDialog | None:
        row = self.selected()
        if row is None or row.decision is not None:
            return None
        return self._open(DecideDialog(self, self.session, row))

    def set_window(self) -> QDialog:
        return self._open(WindowDialog(self, self.session))

    def print_register(self, out: str | None = None) -> None:
        if self.printer is not None:
            self.printer(out)


def open_register(parent, session, printer=None) -> QDialog:
    """The register in a window of its own (赛务 ▸ 申诉登记…)."""
    dialog = QDialog(parent)
    dialog.setObjectName("appeals_dialog")
    dialog.setWindowTitle(translate("AppealsView", "申诉处理登记"))
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(4, 4, 4, 4)
    dialog.view = AppealsView(session, dialog, printer=printer)
    layout.addWidget(dialog.view)
    dialog.resize(1280, 560)
    dialog.finished.connect(lambda _: dialog.deleteLater())
    dialog.open()
    return dialog
