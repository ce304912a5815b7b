"""The chief judge's PIN (裁判长口令), with a written reason where the action needs one.

The dialog only collects; the facade checks the PIN and refuses a wrong one, so a wrong
PIN can never slip past the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from .common import ok_cancel, problem_label

translate = QCoreApplication.translate


class PinDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, explanation: str, *, reason: bool = False,
                 reason_text: str = ""):
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.reason = None
        if reason:
            self.reason = QPlainTextEdit(reason_text)
            self.reason.setObjectName("reason")
            self.reason.setFixedHeight(70)
            form.addRow(translate("PinDialog", "理由（记入日志）"), self.reason)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.Password)
        form.addRow(translate("PinDialog", "裁判长口令"), self.pin)
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        self.pin.setFocus()

    def accept(self) -> None:
        if self.reason is not None and not self.reason.toPlainText().strip():
            self.problem.setText(translate("PinDialog", "请填写理由"))
            self.problem.show()
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        return self.pin.text(), (self.reason.toPlainText().strip() if self.reason is not None else "")

    @classmethod
    def ask(cls, parent, title: str, explanation: str, *, reason: bool = False) -> tuple[str, str] | None:
        dialog = cls(parent, title, explanation, reason=reason)
        try:
            return dialog.values() if dialog.exec() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()
