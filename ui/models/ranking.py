"""The live ranking table: one row per ranked unit, in the core's order (comp.standings()).

Nothing here decides a rank: the rows are the core's ``Standing`` objects, shown with
UI.md's marks and colours. Rows decided by practical are amber with ▲, unresolved ties red
with "a–b" and ⚠, committee or lot decisions blue with ◆; the tooltip says why. A row's
TIE_ROLE says which, and the view paints the colour across the row. The last advancing
row carries CUTOFF_ROLE, and the view draws the cut-off line under it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from skillscore.model import Standing, Standings, Status, TieDecision
from skillscore.rules.standings import counts as standing_counts

from ..words import awards_text, join_words, level_text, mark_text, word
from .base import CENTER, Column, FOREGROUND, RIGHT, RowTableModel, TOOLTIP

TIE_ROLE = Qt.UserRole + 3  # None, "practical", "unresolved", "committee"
CUTOFF_ROLE = Qt.UserRole + 4  # True on the last advancing row

TIE_MARK = {"practical": "▲", "unresolved": "⚠", "committee": "◆"}
TIE_COLOUR = {
    "practical": QColor("#FFE2A8"),  # amber
    "unresolved": QColor("#F7B8B8"),  # red
    "committee": QColor("#C9DCFA"),  # blue
}
GREY = QColor("#6B6B6B")
GREEN = QColor("#1B7F3B")

# Made once: a repaint asks for these on every visible cell.
GREY_BRUSH, GREEN_BRUSH = QBrush(GREY), QBrush(GREEN)

FILTERS = ("all", "advancing", "incomplete", "unresolved")


translate = QCoreApplication.translate


def _last_advancing(standings: Standings) -> int | None:
    """The row of the last advancing unit. Rows are one per position, so an advancing row
    (its whole span within the quota) sits at an index below the quota: look back from there."""
    quota = standings.advance_quota
    if not quota:
        return None
    rows = standings.rows
    for i in range(min(quota, len(rows)) - 1, -1, -1):
        if rows[i].advances is True:
            return i
    return None


class RankingModel(RowTableModel):
    extra_roles = frozenset({TIE_ROLE, CUTOFF_ROLE, Qt.ForegroundRole, Qt.ToolTipRole})  # tints: the view paints them
    columns = (
        Column("rank", QT_TRANSLATE_NOOP("Columns", "名次"), CENTER, 74),
        Column("no", QT_TRANSLATE_NOOP("Columns", "编号"), width=64),
        Column("name", QT_TRANSLATE_NOOP("Columns", "姓名"), width=72),
        Column("unit", QT_TRANSLATE_NOOP("Columns", "工作单位"), width=230),
        Column("theory", QT_TRANSLATE_NOOP("Columns", "理论知识"), RIGHT, 70),
        Column("practical", QT_TRANSLATE_NOOP("Columns", "技能操作"), RIGHT, 70),
        Column("total", QT_TRANSLATE_NOOP("Columns", "总成绩"), RIGHT, 70),
        Column("advances", QT_TRANSLATE_NOOP("Columns", "晋级"), CENTER, 48),
        Column("certificate", QT_TRANSLATE_NOOP("Columns", "取证等级"), width=100),
        Column("awards", QT_TRANSLATE_NOOP("Columns", "奖励"), width=200),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.standings: Standings | None = None
        self.mode = "all"
        self._employer: dict[str, str] = {}
        self._decisions: dict[str, TieDecision] = {}
        self._groups: dict[str, tuple[str, ...]] = {}
        self._cutoff_key: str | None = None
        self._cutoff_index: int | None = None  # its row in the whole list

    # -- feeding ------------------------------------------------------------------------------
    def set_standings(self, standings: Standings, *, employers: dict[str, str],
                      decisions: list[TieDecision] = (), since: tuple[Standings, tuple[int, int]] | None = None) -> None:
        """Show ``standings``. ``since`` = (the standings shown until now, the rows [a, b)
        that differ from them): then only those rows are announced, not all 10,000."""
        previous, old_cutoff = self.standings, self.cutoff_row()
        self.standings = standings
        self._employer = employers
        self._decisions = {key: d for d in decisions for key in d.order}
        self._groups = {key: g for g in standings.tie_groups for key in g}
        self._cutoff_index = _last_advancing(standings)
        self._cutoff_key = standings.rows[self._cutoff_index].unit.key if self._cutoff_index is not None else None
        if (since is None or previous is None or since[0] is not previous or self.mode != "all"
                or len(standings.rows) != len(self._rows)):
            self.set_rows(self._visible(standings.rows))
            return
        self._rows = standings.rows  # not list(): the kept ranking's rows are answered when read
        last = len(self.columns) - 1
        a, b = since[1]
        if a < b:
            self.dataChanged.emit(self.index(a, 0), self.index(b - 1, last))
        new_cutoff = self.cutoff_row()
        if new_cutoff != old_cutoff:  # the line moves: repaint where it was and where it is
            for row in (old_cutoff, new_cutoff):
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(min(row + 1, len(self._rows) - 1), last))

    def set_filter(self, mode: str) -> None:
        if mode not in FILTERS:
            raise ValueError(mode)
        self.mode = mode
        if self.standings is not None:
            self.beginResetModel()
            self._rows = self._visible(self.standings.rows)
            self.endResetModel()

    def _visible(self, rows) -> list[Standing]:
        if self.mode == "advancing":
            return [s for s in rows if s.advances is not False]
        if self.mode == "incomplete":
            return [s for s in rows if s.unit.status is Status.INCOMPLETE]
        if self.mode == "unresolved":
            return [s for s in rows if s.tie == "unresolved"]
        return list(rows)

    def cutoff_row(self) -> int | None:
        """The visible row the cut-off line is drawn under, if it is shown."""
        if self._cutoff_key is None:
            return None
        if self.mode == "all":
            return self._cutoff_index
        if self._rows and self._rows[-1].unit.key == self._cutoff_key:
            return len(self._rows) - 1
        for i, s in enumerate(self._rows):  # stops at the cut-off: ~30% of the list at most
            if s.unit.key == self._cutoff_key:
                return i
        return None

    def key_of(self, row: Standing) -> str:
        return row.unit.key

    def name_of(self, row: Standing) -> str:
        return row.unit.name

    # -- cells -----------------------------------------------------------------------------------
    def display(self, s: Standing, key: str) -> str:
        u = s.unit
        if key == "rank":
            if s.rank is not None:
                text = str(s.rank)
            elif s.rank_range:
                text = f"{s.rank_range[0]}–{s.rank_range[1]}"
            else:
                return word(u.status.value)
            return f"{text} {TIE_MARK[s.tie]}" if s.tie in TIE_MARK else text
        if key == "no":
            return u.key
        if key == "name":
            return u.name
        if key == "unit":
            return self._employer.get(u.key, "")
        if key in ("theory", "practical", "total"):
            return mark_text(getattr(u, key))
        if key == "advances":
            if "advances" in s.undecided:
                return word("undecided")
            return "✓" if s.advances else ""
        if key == "certificate":
            return word("undecided") if "certificate" in s.undecided else level_text(s.certificate)
        if key == "awards":
            return word("undecided") if "awards" in s.undecided else awards_text(s.awards)
        return ""

    def raw(self, s: Standing, key: str) -> Any:
        u = s.unit
        if key == "rank":
            return s.rank if s.rank is not None else s.rank_range
        if key == "no":
            return u.key
        if key == "unit":
            return self._employer.get(u.key, "")
        if key in ("name", "theory", "practical", "total"):
            return getattr(u, key)
        return getattr(s, key)

    def extra(self, s: Standing, key: str, role: int) -> Any:
        if role == TIE_ROLE:
            return s.tie
        if role == CUTOFF_ROLE:
            return self._cutoff_key is not None and s.unit.key == self._cutoff_key
        if role == FOREGROUND:
            if s.unit.status is not Status.RANKED:
                return GREY_BRUSH
            if key == "advances" and s.advances:
                return GREEN_BRUSH
            return None
        if role == TOOLTIP:
            why = self.why(s)
            if key == "awards" and s.awards:  # the column may be too narrow for every award
                why = "\n".join(filter(None, [awards_text(s.awards), why]))
            return why or None
        return None

    def why(self, s: Standing) -> str:
        """The sentence a judge reads when asking "why is this row coloured?"."""
        u = s.unit
        lines = []
        if s.tie == "practical":
            lines.append(translate("RankingModel", "技能操作成绩决定名次：总成绩 {total} 与其他选手相同，按技能操作成绩 {practical} 排序")
                         .format(total=mark_text(u.total), practical=mark_text(u.practical)))
        elif s.tie == "unresolved":
            others = join_words(k for k in self._groups.get(u.key, ()) if k != u.key)
            a, b = s.rank_range or (None, None)
            lines.append(translate("RankingModel", "并列待定：总成绩 {total} 和技能操作成绩 {practical} 均与 {others} 相同，"
                            "名次 {a}–{b} 须由组委会裁定或抽签")
                         .format(total=mark_text(u.total), practical=mark_text(u.practical), others=others, a=a, b=b))
        elif s.tie == "committee":
            d = self._decisions.get(u.key)
            if d is not None and d.method == "lot":
                lines.append(translate("RankingModel", "抽签确定：总成绩和技能操作成绩均相同，按抽签排序（种子 {seed}）").format(seed=d.seed))
            else:
                lines.append(translate("RankingModel", "组委会裁定：总成绩和技能操作成绩均相同，理由：{reason}")
                             .format(reason=d.reason if d else ""))
        if s.undecided:
            fields = join_words(translate("Columns", c.title) for c in self.columns if c.key in s.undecided)
            lines.append(translate("RankingModel", "{fields}待定：并列待定解决后才能确定").format(fields=fields))
        if u.status is Status.INCOMPLETE:
            lines.append(translate("RankingModel", "成绩待录入，暂不排名"))
        elif u.status is not Status.RANKED:
            lines.append(translate("RankingModel", "{status}：不排名，不计入参赛人数").format(status=word(u.status.value)))
        return "\n".join(lines)

    # -- counters (counting what the core decided, for the header) -------------------------------
    def counts(self) -> dict[str, int | None]:
        return {} if self.standings is None else standing_counts(self.standings)
