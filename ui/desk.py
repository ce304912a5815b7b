"""The desk for one open sitting: header, counters, the five tabs, and what reacts to change.

Layout per UI.md: a header line that always names the sitting and the operator (a clerk
must never type into the wrong one), tabs [名单] [成绩录入] [排名] [定稿与输出] [日志] with
live counters on the right that filter the ranking when clicked, a banner when the stage
is finalised. The desk refreshes views from the session's ``changed`` signal; tabs that
are not visible refresh when they are shown.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
# The file and input dialogs are imported where used: PySide builds a class when first
# imported, and the desk's first frame needs neither (issue 18).
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from skillscore import COMPETITION_NAME
from skillscore.errors import SkillscoreError
from skillscore.rules.collector import collector_paused
from skillscore.rules.standings import counts as standing_counts

from . import operations as ops
from .i18n import current_lang
from .views.lazy_tab import LazyTab, page_of
from .views.style import set_style
from .views.tabs import RosterTab
from .words import error_text, word

if TYPE_CHECKING:
    from .dialogs.import_preview import ImportDialog

translate = QCoreApplication.translate
TABS = ("roster", "marks", "ranking", "statistics", "finalize", "log")
FIRST_ROWS = 120  # the roster's rows in the first frame: more than a 4K screen shows
REPORT_KINDS = ("results", "advancement", "certificates", "awards")
FINAL_BANNER = "background: #E8F5E9; color: #1B5E20; border: 1px solid #81C784; padding: 4px 8px; font-weight: bold;"
SEALED_BANNER = "background: #EDE7F6; color: #311B92; border: 1px solid #9575CD; padding: 4px 8px; font-weight: bold;"


def _present(module: str) -> bool:
    """Whether ``module`` is there (a build without it leaves its menu items out), found
    without importing it: the sheets and the handoff writer load when first used."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def reports_available() -> bool:
    return _present("skillscore.reports")


def handoff_available() -> bool:
    return _present("skillscore.exchange.handoff")


class Desk(QWidget):
    notify = Signal(str, bool)  # text, is_error
    status = Signal(str)  # a passing word for the status bar (the marks grid's)

    def __init__(self, session, parent=None, *, first_frame: bool = False):
        """``first_frame``: show only what the first frame needs (header, counters, a
        screenful of the roster); the window then calls ``finish_opening`` right after
        painting it (issue 18). ``opening`` says whether that is still to come."""
        super().__init__(parent)
        self.session = session
        self.tasks = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        self.header = QLabel()
        self.header.setObjectName("header")
        self.header.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.header)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(FINAL_BANNER)
        layout.addWidget(self.banner)
        self.strip = QLabel()
        self._backup_warning: str | None = None  # shown again under the next message (show_backup_warning)
        self.strip.setObjectName("strip")
        self.strip.setWordWrap(True)
        self.strip.hide()
        layout.addWidget(self.strip)

        self.tabs = QTabWidget()
        self.roster_tab = RosterTab(session)
        outputs = [(translate("Desk", "导出名单（xlsx）…"), self.export_roster),
                   (translate("Desk", "导出成绩（xlsx）…"), self.export_marks)]
        if reports_available():
            outputs.append((translate("Desk", "打印成绩表（PDF）…"), self.print_report))
        if handoff_available():
            outputs.append((translate("Desk", "导出成绩交接文件…"), self.export_package))
        self._outputs = outputs
        # Pages nobody sees on opening are built when first shown (ui/views/lazy_tab.py):
        # the marks grid and the ranking too, ~30 ms of a start at 10,000 (issue 18). Those
        # two are kept current from the moment they are built, so never marked dirty.
        self.marks_tab = LazyTab(self._build_marks)
        self.ranking_tab = LazyTab(self._build_ranking)
        self.marks_tab.dirty = self.ranking_tab.dirty = False
        self.finalize_tab = LazyTab(self._build_finalize)
        self.statistics_tab = LazyTab(self._build_statistics)
        self.log_tab = LazyTab(self._build_log)
        for widget, title in ((self.roster_tab, translate("Desk", "名单")),
                              (self.marks_tab, translate("Desk", "成绩录入")),
                              (self.ranking_tab, translate("Desk", "排名")),
                              (self.statistics_tab, translate("Desk", "统计")),
                              (self.finalize_tab, translate("Desk", "定稿与输出")),
                              (self.log_tab, translate("Desk", "日志"))):
            self.tabs.addTab(widget, title)
        self.counters = self._counters()
        self.tabs.setCornerWidget(self.counters, Qt.TopRightCorner)
        layout.addWidget(self.tabs, 1)

        self.roster_tab.import_button.clicked.connect(lambda: self.import_file("roster"))
        self.roster_tab.admit_button.clicked.connect(lambda: self.admit())
        self.roster_tab.export_button.clicked.connect(self.export_roster)
        self.tabs.currentChanged.connect(self._tab_shown)
        session.changed.connect(self.on_changed)
        self.employers: dict[str, str] = {}
        if session.panel_scheme() is not None:  # scored by a judging panel (issue 9)
            self._add_panel_tabs()
        # 赛务: check-in and the draw (RULES.md §12), after 名单
        self.day_tab = LazyTab(self._build_day)
        self.tabs.insertTab(self.tabs.indexOf(self.roster_tab) + 1, self.day_tab, translate("Desk", "赛务"))
        self.opening = first_frame
        if self.opening:
            self._first_frame()
        else:
            self.refresh_everything()

    def _first_frame(self) -> None:
        """What the window shows before the rest is read: the same pixels as after
        ``finish_opening`` (tests/gui/test_first_frame.py compares them). The counters are
        those the file keeps; for a file that keeps none (another program wrote it last),
        those SQLite counts (skillscore/actions/counted.py), or where it cannot count them
        exactly, those of a ranking, which is then the desk's, kept between keystrokes."""
        self.refresh_header()
        self.counters.setVisible(not self.session.codes_sealed())
        counts = self.session.kept_counts()
        if counts is None:  # counted by SQLite in a few ms where it can be exact, else ranked
            counts = self.session.counted()
        self._show_counts(counts if counts is not None else standing_counts(self.session.standings()))
        self.roster_tab.show_first(FIRST_ROWS)  # still dirty: read whole by finish_opening

    def finish_opening(self) -> None:
        """Read everything the first frame left out."""
        if not self.opening:
            return
        self.opening = False
        self.refresh_everything()

    # -- building ---------------------------------------------------------------------------------
    def _build_marks(self) -> QWidget:
        from .views.marks_tab import MarksTab

        page = MarksTab(self.session)
        page.import_button.clicked.connect(lambda: self.import_file("marks"))
        page.export_button.clicked.connect(self.export_marks)
        page.view.message.connect(self.status)
        page.refresh()
        return page

    def _build_ranking(self) -> QWidget:
        from .views.ranking_tab import RankingTab

        page = RankingTab()
        page.filter_cleared.connect(lambda: self._check_counter(None))
        self._show_columns(page)
        self._show_ranking(page)
        return page

    def _build_finalize(self) -> QWidget:
        from .views.finalize_tab import FinalizeTab

        page = FinalizeTab(self.session, self._outputs)
        page.notify.connect(self.show_message)
        return page

    def _build_statistics(self) -> QWidget:
        from .statistics_view import StatisticsView

        return StatisticsView(self.session)

    def _build_log(self) -> QWidget:
        from .audit_view import AuditView

        return AuditView(self.session)

    def _add_panel_tabs(self) -> None:
        """裁判评分 after 成绩录入, 裁判统计 after 统计; built when first shown, like the rest:
        both read every judge's mark through the facade (issue 18)."""
        self.panel_tab = LazyTab(self._build_panel)
        self.panel_tab.dirty = False  # the grid reads the marks when built, then follows them itself
        self.judges_tab = LazyTab(self._build_judges)
        self.tabs.insertTab(self.tabs.indexOf(self.marks_tab) + 1, self.panel_tab, translate("Desk", "裁判评分"))
        self.tabs.insertTab(self.tabs.indexOf(self.statistics_tab) + 1, self.judges_tab, translate("Desk", "裁判统计"))

    def _build_panel(self) -> QWidget:
        from .views.panel_grid import PanelGrid

        page = PanelGrid(self.session)
        for view in page.views.values():
            view.message.connect(lambda text: self.notify.emit(text, False))
        return page

    def _build_judges(self) -> QWidget:
        from .views.judge_stats import JudgeStatsView

        page = JudgeStatsView(self.session)
        page.notify.connect(self.notify.emit)
        return page

    def _build_day(self) -> QWidget:
        from .views.day_tab import DayTab

        page = DayTab(self.session)
        for view in (page.checkin, page.draw):
            view.notify.connect(self.show_message)
            view.print_sheet.connect(lambda kind: self.print_report(kind))
        return page

    def _counters(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 4, 2)
        row.setSpacing(2)
        self.counter_buttons = {}
        for key, mode in (("ranked", "all"), ("quota", "advancing"), ("incomplete", "incomplete"),
                          ("unresolved", "unresolved"), ("too_few", "all")):
            button = QToolButton()
            button.setObjectName(f"counter_{key}")
            button.setAutoRaise(True)
            button.setCheckable(mode != "all")
            button.clicked.connect(lambda _=False, m=mode, k=key: self.filter_ranking(m, k))
            row.addWidget(button)
            self.counter_buttons[key] = button
        return box

    def filter_ranking(self, mode: str, key: str | None = None) -> None:
        self.tabs.setCurrentWidget(self.ranking_tab)
        self.ranking_tab.page.set_filter(mode)
        self._check_counter(key if mode != "all" else None)

    def _check_counter(self, key: str | None) -> None:
        for k, button in self.counter_buttons.items():
            button.setChecked(k == key)

    # -- reacting to change --------------------------------------------------------------------------
    def refresh_everything(self) -> None:
        with collector_paused():  # every row of the file is read into rows: no cycles among them
            self.refresh_header()
            self.refresh_employers()
            # The ranking first: the marks grid then reads the marks the kept ranking has just
            # read (session.entries), instead of all of them a second time (issue 18).
            self.refresh_ranking()
            if self.marks_tab.built:
                self.marks_tab.page.refresh()
        for tab in (self.roster_tab, self.statistics_tab, self.finalize_tab, self.log_tab, self.day_tab):
            tab.dirty = True
        self._tab_shown(self.tabs.currentIndex())

    def on_changed(self, change) -> None:
        kinds = change.kinds
        if ops.STAGE in kinds or ops.SETTINGS in kinds:
            self.refresh_header()
        if ops.ROSTER in kinds:
            self.refresh_employers()
        if self.marks_tab.built:  # else read afresh when first shown
            grid = self.marks_tab.page
            if ops.MARKS in kinds and change.marks is not None and not kinds & {ops.ROSTER, ops.STAGE}:
                grid.apply(change.marks)
            elif kinds & {ops.ROSTER, ops.STAGE, ops.MARKS, ops.DAY}:
                grid.refresh()  # the draw shows in the grid's 场次 and 工位号
        if kinds:
            self.refresh_ranking()
        if kinds & {ops.ROSTER, ops.STAGE}:
            self.roster_tab.dirty = True
        if kinds:
            self.statistics_tab.dirty = True
        self.finalize_tab.dirty = True
        self.log_tab.dirty = True
        self.day_tab.dirty = True
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        page_of(tab)  # a page is built when first shown: then it is read, or reads itself
        if getattr(tab, "dirty", False):
            tab.dirty = False
            tab.refresh()

    def refresh_employers(self) -> None:
        by_team: dict[str, list[str]] = {}
        employers = {}
        for c in self.session.contestants():
            employers[c.no] = c.unit
            if c.team:
                units = by_team.setdefault(c.team, [])
                if c.unit not in units:
                    units.append(c.unit)
        employers.update({team: "、".join(units) for team, units in by_team.items()})
        self.employers = employers

    def refresh_header(self) -> None:
        info = self.session.info()
        parts = [COMPETITION_NAME, info.event.name, word(info.stage.value), info.committee,
                 translate("Desk", "录入员：{name}").format(name=self.session.operator)]
        if self.session.demo:
            parts.append(translate("Desk", "演示"))
        self.header.setText(" · ".join(parts))
        if self.session.codes_sealed():  # RULES.md §12.3: say so on every tab
            self.banner.setText(translate("Desk", "评分号已加密 · 技能操作按评分号录入 · 排名与成绩解密后显示"))
            self.banner.setToolTip("")
            self.banner.setStyleSheet(SEALED_BANNER)
            self.banner.show()
        elif info.finalized:
            self.banner.setStyleSheet(FINAL_BANNER)
            self.banner.setText(translate("Desk", "已定稿（第 {version} 版）· 成绩指纹 {short}… · 成绩只读").format(
                version=info.version, short=(info.fingerprint or "")[:8]))
            self.banner.setToolTip(info.fingerprint or "")
            self.banner.show()
        else:
            self.banner.hide()
        if self.ranking_tab.built:
            self._show_columns(self.ranking_tab.page)

    def _show_columns(self, page) -> None:
        info = self.session.info()
        page.view.show_columns_for(certified=info.rules.certified, final=not info.stage.advances,
                                   advances=info.stage.advances)

    def refresh_ranking(self) -> None:
        standings = self.session.standings()  # while sealed: withheld, no rows
        sealed = self.session.codes_sealed()
        self.counters.setVisible(not sealed)
        if self.ranking_tab.built:
            self._show_ranking(self.ranking_tab.page, standings, sealed)
        self._show_counts(standing_counts(standings))

    def _show_ranking(self, page, standings=None, sealed: bool | None = None) -> None:
        if standings is None:  # building the page: what the counters were made from
            standings, sealed = self.session.standings(), self.session.codes_sealed()
        page.set_sealed(sealed)
        model = page.model
        model.set_standings(standings, employers=self.employers, decisions=self.session.tie_decisions(),
                            since=self.session.standings_since())
        page.side.set_warnings([word(w) for w in standings.warnings])
        if model.mode != "all":
            page.set_filter(model.mode)

    def _show_counts(self, counts: dict) -> None:
        b = self.counter_buttons
        b["ranked"].setText(translate("Desk", "参赛 {n}").format(n=counts["ranked"]))
        b["ranked"].setToolTip(translate("Desk", "已排名的选手（或团队）数 N；点击显示全部"))
        quota = counts["quota"]
        b["quota"].setVisible(quota is not None)
        b["quota"].setText(translate("Desk", "晋级 {n}").format(n=quota))
        b["quota"].setToolTip(translate("Desk", "晋级名额；点击只显示晋级"))
        b["incomplete"].setText(translate("Desk", "待录 {n}").format(n=counts["incomplete"]))
        b["incomplete"].setToolTip(translate("Desk", "成绩待录入的选手；点击只显示这些"))
        b["unresolved"].setText(translate("Desk", "并列待定 {n}").format(n=counts["unresolved"]))
        b["unresolved"].setToolTip(translate("Desk", "并列待定的组数；点击只显示这些"))
        set_style(b["unresolved"], "color: #B71C1C; font-weight: bold;" if counts["unresolved"] else "")
        set_style(b["incomplete"], "color: #8D6E00; font-weight: bold;" if counts["incomplete"] else "")
        b["too_few"].setVisible(bool(counts["too_few"]))
        b["too_few"].setText("！" + word("too_few_participants"))
        set_style(b["too_few"], "color: #B71C1C;")

    def show_backup_warning(self, text: str) -> None:
        """A backup missed the second folder: shown now, and once more under the next
        message, which would otherwise replace it before anyone read it (a paste's count)."""
        self.show_message(text, True)
        self._backup_warning = text

    def show_message(self, text: str, error: bool = False) -> None:
        warning, self._backup_warning = self._backup_warning, None
        if warning and warning != text:
            text, error = f"{text}\n{warning}", True
        colour = "background: #FDECEA; color: #8E1B1B; border: 1px solid #C62828;" if error else \
            "background: #E8F5E9; color: #1B5E20; border: 1px solid #81C784;"
        self.strip.setStyleSheet(f"QLabel#strip {{ {colour} padding: 4px 8px; }}")
        self.strip.setText(text)
        self.strip.show()
        self.notify.emit(text, error)

    # -- actions ----------------------------------------------------------------------------------------
    def import_file(self, kind: str, path: str | None = None) -> ImportDialog | None:
        from .dialogs.import_preview import ImportDialog  # the readers load when a file is imported

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            title = translate("Desk", "选择名单文件") if kind == "roster" else translate("Desk", "选择成绩文件")
            path, _ = QFileDialog.getOpenFileName(self, title, "", translate("Desk", "表格 (*.xlsx *.xls *.csv)"))
            if not path:
                return None
        dialog = ImportDialog(self, self.session, kind, path)
        dialog.finished.connect(lambda _: self._imported(dialog))
        dialog.open()
        return dialog

    def _imported(self, dialog: ImportDialog) -> None:
        self.session.tell_backup_problem()  # first: said again under the import's own line
        if dialog.log is not None:
            log = dialog.log
            self.show_message(translate("Desk", "已导入 {file}：新增 {added}，修改 {changed}，未变 {unchanged}").format(
                file=dialog.path.name, added=len(log.added), changed=len(log.changed), unchanged=len(log.unchanged)))
        dialog.deleteLater()

    def admit(self, no: str | None = None, *, answer: tuple[str, str] | None = None) -> bool:
        if no is None:
            from PySide6.QtWidgets import QInputDialog

            no, ok = QInputDialog.getText(self, translate("Desk", "准予参赛"), translate("Desk", "选手编号："))
            if not ok or not no.strip():
                return False
        no = no.strip()
        if answer is None:
            from .dialogs.pin import PinDialog  # loaded when first asked for, not at every start

            answer = PinDialog.ask(self, translate("Desk", "准予参赛"),
                                   translate("Desk", "准予编号 {no} 违反资格规定参赛。理由将记入日志。").format(no=no),
                                   reason=True)
        if answer is None:
            return False
        try:
            self.session.do(ops.admit, no, reason=answer[1], pin=answer[0])
        except SkillscoreError as e:
            self.show_message(e.message(current_lang()), True)
            return False
        self.show_message(translate("Desk", "已准予编号 {no} 参赛（理由已记入日志）").format(no=no))
        return True

    def _save_path(self, title: str, name: str, pattern: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        start = str(Path(self.session.path).with_name(name))
        path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        return path or None

    def _background(self, label: str, action, done_text: str, out: str, then=None) -> None:
        from .workers import run_task, with_competition  # loaded with the first task (issue 18)

        body = with_competition(self.session, action)

        def done(result):
            self.session.tell_backup_problem()  # first: said again under the task's own line
            # {code}: the handoff code an export was sealed under, to compare with the signed sheet
            self.show_message(done_text.format(path=out, code=getattr(result, "code", "")))
            if then is not None:
                then()

        def failed(error):
            self.session.tell_backup_problem()
            self.show_message(error_text(error), True)

        task = run_task(self, label, body, on_done=done, on_error=failed)
        self.tasks.append(task)

    def export_roster(self, out: str | None = None) -> None:
        out = out or self._save_path(translate("Desk", "导出名单"), "名单.xlsx", translate("Desk", "表格 (*.xlsx *.csv)"))
        if out:
            self._background(translate("Desk", "正在导出名单…"), lambda c, p: ops.export_roster(c, out),
                             translate("Desk", "已导出 {path}"), out)

    def export_marks(self, out: str | None = None) -> None:
        out = out or self._save_path(translate("Desk", "导出成绩"), "成绩.xlsx", translate("Desk", "表格 (*.xlsx *.csv)"))
        if out:
            self._background(translate("Desk", "正在导出成绩…"), lambda c, p: ops.export_marks(c, out),
                             translate("Desk", "已导出 {path}"), out)

    def print_report(self, kind: str | None = None, out: str | None = None, *, with_statistics: bool = False) -> None:
        if kind is None:
            from PySide6.QtWidgets import QInputDialog

            names = [translate("Desk", "成绩表"), translate("Desk", "晋级名单"), translate("Desk", "取证名单"),
                     translate("Desk", "获奖名单"), translate("Desk", "成绩表（附成绩分布统计页）")]
            chosen, ok = QInputDialog.getItem(self, translate("Desk", "打印"), translate("Desk", "打印哪一张表："),
                                              names, 0, False)
            if not ok:
                return
            index = names.index(chosen)
            kind, with_statistics = (REPORT_KINDS + ("results",))[index], index == len(REPORT_KINDS)
        chosen_here = out is None
        names = {"checkin": translate("Desk", "签到表"), "draw": translate("Desk", "抽签记录表"),
                 "scoresheets": translate("Desk", "评分表")}
        out = out or self._save_path(translate("Desk", "打印"), f"{names.get(kind, kind)}.pdf", "PDF (*.pdf)")
        if out:
            lang = current_lang()
            # A sheet the user just asked for opens in the PDF viewer (not when a path was given by code).
            then = (lambda: self.show_file(out)) if chosen_here else None
            self._background(translate("Desk", "正在生成 PDF…"),
                             lambda c, p: ops.write_report(c, kind, out, lang=lang, progress=p,
                                                           with_statistics=with_statistics),
                             translate("Desk", "已生成 {path}"), out, then)

    def show_file(self, path: str) -> None:
        from skillscore.system.viewer import show_file

        try:
            show_file(path)
        except SkillscoreError as e:  # no PDF viewer on this laptop: the sheet is saved all the same
            self.show_message(e.message(current_lang()), True)

    def export_package(self, out: str | None = None) -> None:
        out = out or self._save_path(translate("Desk", "导出成绩交接文件"), "交接.sspkg",
                                     translate("Desk", "成绩交接文件 (*.sspkg)"))
        if out:
            self._background(translate("Desk", "正在导出成绩交接文件…"),
                             lambda c, p: ops.export_package(c, out, progress=p),
                             translate("Desk", "已导出 {path} · 交接码 {code}（已签字的成绩表和晋级名单上印有同一交接码，"
                                               "接收方凭它打开文件；请勿与 U 盘放在一起）"), out)

    def open_find(self) -> None:
        """Ctrl+F: the current tab's find bar or filter, else the marks grid's. (Every
        QWidget has a ``find`` of its own, a lookup by window id: a tab's own is the one
        with ``open``.)"""
        tab = self.tabs.currentWidget()
        find = getattr(page_of(tab), "find", None)
        if not hasattr(find, "open"):
            self.tabs.setCurrentWidget(self.marks_tab)
            find = self.marks_tab.page.find
        find.open()
