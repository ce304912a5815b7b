"""Opening a sitting: who works the desk (录入员), and a new competition file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from skillscore.catalog import events
from skillscore.errors import SkillscoreError

from .common import ok_cancel, problem_label
from ..i18n import settings
from ..words import error_text, word
from .panel_scheme import PanelSchemeBox

translate = QCoreApplication.translate
STAGES = ("prelim", "semifinal", "final")


class OperatorDialog(QDialog):
    """Whoever works the desk states their name; every change in the log carries it."""

    def __init__(self, parent: QWidget | None, path: Path):
        super().__init__(parent)
        self.setObjectName("operator_dialog")
        self.setWindowTitle(translate("OperatorDialog", "录入员"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        text = QLabel(translate("OperatorDialog", "打开 {file}\n请输入您的姓名：每一项改动都会以此姓名记入日志。")
                      .format(file=Path(path).name))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.name = QLineEdit(str(settings().value("operator", "")))
        self.name.setObjectName("operator")
        self.name.selectAll()
        layout.addWidget(self.name)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(translate("OperatorDialog", "请填写录入员姓名"))
            self.problem.show()
            return
        settings().setValue("operator", self.name.text().strip())
        super().accept()

    @classmethod
    def ask(cls, parent, path: Path) -> str | None:
        dialog = cls(parent, path)
        try:
            return dialog.name.text().strip() if dialog.exec() == QDialog.Accepted else None
        finally:
            dialog.deleteLater()


def default_folder() -> Path:
    """Competition files go under the user's Documents, in a skillscore folder."""
    from skillscore.system.folders import documents_dir

    return documents_dir(create=False)


class NewCompetitionDialog(QDialog):
    """Event from the catalogue, stage, committee, date, the chief judge's PIN, the file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("new_dialog")
        self.setWindowTitle(translate("NewCompetitionDialog", "新建竞赛"))
        self.setMinimumWidth(560)
        self.created = None  # the Competition, once made
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.event = QComboBox()
        for ev in events().values():
            flags = []
            if ev.certified:
                flags.append(translate("NewCompetitionDialog", "取证"))
            if ev.team_size > 1:
                flags.append(translate("NewCompetitionDialog", "团体 {n} 人").format(n=ev.team_size))
            suffix = f"（{'、'.join(flags)}）" if flags else ""
            self.event.addItem(f"{ev.no}. {ev.name}{suffix}", ev.no)
        self.stage = QComboBox()
        for stage in STAGES:
            self.stage.addItem(word(stage), stage)
        self.committee = QLineEdit()
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.Password)
        self.path = QLineEdit()
        browse = QPushButton(translate("NewCompetitionDialog", "浏览…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(translate("NewCompetitionDialog", "竞赛项目"), self.event)
        form.addRow(translate("NewCompetitionDialog", "阶段"), self.stage)
        form.addRow(translate("NewCompetitionDialog", "组委会"), self.committee)
        form.addRow(translate("NewCompetitionDialog", "比赛日期"), self.date)
        form.addRow(translate("NewCompetitionDialog", "裁判长口令"), self.pin)
        form.addRow(translate("NewCompetitionDialog", "再输入一次口令"), self.pin_again)
        form.addRow(translate("NewCompetitionDialog", "竞赛文件"), path_row)
        layout.addLayout(form)
        self.panel = PanelSchemeBox()  # judging panels (issue 9): unticked, one practical mark as before
        layout.addWidget(self.panel)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        self.event.currentIndexChanged.connect(self.suggest_path)
        self.stage.currentIndexChanged.connect(self.suggest_path)
        self.suggest_path()

    def suggest_path(self) -> None:
        ev = events()[self.event.currentData()]
        name = f"{ev.name}-{self.stage.currentText()}.skillscore"
        self.path.setText(str(default_folder() / name))

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, translate("NewCompetitionDialog", "竞赛文件"), self.path.text(),
                                                translate("NewCompetitionDialog", "竞赛文件 (*.skillscore *.sqlite)"))
        if chosen:
            self.path.setText(chosen)

    def fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> None:
        from skillscore.actions.competition import Competition

        if self.pin.text() != self.pin_again.text():
            return self.fail(translate("NewCompetitionDialog", "两次输入的口令不一致"))
        if not self.committee.text().strip():
            return self.fail(translate("NewCompetitionDialog", "请填写组委会名称"))
        path = Path(self.path.text().strip())
        operator = str(settings().value("operator", "")) or None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.created = Competition.create(
                path, event_no=self.event.currentData(), stage=self.stage.currentData(),
                committee=self.committee.text().strip(), pin=self.pin.text(),
                date=dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd")), operator=operator,
                panel=self.panel.scheme(),
            )
        except (SkillscoreError, OSError) as e:
            return self.fail(error_text(e))
        self.created.close()
        super().accept()
