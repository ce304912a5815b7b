"""日志: every change with time, operator, contestant, field, old and new value and reason;
filters by operator, contestant and time; 校验日志 runs the hash-chain check and says
plainly whether the record is intact; 导出 xlsx writes what the filters show.

The words and the masking of personal data come from ``skillscore.audit_export`` (the
same as the exported file); the rows are the desk's audit model with a filter on top.
A check that finds damage marks the damaged entries red in the table, so "which entry?"
is answered on the screen, not in a message box.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from skillscore.reports.audit import AuditFilter, export_audit, filter_entries, operators, problem_text
from skillscore.errors import SkillscoreError

from .i18n import current_lang
from .words import error_text
from .models.audit import AuditModel
from .models.base import BACKGROUND, TOOLTIP

translate = QCoreApplication.translate
BROKEN = QColor("#F7B8B8")  # an entry the chain check found altered (red, as UI.md's errors)
CORRECTION = QColor("#FFF1CC")  # a value changed from an earlier one (pale amber)
OK_STYLE = "background: #E8F5E9; color: #1B5E20; border: 1px solid #81C784; padding: 6px 10px; font-weight: bold;"
BAD_STYLE = "background: #FDECEA; color: #8E1B1B; border: 2px solid #C62828; padding: 6px 10px; font-weight: bold;"
_ENTRY_ID = re.compile(r"entry (\d+)")
TIME_FORMAT = "yyyy-MM-dd HH:mm"


class FilteredAuditModel(AuditModel):
    """The desk's audit rows (newest first), narrowed by an ``AuditFilter``; rows the chain
    check flagged are red, corrections of an earlier value pale amber."""

    extra_roles = frozenset({Qt.BackgroundRole, Qt.ToolTipRole})

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.filter = AuditFilter()
        self.broken: set[int] = set()
        self.total = 0
        self.entries = None  # the log as last read; filters re-apply to it

    def reload(self, entries=None) -> None:
        # Straight from the facade, not the session's cache: after a chain check the table
        # must show the file as it is now, even if something edited it behind the desk.
        if entries is None:
            entries = self.session.comp.audit_entries()
        self.entries = entries
        self.total = len(entries)
        self.set_rows(list(reversed(filter_entries(entries, self.filter))))

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.reload(self.entries)

    def set_broken(self, ids: set[int]) -> None:
        self.broken = set(ids)
        self.refresh_all()

    def extra(self, e, key: str, role: int):
        if role == BACKGROUND:
            if e.id in self.broken:
                return QBrush(BROKEN)
            if e.old not in (None, "") and e.action in ("mark", "roster_update", "panel_mark", "set_quota"):
                return QBrush(CORRECTION)
        if role == TOOLTIP:
            if e.id in self.broken:
                return translate("AuditView", "校验发现这条记录在写入后被改动过")
            if key in ("old", "new", "reason"):
                return self.display(e, key) or None  # long values are cut at the column edge
        return None


class AuditView(QWidget):
    """The 日志 tab. The desk calls ``refresh()`` when the tab is shown."""

    verified = Signal(bool)  # True: intact

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = FilteredAuditModel(session, self)
        self.problems: list[str] | None = None  # None until checked
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("AuditView", "录入员")))
        self.operator_box = QComboBox()
        self.operator_box.setObjectName("operator")
        self.operator_box.setMinimumWidth(110)
        bar.addWidget(self.operator_box)
        bar.addSpacing(8)
        bar.addWidget(QLabel(translate("AuditView", "编号")))
        self.no_edit = QLineEdit()
        self.no_edit.setObjectName("no")
        self.no_edit.setPlaceholderText(translate("AuditView", "选手编号"))
        self.no_edit.setMaximumWidth(110)
        self.no_edit.setClearButtonEnabled(True)
        bar.addWidget(self.no_edit)
        bar.addSpacing(8)
        self.since_check, self.since_edit = self._time_box(translate("AuditView", "自"), "since")
        self.until_check, self.until_edit = self._time_box(translate("AuditView", "至"), "until")
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            bar.addWidget(w)
        bar.addSpacing(8)
        self.clear_button = QPushButton(translate("AuditView", "清除筛选"))
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        self.verify_button = QPushButton(translate("AuditView", "校验日志"))
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(translate("AuditView", "逐条核对哈希链：任何绕过本程序对日志的修改都会被发现"))
        self.export_button = QPushButton(translate("AuditView", "导出 xlsx…"))
        self.export_button.setObjectName("export")
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.result = QLabel()
        self.result.setObjectName("verdict")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.result.hide()
        layout.addWidget(self.result)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setStyleSheet("color: #555;")
        layout.addWidget(self.count)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
        header.resizeSection(self.model.column_of("new"), 260)
        # The reason is what people come to read; it gets the room that is left.
        header.setSectionResizeMode(self.model.column_of("reason"), QHeaderView.Stretch)
        layout.addWidget(self.view, 1)

        self.operator_box.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.no_edit.textChanged.connect(lambda _: self.apply_filter())
        for w in (self.since_check, self.until_check):
            w.toggled.connect(lambda _: self.apply_filter())
        for w in (self.since_edit, self.until_edit):
            w.dateTimeChanged.connect(lambda _: self.apply_filter())
        self.clear_button.clicked.connect(self.clear_filter)
        self.verify_button.clicked.connect(lambda: self.verify())
        self.export_button.clicked.connect(lambda: self.export())
        self.find = _NumberFocus(self.no_edit)  # Ctrl+F at the desk: the 编号 filter

    def _time_box(self, text: str, name: str) -> tuple[QCheckBox, QDateTimeEdit]:
        check = QCheckBox(text)
        check.setObjectName(f"{name}_on")
        edit = QDateTimeEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat(TIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the log (after a change at the desk), keeping the filters."""
        entries = self.session.comp.audit_entries()
        self.model.entries = entries
        chosen = self.operator_box.currentData()
        self.operator_box.blockSignals(True)
        self.operator_box.clear()
        self.operator_box.addItem(translate("AuditView", "全部"), None)
        for name in operators(entries):
            self.operator_box.addItem(name, name)
        index = self.operator_box.findData(chosen) if chosen else 0
        self.operator_box.setCurrentIndex(max(index, 0))
        self.operator_box.blockSignals(False)
        if entries and not self.since_check.isChecked():
            # Start the time boxes on the log's own days, so ticking one is a small step.
            first, last = entries[0].at, entries[-1].at
            self.since_edit.setDateTime(_qt_time(first))
            self.until_edit.setDateTime(_qt_time(last).addSecs(60))
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        since = _py_time(self.since_edit.dateTime()) if self.since_check.isChecked() else None
        until = _py_time(self.until_edit.dateTime()) if self.until_check.isChecked() else None
        if until is not None:
            until = until.replace(second=59)  # the whole minute shown, inclusive
        return AuditFilter(operator=self.operator_box.currentData(), contestant=self.no_edit.text().strip() or None,
                           since=since, until=until)

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self.count.setText(translate("AuditView", "显示 {shown} 条，共 {total} 条（最新的在最上面）").format(
            shown=self.model.rowCount(), total=self.model.total))

    def clear_filter(self) -> None:
        for w in (self.operator_box, self.no_edit, self.since_check, self.until_check):
            w.blockSignals(True)
        self.operator_box.setCurrentIndex(0)
        self.no_edit.clear()
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        for w in (self.operator_box, self.no_edit, self.since_check, self.until_check):
            w.blockSignals(False)
        self.apply_filter()

    # -- checking ------------------------------------------------------------------------------------
    def verify(self) -> bool:
        """Run the chain check on the file as it is now; say the verdict on screen."""
        comp = self.session.comp
        entries = comp.audit_entries()
        problems = comp.verify_audit()
        self.problems = problems
        lang = current_lang()
        if problems:
            lines = [translate("AuditView", "✗ 日志已被改动！发现 {n} 处问题（红色的记录）：").format(n=len(problems))]
            lines += ["· " + problem_text(p, lang) for p in problems]
            lines.append(translate("AuditView", "这份文件的记录不可信：请保留文件原样，报告组委会，并用最近的备份核对。"))
            self.result.setText("\n".join(lines))
            self.result.setStyleSheet(BAD_STYLE)
        else:
            self.result.setText(translate("AuditView", "✓ 日志完整：{n} 条记录，哈希链无误（{time} 校验）").format(
                n=len(entries), time=dt.datetime.now().strftime("%H:%M:%S")))
            self.result.setStyleSheet(OK_STYLE)
        self.result.show()
        self.model.set_broken({int(m.group(1)) for p in problems for m in _ENTRY_ID.finditer(p)})
        self.model.entries = entries
        self.apply_filter()
        self.verified.emit(not problems)
        return not problems

    # -- exporting -----------------------------------------------------------------------------------
    def export(self, out: str | Path | None = None) -> Path | None:
        """Write what the filters show (with the chain check) to xlsx."""
        if out is None:
            start = str(Path(self.session.path).with_name("审计日志.xlsx"))
            out, _ = QFileDialog.getSaveFileName(self, translate("AuditView", "导出日志"), start,
                                                 translate("AuditView", "表格 (*.xlsx)"))
            if not out:
                return None
        out = Path(out)
        try:
            shown, total, problems = export_audit(self.session.comp, out, self.current_filter(), lang=current_lang())
        except (SkillscoreError, OSError) as e:
            text = error_text(e)
            self.result.setText(translate("AuditView", "导出失败：{reason}").format(reason=text))
            self.result.setStyleSheet(BAD_STYLE)
            self.result.show()
            return None
        self.count.setText(translate("AuditView", "已导出 {path}（{shown} 条，共 {total} 条）").format(
            path=out, shown=shown, total=total))
        return out


class _NumberFocus:
    """What the desk's Ctrl+F calls on a tab (``tab.find.open()``): here it puts the cursor
    in the 编号 filter, since finding a contestant in the log means filtering by them."""

    def __init__(self, edit: QLineEdit):
        self.edit = edit

    def open(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()


def _qt_time(iso: str) -> QDateTime:
    t = dt.datetime.fromisoformat(iso).replace(tzinfo=None, second=0, microsecond=0)
    return QDateTime(t.year, t.month, t.day, t.hour, t.minute, 0)


def _py_time(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
