"""The roster as the desk shows it: who is on the list, and their eligibility flag.

Everyone on the list passed the eligibility rules at import (RULES.md §9) or was admitted
against a rule by the chief judge; the flag says which, and the tooltip names the rule and
the written reason. ID numbers are masked: the desk may be on a projector.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from skillscore.messages import render
from skillscore.model import Contestant
from skillscore.rules.privacy import mask_id
from skillscore.rules import eligibility

from ..i18n import current_lang
from .base import BACKGROUND, CENTER, Column, RowTableModel, TOOLTIP

translate = QCoreApplication.translate
ADMITTED_COLOUR = "#C9DCFA"
_brush: list = []  # made when first painted: a QBrush at import costs every start ~1 ms (issue 18)


def admitted_brush():
    if not _brush:
        from PySide6.QtGui import QBrush, QColor

        _brush.append(QBrush(QColor(ADMITTED_COLOUR)))
    return _brush[0]


class RosterRow(NamedTuple):
    contestant: Contestant
    admitted_reason: str | None  # the chief judge's reason, if admitted against a rule
    broken: tuple[str, ...]  # message codes of the rules an admitted contestant breaks

    @property
    def no(self) -> str:
        return self.contestant.no

    @property
    def name(self) -> str:
        return self.contestant.name


def broken_rules(c: Contestant, stage_date) -> tuple[str, ...]:
    """The eligibility rules (core codes) this contestant breaks on the stage date."""
    try:
        info = eligibility.parse_id_number(c.id_number)
        return tuple(eligibility.check_eligibility(info, c.category or None, stage_date))
    except ValueError as e:  # kept for the record; the import already checked the number
        return (getattr(e, "code", "id_invalid"),)


class RosterModel(RowTableModel):
    extra_roles = frozenset({Qt.BackgroundRole, Qt.ToolTipRole})
    def __init__(self, session, parent=None, *, load: bool = True):
        super().__init__(parent)
        self.session = session
        self._total = 0  # the whole roster's length while only its first rows are read (show_first)
        team_event = session.info().rules.team_size > 1
        self.columns = tuple(c for c in (
            Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=70),
            Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=80),
            Column("sex", QT_TRANSLATE_NOOP("Columns", "性别"), CENTER, 48),
            Column("birth_date", QT_TRANSLATE_NOOP("Columns", "出生日期"), width=96),
            Column("id_number", QT_TRANSLATE_NOOP("Columns", "身份证号"), width=170),
            Column("category", QT_TRANSLATE_NOOP("Columns", "人员类别"), width=72),
            Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=280),
            Column("team", QT_TRANSLATE_NOOP("Columns", "团队"), width=110) if team_event else None,
            Column("union_card", QT_TRANSLATE_NOOP("Columns", "互助服务卡"), CENTER, 80),
            Column("eligibility", QT_TRANSLATE_NOOP("Columns", "参赛资格"), width=110),
        ) if c is not None)
        if load:  # RosterTab reads them when first shown: not twice on opening (issue 18)
            self.reload()

    def reload(self) -> None:
        self._total = 0
        self.set_rows(self._rows_of(sorted(self.session.contestants(), key=lambda c: c.no)))

    def show_first(self, count: int, total: int) -> None:
        """The first ``count`` rows by 编号, of ``total``: the desk's first frame (issue 18).
        The table is as long as the whole roster (its scroll bar is the same), and the rows
        past these are blank until ``reload`` reads them all, right after that frame."""
        rows = self._rows_of(self.session.file.first_contestants(count))
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def _rows_of(self, contestants) -> list[RosterRow]:
        admitted = self.session.admitted()
        date = self.session.info().date
        return [RosterRow(c, admitted.get(c.no), broken_rules(c, date) if c.no in admitted else ())
                for c in contestants]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else max(len(self._rows), self._total)

    def display(self, row: RosterRow, key: str) -> str:
        c = row.contestant
        if key == "id_number":
            return mask_id(c.id_number)
        if key == "union_card":
            return translate("RosterModel", "是") if c.union_card else ""
        if key in ("sex", "category"):  # stored in Chinese; the English desk shows its words
            value = getattr(c, key)
            return translate("RosterModel", value) if value else ""
        if key == "eligibility":
            if row.admitted_reason is not None:
                return "◆ " + translate("RosterModel", "准予参赛")
            return "✓ " + translate("RosterModel", "符合条件")
        return str(getattr(c, key, ""))

    def raw(self, row: RosterRow, key: str) -> Any:
        if key == "eligibility":
            return row.admitted_reason
        if key == "id_number":
            return mask_id(row.contestant.id_number)  # never the full number, not even raw
        return getattr(row.contestant, key, None)

    def extra(self, row: RosterRow, key: str, role: int) -> Any:
        if row.admitted_reason is None:
            return None
        if role == BACKGROUND and key == "eligibility":
            return admitted_brush()
        if role == TOOLTIP and key == "eligibility":
            lang = current_lang()
            rules = "\n".join(render(code, lang, value=row.contestant.birth_date) for code in row.broken)
            head = translate("RosterModel", "裁判长准予参赛，理由：{reason}").format(reason=row.admitted_reason)
            return f"{head}\n{rules}" if rules else head
        return None


# The sexes and categories as stored in the file (Chinese), for the English translation.
SEX_WORDS = (QT_TRANSLATE_NOOP("RosterModel", "男"), QT_TRANSLATE_NOOP("RosterModel", "女"))
CATEGORY_WORDS = (QT_TRANSLATE_NOOP("RosterModel", "女干部"), QT_TRANSLATE_NOOP("RosterModel", "女工人"))
