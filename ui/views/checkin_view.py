"""检录 (RULES.md §12.1): the clerk types or scans a 编号 or an ID number (a USB card or
barcode reader types the number and Enter) and sees at once who it is, where they work
today, and a clear mark when they are in already, unknown, withdrawn or not eligible.
Counters 到场 x / 应到 y per part; closing a part (PIN) after seeing the absentees; a late
check-in after the close with the PIN and a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QPushButton, QRadioButton, QTableView, QVBoxLayout, QWidget)

from skillscore.actions.competition import PARTS, CheckinCard
from skillscore.errors import SkillscoreError

from .. import operations as ops
from ..dialogs.pin import PinDialog
from ..i18n import current_lang
from ..models.day import CheckinModel, clock_time
from ..words import word

translate = QCoreApplication.translate
COLOURS = {"ok": ("#E8F5E9", "#1B5E20", "#81C784"), "warn": ("#FFF8E1", "#6D4C00", "#FFB300"),
           "bad": ("#FDECEA", "#8E1B1B", "#C62828"), "idle": ("#F5F5F5", "#555555", "#BDBDBD")}


def part_text(part: str) -> str:
    return word("theory" if part == "theory" else "practical_mark")


def _banner(card: CheckinCard, part: str) -> tuple[str, str]:
    """(colour, text) of the mark on the card."""
    at = clock_time(card.at)
    if card.state == "in" and card.late_reason:
        return "warn", translate("CheckinView", "✔ 迟到检录 {time}（{reason}）").format(time=at, reason=card.late_reason)
    texts = {
        "in": ("ok", translate("CheckinView", "✔ 已检录 {time}").format(time=at)),
        "already": ("warn", translate("CheckinView", "已于 {time} 检录过，无需重复").format(time=at)),
        "unknown": ("bad", translate("CheckinView", "✘ 名单中没有此编号或身份证号")),
        "withdrawn": ("bad", translate("CheckinView", "✘ 已弃权，不能检录")),
        "disqualified": ("bad", translate("CheckinView", "✘ 已取消资格（不具备参赛资格），不能检录")),
        "absent": ("bad", translate("CheckinView", "✘ 本阶段已记缺考，不能检录")),
        "closed": ("warn", translate("CheckinView", "{part}检录已截止：迟到检录需裁判长口令和理由").format(
            part=part_text(part))),
    }
    return texts[card.state]


class ResultCard(QFrame):
    """Who the scan found, large enough to compare with the ID card at arm's length."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFixedWidth(440)
        layout = QVBoxLayout(self)
        self.mark = QLabel()
        self.mark.setObjectName("mark")
        self.mark.setWordWrap(True)
        self.name = QLabel()
        self.name.setObjectName("name")
        self.name.setStyleSheet("font-size: 28px; font-weight: bold;")
        grid = QGridLayout()
        self.fields = {}
        for row, (key, title) in enumerate((("no", translate("CheckinView", "编号")),
                                            ("seat", translate("CheckinView", "场次 / 工位号")),
                                            ("unit", translate("CheckinView", "工作单位")),
                                            ("id", translate("CheckinView", "身份证号")),
                                            ("team", translate("CheckinView", "团队")))):
            label, value = QLabel(title), QLabel()
            label.setStyleSheet("color: #666;")
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setStyleSheet("font-size: 16px;")
            grid.addWidget(label, row, 0, Qt.AlignTop)
            grid.addWidget(value, row, 1)
            self.fields[key] = (label, value)
        grid.setColumnStretch(1, 1)
        self.late_button = QPushButton(translate("CheckinView", "迟到检录…"))
        self.late_button.setObjectName("late")
        layout.addWidget(self.mark)
        layout.addWidget(self.name)
        layout.addLayout(grid)
        layout.addWidget(self.late_button, 0, Qt.AlignLeft)
        layout.addStretch(1)
        self.show_card(None, "theory")

    def show_card(self, card: CheckinCard | None, part: str) -> None:
        colour, text = ("idle", translate("CheckinView", "等待扫描身份证或输入编号")) if card is None else _banner(card, part)
        bg, fg, border = COLOURS[colour]
        self.mark.setText(text)
        self.mark.setStyleSheet(f"QLabel#mark {{ background: {bg}; color: {fg}; border: 2px solid {border};"
                                " padding: 8px; font-size: 18px; font-weight: bold; }")
        self.setStyleSheet(f"QFrame#card {{ border: 2px solid {border}; border-radius: 4px; }}")
        found = card is not None and card.state != "unknown"
        self.name.setText(card.name if found else (card.text if card else ""))
        seat = ""
        if found and card.session:
            seat = translate("CheckinView", "第 {session} 场 · {station} 号工位").format(
                session=card.session, station=card.station)
        values = {"no": card.no if found else "", "seat": seat, "unit": card.unit if found else "",
                  "id": card.id_masked if found else "", "team": card.team if found else ""}
        for key, (label, value) in self.fields.items():
            value.setText(values[key])
            label.setVisible(key != "team" or bool(values["team"]))
            value.setVisible(key != "team" or bool(values["team"]))
        self.late_button.setVisible(card is not None and card.state == "closed")


class CheckinView(QWidget):
    notify = Signal(str, bool)
    print_sheet = Signal(str)  # a sheet kind

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.card: CheckinCard | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.parts = QButtonGroup(self)
        for i, part in enumerate(PARTS):
            button = QRadioButton(part_text(part))
            button.setObjectName(f"part_{part}")
            button.setChecked(i == 0)
            self.parts.addButton(button, i)
            bar.addWidget(button)
        self.parts.idToggled.connect(lambda *_: self._part_changed())
        bar.addSpacing(12)
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(translate("CheckinView", "扫描身份证或输入编号、身份证号，回车"))
        self.scan.setMinimumWidth(440)
        self.scan.setStyleSheet("font-size: 18px; padding: 4px;")
        self.scan.returnPressed.connect(lambda: self.submit())
        bar.addWidget(self.scan)
        bar.addStretch(1)
        self.counters = QLabel()
        self.counters.setObjectName("counters")
        self.counters.setStyleSheet("font-size: 16px; font-weight: bold;")
        bar.addWidget(self.counters)
        layout.addLayout(bar)

        middle = QHBoxLayout()
        self.result = ResultCard()
        self.result.late_button.clicked.connect(lambda: self.late_checkin())
        middle.addWidget(self.result)
        self.model = CheckinModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for i, column in enumerate(self.model.columns):
            self.table.horizontalHeader().resizeSection(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(self.model.column_of("unit"), QHeaderView.Stretch)
        middle.addWidget(self.table, 1)
        layout.addLayout(middle, 1)

        bottom = QHBoxLayout()
        self.close_button = QPushButton()
        self.close_button.setObjectName("close_checkin")
        self.close_button.clicked.connect(lambda: self.close_part())
        self.closed_label = QLabel()
        self.closed_label.setObjectName("closed")
        self.print_button = QPushButton(translate("CheckinView", "打印签到表…"))
        self.print_button.setObjectName("print_checkin")
        self.print_button.clicked.connect(lambda: self.print_sheet.emit("checkin"))
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.closed_label, 1)
        bottom.addWidget(self.print_button)
        layout.addLayout(bottom)
        self.dirty = False  # filled by refresh() when the 赛务 tab is first shown

    @property
    def part(self) -> str:
        return PARTS[max(0, self.parts.checkedId())]

    def _part_changed(self) -> None:
        self.card = None
        self.result.show_card(None, self.part)
        self.refresh()
        self.scan.setFocus()

    def refresh(self) -> None:
        comp = self.session.comp
        self.model.reload()
        counts = []
        for part in PARTS:
            present, expected = comp.checkin_counts(part)
            counts.append(translate("CheckinView", "{part} 到场 {present} / 应到 {expected}").format(
                part=part_text(part), present=present, expected=expected))
        self.counters.setText("　　".join(counts))
        closed = comp.checkin_closed(self.part)
        self.close_button.setText(translate("CheckinView", "截止{part}检录…").format(part=part_text(self.part)))
        self.close_button.setEnabled(closed is None and not self.session.finalized)
        self.closed_label.setText(
            translate("CheckinView", "{part}检录已于 {time} 截止").format(part=part_text(self.part), time=clock_time(closed))
            if closed else translate("CheckinView", "{part}检录进行中").format(part=part_text(self.part)))
        self.scan.setEnabled(not self.session.finalized)

    # -- acting -----------------------------------------------------------------------------------
    def submit(self, text: str | None = None) -> CheckinCard | None:
        """One scan: look the text up; check in at once when nothing stands in the way."""
        text = (self.scan.text() if text is None else text).strip()
        self.scan.clear()
        self.scan.setFocus()
        if not text:
            return None
        card = self.session.comp.checkin_card(text, self.part)
        if card.state == "ready":
            try:
                card = self.session.do(ops.check_in, [card.no], self.part)[0]
            except SkillscoreError as e:
                self.notify.emit(e.message(current_lang()), True)
                return None
        self.card = card
        self.result.show_card(card, self.part)
        self._select(card.no)
        return card

    def _select(self, no: str) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.no == no), None)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.PositionAtCenter)
            self.scan.setFocus()

    def late_checkin(self, answer: tuple[str, str] | None = None) -> bool:
        card = self.card
        if card is None or card.state != "closed":
            return False
        answer = answer or PinDialog.ask(
            self, translate("CheckinView", "迟到检录"),
            translate("CheckinView", "{no} {name} 在{part}检录截止后到达。理由将记入日志；"
                                     "截止时记的缺考仅在其后未录入成绩时撤销。").format(
                no=card.no, name=card.name, part=part_text(self.part)), reason=True)
        if answer is None:
            return False
        try:
            done = self.session.do(ops.check_in, [card.no], self.part, pin=answer[0], reason=answer[1])[0]
        except SkillscoreError as e:
            self.notify.emit(e.message(current_lang()), True)
            return False
        self.card = done
        self.result.show_card(done, self.part)
        self.notify.emit(translate("CheckinView", "已迟到检录 {no}（{kept}）").format(
            no=done.no, kept=translate("CheckinView", "缺考已撤销") if done.cleared else
            translate("CheckinView", "截止后已录入成绩，成绩不变")), False)
        return True

    def close_part(self, answer: tuple[str, str] | None = None) -> list[str] | None:
        """Show who will be 缺考 for the part, then ask the PIN."""
        part = self.part
        absentees = self.session.comp.checkin_absentees(part)
        if answer is None:
            dialog = PinDialog(self, translate("CheckinView", "截止{part}检录").format(part=part_text(part)),
                               translate("CheckinView", "截止后，以下 {n} 名未检录者的{part}成绩记为缺考（一次记入日志）。"
                                         "此后到达的需裁判长口令和理由补检录。").format(n=len(absentees), part=part_text(part)))
            listing = QListWidget()
            listing.setObjectName("absentees")
            listing.addItems([f"{c.no}  {c.name}  {c.unit}" for c in absentees])
            listing.setMinimumHeight(min(320, 30 + 22 * len(absentees)))
            dialog.layout().insertWidget(1, listing)
            try:
                answer = dialog.values() if dialog.exec() else None
            finally:
                dialog.deleteLater()
            if answer is None:
                return None
        try:
            absent = self.session.do(ops.close_checkin, part, pin=answer[0])
        except SkillscoreError as e:
            self.notify.emit(e.message(current_lang()), True)
            return None
        self.notify.emit(translate("CheckinView", "{part}检录已截止：{n} 人记为缺考").format(
            part=part_text(part), n=len(absent)), False)
        return absent
