"""The main window: menus, the start page or the desk, and the status bar.

Switching the language rebuilds the menus and the desk around the same open session,
so every word is re-read from the translations; nothing about the sitting is lost.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from skillscore import COMPETITION_NAME, __version__
from skillscore.errors import SkillscoreError

from .desk import Desk, handoff_available, reports_available
from .i18n import current_lang, install_language, settings
from .words import error_text
from .projector_control import ProjectorController
from .recent import recent_files, remember_recent
from .session import Session

translate = QCoreApplication.translate
WINDOW_SIZE = (1366, 768)
OUTSIDE_POLL_MS = 2000  # how often an idle desk asks whether another program wrote its file


def demo_path() -> Path:
    """A fresh copy of the demo every time, so nobody's practice leaks into the next one."""
    return Path(tempfile.mkdtemp(prefix="skillscore-demo-")) / "演示-快递员-初赛.skillscore"


class MainWindow(QMainWindow):
    def __init__(self, *, empty: bool = False):
        """``empty``: no start page nor menus yet, as a file opened at once builds them anew
        (the desk's start from the command line, issue 18)."""
        super().__init__()
        self.session: Session | None = None
        self.desk: Desk | None = None
        self.projector = ProjectorController(self)  # the hall's screen (F11)
        self.resize(*WINDOW_SIZE)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.file_label = QLabel()
        self.statusBar().addWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.file_label)
        self.outside_timer = QTimer(self)
        self.outside_timer.setInterval(OUTSIDE_POLL_MS)
        self.outside_timer.timeout.connect(self.check_outside)
        self.outside_timer.start()
        self.after_first_frame: list = []  # called once the next frame is painted (watch_next_paint)
        self._paint_watch: QObject | None = None
        if not empty:
            self.rebuild()

    # -- building -------------------------------------------------------------------------------
    def rebuild(self, *, first_frame: bool = False) -> None:
        self.statusBar().clearMessage()  # its words were in the language before
        self.setWindowTitle(translate("MainWindow", "成绩管理 · {name}").format(name=COMPETITION_NAME))
        self.build_menus()
        current = self.desk.tabs.currentIndex() if self.desk is not None else None
        if self.session is None:
            self.desk = None
            from .start_page import StartPage  # not built when a file opens at once (issue 18)

            self.setCentralWidget(StartPage(self))
            self.file_label.setText("")
            self.saved_label.setText("")
            return
        self.desk = Desk(self.session, self, first_frame=first_frame)
        self.desk.notify.connect(lambda text, error: self.statusBar().showMessage(text, 8000))
        self.desk.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if current is not None:
            self.desk.tabs.setCurrentIndex(current)
        self.setCentralWidget(self.desk)
        self.file_label.setText(translate("MainWindow", "文件 {path}").format(path=self.session.path))
        self.show_saved(self.session.last_saved)

    def build_menus(self) -> None:
        bar = self.menuBar()
        for old in getattr(self, "_menu_items", []):  # a rebuild must leave no stale shortcuts
            if shiboken6.isValid(old):  # a submenu goes with its menu
                old.setParent(None)
                old.deleteLater()
        bar.clear()
        self._menu_items = []
        open_session = self.session is not None

        def action(menu, text, slot, shortcut=None, enabled=True, name=None):
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(lambda _=False: slot())
            act.setEnabled(enabled)
            if name:
                act.setObjectName(name)
            menu.addAction(act)
            self._menu_items.append(act)
            return act

        def add_menu(parent, title):
            menu = parent.addMenu(title)
            self._menu_items.append(menu)
            return menu

        file = add_menu(bar, translate("MainWindow", "文件(&F)"))
        action(file, translate("MainWindow", "新建竞赛…"), self.new_competition, QKeySequence.New)
        action(file, translate("MainWindow", "打开…"), self.open_dialog, QKeySequence.Open)
        recent = add_menu(file, translate("MainWindow", "最近打开"))
        for path in recent_files():
            action(recent, path, lambda p=path: self.open_file(p))
        recent.setEnabled(bool(recent_files()))
        action(file, translate("MainWindow", "打开演示"), self.open_demo)
        file.addSeparator()
        action(file, translate("MainWindow", "导入名单…"), lambda: self.desk.import_file("roster"), enabled=open_session)
        action(file, translate("MainWindow", "导入成绩…"), lambda: self.desk.import_file("marks"), enabled=open_session)
        if reports_available():
            action(file, translate("MainWindow", "打印成绩表…"), lambda: self.desk.print_report(), "Ctrl+P",
                   enabled=open_session, name="print")
        if handoff_available():
            action(file, translate("MainWindow", "导出成绩交接文件…"), lambda: self.desk.export_package(), "Ctrl+E",
                   enabled=open_session, name="export_package")
            action(file, translate("MainWindow", "新建下一阶段（从成绩交接文件）…"), self.new_from_packages,
                   name="new_from_packages")
            action(file, translate("MainWindow", "成绩来源…"), self.show_sources, enabled=open_session, name="sources")
        action(file, translate("MainWindow", "备份…"), self.show_backups, enabled=open_session, name="backups")
        action(file, translate("MainWindow", "导出本录入台文件…"), self.export_desk_file, enabled=open_session,
               name="desk_export")
        action(file, translate("MainWindow", "合并录入台文件…"), self.merge_desk_files, enabled=open_session,
               name="desk_merge")
        file.addSeparator()
        action(file, translate("MainWindow", "退出"), self.close, QKeySequence.Quit)

        edit = add_menu(bar, translate("MainWindow", "编辑(&E)"))
        action(edit, translate("MainWindow", "撤销上一次录入"), lambda: self._on_marks(lambda v: v.undo()), "Ctrl+Z",
               enabled=open_session, name="undo")
        action(edit, translate("MainWindow", "粘贴成绩"), self.paste, "Ctrl+V", enabled=open_session, name="paste")
        action(edit, translate("MainWindow", "查找编号或姓名"), lambda: self.desk.open_find(), "Ctrl+F",
               enabled=open_session, name="find")
        pending = action(edit, translate("MainWindow", "复核不一致…"), self.show_pending, enabled=False, name="pending")
        edit.aboutToShow.connect(lambda: pending.setEnabled(self._settle_available()))  # a merge may add conflicts
        pending.setEnabled(self._settle_available())

        from .codes_menu import add_codes_menu

        add_codes_menu(self, add_menu, action, open_session)  # 赛务: codes and appeals (issue 17)

        view = add_menu(bar, translate("MainWindow", "视图(&V)"))
        for act in self.projector.actions(self):
            act.setEnabled(open_session or act.objectName() != "projector")
            view.addAction(act)
            self._menu_items.append(act)

        language = add_menu(bar, translate("MainWindow", "语言 Language"))
        group = QActionGroup(self)
        for lang, text in (("zh", "中文"), ("en", "English")):
            act = action(language, text, lambda l=lang: self.set_language(l), name=f"lang_{lang}")
            act.setCheckable(True)
            act.setChecked(current_lang() == lang)
            group.addAction(act)

        help_menu = add_menu(bar, translate("MainWindow", "帮助(&H)"))
        action(help_menu, translate("MainWindow", "使用手册"), self.show_manual, QKeySequence.HelpContents, name="manual")
        action(help_menu, translate("MainWindow", "关于"), self.about)

    # -- opening ---------------------------------------------------------------------------------------
    def set_session(self, session: Session, *, first_frame: bool = False) -> None:
        if self.session is not None:
            self.session.close()
        self.session = session
        session.saved.connect(self.show_saved)
        session.outside.connect(lambda: self.statusBar().showMessage(
            translate("MainWindow", "文件已被其他程序（如命令行）修改，已重新读取"), 15000))
        session.warning.connect(lambda text: self.desk.show_backup_warning(text) if self.desk is not None
                                else self.statusBar().showMessage(text, 30000))
        self.desk = None
        self.rebuild(first_frame=first_frame)
        self.projector.follow(session)

    def new_competition(self) -> None:
        from .dialogs.start import NewCompetitionDialog

        dialog = NewCompetitionDialog(self)
        if dialog.exec() and dialog.created is not None:
            self.open_file(dialog.created.path)
        dialog.deleteLater()

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "打开竞赛文件"), "",
                                              translate("MainWindow", "竞赛文件 (*.skillscore *.sqlite);;所有文件 (*)"))
        if path:
            self.open_file(path)

    def check_outside(self) -> None:
        """Between actions: a command-line import shows without waiting for the next entry."""
        if self.session is None or QApplication.activeModalWidget() is not None:
            return  # a dialog is working on what the views show now
        try:
            self.session.check_outside()
        except Exception:  # noqa: BLE001 - a poll must never interrupt; the next action reports
            pass

    def open_file(self, path, *, operator: str | None = None, paint_first: bool = False,
                  counted_ahead=None) -> bool:
        """``paint_first``: paint the desk from the counters the file keeps, and read the
        rest right after (the desk's start, issue 18); else open it whole before returning.
        ``counted_ahead``: the counters' count the start began for this file
        (skillscore/actions/counted.py CountedAhead), for a file that keeps none."""
        same = self.session is not None and Path(path).resolve() == Path(self.session.path).resolve()
        if same and operator in (None, self.session.operator):
            return True  # already open here: a second opening would be refused as a second desk
        path = self.local_copy_if_unsafe(Path(path))
        if path is None:
            return False
        if not operator:
            from .dialogs.start import OperatorDialog  # a file from the command line names its clerk

            operator = OperatorDialog.ask(self, Path(path))
        if not operator:
            return False
        if same:  # the same file for another clerk: this window lets go of it first
            old, self.session = self.session, None
            old.close()
        try:
            # The integrity check (~13 ms at 10,000) runs while the desk reads the file. It is
            # waited for before any write, and before the window paints anything read from
            # it; on a first frame (paint_first) just after painting it, so that a damaged
            # file shows that one frame at most before it is refused (issue 18).
            session = Session.open(path, operator=operator, check_alongside=True)
            session.counted_ahead = counted_ahead
            session.info()
        except SkillscoreError as e:
            return self._not_opened(e, same)
        try:
            self.set_session(session, first_frame=paint_first)
            if not self.desk.opening:
                session.checked()
        except (SkillscoreError, sqlite3.DatabaseError) as e:
            return self._refuse(session, e)
        if self.desk.opening:
            # A settings write (~1 ms): after the frame, which shows nothing of it.
            self.after_first_frame.append(lambda: remember_recent(Path(path)))
            self.watch_next_paint()
        else:
            remember_recent(Path(path))
        return True

    def watch_next_paint(self) -> None:
        """Once the window's next frame is painted: ``after_first_frame`` (the benchmark's
        stamp), then the desk's ``finish_opening`` if it is still to come, in one turn of
        the event loop."""
        if self._paint_watch is not None:
            return
        window = self

        class NextPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Paint:
                    window.removeEventFilter(self)
                    window._paint_watch = None
                    # Posted: the rest of this paint cycle (the children) comes first.
                    QTimer.singleShot(0, window._painted)
                return False

        self._paint_watch = NextPaint(self)
        self.installEventFilter(self._paint_watch)

    def _painted(self) -> None:
        callbacks, self.after_first_frame = self.after_first_frame, []
        for callback in callbacks:
            callback()
        session = self.session
        # Closed meanwhile (QApplication.quit closes every window first): nothing to read.
        if session is None or self.desk is None or not self.desk.opening:
            return
        try:
            session.checked()
            self.desk.finish_opening()
        except (SkillscoreError, sqlite3.DatabaseError) as e:
            self._refuse(session, e)
            return
        session.keep_counts()  # none kept, or worked out by another build: kept for the next start
        # The facade (every action, ~20 ms of imports) loads now, while nobody types yet,
        # rather than on the first keystroke.
        QTimer.singleShot(0, lambda: self.session is session and session.comp)

    def _refuse(self, session: Session, error: BaseException) -> bool:
        """The file failed its check, or its reading (a damaged file may fail the desk's
        reading before the check has said why): closed, and the check's words shown."""
        refusal = error
        try:
            session.checked()
        except SkillscoreError as found:
            refusal = found
        self.session = None
        session.close()
        if not isinstance(refusal, SkillscoreError):
            raise error
        return self._not_opened(refusal, True)

    def _not_opened(self, error: SkillscoreError, rebuild: bool) -> bool:
        from PySide6.QtWidgets import QMessageBox  # built when first needed (issue 18)

        if rebuild or self.centralWidget() is None:  # never a blank window behind the message
            self.projector.follow(None)
            self.rebuild()
        QMessageBox.warning(self, translate("MainWindow", "无法打开"), error.message(current_lang()))
        return False

    def local_copy_if_unsafe(self, path: Path) -> Path | None:
        """A file on a USB stick or network share is worked on as a copy on the local disk."""
        from skillscore.system.location import unsafe_reason

        kind = unsafe_reason(path)
        if kind is None:
            return path
        from PySide6.QtWidgets import QMessageBox  # built when first needed (issue 18)

        from skillscore.actions.competition import copy_file

        target = local_folder() / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}"
        where = translate("MainWindow", "U盘（可移动磁盘）") if kind == "removable" else translate("MainWindow", "网络共享")
        answer = QMessageBox.question(
            self, translate("MainWindow", "复制到本机"),
            translate("MainWindow", "该文件位于{where}上。直接在上面录入可能损坏文件。\n"
                                    "复制到本机硬盘后打开副本？\n{target}").format(where=where, target=target))
        if answer != QMessageBox.Yes:
            return None
        try:
            return copy_file(path, target)
        except (SkillscoreError, OSError) as e:
            text = error_text(e)
            QMessageBox.warning(self, translate("MainWindow", "无法打开"), text)
            return None

    def open_demo(self, *, operator: str | None = None, panel: bool = False) -> Path:
        from skillscore.demo import build_demo, build_panel_demo

        path = (build_panel_demo if panel else build_demo)(demo_path())  # panel: judges' marks (issue 9)
        name = operator or str(settings().value("operator", "")) or translate("MainWindow", "演示录入员")
        self.set_session(Session.open(path, operator=name, demo=True))
        self.desk.tabs.setCurrentWidget(self.desk.panel_tab if panel else self.desk.ranking_tab)  # every feature at a glance
        return path

    def reload_session(self) -> None:
        """The same file opened afresh (after a restore), so every view and cache reads it anew."""
        from PySide6.QtWidgets import QMessageBox  # built when first needed (issue 18)

        old, self.session = self.session, None
        old.close()  # first: the file is held by one session at a time
        try:
            session = Session.open(old.path, operator=old.operator, demo=old.demo)
        except SkillscoreError as e:
            self.projector.follow(None)
            self.rebuild()
            QMessageBox.warning(self, translate("MainWindow", "无法打开"), e.message(current_lang()))
            return
        self.set_session(session)

    # -- handoff files, backups, settling (issues 6 and 7): the dialogs do the work --------------
    def new_from_packages(self, packages=(), *, operator: str | None = None) -> None:
        from .dialogs.handoff_import import NextStageDialog

        operator = operator or (self.session.operator if self.session else None) or \
            (str(settings().value("operator", "")) or None)
        created = NextStageDialog.ask(self, operator=operator, packages=packages)
        if created is not None:
            self.open_file(created, operator=operator)

    def check_package(self, path, *, operator: str | None = None) -> None:
        """A handoff file double-clicked: the handoff check (read, verified, confirmed against
        the signed paper), from which the next stage's file is made."""
        self.new_from_packages([path], operator=operator)

    def _run_dialog(self, dialog) -> None:
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_sources(self) -> None:
        from .dialogs.sources import SourcesDialog

        self._run_dialog(SourcesDialog(self, self.session))

    def show_backups(self) -> None:
        from .dialogs.backups import BackupsDialog

        dialog = BackupsDialog(self, self.session)
        self._run_dialog(dialog)
        if dialog.restored:
            self.reload_session()
            self.statusBar().showMessage(dialog.restored, 15000)

    def export_desk_file(self, out: str | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox  # built when first needed (issue 18)

        from .dialogs.desk_files import choose_export_path

        out = out or choose_export_path(self)
        if not out:
            return
        try:
            done = self.session.comp.export_desk(out)
        except SkillscoreError as e:
            QMessageBox.warning(self, translate("MainWindow", "导出本录入台文件…"), e.message(current_lang()))
            return
        self.statusBar().showMessage(translate("MainWindow", "已导出 {count} 项录入到 {path} · 本录入台交接码 {code}").format(
            count=done.count, path=out, code=done.code))
        # The merging desk types this code (issue 14): shown until closed, without blocking.
        box = QMessageBox(QMessageBox.Information, translate("MainWindow", "本录入台交接码"),
                          translate("MainWindow", "已导出 {count} 项录入到 {path}。\n\n本录入台交接码：{code}\n\n"
                                                  "合并时须输入此交接码（本录入台每次导出都相同）。请抄下交给主录入台，"
                                                  "勿与 U 盘放在一起。").format(count=done.count, path=out, code=done.code),
                          QMessageBox.Ok, self)
        box.setObjectName("desk_code_box")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextSelectableByMouse)
        box.show()

    def merge_desk_files(self, paths: list[str] | None = None) -> bool:
        from .dialogs.desk_files import DeskMergeDialog, choose_desk_files

        paths = paths or choose_desk_files(self)
        if not paths:
            return False
        dialog = DeskMergeDialog(self, self.session, paths)
        self._run_dialog(dialog)
        if dialog.merged:
            self.reload_session()  # marks from other desks: every view reads the file anew
        return dialog.merged

    def _settle_available(self) -> bool:
        """The menu entry: double entry is on, or a merge holds conflicts. Asked on opening,
        so it is answered here, without loading the dialog's module (issue 18)."""
        session = self.session
        return session is not None and (session.double_entry or session.holds_conflicts())

    def show_pending(self) -> None:
        from .dialogs.pending_marks import PendingMarksDialog

        self._run_dialog(PendingMarksDialog(self, self.session))

    # -- the rest --------------------------------------------------------------------------------------
    def _on_marks(self, fn) -> None:
        if self.desk is not None:
            self.desk.tabs.setCurrentWidget(self.desk.marks_tab)
            fn(self.desk.marks_tab.view)

    def paste(self) -> None:
        # Only into the grid on screen: a paste must never land where the clerk cannot see it.
        if self.desk is not None and self.desk.tabs.currentWidget() is self.desk.marks_tab:
            self.desk.marks_tab.view.paste(QGuiApplication.clipboard().text())

    def show_saved(self, when) -> None:
        if when is None:
            self.saved_label.setText(translate("MainWindow", "尚无改动"))
        else:
            self.saved_label.setText(translate("MainWindow", "已保存 {time}").format(time=when.strftime("%H:%M:%S")))

    def set_language(self, lang: str) -> None:
        install_language(lang, remember=True)
        self.rebuild()

    def show_manual(self):
        from .manual import show_manual

        return show_manual(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # built when first needed (issue 18)

        QMessageBox.about(self, translate("MainWindow", "关于"),
                          f"skillscore {__version__}\n{COMPETITION_NAME}\n"
                          + translate("MainWindow", "离线成绩管理：每一项改动都记入日志。"))

    def closeEvent(self, event) -> None:
        self.projector.follow(None)
        self.projector.close()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)


def local_folder() -> Path:
    """Where copies of files from USB sticks go: the user's documents, in a skillscore folder."""
    from skillscore.system.folders import documents_dir

    return documents_dir()
