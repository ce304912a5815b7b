"""备份: the file's backups, a backup now, restoring one, and the second backup folder (issue 7).

Restoring goes through ``Competition.restore``, which backs up the current state first
(恢复备份前), so a restore can itself be undone from this list. Afterwards every view
must read the file afresh: the dialog closes with ``restored`` set and the window opens
the same file again (``MainWindow.reload_session``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from skillscore.actions.competition import BACKUP_REASONS as REASONS, backup_dir
from skillscore.errors import SkillscoreError
from skillscore.messages import render
from skillscore.cli import safety  # noqa: F401  (registers the texts shared with the command: backup_created, backup_restored)

from .. import operations as ops
from ..i18n import current_lang
from ..words import error_text
from .common import problem_label

translate = QCoreApplication.translate
COLUMNS = (("at", QT_TRANSLATE_NOOP("BackupsDialog", "时间")), ("reason", QT_TRANSLATE_NOOP("BackupsDialog", "原因")),
           ("size", QT_TRANSLATE_NOOP("BackupsDialog", "大小")), ("path", QT_TRANSLATE_NOOP("BackupsDialog", "文件")))


def reason_text(reason: str, lang: str) -> str:
    words = REASONS.get(reason)
    return words[lang == "en"] if words else reason


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupsDialog(QDialog):
    def __init__(self, parent, session):
        super().__init__(parent)
        self.session = session
        self.restored: str | None = None  # what to tell the user once the window has reloaded
        self.setObjectName("backups_dialog")
        self.setWindowTitle(translate("BackupsDialog", "备份"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("BackupsDialog", "程序在打开、关闭、每 10 分钟有改动时以及导入、裁定、定稿等操作前后自动备份。"
                                                  "恢复某个备份前，会先把当前状态另存为一个备份。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([translate("BackupsDialog", title) for _, title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.folder = QLabel()
        self.folder.setObjectName("folder")
        self.folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.folder)

        row = QHBoxLayout()
        self.backup_button = QPushButton(translate("BackupsDialog", "立即备份"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.restore_button = QPushButton(translate("BackupsDialog", "恢复所选…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)

        second = QGroupBox(translate("BackupsDialog", "第二备份位置（如U盘）：每次备份同时复制一份到这里"))
        second_row = QHBoxLayout(second)
        self.second = QLineEdit(str(session.comp.second_backup_folder() or ""))
        self.second.setObjectName("second_folder")
        self.second.setPlaceholderText(translate("BackupsDialog", "未设置"))
        browse = QPushButton(translate("BackupsDialog", "浏览…"))
        browse.clicked.connect(self.browse)
        self.save_second = QPushButton(translate("BackupsDialog", "保存"))
        self.save_second.setObjectName("save_second")
        self.save_second.clicked.connect(lambda: self.set_second_folder())
        second_row.addWidget(self.second, 1)
        second_row.addWidget(browse)
        second_row.addWidget(self.save_second)
        layout.addWidget(second)

        self.message = problem_label()
        self.message.setObjectName("message")
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        lang = current_lang()
        # Newest first. Several backups can share a second (before-import, then close); their
        # names then sort alphabetically, so the file's write time puts them in the order made.
        self.backups = sorted(self.session.comp.backups(), key=lambda b: (b.at, _written(b.path)), reverse=True)
        self.table.setRowCount(len(self.backups))
        for r, b in enumerate(self.backups):
            try:
                size = size_text(b.path.stat().st_size)
            except OSError:  # rotated away meanwhile
                size = "—"
            values = (b.at.strftime("%Y-%m-%d %H:%M:%S"), reason_text(b.reason, lang), size, b.path.name)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                if COLUMNS[c][0] == "size":
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        self.folder.setText(translate("BackupsDialog", "备份文件夹：{folder}").format(
            folder=backup_dir(self.session.path)))
        self._selection_changed()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def select(self, path: Path) -> None:
        for r, b in enumerate(self.backups):
            if b.path == Path(path):
                self.table.selectRow(r)
                return

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#8E1B1B' if error else '#1B5E20'};")
        self.message.setText(text)
        self.message.show()

    # -- actions ----------------------------------------------------------------------------------
    def backup_now(self) -> Path | None:
        try:
            path = self.session.do(ops.backup, "manual")
        except (SkillscoreError, OSError) as e:
            self.say(error_text(e), True)
            return None
        self.refresh()
        self.select(path)
        self.say(render("backup_created", current_lang(), path=path))
        return path

    def restore_selected(self, *, confirmed: bool | None = None) -> bool:
        backup = self.selected()
        if backup is None:
            return False
        if confirmed is None:
            b = self.backups[self.table.selectionModel().selectedRows()[0].row()]
            answer = QMessageBox.question(
                self, translate("BackupsDialog", "恢复备份"),
                translate("BackupsDialog", "用 {time}（{reason}）的备份替换当前文件的全部内容？\n"
                                           "当前状态会先另存为一个备份，恢复可以撤回。").format(
                    time=b.at.strftime("%Y-%m-%d %H:%M:%S"), reason=reason_text(b.reason, current_lang())))
            confirmed = answer == QMessageBox.Yes
        if not confirmed:
            return False
        try:
            safety = self.session.do(ops.restore, backup)
        except (SkillscoreError, OSError) as e:
            self.say(error_text(e), True)
            return False
        self.restored = render("backup_restored", current_lang(), backup=backup.name, safety=safety.name)
        self.accept()
        return True

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("BackupsDialog", "第二备份位置"), self.second.text())
        if folder:
            self.second.setText(folder)

    def set_second_folder(self, folder: str | None = None) -> bool:
        text = (self.second.text() if folder is None else folder).strip()
        try:
            self.session.do(ops.set_second_backup_folder, text or None)
        except (SkillscoreError, OSError) as e:
            self.say(error_text(e), True)
            return False
        self.second.setText(text)
        self.say(translate("BackupsDialog", "第二备份位置已设为 {folder}").format(folder=text) if text
                 else translate("BackupsDialog", "已取消第二备份位置"))
        return True
