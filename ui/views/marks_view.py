"""The marks-entry grid, keyboard first (UI.md "Keys").

Type a mark and press Enter: it is saved and the cursor moves down. Tab moves right,
Shift+Enter up, Q or "/" types 缺考, Delete clears, Ctrl+V pastes a block from Excel
(tab-separated), Ctrl+Z undoes the last entry as a new audited change. A refused value
keeps the stored one, outlines the cell in red and shows the reason under it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QLabel,
                               QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget)

from skillscore.errors import SkillscoreError
from skillscore.messages import render
from skillscore.rules.marks import MarkError, parse_mark, parse_status

from ..i18n import current_lang
from ..models.marks import ABSENT_KEYS, ERROR_ROLE, MARK_FIELDS, MarksModel
from ..words import ABSENT_INPUT

translate = QCoreApplication.translate
ERROR_RED = QColor("#C62828")


class MarkDelegate(QStyledItemDelegate):
    """A plain line editor whose keys commit and move, and a red outline on refused cells."""

    def __init__(self, view: "MarksView"):
        super().__init__(view)
        self.view = view
        self.editor: QLineEdit | None = None
        self.index = QModelIndex()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag(index.data(Qt.TextAlignmentRole) or int(Qt.AlignLeft)))
        editor.setFrame(False)
        editor.installEventFilter(self)
        editor.destroyed.connect(lambda *_: self._forget(editor))
        self.editor, self.index = editor, index
        return editor

    def _forget(self, editor) -> None:
        if self.editor is editor:
            self.editor = None

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        editor.setText(str(index.data(Qt.EditRole) or ""))
        editor.selectAll()  # the first key typed replaces the old value, as in Excel

    def setModelData(self, editor: QLineEdit, model, index: QModelIndex) -> None:
        if editor.property("finished"):
            return  # already committed by a key; a later focus-out must not save twice
        editor.setProperty("finished", True)
        model.setData(index, editor.text(), Qt.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.KeyPress or not isinstance(editor, QLineEdit):
            return super().eventFilter(editor, event)
        key, shift = event.key(), bool(event.modifiers() & Qt.ShiftModifier)
        moves = {Qt.Key_Return: (-1 if shift else 1, 0), Qt.Key_Enter: (-1 if shift else 1, 0),
                 Qt.Key_Tab: (0, 1), Qt.Key_Backtab: (0, -1), Qt.Key_Up: (-1, 0), Qt.Key_Down: (1, 0)}
        if key in moves:
            self.view.finish_edit(editor, *moves[key])
            return True
        if key == Qt.Key_Escape:
            editor.setProperty("finished", True)
            self.closeEditor.emit(editor, QAbstractItemDelegate.RevertModelCache)
            return True
        if event.text() in ABSENT_KEYS and editor.selectedText() == editor.text():
            editor.setText(ABSENT_INPUT)  # Q or "/" on an empty (or fully selected) cell
            self.view.finish_edit(editor, 1, 0)
            return True
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(ERROR_ROLE):
            painter.save()
            painter.setPen(QPen(ERROR_RED, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class ReasonLabel(QLabel):
    """The reason a value was refused, shown under the cell (UI.md)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("reason")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#reason { background: #FDECEA; color: #8E1B1B; border: 1px solid #C62828;"
                           " padding: 3px 6px; }")
        self.hide()


class MarksView(QTableView):
    message = Signal(str)  # a line for the status bar

    def __init__(self, model: MarksModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.delegate = MarkDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.setEditTriggers(QAbstractItemView.AnyKeyPressed | QAbstractItemView.DoubleClicked
                             | QAbstractItemView.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        for i, column in enumerate(model.columns):
            header.resizeSection(i, column.width)
        if any(c.key == "unit" for c in model.columns):  # the code grid has none: nothing of the person
            header.setSectionResizeMode(model.column_of("unit"), QHeaderView.Stretch)
        if hasattr(model, "sort_key"):  # the marks grid (not a judges' grid built on this view)
            # Sorted by 场次 and 工位号, Enter walks down in the order the paper sheets come back.
            header.setSortIndicator(model.column_of("no"), Qt.AscendingOrder)
            self.setSortingEnabled(True)
            self.show_seats()
        self.reason = ReasonLabel(self.viewport())
        model.refused.connect(self.show_reason)
        model.modelReset.connect(self.reason.hide)

    @property
    def marks(self) -> MarksModel:
        return self.model()

    # -- moving and committing --------------------------------------------------------------
    def editable_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.marks.columns) if c.key in MARK_FIELDS]

    def move_by(self, drow: int, dcol: int, start: QModelIndex | None = None) -> None:
        index = start if start is not None and start.isValid() else self.currentIndex()
        if not index.isValid():
            index = self.marks.index(0, self.editable_columns()[0])
        row, col = index.row() + drow, index.column()
        if dcol:
            cols = self.editable_columns()
            pos = cols.index(col) + dcol if col in cols else 0
            if pos >= len(cols):
                pos, row = 0, row + 1
            elif pos < 0:
                pos, row = len(cols) - 1, row - 1
            col = cols[pos]
        row = max(0, min(row, self.marks.rowCount() - 1))
        self.setCurrentIndex(self.marks.index(row, col))

    def finish_edit(self, editor: QLineEdit, drow: int, dcol: int) -> None:
        index = QModelIndex(self.delegate.index)
        editor.setProperty("finished", True)
        ok = self.marks.setData(index, editor.text(), Qt.EditRole)
        self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.NoHint)
        if ok:
            self.move_by(drow, dcol, index)
        else:
            self.setCurrentIndex(index)

    def commit(self, index: QModelIndex, text: str) -> bool:
        return self.marks.setData(index, text, Qt.EditRole)

    def current_is_editable(self) -> bool:
        index = self.currentIndex()
        return index.isValid() and bool(self.marks.flags(index) & Qt.ItemIsEditable)

    # -- keys ---------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        editor = self.delegate.editor
        if self.state() == QAbstractItemView.EditingState and editor is not None:
            QApplication.sendEvent(editor, event)  # keys sent to the grid reach its editor
            return
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.Undo):
            self.undo()
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self.move_by(-1 if mods & Qt.ShiftModifier else 1, 0)
            return
        if key in (Qt.Key_Tab, Qt.Key_Backtab):
            self.move_by(0, -1 if key == Qt.Key_Backtab or mods & Qt.ShiftModifier else 1)
            return
        if self.marks.read_only and self._typing(event) and self._on_mark(self.currentIndex()):
            self.explain_read_only(self.currentIndex())  # typing into a finalised grid says why
            return
        if self.current_is_editable() and not mods & (Qt.ControlModifier | Qt.AltModifier):
            index = self.currentIndex()
            if key in (Qt.Key_Delete, Qt.Key_Backspace):
                self.commit(index, "")
                return
            if event.text() in ABSENT_KEYS:
                if self.commit(index, ABSENT_INPUT):
                    self.move_by(1, 0, index)
                return
        super().keyPressEvent(event)

    @staticmethod
    def _typing(event) -> bool:
        if event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            return False
        return event.key() in (Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_F2) or bool(event.text().strip())

    def _on_mark(self, index: QModelIndex) -> bool:
        return index.isValid() and self.marks.columns[index.column()].key in MARK_FIELDS

    def explain_read_only(self, index: QModelIndex) -> None:
        """The stage is finalised: nothing typed is taken, and the cell says so."""
        self.show_reason(index, render("finalized", current_lang(), version=self.marks.session.info().version))

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.state() == QAbstractItemView.EditingState:
            return False  # the editor's own filter handles Tab
        return super().focusNextPrevChild(next)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if current != previous:
            self.reason.hide()

    # -- the reason under a refused cell ------------------------------------------------------
    def show_reason(self, index: QModelIndex, message: str) -> None:
        self.message.emit(translate("MarksView", "未保存：{reason}").format(reason=message))
        self.setCurrentIndex(index)
        rect = self.visualRect(index)
        label = self.reason
        label.setText(message)
        width = min(max(rect.width() * 3, 320), self.viewport().width() - 8)
        label.setFixedWidth(width)
        label.adjustSize()
        x = max(0, min(rect.left(), self.viewport().width() - width - 4))
        y = rect.bottom() + 2
        if y + label.height() > self.viewport().height():
            y = rect.top() - label.height() - 2
        label.move(QPoint(x, y))
        label.show()
        label.raise_()

    # -- paste and undo -------------------------------------------------------------------------------
    def paste(self, text: str) -> bool:
        """Paste a tab-separated block from the current cell; all of it, or nothing."""
        if self.marks.read_only:
            if self._on_mark(self.currentIndex()):
                self.explain_read_only(self.currentIndex())
            return False
        lines = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and lines[-1] == [""]:
            lines.pop()
        start = self.currentIndex()
        if not lines or not start.isValid():
            return False
        cols = self.editable_columns()
        if start.column() not in cols:
            start = self.marks.index(start.row(), cols[0])
        first = cols.index(start.column())
        cells, problems = [], []
        lang = current_lang()
        for r, values in enumerate(lines):
            row = start.row() + r
            if row >= self.marks.rowCount():
                problems.append(translate("MarksView", "粘贴区域超出表格：第 {line} 行没有对应的选手").format(line=r + 1))
                break
            no = self.marks.row_at(row).no
            for c, value in enumerate(values):
                if first + c >= len(cols):
                    problems.append(translate("MarksView", "粘贴区域超出表格：第 {line} 行多出第 {col} 列")
                                    .format(line=r + 1, col=c + 1))
                    break
                field = self.marks.columns[cols[first + c]].key
                value = value.strip()
                value = ABSENT_INPUT if value in ABSENT_KEYS else value
                reason = self._check(field, value, lang)
                if reason:
                    problems.append(self.marks.paste_line().format(no=no, value=value, reason=reason))
                cells.append((no, field, value))
        if problems:
            head = translate("MarksView", "粘贴被拒绝，未作任何改动：")
            self.show_reason(start, "\n".join([head, *problems[:8]] + (["…"] if len(problems) > 8 else [])))
            return False
        try:
            self.marks.session.set_marks(cells, self.marks.entry_pass)
        except SkillscoreError as e:
            self.show_reason(start, e.message(lang))
            return False
        self.message.emit(translate("MarksView", "已粘贴 {count} 个成绩").format(count=len(cells)))
        return True

    @staticmethod
    def _check(field: str, value: str, lang: str) -> str | None:
        """The core's own reading of one value, before anything is written."""
        try:
            (parse_status if field == "status" else parse_mark)(value)
        except MarkError as e:
            return e.message(lang)
        return None

    def undo(self) -> bool:
        lang = current_lang()
        try:
            done = self.marks.session.undo()
        except SkillscoreError as e:
            self.message.emit(e.message(lang))
            return False
        if not done:
            self.message.emit(translate("MarksView", "没有可撤销的录入"))
            return False
        no, field = done[0][0], done[0][1]
        row = self.marks.row_of(no)
        if row is not None:
            self.setCurrentIndex(self.marks.index(row, self.marks.column_of(field)))
        self.message.emit(translate("MarksView", "已撤销上一次录入（已记入日志）"))
        return True

    def show_seats(self) -> None:
        """场次 and 工位号 only once there is a draw: a file without one looks as before."""
        if not hasattr(self.marks, "drawn"):
            return
        for key in ("session", "station"):
            self.setColumnHidden(self.marks.column_of(key), not self.marks.drawn)

    def jump_to(self, text: str) -> bool:
        row = self.marks.find(text)
        if row is None:
            return False
        self.setCurrentIndex(self.marks.index(row, self.editable_columns()[0]))
        self.scrollTo(self.currentIndex(), QAbstractItemView.PositionAtCenter)
        self.setFocus()
        return True
