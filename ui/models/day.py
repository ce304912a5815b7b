"""The competition day's tables (RULES.md §12.1, §12.2): who checked in for which part and
when, and the draw by session and station. Read-only; the views act through the session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from skillscore.model import ABSENT
from skillscore.rules.privacy import mask_id

from ..i18n import current_lang
from ..words import word
from .base import CENTER, Column, FOREGROUND, RowTableModel, TOOLTIP

translate = QCoreApplication.translate
IN_BRUSH = QBrush(QColor("#1B5E20"))
LATE_BRUSH = QBrush(QColor("#8D6E00"))
BARRED_BRUSH = QBrush(QColor("#9E9E9E"))
ABSENT_BRUSH = QBrush(QColor("#B71C1C"))


@dataclass(frozen=True)
class CheckinRow:
    no: str
    name: str
    unit: str
    id_masked: str
    team: str
    session: int | None
    station: int | None
    theory: tuple[str, str | None] | None  # (time, late reason)
    practical: tuple[str, str | None] | None
    status: str | None  # a stage-wide status: not expected
    absent: tuple[bool, bool] = (False, False)  # theory, practical marked 缺考 (e.g. by the close)


def clock_time(stamp: str | None) -> str:
    return (stamp or "")[11:16]


class CheckinModel(RowTableModel):
    extra_roles = frozenset({Qt.ForegroundRole, Qt.ToolTipRole})

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        team_event = session.info().rules.team_size > 1
        self.columns = tuple(c for c in (
            Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=64),
            Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=80),
            Column("id_masked", QT_TRANSLATE_NOOP("Columns", "身份证号"), width=150),
            Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=240),
            Column("team", QT_TRANSLATE_NOOP("Columns", "团队"), width=90) if team_event else None,
            Column("session", QT_TRANSLATE_NOOP("Columns", "场次"), CENTER, 48),
            Column("station", QT_TRANSLATE_NOOP("Columns", "工位号"), CENTER, 56),
            Column("theory", QT_TRANSLATE_NOOP("Columns", "理论知识"), CENTER, 76),
            Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), CENTER, 76),
        ) if c is not None)
        # Empty until the 赛务 tab is first shown (the desk builds it then): opening a 10,000-contestant
        # file does not read check-in and the draw for a tab nobody looks at (issue 18).

    def reload(self) -> None:
        comp = self.session.comp
        times = comp.checkin_times()
        seats = {u: (s, j) for u, s, j in self.session.draw_rows()}
        barred = {no: status.value for no, status in comp.not_expected().items()}
        team_event = self.session.info().rules.team_size > 1
        entries = self.session.entries()
        rows = []
        for c in self.session.contestants():
            mine = times.get(c.no, {})
            e = entries.get(c.no)
            absent = (e is not None and e.theory is ABSENT, e is not None and e.practical is ABSENT)
            rows.append(CheckinRow(c.no, c.name, c.unit, mask_id(c.id_number), c.team,
                                   *seats.get(c.team if team_event else c.no, (None, None)), mine.get("theory"),
                                   mine.get("practical"), barred.get(c.no), absent))
        last = 1 << 30
        rows.sort(key=lambda r: (r.session or last, r.station or last, r.no))
        self.set_rows(rows)

    def display(self, row: CheckinRow, key: str) -> str:
        if key in ("theory", "practical"):
            if row.status:
                return word(row.status)
            value = getattr(row, key)
            if value:
                return clock_time(value[0])
            return word("absent") if row.absent[key == "practical"] else ""
        if key in ("session", "station"):
            return str(getattr(row, key) or "")
        return getattr(row, key)

    def extra(self, row: CheckinRow, key: str, role: int) -> Any:
        value = getattr(row, key, None) if key in ("theory", "practical") else None
        if role == FOREGROUND:
            if row.status:
                return BARRED_BRUSH
            if key in ("theory", "practical") and not value and row.absent[key == "practical"]:
                return ABSENT_BRUSH
            if value:
                return LATE_BRUSH if value[1] else IN_BRUSH
        if role == TOOLTIP and value and value[1]:
            return translate("CheckinModel", "迟到检录：{reason}").format(reason=value[1])
        return None


@dataclass(frozen=True)
class SeatRow:
    session: int
    station: int
    no: str  # the 编号, or the team's name in the team event
    name: str
    unit: str
    note: str  # where a moved unit was before


class DrawModel(RowTableModel):
    columns = (
        Column("session", QT_TRANSLATE_NOOP("Columns", "场次"), CENTER, 56),
        Column("station", QT_TRANSLATE_NOOP("Columns", "工位号"), CENTER, 64),
        Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=90),
        Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=150),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=300),
        Column("note", QT_TRANSLATE_NOOP("Columns", "备注"), width=260),
    )

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session  # rows read when the 赛务 tab is first shown, as CheckinModel's

    def reload(self) -> None:
        # The draw record's own lines: the same names, employers and notes as the sheet.
        sheet = self.session.comp.draw_sheet(current_lang())
        self.set_rows([SeatRow(s.session, s.station, s.key, s.name, s.unit, s.note) for s in sheet.seats])

    def display(self, row: SeatRow, key: str) -> str:
        return str(getattr(row, key))
