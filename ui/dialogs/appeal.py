"""Recording an appeal, the arbitration decision, and the window of a part (RULES.md §12.4).

The dialogs collect; the facade checks (the PIN, a finalised stage, a practical mark given
by 编号 while sealed) and a refusal is shown in the dialog, which stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from skillscore.errors import SkillscoreError

from .. import operations as ops
from ..i18n import current_lang
from ..words import field_word
from .common import ok_cancel, problem_label

translate = QCoreApplication.translate
PARTS = ("practical", "theory")


def part_box() -> QComboBox:
    box = QComboBox()
    for part in PARTS:
        box.addItem(field_word(part), part)
    return box


class _Form(QDialog):
    """A form whose OK runs one operation; a refusal keeps the dialog open with the reason."""

    def __init__(self, parent, session, title: str, name: str):
        super().__init__(parent)
        self.session = session
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = problem_label()
        self.result = None

    def finish(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(ok_cancel(self))

    def run(self, op, *args, **kwargs) -> bool:
        try:
            self.result = self.session.do(op, *args, **kwargs)
        except SkillscoreError as e:
            self.problem.setText(e.message(current_lang()))
            self.problem.show()
            return False
        return True


class AddAppealDialog(_Form):
    def __init__(self, parent, session):
        super().__init__(parent, session, translate("AppealDialog", "登记申诉"), "add_appeal")
        team = session.info().rules.team_size > 1
        self.no = QLineEdit()
        self.no.setObjectName("no")
        self.by = QLineEdit()
        self.by.setObjectName("by")
        self.by.setPlaceholderText(translate("AppealDialog", "领队或选手本人"))
        self.subject = QPlainTextEdit()
        self.subject.setObjectName("subject")
        self.subject.setFixedHeight(60)
        self.part = part_box()
        self.received = QLineEdit()
        self.received.setObjectName("received")
        self.received.setPlaceholderText(translate("AppealDialog", "YYYY-MM-DD HH:MM，空为现在"))
        self.form.addRow(translate("AppealDialog", "团队") if team else translate("AppealDialog", "编号"), self.no)
        self.form.addRow(translate("AppealDialog", "申诉人"), self.by)
        self.form.addRow(translate("AppealDialog", "申诉事由"), self.subject)
        self.form.addRow(translate("AppealDialog", "部分"), self.part)
        self.form.addRow(translate("AppealDialog", "受理时间"), self.received)
        self.finish()

    def accept(self) -> None:
        if self.run(ops.add_appeal, self.no.text().strip(), by=self.by.text(), subject=self.subject.toPlainText(),
                    part=self.part.currentData(), received=self.received.text().strip() or None):
            super().accept()


class DecideDialog(_Form):
    """成立 or 驳回, the reason, corrected marks (upheld only) and the PIN."""

    ROWS = 3

    def __init__(self, parent, session, appeal):
        super().__init__(parent, session, translate("AppealDialog", "仲裁决定 · 第 {id} 号申诉").format(id=appeal.id),
                         "decide_appeal")
        self.appeal = appeal
        head = QLabel(f"{appeal.no} · {appeal.by} · {appeal.subject}")
        head.setWordWrap(True)
        self.layout_.insertWidget(0, head)
        verdict = QHBoxLayout()
        self.upheld = QRadioButton(translate("AppealsModel", "申诉成立"))
        self.upheld.setObjectName("upheld")
        self.rejected = QRadioButton(translate("AppealsModel", "申诉驳回"))
        self.rejected.setObjectName("rejected")
        group = QButtonGroup(self)
        for button in (self.upheld, self.rejected):
            group.addButton(button)
            verdict.addWidget(button)
        self.rejected.setChecked(True)
        self.form.addRow(translate("AppealDialog", "仲裁决定"), verdict)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(60)
        self.form.addRow(translate("AppealDialog", "理由（记入日志）"), self.reason)
        sealed = session.codes_sealed()
        self.changes = QTableWidget(self.ROWS, 3)
        self.changes.setObjectName("changes")
        self.changes.setHorizontalHeaderLabels([
            translate("AppealDialog", "编号（技能操作加密时填评分号）") if sealed else translate("AppealDialog", "编号"),
            translate("AppealDialog", "项"), translate("AppealDialog", "更正为")])
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setColumnWidth(0, 220 if sealed else 120)
        self.changes.setFixedHeight(30 + 30 * self.ROWS)
        for r in range(self.ROWS):
            self.changes.setCellWidget(r, 1, part_box())
        self.form.addRow(translate("AppealDialog", "更正成绩（成立时）"), self.changes)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        self.form.addRow(translate("PinDialog", "裁判长口令"), self.pin)
        self.finish()

    def set_change(self, row: int, key: str, field: str, value: str) -> None:
        self.changes.setItem(row, 0, QTableWidgetItem(key))
        box = self.changes.cellWidget(row, 1)
        box.setCurrentIndex(box.findData(field))
        self.changes.setItem(row, 2, QTableWidgetItem(value))

    def corrections(self) -> list[tuple[str, str, str]]:
        found = []
        for r in range(self.ROWS):
            key, value = (self.changes.item(r, c) for c in (0, 2))
            if key is not None and key.text().strip():
                found.append((key.text().strip(), self.changes.cellWidget(r, 1).currentData(),
                              value.text().strip() if value is not None else ""))
        return found

    def accept(self) -> None:
        if self.run(ops.decide_appeal, self.appeal.id, upheld=self.upheld.isChecked(),
                    reason=self.reason.toPlainText(), pin=self.pin.text(), changes=self.corrections()):
            super().accept()


class WindowDialog(_Form):
    def __init__(self, parent, session):
        super().__init__(parent, session, translate("AppealDialog", "申诉时限"), "appeal_window")
        note = QLabel(translate("AppealDialog", "该部分结束后若干小时内受理申诉（通常 2 小时）；之后收到的申诉照常登记，标为逾期。"))
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.part = part_box()
        self.ends = QLineEdit()
        self.ends.setObjectName("ends")
        self.ends.setPlaceholderText("YYYY-MM-DD HH:MM")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("hours")
        self.hours.setRange(0, 72)
        self.hours.setDecimals(1)
        self.hours.setValue(2)
        self.form.addRow(translate("AppealDialog", "部分"), self.part)
        self.form.addRow(translate("AppealDialog", "该部分结束时间"), self.ends)
        self.form.addRow(translate("AppealDialog", "时限（小时）"), self.hours)
        self.finish()

    def accept(self) -> None:
        if self.run(ops.set_appeal_window, self.part.currentData(), self.ends.text().strip(),
                    hours=f"{self.hours.value():g}"):
            super().accept()
