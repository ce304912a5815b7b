"""The shared shape of every table model: a list of row objects and a tuple of columns.

Display role is formatted text, edit role the raw value, numbers right-aligned. Replacing
the rows emits the narrowest correct signal: ``dataChanged`` over the rows that differ
when the count is the same (a typed mark re-orders a few rows, not 10,000), a reset when
the count changes.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

ROW_ROLE = Qt.UserRole + 1  # the row object itself
KEY_ROLE = Qt.UserRole + 2  # the row's contestant number (or team name)

RIGHT = Qt.AlignRight | Qt.AlignVCenter
LEFT = Qt.AlignLeft | Qt.AlignVCenter
CENTER = Qt.AlignCenter


class Column(NamedTuple):
    key: str
    title: str  # Chinese source string, marked with QT_TRANSLATE_NOOP("Columns", …)
    align: Qt.AlignmentFlag = LEFT
    width: int = 80  # preferred width in pixels at the application font


# Roles as plain ints, compared in data() on every painted cell: PySide6 finds the short
# ``Qt.BackgroundRole`` through its slow fallback lookup, ~6.5 µs each time (a repaint of the
# ranking asks ~1,600 roles), while an int comparison costs nothing.
DISPLAY, EDIT, ALIGN = int(Qt.DisplayRole), int(Qt.EditRole), int(Qt.TextAlignmentRole)
FOREGROUND, BACKGROUND, FONT, TOOLTIP = (int(Qt.ForegroundRole), int(Qt.BackgroundRole), int(Qt.FontRole),
                                         int(Qt.ToolTipRole))


class RowTableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()
    # The roles ``extra`` answers. A view asks ~8 roles per painted cell; answering the
    # others with None before any other work keeps a repaint of the table cheap.
    extra_roles: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        # The roles data() answers, as ints: a plain attribute, read on every call.
        self._roles = frozenset({DISPLAY, EDIT, ALIGN, int(ROW_ROLE), int(KEY_ROLE)} | {int(r) for r in self.extra_roles})
        self._seen_columns = None  # data() reads each column's key and alignment once

    # -- the list -------------------------------------------------------------------------
    @property
    def rows(self) -> list:
        return self._rows

    def row_at(self, row: int):
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def set_rows(self, rows: Sequence) -> None:
        rows = list(rows)
        old = self._rows
        if len(rows) != len(old):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        first = next((i for i, (a, b) in enumerate(zip(old, rows)) if a != b), None)
        self._rows = rows
        if first is None:
            return
        last = next(i for i in range(len(rows) - 1, -1, -1) if old[i] != rows[i])
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def replace_row(self, row: int, value) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def refresh_all(self) -> None:
        """The words changed (language switch): every cell and header reads again."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(self.columns) - 1)

    # -- Qt's interface -----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation != Qt.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == DISPLAY:
            return QCoreApplication.translate("Columns", column.title)
        if role == ALIGN:
            return int(column.align)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        # Called ~1,500 times per repaint of a table (6-7 roles per cell): every step counts.
        if role not in self._roles:
            return None
        r = index.row()  # -1 for an invalid index
        rows = self._rows
        if not 0 <= r < len(rows):
            return None
        if self.columns is not self._seen_columns:
            self._read_columns()
        if role == ALIGN:
            return self._aligns[index.column()]
        key = self._keys[index.column()]
        if role == DISPLAY:
            return self.display(rows[r], key)
        if role == EDIT:
            return self.raw(rows[r], key)
        if role == ROW_ROLE:
            return rows[r]
        if role == KEY_ROLE:
            return self.key_of(rows[r])
        return self.extra(rows[r], key, role)

    def _read_columns(self) -> None:
        """Each column's key and alignment, kept until ``columns`` is replaced."""
        self._keys = [c.key for c in self.columns]
        self._aligns = [int(c.align) for c in self.columns]
        self._seen_columns = self.columns

    # -- what subclasses fill in ----------------------------------------------------------------
    def display(self, row, key: str) -> str:
        raise NotImplementedError

    def raw(self, row, key: str) -> Any:
        return getattr(row, key, None)

    def key_of(self, row) -> str:
        return row.no

    def extra(self, row, key: str, role: int) -> Any:
        return None

    def find(self, text: str) -> int | None:
        """The row for a typed number or name: exact number, then number prefix, then name."""
        text = text.strip()
        if not text:
            return None
        keys = [self.key_of(r) for r in self._rows]
        for test in (lambda k, r: k == text, lambda k, r: k.lower() == text.lower(),
                     lambda k, r: k.lower().startswith(text.lower()), lambda k, r: text in self.name_of(r)):
            for i, (k, r) in enumerate(zip(keys, self._rows)):
                if test(k, r):
                    return i
        return None

    def name_of(self, row) -> str:
        return getattr(row, "name", "")
