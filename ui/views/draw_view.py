"""抽签 (RULES.md §12.2): the number of stations S and the seed, shown before the draw
(anyone present can note it and recompute the draw afterwards), the table by session and
station, a draw made by hand imported from a table, moves and a second draw with the PIN
and a reason, and the sheets: 抽签记录表 and 评分表.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from skillscore.errors import SkillscoreError
from skillscore.rules.draw import default_seed

from .. import operations as ops
from ..dialogs.pin import PinDialog
from ..i18n import current_lang
from ..models.day import DrawModel

translate = QCoreApplication.translate


class MoveDialog(PinDialog):
    """Which unit goes where, then the reason and the PIN."""

    def __init__(self, parent, key: str, session: int, station: int, stations: int):
        super().__init__(parent, translate("DrawView", "调整工位"),
                         translate("DrawView", "设备故障等原因：把一个单位调到空闲工位或另一场（含最后一场之后新加的一场）。"),
                         reason=True)
        form = QFormLayout()
        self.key = QLineEdit(key)
        self.key.setObjectName("move_key")
        self.session_box = QSpinBox()
        self.session_box.setObjectName("move_session")
        self.session_box.setRange(1, 999)
        self.session_box.setValue(session)
        self.station_box = QSpinBox()
        self.station_box.setObjectName("move_station")
        self.station_box.setRange(1, max(1, stations))
        self.station_box.setValue(station)
        form.addRow(translate("DrawView", "编号（团队）"), self.key)
        form.addRow(translate("DrawView", "调至场次"), self.session_box)
        form.addRow(translate("DrawView", "调至工位号"), self.station_box)
        self.layout().insertLayout(1, form)


class RedrawDialog(PinDialog):
    """A second draw: its new seed shown (and editable) before anything is drawn."""

    def __init__(self, parent, stations: int):
        super().__init__(parent, translate("DrawView", "重新抽签"),
                         translate("DrawView", "原抽签结果作废，用下面的新种子重新抽签（记入日志）。"
                                               "请先向在场人员公布新种子。"), reason=True)
        form = QFormLayout()
        self.seed = QLineEdit(default_seed(secrets.token_bytes))
        self.seed.setObjectName("redraw_seed")
        self.seed.setStyleSheet("font-family: monospace; font-size: 16px;")
        self.stations = QSpinBox()
        self.stations.setObjectName("redraw_stations")
        self.stations.setRange(1, 999)
        self.stations.setValue(stations)
        form.addRow(translate("DrawView", "新抽签种子"), self.seed)
        form.addRow(translate("DrawView", "工位数"), self.stations)
        self.layout().insertLayout(1, form)


class DrawView(QWidget):
    notify = Signal(str, bool)
    print_sheet = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("DrawView", "工位数")))
        self.stations = QSpinBox()
        self.stations.setObjectName("stations")
        self.stations.setRange(1, 999)
        self.stations.setValue(10)
        bar.addWidget(self.stations)
        bar.addSpacing(12)
        bar.addWidget(QLabel(translate("DrawView", "抽签种子")))
        self.seed = QLineEdit(default_seed(secrets.token_bytes))
        self.seed.setObjectName("seed")
        self.seed.setMinimumWidth(220)
        self.seed.setStyleSheet("font-family: monospace; font-size: 16px;")
        self.seed.setToolTip(translate("DrawView", "抽签前向在场人员公布；也可填写现场摸出的数字"))
        bar.addWidget(self.seed)
        self.new_seed = QPushButton(translate("DrawView", "换一个"))
        self.new_seed.clicked.connect(lambda: self.seed.setText(default_seed(secrets.token_bytes)))
        bar.addWidget(self.new_seed)
        self.draw_button = QPushButton(translate("DrawView", "抽签"))
        self.draw_button.setObjectName("draw")
        self.draw_button.setStyleSheet("font-weight: bold; padding: 4px 18px;")
        self.draw_button.clicked.connect(lambda: self.draw())
        bar.addWidget(self.draw_button)
        bar.addStretch(1)
        for name, text, slot in (("redraw", translate("DrawView", "重新抽签…"), lambda: self.redraw()),
                                 ("import_draw", translate("DrawView", "导入手工抽签…"), lambda: self.import_hand()),
                                 ("move", translate("DrawView", "调整工位…"), lambda: self.move())):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            setattr(self, f"{name}_button", button)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.info = QLabel()
        self.info.setObjectName("draw_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("font-size: 15px; padding: 4px 0;")
        layout.addWidget(self.info)
        self.model = DrawModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for i, column in enumerate(self.model.columns):
            self.table.horizontalHeader().resizeSection(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(self.model.column_of("unit"), QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for kind, text in (("draw", translate("DrawView", "打印抽签记录表…")),
                           ("scoresheets", translate("DrawView", "打印评分表…"))):
            button = QPushButton(text)
            button.setObjectName(f"print_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.print_sheet.emit(k))
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.dirty = False  # filled by refresh() when the 赛务 tab is first shown

    def refresh(self) -> None:
        self.model.reload()
        seed, stations, kind = self.session.comp.draw_settings()
        rows = self.model.rows
        drawn = bool(rows)
        writable = not self.session.finalized
        self.draw_button.setEnabled(writable and not drawn)
        # Once drawn the field shows the seed used; a second draw shows its own new seed first.
        self.seed.setReadOnly(drawn)
        self.new_seed.setEnabled(not drawn)
        if drawn and kind == "seed":
            self.seed.setText(seed)
        elif drawn:
            self.seed.setText("")
        elif self.seed.isReadOnly() is False and not self.seed.text():
            self.seed.setText(default_seed(secrets.token_bytes))
        self.redraw_button.setEnabled(writable and drawn)
        self.move_button.setEnabled(writable and drawn)
        self.import_draw_button.setEnabled(writable)
        if stations:
            self.stations.setValue(stations)
        if not drawn:
            self.info.setText(translate("DrawView", "尚未抽签。请确认工位数，向在场人员公布上面的抽签种子，然后点“抽签”。"
                                                    "任何人都可以用这个种子复算抽签结果。"))
            return
        sessions = max(r.session for r in rows)
        how = (translate("DrawView", "抽签种子 {seed}").format(seed=seed) if kind == "seed"
               else translate("DrawView", "手工抽签"))
        self.info.setText(translate("DrawView", "{how} · 工位数 {stations} · {units} 个单位 · {sessions} 场").format(
            how=how, stations=stations, units=len(rows), sessions=sessions))

    # -- acting ----------------------------------------------------------------------------------------
    def _run(self, op, *args, done: str, **kwargs) -> bool:
        try:
            self.session.do(op, *args, **kwargs)
        except SkillscoreError as e:
            self.notify.emit(e.message(current_lang()), True)
            return False
        self.notify.emit(done, False)
        return True

    def draw(self) -> bool:
        seed = self.seed.text().strip()
        return self._run(ops.make_draw, self.stations.value(), seed,
                         done=translate("DrawView", "抽签完成：种子 {seed}").format(seed=seed))

    def redraw(self, seed: str | None = None, stations: int | None = None,
               answer: tuple[str, str] | None = None) -> bool:
        if answer is None:
            dialog = RedrawDialog(self, self.stations.value())
            try:
                if not dialog.exec():
                    return False
                seed, stations, answer = dialog.seed.text().strip(), dialog.stations.value(), dialog.values()
            finally:
                dialog.deleteLater()
        return self._run(ops.make_draw, stations, seed, redo=True, pin=answer[0], reason=answer[1],
                         done=translate("DrawView", "已重新抽签：种子 {seed}").format(seed=seed))

    def import_hand(self, path: str | None = None, answer: tuple[str, str] | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("DrawView", "选择手工抽签表（编号、场次、工位号）"), "",
                                                  translate("DrawView", "表格 (*.xlsx *.csv)"))
            if not path:
                return False
        redo = bool(self.model.rows)
        if redo and answer is None:
            answer = PinDialog.ask(self, translate("DrawView", "导入手工抽签"),
                                   translate("DrawView", "已有抽签结果：用手工抽签表替换它（记入日志）。"), reason=True)
            if answer is None:
                return False
        pin, reason = answer if redo else (None, None)
        return self._run(ops.import_draw, path, redo=redo, pin=pin, reason=reason,
                         done=translate("DrawView", "已导入手工抽签"))

    def move(self, key: str | None = None, session: int | None = None, station: int | None = None,
             answer: tuple[str, str] | None = None) -> bool:
        if answer is None:
            current = self.table.currentIndex()
            row = self.model.row_at(current.row()) if current.isValid() else None
            last = max((r.session for r in self.model.rows), default=1)
            dialog = MoveDialog(self, key or (row.no if row else ""), session or last, station or 1,
                                self.session.comp.draw_settings()[1] or 1)
            try:
                if not dialog.exec():
                    return False
                key, session, station = dialog.key.text().strip(), dialog.session_box.value(), dialog.station_box.value()
                answer = dialog.values()
            finally:
                dialog.deleteLater()
        return self._run(ops.move_seat, key, session, station, pin=answer[0], reason=answer[1],
                         done=translate("DrawView", "已将 {key} 调至第 {session} 场 {station} 号工位").format(
                             key=key, session=session, station=station))
