"""复核不一致: marks the chief judge must settle with the paper in hand (issue 7).

Two lists: marks whose two entries (录入 and 复核, by different clerks) disagree — or, on
request, were typed only once so far — and conflicts a desk file's merge held (two
desks typed different values for one mark). The chief judge selects one, types the value
from the original mark sheet and gives the PIN; the facade checks the PIN, writes the
mark (it counts from then on) and audits it. Nothing is pre-filled: the paper decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from skillscore.errors import SkillscoreError
from skillscore.messages import render
from skillscore.cli import safety  # noqa: F401  (registers the texts shared with the command: settled)
from skillscore.rules.marks import MarkError, parse_mark, parse_status

from .. import operations as ops
from ..i18n import current_lang
from ..words import field_word
from .pin import PinDialog
from .common import problem_label

translate = QCoreApplication.translate
RED_BACKGROUND = QColor("#FDECEA")


@dataclass(frozen=True)
class Item:
    """One mark waiting for the chief judge."""

    kind: str  # "entry": the two passes of double entry; "desk": a conflict held by a merge
    no: str
    field: str  # theory, practical, status, or a module's name (judge > 0)
    judge: int
    cells: tuple[str, ...]  # the table's text after 编号 and 姓名
    disagrees: bool

    @property
    def settle_field(self) -> str:
        """How ``settle_conflict`` names the mark: theory, practical, status or MODULE/JUDGE."""
        return f"{self.field}/{self.judge}" if self.judge else self.field


def _value(value: str | None, operator: str | None = None) -> str:
    from skillscore.actions.competition import value_text

    if value is None:
        return "—"
    en = current_lang() == "en"
    text = value_text(value, "en" if en else "zh")
    if not operator:
        return text
    return f"{text} ({operator})" if en else f"{text}（{operator}）"


def _field_label(field: str, judge: int) -> str:
    if judge:
        return translate("PendingMarks", "{module} · 裁判 {judge}").format(module=field, judge=judge)
    return field_word(field)


def entry_items(session, *, typed_once: bool) -> list[Item]:
    items = []
    for p in session.comp.pending_marks() if session.double_entry else []:
        if not p.disagrees and not typed_once:
            continue
        # The mark as well as the colour: still readable on a selected row and in greyscale.
        state = "✘ " + translate("PendingMarks", "不一致") if p.disagrees else translate("PendingMarks", "待复核（只录入一遍）")
        items.append(Item("entry", p.no, p.field, 0, (_field_label(p.field, 0), _value(p.first, p.first_operator),
                                                        _value(p.second, p.second_operator), state), p.disagrees))
    return sorted(items, key=lambda i: (not i.disagrees, i.no, i.field))


def desk_items(session) -> list[Item]:
    items = []
    for c in session.comp.held_conflicts():
        place = _field_label(c.field, c.judge)
        if c.kind == "entry":
            place += translate("PendingMarks", "（第 {n} 遍录入）").format(n=c.pass_no)
        desk = translate("PendingMarks", "录入台「{desk}」").format(desk=c.desk)
        items.append(Item("desk", c.no, c.field, c.judge,
                          (place, _value(c.main_value), f"{desk}{': ' if current_lang() == 'en' else '：'}{_value(c.value, c.operator)}"),
                          True))
    return items


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PendingMarksDialog(QDialog):
    def __init__(self, parent, session):
        super().__init__(parent)
        self.session = session
        self.setObjectName("pending_dialog")
        self.setWindowTitle(translate("PendingMarks", "复核不一致"))
        self.resize(960, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("PendingMarks", "以下成绩尚未计入。请裁判长对照原始成绩单，选中一项，输入成绩单上的值并输入裁判长口令。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.entry_box = QGroupBox(translate("PendingMarks", "两次录入不一致"))
        box = QVBoxLayout(self.entry_box)
        self.typed_once = QCheckBox(translate("PendingMarks", "也显示只录入了一遍的成绩"))
        self.typed_once.setObjectName("typed_once")
        self.typed_once.toggled.connect(lambda _: self.refresh())
        box.addWidget(self.typed_once)
        self.entries = _table([translate("PendingMarks", "编号"), translate("PendingMarks", "姓名"),
                               translate("PendingMarks", "项目"), translate("PendingMarks", "录入（录入员）"),
                               translate("PendingMarks", "复核（录入员）"), translate("PendingMarks", "情况")], "entries")
        box.addWidget(self.entries)
        layout.addWidget(self.entry_box, 1)

        self.desk_box = QGroupBox(translate("PendingMarks", "录入台冲突（合并录入台文件时保留待裁定）"))
        box = QVBoxLayout(self.desk_box)
        self.conflicts = _table([translate("PendingMarks", "编号"), translate("PendingMarks", "姓名"),
                                 translate("PendingMarks", "项目"), translate("PendingMarks", "本文件的值"),
                                 translate("PendingMarks", "录入台的值（录入员）")], "conflicts")
        box.addWidget(self.conflicts)
        layout.addWidget(self.desk_box, 1)

        settle_row = QHBoxLayout()
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen")
        settle_row.addWidget(self.chosen, 1)
        settle_row.addWidget(QLabel(translate("PendingMarks", "原始成绩单上的值：")))
        self.value = QLineEdit()
        self.value.setObjectName("value")
        self.value.setFixedWidth(120)
        self.value.returnPressed.connect(lambda: self.settle())
        settle_row.addWidget(self.value)
        self.settle_button = QPushButton(translate("PendingMarks", "裁定…"))
        self.settle_button.setObjectName("settle")
        self.settle_button.clicked.connect(lambda: self.settle())
        settle_row.addWidget(self.settle_button)
        layout.addLayout(settle_row)
        self.message = problem_label()
        self.message.setObjectName("message")
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        # One selection across both lists: choosing in one clears the other.
        self.entries.itemSelectionChanged.connect(lambda: self._chosen_in(self.entries, self.conflicts))
        self.conflicts.itemSelectionChanged.connect(lambda: self._chosen_in(self.conflicts, self.entries))
        self.refresh()

    # -- the lists --------------------------------------------------------------------------------
    def refresh(self) -> None:
        names = {c.no: c.name for c in self.session.contestants()}
        sealed = self.session.codes_sealed()
        # While sealed a practical item is named by its 评分号, never by 编号 or name: a code
        # that happens to read like a 编号 must not pull a person's name onto the screen.
        number = translate("PendingMarks", "编号 / 评分号") if sealed else translate("PendingMarks", "编号")
        for table in (self.entries, self.conflicts):
            table.horizontalHeaderItem(0).setText(number)
        self.entry_items = entry_items(self.session, typed_once=self.typed_once.isChecked())
        self.desk_items = desk_items(self.session)
        for table, items in ((self.entries, self.entry_items), (self.conflicts, self.desk_items)):
            table.clearSelection()
            table.setRowCount(len(items))
            for r, item in enumerate(items):
                coded = sealed and item.field != "theory" and item.field != "status"
                name = "" if coded else names.get(item.no, "")
                for c, text in enumerate((item.no, name, *item.cells)):
                    cell = QTableWidgetItem(text)
                    if item.disagrees:
                        cell.setBackground(RED_BACKGROUND)
                    table.setItem(r, c, cell)
        self.entry_box.setVisible(self.session.double_entry)
        self.desk_box.setVisible(bool(self.desk_items))
        self._chosen_in(self.entries, self.conflicts)

    def items(self) -> list[Item]:
        return self.entry_items + self.desk_items

    def selected(self) -> Item | None:
        for table, items in ((self.entries, self.entry_items), (self.conflicts, self.desk_items)):
            rows = table.selectionModel().selectedRows()
            if rows:
                return items[rows[0].row()]
        return None

    def select(self, no: str, field: str, *, kind: str = "entry") -> None:
        table, items = (self.entries, self.entry_items) if kind == "entry" else (self.conflicts, self.desk_items)
        for r, item in enumerate(items):
            if (item.no, item.settle_field) == (no, field):
                table.selectRow(r)
                return
        raise LookupError(f"{no} {field} is not listed")

    def _chosen_in(self, table: QTableWidget, other: QTableWidget) -> None:
        if table.selectionModel().selectedRows():
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        item = self.selected()
        self.settle_button.setEnabled(item is not None)
        self.value.setEnabled(item is not None)
        if item is None:
            left = len([i for i in self.items() if i.disagrees])
            self.chosen.setText(translate("PendingMarks", "待裁定 {n} 项").format(n=left) if left
                                else translate("PendingMarks", "没有待裁定的不一致"))
        else:
            self.chosen.setText(self._named(item) + " · " + item.cells[0])
        self.value.clear()

    def _named(self, item: Item) -> str:
        if self.session.codes_sealed() and item.field not in ("theory", "status"):
            return translate("PendingMarks", "评分号 {code}").format(code=item.no)
        return translate("PendingMarks", "编号 {no}").format(no=item.no)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#8E1B1B' if error else '#1B5E20'};")
        self.message.setText(text)
        self.message.show()

    # -- settling ---------------------------------------------------------------------------------
    def _check(self, item: Item, text: str) -> str | None:
        """The core's own reading of the value, before the PIN is asked for."""
        lang = current_lang()
        if item.field == "status":
            try:
                parse_status(text)
            except MarkError as e:
                return e.message(lang)
            return None
        if not text:
            return translate("PendingMarks", "请输入原始成绩单上的值")
        if item.judge:
            return None  # a judge's mark: the module's maximum is the core's to check
        try:
            parse_mark(text)
        except MarkError as e:
            return e.message(lang)
        return None

    def settle(self, text: str | None = None, *, answer: tuple[str, str] | None = None) -> bool:
        item = self.selected()
        if item is None:
            return False
        text = (self.value.text() if text is None else text).strip()
        problem = self._check(item, text)
        if problem:
            self.say(problem, True)
            return False
        from skillscore.actions.competition import value_text

        shown = text or value_text(None, current_lang())  # an empty status: no stage-wide status
        answer = answer or PinDialog.ask(
            self, translate("PendingMarks", "裁定成绩"),
            translate("PendingMarks", "按原始成绩单将{who}的{field}定为「{value}」。此裁定记入日志。").format(
                who=self._named(item), field=item.cells[0], value=shown))
        if answer is None:
            return False
        lang = current_lang()
        try:
            if item.kind == "entry":
                self.session.do(ops.settle, item.no, item.field, text, pin=answer[0])
            else:
                self.session.do(ops.settle_conflict, item.no, item.settle_field, text, pin=answer[0])
        except SkillscoreError as e:  # a bad mark among them
            self.say(e.message(lang), True)
            return False
        self.refresh()
        self.say(render("settled", lang, no=item.no, field=item.cells[0], value=shown))
        return True
