"""Judges' marks entry (RULES.md §11): one grid per module, one column per judge.

The grid is the marks grid (``MarksView``) with the judges' columns: the same keys (Enter
down, Tab right, Shift+Enter up, Q or "/" 缺考 for the whole practical part, Delete
clears), the same editor, red outline and reason under a refused cell. What differs is
what a key writes (``PanelMarksModel``), the paste (a block of judges' marks checked
against the module's maximum) and the undo list, which is the judges' grid's own: Ctrl+Z
and Ctrl+V here never reach the marks grid behind the other tab.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from skillscore.errors import SkillscoreError
from skillscore.rules.marks import MarkError, parse_mark

from .. import operations as ops
from ..i18n import current_lang
from ..models.marks import ABSENT_KEYS
from ..models.panel_marks import PanelMarksModel, judge_of
from ..words import ABSENT_INPUT
from .findbar import FindBar
from .marks_view import MarksView

translate = QCoreApplication.translate
REFRESHING = frozenset({ops.MARKS, ops.ROSTER, ops.STAGE})


class PanelView(MarksView):
    """One module's grid: the marks grid's keys and editor over the judges' columns."""

    def __init__(self, model: PanelMarksModel, grid: "PanelGrid"):
        super().__init__(model)
        self.grid = grid
        self.setObjectName(f"panel_view_{model.module.name}")
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)

    @property
    def marks(self) -> PanelMarksModel:
        return self.model()

    def editable_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.marks.columns) if self.marks.is_entry(c.key)]

    def event(self, event) -> bool:
        # Ctrl+Z / Ctrl+V are the window's shortcuts for the marks grid; taken here first.
        if event.type() == QEvent.ShortcutOverride and (event.matches(QKeySequence.Undo)
                                                        or event.matches(QKeySequence.Paste)):
            event.accept()
            return True
        return super().event(event)

    def undo(self) -> bool:
        return self.grid.undo()

    def paste(self, text: str) -> bool:
        """A tab-separated block of judges' marks from the current cell: all of it, or nothing."""
        model = self.marks
        if model.read_only:
            return False
        lines = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and lines[-1] == [""]:
            lines.pop()
        start = self.currentIndex()
        judges = [i for i, c in enumerate(model.columns) if judge_of(c.key) is not None]
        if not lines or not start.isValid():
            return False
        if start.column() not in judges:
            start = model.index(start.row(), judges[0])
        first = judges.index(start.column())
        cells, problems = [], []
        lang = current_lang()
        for r, values in enumerate(lines):
            row = start.row() + r
            if row >= model.rowCount():
                problems.append(translate("MarksView", "粘贴区域超出表格：第 {line} 行没有对应的选手").format(line=r + 1))
                break
            no = model.row_at(row).no
            for c, value in enumerate(values):
                if first + c >= len(judges):
                    problems.append(translate("MarksView", "粘贴区域超出表格：第 {line} 行多出第 {col} 列")
                                    .format(line=r + 1, col=c + 1))
                    break
                value = value.strip()
                value = ABSENT_INPUT if value in ABSENT_KEYS else value
                try:
                    parse_mark(value, maximum=model.module.maximum)  # the core's own reading, before any write
                except MarkError as e:
                    problems.append(translate("MarksView", "编号 {no}「{value}」：{reason}").format(
                        no=no, value=value, reason=e.message(lang)))
                cells.append((row, model.columns[judges[first + c]].key, value))
        if problems:
            head = translate("MarksView", "粘贴被拒绝，未作任何改动：")
            self.show_reason(start, "\n".join([head, *problems[:8]] + (["…"] if len(problems) > 8 else [])))
            return False
        try:
            self.grid.save_block(model, cells)
        except SkillscoreError as e:
            self.show_reason(start, e.message(lang))
            return False
        self.message.emit(translate("MarksView", "已粘贴 {count} 个成绩").format(count=len(cells)))
        return True


class PanelGrid(QWidget):
    """The module tabs, the keys, the find bar; refreshes itself when marks change."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scheme = session.panel_scheme()
        self.undo_stack: list[list[tuple[str, str, list[tuple[str, str]]]]] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        how = (translate("PanelGrid", "去掉一个最高分和一个最低分后取平均（灰色删除线为去掉的分数）")
               if self.scheme.aggregation == "trimmed" else translate("PanelGrid", "各裁判分数取平均"))
        self.scheme_label = QLabel(translate("PanelGrid", "{judges} 名裁判 · {how}").format(
            judges=self.scheme.judges, how=how))
        self.scheme_label.setObjectName("scheme")
        keys = QLabel(translate("PanelGrid", "回车 下一行 · Tab 下一列 · Q 或 / 技能操作缺考 · Delete 清除 · "
                                "Ctrl+F 查找 · Ctrl+Z 撤销 · Ctrl+V 粘贴"))
        keys.setStyleSheet("color: #555;")
        bar.addWidget(self.scheme_label)
        bar.addStretch(1)
        bar.addWidget(keys)
        layout.addLayout(bar)
        self.find = FindBar(lambda text: self.current_view().jump_to(text))
        layout.addWidget(self.find)
        self.modules = QTabWidget()
        self.modules.setObjectName("modules")
        self._build_modules()
        layout.addWidget(self.modules, 1)
        self.dirty = False
        session.changed.connect(self._on_changed)
        self.refresh()

    def _build_modules(self) -> None:
        """One grid per module; again when codes are sealed or revealed (the columns change)."""
        while self.modules.count():
            view = self.modules.widget(0)
            self.modules.removeTab(0)
            view.model().deleteLater()
            view.deleteLater()
        self.sealed = self.session.codes_sealed()
        session = self.session
        self.models: dict[str, PanelMarksModel] = {}
        self.views: dict[str, PanelView] = {}
        for module in self.scheme.modules:
            model = PanelMarksModel(session, self.scheme, module, self)
            model.typed.connect(lambda entry: self.undo_stack.append([entry]))
            view = PanelView(model, self)
            self.models[module.name], self.views[module.name] = model, view
            self.modules.addTab(view, translate("PanelGrid", "{module}（满分 {maximum}）").format(
                module=module.name, maximum=module.maximum))

    def current_view(self) -> PanelView:
        return self.modules.currentWidget()

    def show_module(self, name: str) -> PanelView:
        self.modules.setCurrentWidget(self.views[name])
        return self.views[name]

    # -- following the file ------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.codes_sealed() != self.sealed:
            self._build_modules()
        sheets = self.session.comp.panel_sheets()  # read once for every module's grid
        for model in self.models.values():
            model.reload(sheets)

    def _on_changed(self, change) -> None:
        if (change.kinds == {ops.MARKS} and change.marks is not None and change.panel is not None
                and not self.dirty and all(m.apply(change.marks, change.panel) for m in self.models.values())):
            return  # the rows the log names, updated in place: no re-reading of every judge's mark
        if change.kinds & REFRESHING:
            if self.isVisible():
                self.refresh()
            else:
                self.dirty = True  # the desk refreshes a dirty tab when it is shown
        if ops.STAGE in change.kinds:
            self.undo_stack.clear()

    # -- several values at once: pasted, or undone -----------------------------------------------
    def save_block(self, model: PanelMarksModel, cells: list[tuple[int, str, str]]) -> None:
        """Checked values saved one by one, then one refresh; undone together by one Ctrl+Z."""
        entry = []
        try:
            for row, key, text in cells:
                current = model.row_at(row)
                if text != model.raw(current, key):
                    entry.append(model.undo_entry(current, key, text))
                    model.save(current.no, key, text, batch=True)
        finally:
            if entry:
                self.undo_stack.append(entry)
                self.session.after(ops.set_panel_mark.changes)

    def undo(self) -> bool:
        view = self.current_view()
        if not self.undo_stack:
            view.message.emit(translate("MarksView", "没有可撤销的录入"))
            return False
        entry = self.undo_stack.pop()
        lang = current_lang()
        try:
            for module, no, steps in reversed(entry):
                for key, text in steps:
                    self.models[module].save(no, key, text, batch=True)
        except SkillscoreError as e:
            self.undo_stack.append(entry)  # nothing lost: the user can try again
            view.message.emit(e.message(lang))
            return False
        finally:
            self.session.after(ops.set_panel_mark.changes)
        module, no, steps = entry[0]
        view = self.show_module(module)
        model = self.models[module]
        row = model.row_of(no)
        if row is not None:
            view.setCurrentIndex(model.index(row, model.column_of(steps[0][0])))
        view.setFocus()
        view.message.emit(translate("MarksView", "已撤销上一次录入（已记入日志）"))
        return True
