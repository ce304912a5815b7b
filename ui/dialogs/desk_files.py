"""录入台文件: export this desk's marks, and merge other desks' files (issue 9).

Merging first runs as a trial (nothing written) and lists what each file adds, changes
and leaves conflicting, in the core's own words; only "合并" writes. Conflicts are held
for the chief judge (编辑 ▸ 复核不一致). Merging the same file twice changes nothing.
A sealed desk file (issue 14) waits for the code its desk showed at export: one field per
such file, then "试合并"; a file written before sealing needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout)

from skillscore.actions.competition import merge_report_lines
from skillscore.errors import SkillscoreError

from ..i18n import current_lang

translate = QCoreApplication.translate


class DeskMergeDialog(QDialog):
    """Shows the trial merge of the chosen files; accepting merges them for real."""

    def __init__(self, parent, session, paths: list[str]):
        super().__init__(parent)
        self.session, self.paths = session, paths
        self.merged = False
        self.setObjectName("desk_merge_dialog")
        self.setWindowTitle(translate("DeskFiles", "合并录入台文件"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.code_fields = self._code_fields(layout)
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setObjectName("report")
        layout.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.merge_button = self.buttons.addButton(translate("DeskFiles", "合并"), QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.code_fields:
            self.merge_button.setEnabled(False)  # a trial with the codes comes first
            self.summary.setText(translate("DeskFiles", "录入台文件已加密：请输入各录入台导出时显示的交接码，再点“试合并”。"))
        else:
            self.trial()

    def _code_fields(self, layout) -> dict[str, QLineEdit]:
        """A field for each sealed file (the core says what is wrong with any other at the trial)."""
        from pathlib import Path

        from skillscore.exchange.desk_file import read_desk_file

        fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for path in self.paths:
            try:
                opened = read_desk_file(path, open_sealed=False).opened
            except SkillscoreError:
                continue
            if not opened:
                field = QLineEdit()
                field.setObjectName("desk_code")
                field.textChanged.connect(lambda _: self.merge_button.setEnabled(False))
                form.addRow(translate("DeskFiles", "{name} 的交接码").format(name=Path(path).name), field)
                fields[path] = field
        if fields:
            layout.addLayout(form)
            self.trial_button = QPushButton(translate("DeskFiles", "试合并"))
            self.trial_button.setObjectName("trial")
            self.trial_button.clicked.connect(self.trial)
            layout.addWidget(self.trial_button)
        return fields

    @property
    def codes(self) -> list[str | None]:
        return [self.code_fields[p].text() if p in self.code_fields else None for p in self.paths]

    def _run(self, dry_run: bool) -> list[str] | None:
        try:
            reports = self.session.comp.merge_desk_files(self.paths, codes=self.codes, dry_run=dry_run)
        except SkillscoreError as e:
            self.summary.setText(e.message(current_lang()))
            self.merge_button.setEnabled(False)
            return None
        return merge_report_lines(reports, current_lang())

    def trial(self) -> None:
        lines = self._run(dry_run=True)
        if lines is not None:
            self.merge_button.setEnabled(True)
            self.summary.setText(translate("DeskFiles", "试合并：以下是合并将带来的变动，尚未写入。冲突的成绩将搁置，由裁判长对照原始成绩单裁定。"))
            self.report.setPlainText("\n".join(lines))

    def merge(self) -> None:
        lines = self._run(dry_run=False)
        if lines is not None:
            self.merged = True
            self.report.setPlainText("\n".join(lines))
            self.accept()


def choose_desk_files(parent) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, translate("DeskFiles", "选择录入台文件"), "",
                                            translate("DeskFiles", "录入台文件 (*.ssdesk);;所有文件 (*)"))
    return paths


def choose_export_path(parent) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, translate("DeskFiles", "导出本录入台文件"), "录入台.ssdesk",
                                          translate("DeskFiles", "录入台文件 (*.ssdesk)"))
    return path
