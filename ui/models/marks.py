"""The marks-entry grid: one row per contestant in contestant-number order.

Every accepted value is saved at once through the session (``comp.set_mark``); a refused
value leaves the stored one in place, and the reason, in the user's language, is kept on
the cell (ERROR_ROLE) until the cell is saved correctly.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal

from PySide6.QtGui import QBrush, QColor

from skillscore.errors import SkillscoreError
from skillscore.model import ABSENT, Contestant, Entry, Status
from skillscore.rules.marks import mark_from_text

from ..i18n import current_lang
from ..words import ABSENT_INPUT, mark_text, word
from .base import Column, EDIT, FOREGROUND, RIGHT, RowTableModel, TOOLTIP

ERROR_ROLE = Qt.UserRole + 5


PENDING_BRUSH = QBrush(QColor("#8D6E00"))


def PENDING_TEXT() -> str:
    return QCoreApplication.translate("MarksModel", "待复核")  # the reason the last value typed into this cell was refused
MARK_FIELDS = ("theory", "practical", "status")


def mark_order(mark) -> tuple:
    """Empty first, then 缺考, then the marks by value."""
    if mark is None:
        return (0, 0)
    return (1, 0) if mark is ABSENT else (2, mark)
# Keys that type 缺考 (UI.md): one keystroke for the commonest non-number.
ABSENT_KEYS = {"q", "Q", "/"}


class MarkRow(NamedTuple):
    # A NamedTuple, not a frozen dataclass: a 10,000-contestant file builds one per contestant
    # when the grid loads (~25 ms less on opening it).
    no: str
    name: str
    unit: str
    team: str
    entry: Entry
    session: int | None = None  # where the contestant (their team) works, once drawn
    station: int | None = None

    def get(self, field: str):
        return getattr(self.entry, field)


class MarksModel(RowTableModel):
    extra_roles = frozenset({ERROR_ROLE, Qt.ToolTipRole, Qt.ForegroundRole})
    refused = Signal(QModelIndex, str)  # the cell and the reason

    def __init__(self, session, parent=None, *, practical: bool = True, load: bool = True):
        super().__init__(parent)
        self.session = session
        self.errors: dict[tuple[str, str], str] = {}
        self.read_only = False
        self.entry_pass = 1  # with double entry: 1 the entry, 2 the check by a second clerk
        self.pending: set[tuple[str, str]] = set()
        self._index: dict[str, int] = {}
        self.sort_key: tuple[str, bool] = ("no", False)  # column key, descending
        self.drawn = False
        # ``practical`` False while codes are sealed: those marks go in the code grid, and
        # never appear beside a 编号 (RULES.md §12.3).
        self.practical = practical
        self.ask_correction = None  # no → (pin, reason) or None: the view asks (RULES.md §12.3)
        self._build_columns()
        if load:  # MarksTab's first refresh reads the rows: not twice on opening (issue 18)
            self.reload()

    def _build_columns(self) -> None:
        team_event = self.team_event = self.session.info().rules.team_size > 1
        self.columns = tuple(c for c in (
            Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=70),
            Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=80),
            Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=300),
            Column("team", QT_TRANSLATE_NOOP("Columns", "团队"), width=120) if team_event else None,
            Column("session", QT_TRANSLATE_NOOP("Columns", "场次"), RIGHT, 52),
            Column("station", QT_TRANSLATE_NOOP("Columns", "工位号"), RIGHT, 60),
            Column("theory", QT_TRANSLATE_NOOP("Columns", "理论知识"), RIGHT, 90),
            Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), RIGHT, 90) if self.practical else None,
            Column("status", QT_TRANSLATE_NOOP("Columns", "状态"), width=90),
        ) if c is not None)

    def paste_line(self) -> str:
        return QCoreApplication.translate("MarksView", "编号 {no}「{value}」：{reason}")

    # -- feeding ----------------------------------------------------------------------------
    def reload(self) -> None:
        entries = self.session.entries()
        people: list[Contestant] = self.session.contestants()  # in any order: _sorted orders them whole
        seats = {unit: (s, j) for unit, s, j in self.session.draw_rows()}
        self.drawn = bool(seats)
        no_entry = Entry()
        rows = [MarkRow(c.no, c.name, c.unit, c.team, entries.get(c.no, no_entry),
                        *seats.get(c.team if self.team_event else c.no, (None, None))) for c in people]
        self.read_only = self.session.finalized
        self.pending = self.session.pending_marks()
        self.set_rows(self._sorted(rows))

    # -- sorting: by session and station the clerk types in the order the sheets come back --
    def _sorted(self, rows: list[MarkRow]) -> list[MarkRow]:
        key, descending = self.sort_key
        last = 1 << 30  # the undrawn after the drawn
        if key in ("session", "station"):
            order = (lambda r: (r.session or last, r.station or last, r.no)) if key == "session" else \
                (lambda r: (r.station or last, r.session or last, r.no))
        elif key in ("theory", "practical"):
            order = lambda r: (mark_order(r.get(key)), r.no)  # noqa: E731
        elif key == "status":
            order = lambda r: (r.entry.status.value if r.entry.status else "", r.no)  # noqa: E731
        else:
            order = lambda r: (str(getattr(r, key)), r.no)  # noqa: E731
        rows = sorted(rows, key=order, reverse=descending)
        self._index = {r.no: i for i, r in enumerate(rows)}
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_key = (self.columns[column].key, order == Qt.DescendingOrder)
        old = self._rows
        self._rows = self._sorted(old)
        for index in self.persistentIndexList():  # the cursor stays on its contestant
            self.changePersistentIndex(index, self.index(self._index[old[index.row()].no], index.column()))
        self.layoutChanged.emit()

    def apply(self, changes) -> None:
        """Exact changes reported by the facade: (no, field, old, new) with stored text."""
        for no, field, _old, new in changes:
            i = self._index.get(no)
            if i is None:
                continue
            value = (Status(new) if new else None) if field == "status" else mark_from_text(new)
            row = self._rows[i]
            self.replace_row(i, row._replace(entry=row.entry._replace(**{field: value})))
            self.errors.pop((no, field), None)
        self.refresh_pending()

    def refresh_pending(self) -> None:
        """With double entry, marks typed once are kept apart until a second clerk agrees."""
        if not self.session.double_entry:
            return
        old, self.pending = self.pending, self.session.pending_marks()
        for no, field in old ^ self.pending:
            i = self._index.get(no)
            if i is not None and field in MARK_FIELDS and any(c.key == field for c in self.columns):
                index = self.index(i, self.column_of(field))
                self.dataChanged.emit(index, index)

    def row_of(self, no: str) -> int | None:
        return self._index.get(no)

    # -- cells -----------------------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self.read_only and self.columns[index.column()].key in MARK_FIELDS:
            return base | Qt.ItemIsEditable
        return base

    def display(self, row: MarkRow, key: str) -> str:
        if key in ("theory", "practical"):
            if row.get(key) is None and (row.no, key) in self.pending:
                return PENDING_TEXT()  # never the other clerk's value: the check is blind
            return mark_text(row.get(key))
        if key == "status":
            status = row.entry.status
            return word(status.value) if status else ""
        if key in ("session", "station"):
            return str(getattr(row, key) or "")
        return getattr(row, key)

    def raw(self, row: MarkRow, key: str) -> Any:
        """The text that types the stored value again (what the editor starts with); the
        words shown (缺考 / Absent, 弃权 / Withdrawn …) are words the core reads back."""
        if key in ("theory", "practical") and row.get(key) is None:
            return ""  # a cell waiting for the check starts empty: the check is typed blind
        return self.display(row, key)

    def extra(self, row: MarkRow, key: str, role: int) -> Any:
        if role in (ERROR_ROLE, TOOLTIP):
            return self.errors.get((row.no, key))
        if role == FOREGROUND and (row.no, key) in self.pending and row.get(key) is None:
            return PENDING_BRUSH
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role != EDIT or not index.isValid() or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        field = self.columns[index.column()].key
        text = str(value if value is not None else "").strip()
        if text in ABSENT_KEYS:
            text = ABSENT_INPUT
        lang = current_lang()
        try:
            try:
                self.session.set_mark(row.no, field, text, self.entry_pass)
            except SkillscoreError as e:
                # After the reveal a practical mark changes only with the PIN and a reason.
                answer = self.ask_correction(row.no) if e.code == "practical_locked" and self.ask_correction else None
                if answer is None:
                    raise
                self.session.set_mark(row.no, field, text, self.entry_pass, pin=answer[0], reason=answer[1])
        except SkillscoreError as e:  # the core's refusal, a bad mark or status word among them
            return self._refuse(index, row.no, field, e.message(lang))
        if self.errors.pop((row.no, field), None) is not None:
            self.dataChanged.emit(index, index, [ERROR_ROLE, Qt.ToolTipRole])
        return True

    def _refuse(self, index: QModelIndex, no: str, field: str, message: str) -> bool:
        self.errors[(no, field)] = message
        self.dataChanged.emit(index, index, [ERROR_ROLE, Qt.ToolTipRole])
        self.refused.emit(index, message)
        return False
