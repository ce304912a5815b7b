"""The 成绩录入 tab. Normally one grid by 编号. While codes are sealed (RULES.md §12.3) two
pages: the code grid, where practical marks are typed by 评分号 in session and station
order with nothing of the person on screen, and the grid by 编号 for theory marks and
statuses, which then has no practical column. ``view``, ``model`` and ``find`` are what
the desk and the menus use: the grid on screen, the grid by 编号, the find bar on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..models.coded_marks import CodedMarksModel
from ..models.marks import MarksModel
from .findbar import FindBar
from .marks_view import MarksView

translate = QCoreApplication.translate


class GridPage(QWidget):
    def __init__(self, model, placeholder: str | None = None, parent=None):
        super().__init__(parent)
        self.model = model
        self.view = MarksView(model)
        self.find = FindBar(self.view.jump_to)
        if placeholder:
            self.find.edit.setPlaceholderText(placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find)
        layout.addWidget(self.view, 1)


class MarksTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.import_button = QPushButton(translate("MarksTab", "导入成绩…"))
        self.export_button = QPushButton(translate("MarksTab", "导出成绩…"))
        keys = QLabel(translate("MarksTab", "回车 下一行 · Tab 下一列 · Shift+回车 上一行 · Q 或 / 缺考 · "
                                "Delete 清除 · Ctrl+F 查找 · Ctrl+Z 撤销 · Ctrl+V 粘贴"))
        keys.setStyleSheet("color: #555;")
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        bar.addSpacing(12)
        bar.addWidget(keys, 1)
        layout.addLayout(bar)
        self.double = QWidget()
        row = QHBoxLayout(self.double)
        row.setContentsMargins(0, 0, 0, 0)
        note = QLabel(translate("MarksTab", "本文件启用复核（双人录入）：每个成绩由两位录入员各录一次，一致后才计入；"
                                "未计入的显示“待复核”。"))
        note.setStyleSheet("color: #8D6E00;")
        self.second_pass = QCheckBox(translate("MarksTab", "我录第二遍（复核）"))
        self.second_pass.setObjectName("second_pass")
        self.second_pass.toggled.connect(self._set_pass)
        row.addWidget(note, 1)
        row.addWidget(self.second_pass)
        self.double.setVisible(session.double_entry)
        layout.addWidget(self.double)
        self.grids = QTabWidget()
        self.grids.setObjectName("marks_grids")
        self.grids.setTabBarAutoHide(True)  # one grid: no tab bar
        layout.addWidget(self.grids, 1)
        self.sealed: bool | None = None
        self.coded_model: CodedMarksModel | None = None
        self._build(load=False)  # the desk's refresh_everything, right after, reads the rows
        self.dirty = False

    # -- the grids -------------------------------------------------------------------------------
    def _build(self, *, load: bool = True) -> None:
        self.sealed = self.session.codes_sealed()
        while self.grids.count():
            page = self.grids.widget(0)
            self.grids.removeTab(0)
            page.deleteLater()
        for old in (getattr(self, "model", None), self.coded_model):
            if old is not None:
                old.deleteLater()
        self.model = MarksModel(self.session, self, practical=not self.sealed, load=load)
        self.model.ask_correction = self.ask_correction
        self.coded_model = CodedMarksModel(self.session, self, load=load) if self.sealed else None
        if self.coded_model is not None:
            self.coded_page = GridPage(self.coded_model, translate("MarksTab", "评分号，回车跳转，Esc 关闭"))
            self.coded_page.setObjectName("coded_page")
            self.grids.addTab(self.coded_page, translate("MarksTab", "技能操作（按评分号）"))
        self.numbers_page = GridPage(self.model)
        self.grids.addTab(self.numbers_page, translate("MarksTab", "理论知识与状态（按编号）") if self.sealed
                          else translate("MarksTab", "成绩"))
        self._set_pass(self.second_pass.isChecked())

    def ask_correction(self, no: str) -> tuple[str, str] | None:
        from ..dialogs.pin import PinDialog

        return PinDialog.ask(self, translate("MarksTab", "解密后更正技能操作成绩"), translate(
            "MarksTab", "已解密，技能操作成绩已锁定。更正编号 {no} 的成绩须裁判长口令并写明理由，"
                        "更正将列入申诉处理登记表。").format(no=no), reason=True)

    def _set_pass(self, on: bool) -> None:
        for model in (self.model, self.coded_model):
            if model is not None:
                model.entry_pass = 2 if on else 1

    @property
    def page(self) -> GridPage:
        return self.grids.currentWidget()

    @property
    def view(self) -> MarksView:
        return self.page.view

    @property
    def find(self) -> FindBar:
        return self.page.find

    def apply(self, changes) -> None:
        """Exact changes from the core: by 编号 for the grid by 编号, by code for the code grid."""
        for model in (self.model, self.coded_model):
            if model is not None:
                model.apply(changes)

    def refresh(self) -> None:
        if self.session.codes_sealed() != self.sealed:
            self._build()  # sealed or revealed: the grids change shape
            return
        for model in (self.model, self.coded_model):
            if model is not None:
                model.reload()
        self.numbers_page.view.show_seats()  # the draw shows in the grid's 场次 and 工位号
