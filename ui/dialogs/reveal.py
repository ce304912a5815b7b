"""解密 (RULES.md §12.3): the checklist of what the reveal waits for, then the PIN.

Each line is one condition of the rule, ticked or with what still blocks it (codes only,
never a 编号): every code has its practical mark (or 缺考), every double entry agrees,
every desk conflict is settled. 解密 stays disabled until all are ticked; the facade
checks again and refuses all the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from skillscore.errors import SkillscoreError
from skillscore.messages import render

from .. import operations as ops
from ..i18n import current_lang
from .common import problem_label

translate = QCoreApplication.translate


def checklist_items() -> list[tuple[str, str]]:
    """(blocker code, the condition as the chief judge reads it)."""
    return [("codes_reveal_missing", translate("RevealDialog", "每个评分号都已有技能操作成绩（或缺考）")),
            ("codes_reveal_pending", translate("RevealDialog", "复核（双人录入）的技能操作成绩都已一致")),
            ("codes_reveal_conflicts", translate("RevealDialog", "录入台冲突都已由裁判长裁定"))]


class RevealDialog(QDialog):
    def __init__(self, parent, session):
        super().__init__(parent)
        self.session = session
        self.setObjectName("reveal_dialog")
        self.setWindowTitle(translate("RevealDialog", "解密"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("RevealDialog", "解密后显示每个评分号对应的选手，排名随即显示；技能操作成绩自此锁定，"
                                 "修改须裁判长口令并写明理由，并列入申诉处理登记表。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lines: dict[str, QLabel] = {}
        for code, text in checklist_items():
            line = QLabel()
            line.setObjectName(f"check_{code}")
            line.setWordWrap(True)
            layout.addWidget(line)
            self.lines[code] = line
        form = QFormLayout()
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        form.addRow(translate("PinDialog", "裁判长口令"), self.pin)
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.reveal_button = self.buttons.addButton(translate("RevealDialog", "解密"), QDialogButtonBox.AcceptRole)
        self.reveal_button.setObjectName("reveal")
        self.buttons.accepted.connect(self.reveal)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> list[tuple[str, dict]]:
        lang = current_lang()
        blockers = self.session.comp.reveal_blockers()
        found = dict(blockers)
        for code, text in checklist_items():
            line = self.lines[code]
            if code in found:
                line.setText(f"✗ {text}\n    {render(code, lang, **found[code])}")
                line.setStyleSheet("color: #8E1B1B;")
            else:
                line.setText(f"✓ {text}")
                line.setStyleSheet("color: #1B5E20;")
        other = [(c, p) for c, p in blockers if c not in self.lines]  # not sealed, or revealed already
        self.problem.setVisible(bool(other))
        if other:
            self.problem.setText(render(other[0][0], lang, **other[0][1]))
        self.reveal_button.setEnabled(not blockers)
        return blockers

    def reveal(self) -> None:
        try:
            self.session.do(ops.reveal_codes, pin=self.pin.text())
        except SkillscoreError as e:
            self.problem.setText(e.message(current_lang()))
            self.problem.show()
            return
        self.accept()
