"""录入台文件: export this desk's marks, and merge other desks' files (issue 9).

Merging first runs as a trial (nothing written) and lists what each file adds, changes
and leaves conflicting, in the core's own words; only "合并" writes. Conflicts are held
for the chief judge (编辑 ▸ 复核不一致). Merging the same file twice changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout

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
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setObjectName("report")
        layout.addWidget(self.report, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.merge_button = self.buttons.addButton(translate("DeskFiles", "合并"), QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.trial()

    def _run(self, dry_run: bool) -> list[str] | None:
        try:
            reports = self.session.comp.merge_desk_files(self.paths, dry_run=dry_run)
        except SkillscoreError as e:
            self.summary.setText(e.message(current_lang()))
            self.merge_button.setEnabled(False)
            return None
        return merge_report_lines(reports, current_lang())

    def trial(self) -> None:
        lines = self._run(dry_run=True)
        if lines is not None:
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
