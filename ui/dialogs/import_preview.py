"""Import a roster or marks file: a dry run first that lists every problem, then the import.

The dry run reads the file with the core's own readers (which validate without writing)
off the GUI thread. Nothing is written until the file is clean and the user presses
导入; the import itself runs in a worker with its own connection and is all or nothing.
An eligibility problem can be settled here by the chief judge (admit with a reason).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout)

from skillscore.errors import InputError, SkillscoreError
from skillscore.io.columns import ROSTER_COLUMNS
from skillscore.io.marks import read_marks
from skillscore.io.roster import ELIGIBILITY_CODES, read_roster
from skillscore.io.tables import read_table

from .. import operations as ops
from ..i18n import current_lang
from ..models.preview import PreviewModel, ProblemModel, marks_preview, roster_preview
from ..workers import run_task, with_competition
from .pin import PinDialog

translate = QCoreApplication.translate


def dry_run(kind: str, path: Path, context: dict):
    """Read and validate without writing (runs in a worker; touches no database)."""
    if kind == "roster":
        warnings: list = []
        rows = read_roster(path, stage_date=context["date"], team_size=context["team_size"],
                           existing=context["existing"], admitted=context["admitted"], warnings=warnings)
        return roster_preview(rows, context["existing"], warnings)
    rows = read_marks(path, known=set(context["existing"]), team_of=context["team_of"])
    return marks_preview(rows)


class ImportDialog(QDialog):
    def __init__(self, parent, session, kind: str, path: str | Path):
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.session, self.kind, self.path = session, kind, Path(path)
        self.state = "checking"  # checking → problems | ready → importing → imported | failed
        self.log = None
        self.task = None
        title = translate("ImportDialog", "导入名单") if kind == "roster" else translate("ImportDialog", "导入成绩")
        self.setWindowTitle(f"{title} · {self.path.name}")
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = ProblemModel(self)
        self.preview = PreviewModel(self)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.admit_button = QPushButton(translate("ImportDialog", "准予参赛…"))
        self.admit_button.setToolTip(translate("ImportDialog", "裁判长写明理由，准予所选行的选手违反资格规定参赛"))
        self.recheck_button = QPushButton(translate("ImportDialog", "重新检查"))
        self.import_button = QPushButton(translate("ImportDialog", "导入"))
        self.import_button.setDefault(True)
        cancel = QPushButton(translate("ImportDialog", "取消"))
        buttons.addWidget(self.admit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recheck_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.admit_button.clicked.connect(self.admit_selected)
        self.recheck_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        cancel.clicked.connect(self.reject)
        self.check()

    # -- the dry run ---------------------------------------------------------------------------
    def context(self) -> dict:
        info = self.session.info()
        contestants = self.session.contestants()
        team_of = {c.no: c.team for c in contestants} if info.rules.team_size > 1 else None
        return {"date": info.date, "team_size": info.rules.team_size, "existing": {c.no: c for c in contestants},
                "admitted": set(self.session.admitted()), "team_of": team_of}

    def check(self) -> None:
        self.state = "checking"
        self.import_button.setEnabled(False)
        self.admit_button.setEnabled(False)
        self.summary.setText(translate("ImportDialog", "正在检查 {file}…").format(file=self.path.name))
        context, kind, path = self.context(), self.kind, self.path
        self.task = run_task(self, self.summary.text(), lambda progress: dry_run(kind, path, context),
                             on_done=self.show_rows, on_error=self.show_problems, show_progress=False)

    def show_rows(self, rows) -> None:
        self.state = "ready"
        self.preview.set_rows(rows)
        self.table.setModel(self.preview)
        self._fit_columns(self.preview)
        if self.kind == "roster":
            counts = {k: sum(1 for r in rows if r.result == k) for k in ("add", "update", "same")}
            text = translate("ImportDialog", "检查通过：共 {n} 行，新增 {add}，更新 {update}，未变 {same}。按“导入”写入竞赛文件。")
            text = text.format(n=len(rows), **counts)
            noted = sum(1 for r in rows if r.notes)
            if noted:
                text += "\n" + translate("ImportDialog", "注意：{k} 行有无法显示的字符（见“提示”列），导入后表上印作 〓，请先核对。") \
                    .format(k=noted)
            self.summary.setText(text)
        else:
            text = translate("ImportDialog", "检查通过：共 {n} 行成绩。按“导入”写入竞赛文件（已有成绩将被覆盖并记入日志）。")
            self.summary.setText(text.format(n=len(rows)))
        self.summary.setStyleSheet("color: #8A5A00;" if any(r.notes for r in rows) else "color: #1B5E20;")
        self.import_button.setEnabled(not self.session.finalized and bool(rows))

    def show_problems(self, error: BaseException) -> None:
        lang = current_lang()
        if not isinstance(error, SkillscoreError):
            self.state = "failed"
            self.summary.setText(translate("ImportDialog", "无法读取 {file}：{error}").format(file=self.path.name, error=error))
            self.summary.setStyleSheet("color: #8E1B1B;")
            return
        self.state = "problems"
        problems = error.problems if isinstance(error, InputError) else []
        self.problems.set_rows(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
        self.table.setModel(self.problems)
        self._fit_columns(self.problems)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        head = error.message(lang).split("\n")[0] if problems else error.message(lang)
        self.summary.setText(head + "\n" + translate("ImportDialog", "请在原文件中改正后按“重新检查”；文件未作任何改动。"))
        self.summary.setStyleSheet("color: #8E1B1B;")
        self.import_button.setEnabled(False)

    def _fit_columns(self, model) -> None:
        header = self.table.horizontalHeader()
        for i, column in enumerate(model.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(len(model.columns) - 1, QHeaderView.Stretch)  # the message, or the notes

    # -- admitting against an eligibility rule ----------------------------------------------------
    def _selected_problem(self):
        index = self.table.currentIndex()
        if self.table.model() is not self.problems or not index.isValid():
            return None
        return self.problems.row_at(index.row())

    def _selection_changed(self, *_):
        p = self._selected_problem()
        self.admit_button.setEnabled(p is not None and p.code in ELIGIBILITY_CODES and not self.session.finalized)

    def number_on_line(self, line: int) -> str | None:
        table = read_table(self.path, columns=ROSTER_COLUMNS, required=set())
        return next((r.values.get("no", "").strip() for r in table.rows if r.line == line), None)

    def admit_selected(self, *, answer: tuple[str, str] | None = None) -> bool:
        p = self._selected_problem()
        if p is None or p.code not in ELIGIBILITY_CODES:
            return False
        no = self.number_on_line(p.row)
        if not no:
            return False
        explanation = translate("ImportDialog", "准予编号 {no} 参赛，违反的规定：\n{rule}\n理由和裁判长姓名将记入日志。") \
            .format(no=no, rule=p.message(current_lang()))
        answer = answer or PinDialog.ask(self, translate("ImportDialog", "准予参赛"), explanation, reason=True)
        if answer is None:
            return False
        pin, reason = answer
        try:
            self.session.do(ops.admit, no, reason=reason, pin=pin)
        except SkillscoreError as e:
            self.summary.setText(e.message(current_lang()))
            self.summary.setStyleSheet("color: #8E1B1B;")
            return False
        self.check()
        return True

    # -- the import itself ---------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.state != "ready":
            return
        self.state = "importing"
        self.import_button.setEnabled(False)
        op = ops.import_roster if self.kind == "roster" else ops.import_marks
        path = self.path
        body = with_competition(self.session, lambda comp, progress: op(comp, path))
        self.task = run_task(self, translate("ImportDialog", "正在导入 {file}…").format(file=path.name), body,
                             on_done=lambda log: self.imported(op, log), on_error=self.import_failed)

    def imported(self, op, log) -> None:
        self.state = "imported"
        self.log = log
        self.session.after(op.changes)
        self.accept()

    def import_failed(self, error: BaseException) -> None:
        self.show_problems(error)  # all or nothing: the file is as it was
