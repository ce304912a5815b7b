"""成绩来源: the handoff files a next-stage roster was built from (issue 6).

Lists ``Competition.sources()`` (replaced versions included, greyed), and adds a
late package, or a newer version of one, after the same check against the signed paper
as when the file was made (``ConfirmPackagesDialog``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from skillscore.errors import SkillscoreError
from skillscore.messages import render
from skillscore.cli import handoff  # noqa: F401  (registers the texts shared with the command: sources_in_use, source_added)

from .. import operations as ops
from ..i18n import current_lang
from ..words import word
from .handoff_import import ConfirmPackagesDialog
from .common import problem_label

translate = QCoreApplication.translate
COLUMNS = (
    ("committee", QT_TRANSLATE_NOOP("SourcesDialog", "组委会")), ("stage", QT_TRANSLATE_NOOP("SourcesDialog", "阶段")),
    ("version", QT_TRANSLATE_NOOP("SourcesDialog", "版本")), ("contestants", QT_TRANSLATE_NOOP("SourcesDialog", "晋级人数")),
    ("file", QT_TRANSLATE_NOOP("SourcesDialog", "文件")), ("added", QT_TRANSLATE_NOOP("SourcesDialog", "加入时间")),
    ("operator", QT_TRANSLATE_NOOP("SourcesDialog", "录入员")), ("state", QT_TRANSLATE_NOOP("SourcesDialog", "状态")),
    ("fingerprint", QT_TRANSLATE_NOOP("SourcesDialog", "成绩指纹")),
)


class SourcesDialog(QDialog):
    def __init__(self, parent, session):
        super().__init__(parent)
        self.session = session
        self.setObjectName("sources_dialog")
        self.setWindowTitle(translate("SourcesDialog", "成绩来源"))
        self.resize(1240, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("sources")
        self.table.setHorizontalHeaderLabels([translate("SourcesDialog", title) for _, title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = problem_label()
        self.message.setObjectName("message")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("SourcesDialog", "添加来源…"))
        self.add_button.setObjectName("add_source")
        self.add_button.clicked.connect(lambda: self.add())
        row.addWidget(self.add_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        info = self.session.info()
        sources = self.session.comp.sources()
        versions = {s.fingerprint: s.version for s in sources}
        lang = current_lang()
        mono = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        self.table.setRowCount(len(sources))
        for r, s in enumerate(sources):
            state = (render("sources_replaced", lang, version=versions.get(s.replaced_by, "?")) if s.replaced_by
                     else render("sources_in_use", lang))
            values = (s.committee, word(s.stage), str(s.version), str(s.contestants), s.file_name,
                      s.added_at.replace("T", " ")[:19], s.operator, state, s.fingerprint)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if COLUMNS[c][0] in ("version", "contestants"):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if COLUMNS[c][0] == "fingerprint":
                    item.setFont(mono)
                if s.replaced_by:
                    item.setForeground(QColor("#777777"))
                self.table.setItem(r, c, item)
        if info.stage.previous() is None:
            self.intro.setText(render("from_prelim", lang))
        elif not sources:
            self.intro.setText(translate("SourcesDialog", "本文件的名单不是由成绩交接文件生成的。"))
        else:
            self.intro.setText(translate("SourcesDialog", "本阶段名单来自以下{stage}成绩交接文件。较晚送到的文件或某组委会的新版本"
                                                          "可在此加入；新版本会替换旧版本。").format(
                stage=word(info.stage.previous().value)))
        # The core refuses these too; the button says so before anyone chooses a file.
        self.add_button.setEnabled(not info.finalized and info.stage.previous() is not None)

    def add(self, paths: list | None = None, *, confirmed: bool = False) -> bool:
        """Choose and confirm packages (``paths`` and ``confirmed`` skip the dialog, for tests of
        what follows it), then add each; the first refusal stops with its message."""
        if confirmed:
            return self._add(paths or [])
        dialog = ConfirmPackagesDialog(self)
        try:
            if paths:
                dialog.picker.add_files(paths)
            if dialog.exec() != QDialog.Accepted:
                return False
            # the copies checked against paper, with the codes that opened them
            return self._add(list(zip((p.path for p in dialog.picker.packages), dialog.picker.codes)))
        finally:
            dialog.deleteLater()

    def _add(self, paths: list) -> bool:
        lang = current_lang()
        said = []
        ok = True
        for item in paths:
            path, code = item if isinstance(item, tuple) else (item, None)
            try:
                change = self.session.do(ops.add_source, path, code)
            except SkillscoreError as e:
                said.append(e.message(lang))
                ok = False
                break
            s = change.source
            text = render("source_added", lang, file=s.file_name, committee=s.committee, version=s.version,
                          added=len(change.added), updated=len(change.updated), removed=len(change.removed))
            if change.replaced is not None:
                text += render("source_replaced_note", lang, version=change.replaced.version)
            said.append(text)
        self.refresh()
        self.message.setStyleSheet(f"color: {'#1B5E20' if ok else '#8E1B1B'};")
        self.message.setText("\n".join(said))
        self.message.setVisible(bool(said))
        return ok
