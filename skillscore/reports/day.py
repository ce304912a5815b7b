"""The shared base of the competition-day sheets (RULES.md §12): 签到表, 抽签记录表, 评分表,
加密对照表, 申诉处理登记表.

They look like the results sheets (same page, font, table, footer; ``SheetRenderer`` does
the measuring, wrapping and drawing) but are not results: no counts, warnings, draft
watermark or fingerprint. A sheet is one or more *groups* (a part's check-in list, one
judge's score sheet), each starting on a new page with its own title, page numbers
("第 x 页 共 y 页" within the group) and signature lines, so each can be handed out alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reportlab.pdfgen.canvas import Canvas

from .. import COMPETITION_NAME, __version__
from .base import (BLACK, FOOTER_H, GREY_TEXT, LEADING, MARGIN_BOTTOM, MARGIN_TOP, PAD_Y, PAGE_H, PAGE_W, WARN,
                   SheetRenderer)
from .closing import GAP_ABOVE, SUMMARY_LEADING
from .daydata import Sitting
from .pdfops import stroke_lines
from .table import Column, Laid, Pagination, Row, Section, paginate
from .words import stage_name, word

DAY_WORDS: dict[str, tuple[str, str]] = {
    "sheet_checkin": ("签到表", "Check-in sheet"),
    "sheet_draw": ("抽签记录表", "Draw record"),
    "sheet_scoresheets": ("评分表", "Score sheet"),
    "sheet_key": ("加密对照表", "Key sheet"),
    "sheet_appeals": ("申诉处理登记表", "Appeals register"),
    "sheet_publication": ("成绩公示", "Publication"),
    "session": ("场次", "Session"),
    "station": ("工位号", "Station"),
    "session_n": ("第 {n} 场", "Session {n}"),
    "session_count": ("第 {n} 场（{count} 人）", "Session {n} ({count})"),
    "session_count_team": ("第 {n} 场（{count} 队）", "Session {n} ({count} teams)"),
    "signature": ("签名", "Signature"),
    "time": ("时间", "Time"),
    "code": ("评分号", "Code"),
    "date_long": ("{d.year}年{d.month}月{d.day}日", "{d:%Y-%m-%d}"),
    "doc_page": ("全册第 {page}/{pages} 页", "page {page}/{pages} of the file"),
    "judge": ("评分裁判", "Judge"),
    "clerk": ("检录员", "Check-in clerk"),
    "expected": ("应到 {count} 人　　实到 ______ 人", "Expected {count}      Present ______"),
}


def dw(key: str, lang: str, **params) -> str:
    """A day sheet's word (DAY_WORDS), else the results sheets' (words.WORDS)."""
    if key not in DAY_WORDS:
        return word(key, lang, **params)
    text = DAY_WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def long_date(value: dt.date, lang: str) -> str:
    return dw("date_long", lang, d=value)


def time_text(value: dt.datetime | str | None) -> str:
    """A time as "YYYY-MM-DD HH:MM" in its own zone; text that is not ISO 8601 as given."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{value:%Y-%m-%d %H:%M}"


def unit_word(sitting: Sitting, lang: str) -> str:
    """The column title of the unit's key: 编号, or 团队 in the team event."""
    return word("team" if sitting.team_event else "no", lang)


@dataclass
class Group:
    """One group of a day sheet (a part's check-in list, one judge's score sheet), starting on a new page."""

    subtitle: str  # under the title, e.g. 理论知识, 裁判 2 · 实操（满分 70）
    body: list
    info: list[str] = field(default_factory=list)  # lines under the header of the group's first page
    summary: list[str] = field(default_factory=list)  # lines above the signatures


@dataclass
class DaySpec:
    """What one day sheet shows: its title, columns, groups, signature rows, and any banner or note."""

    kind: str
    title: str
    columns: list[Column]
    groups: list[Group]
    signatures: list[list[str]]  # rows of signature labels; word("sign_date") gets 年 月 日
    row_height: float = 0.0  # at least this tall (handwriting); the text centred in it
    banner: str | None = None  # boxed in red under the header of every group's first page
    banner_short: str | None = None  # …and in the footer of every page
    right_note: str | None = None  # right-hand end of the committee line (e.g. 已加密)


@dataclass
class PagePlan:
    """One laid-out page: its group and rows, whether it has the table or the closing block, its number in the group."""

    group: Group
    items: list[Laid]
    table: bool
    closing: bool
    first: bool
    page: int  # within the group
    pages: int


SIGN_ROW = 28.0


class DayRenderer(SheetRenderer):
    """``SheetRenderer`` with a day sheet's header, closing block, footer and groups. The
    ``source`` of the base is the ``Sitting``; nothing here reads a results document."""

    def __init__(self, sitting: Sitting, spec: DaySpec, lang: str = "zh"):
        super().__init__(sitting, spec, lang)
        self.sitting = sitting

    # -- layout -------------------------------------------------------------------------
    def lay(self, item: Row | Section) -> Laid:
        return self._at_least_row_height(super().lay(item))

    def lay_all(self, items: list[Row | Section]) -> list[Laid]:
        return [self._at_least_row_height(laid) for laid in super().lay_all(items)]

    def _at_least_row_height(self, laid: Laid) -> Laid:
        """A row made taller for handwriting, its text centred in it."""
        if isinstance(laid.item, Row) and laid.height < self.spec.row_height:
            laid.pad = (self.spec.row_height - laid.height) / 2
            laid.height = self.spec.row_height
        return laid

    def _wrap_lines(self, lines: list[str], size: float) -> list[str]:
        return [part for line in lines for part in self.wrapper.wrap(line, self.width, size)]

    def _header(self, c: Canvas | None, group: Group, first: bool) -> float:
        """Draw the header (or only measure it, with ``c`` None); return the y under it."""
        top = PAGE_H - MARGIN_TOP
        text = (lambda *a, **k: self.text(c, *a, **k)) if c is not None else (lambda *a, **k: 0.0)
        right = self.x0 + self.width
        if not first:
            line = f"{COMPETITION_NAME} · {self._event_line()}" + (f" · {group.subtitle}" if group.subtitle else "")
            text(self.x0, top - 9, line, 8, colour=GREY_TEXT)
            text(right, top - 9, self.sitting.committee, 8, align="right", colour=GREY_TEXT)
            return top - self.RUNNING_HEADER_H
        y = top - 16
        text(PAGE_W / 2, y, COMPETITION_NAME, 16, align="center")
        y -= 20
        text(PAGE_W / 2, y, self._event_line(), 12.5, align="center")
        if group.subtitle:
            y -= 18
            text(PAGE_W / 2, y, group.subtitle, 11, align="center")
        y -= 17
        sep = "   " if self.lang == "en" else "　"
        text(self.x0, y, sep.join([word("committee", self.lang, value=self.sitting.committee),
                                   word("date", self.lang, value=self.sitting.date)]), 8.5)
        if self.spec.right_note:
            text(right, y, self.spec.right_note, 8.5, align="right", colour=WARN)
        for line in self._info[id(group)]:
            y -= 13
            text(self.x0, y, line, 8.5)
        if self.spec.banner:
            lines = self.wrapper.wrap(self.spec.banner, self.width - 12, 9.5)
            y -= 20
            if c is not None:
                box_w = max(self.measure(line, 9.5) for line in lines) + 12
                c.setStrokeColor(WARN)
                c.setLineWidth(1)
                c.rect(self.x0, y - 4 - 12 * (len(lines) - 1), box_w, 16 + 12 * (len(lines) - 1), stroke=1, fill=0)
            for k, line in enumerate(lines):
                text(self.x0 + 6, y - 12 * k, line, 9.5, colour=WARN)
            y -= 12 * (len(lines) - 1)
        return y - 10

    def _closing_height(self, group: Group) -> float:
        return GAP_ABOVE + SUMMARY_LEADING * len(self._summary[id(group)]) + 10 + SIGN_ROW * len(self.spec.signatures) + 6

    def layout(self):
        spec = self.spec
        self.head_lines = self._head_lines()
        self.head_h = max(len(l) for l in self.head_lines) * LEADING + 2 * PAD_Y
        bottom = MARGIN_BOTTOM + FOOTER_H
        self._info = {id(g): self._wrap_lines(g.info, 8.5) for g in spec.groups}
        self._summary = {id(g): self._wrap_lines(g.summary, 8.5) for g in spec.groups}
        self._plan: list[PagePlan] = []
        for group in spec.groups:
            laid = self.lay_all(group.body or [Section(word("nobody", self.lang))])
            first_room = self._header(None, group, True) - self.head_h - bottom
            room = self._header(None, group, False) - self.head_h - bottom
            plan = paginate(laid, first_room=first_room, room=room, closing=self._closing_height(group),
                            continued=lambda s: self.lay(Section(s.title + word("continued", self.lang))))
            pages = [(items, True) for items in plan.pages] + ([([], False)] if plan.closing_on_new_page else [])
            for k, (items, table) in enumerate(pages):
                self._plan.append(PagePlan(group, items, table, closing=k == len(pages) - 1, first=k == 0,
                                           page=k + 1, pages=len(pages)))
        return Pagination(pages=[p.items for p in self._plan], closing_on_new_page=False)

    # -- drawing ------------------------------------------------------------------------
    def _metadata(self, c: Canvas) -> None:
        c.setTitle(f"{COMPETITION_NAME} {self.sitting.event} {stage_name(self.sitting.stage, self.lang)} {self.spec.title}")
        c.setAuthor(self.sitting.committee)
        c.setCreator(f"skillscore {__version__}")
        c.setSubject(self.spec.title)

    def _event_line(self) -> str:
        s = self.sitting
        return word("event_line", self.lang, event=s.event, no=s.event_no, stage=stage_name(s.stage, self.lang),
                    sheet=self.spec.title)

    def _draw_page(self, c: Canvas, page: int, pages: int, items, *, table: bool, closing: bool) -> None:
        plan = self._plan[page - 1]
        self._vectors = []
        y = self._header(c, plan.group, plan.first)
        if plan.table:
            y = self._draw_table(c, y, plan.items)
        if plan.closing:
            self._draw_closing(c, plan.group, y - GAP_ABOVE)
        self._footer(c, plan, page, pages)
        self.flush_vectors(c)

    def _draw_closing(self, c: Canvas, group: Group, y: float) -> None:
        lang = self.lang
        for line in self._summary[id(group)]:
            self.text(c, self.x0, y - 9, line, 8.5)
            y -= SUMMARY_LEADING
        y -= 10
        colon = ":" if lang == "en" else "："
        per_row = max(len(r) for r in self.spec.signatures)
        slot = self.width / per_row
        c.setStrokeColor(BLACK)
        c.setLineWidth(0.6)
        for r, labels in enumerate(self.spec.signatures):
            base = y - 20 - r * SIGN_ROW
            for k, label in enumerate(labels):
                x = self.x0 + k * slot
                w = self.text(c, x, base, label + colon, 10)
                c.line(x + w + 4, base - 2, x + slot - 18, base - 2)
                if label == word("sign_date", lang) and lang != "en":
                    span = slot - 18 - w - 4  # room for a handwritten ____年___月___日
                    for frac, ch in ((0.45, "年"), (0.72, "月"), (0.98, "日")):
                        self.text(c, x + w + 4 + span * frac - 10, base, ch, 10)

    def _footer(self, c: Canvas, plan: PagePlan, page: int, pages: int) -> None:
        lang = self.lang
        y_rule = MARGIN_BOTTOM + FOOTER_H - 8
        stroke_lines(c, [(self.x0, y_rule, self.x0 + self.width, y_rule)], 0.4, GREY_TEXT)
        if self.spec.banner_short:
            self.text(c, self.x0, MARGIN_BOTTOM + 11, self.spec.banner_short, 7, colour=WARN)
        left = self.spec.title + (f" · {plan.group.subtitle}" if plan.group.subtitle else "")
        if len(self.spec.groups) > 1:
            left += " · " + dw("doc_page", lang, page=page, pages=pages)
        self.text(c, self.x0, MARGIN_BOTTOM, left, 7, colour=GREY_TEXT)
        self.text(c, self.x0 + self.width, MARGIN_BOTTOM, word("page_of", lang, page=plan.page, pages=plan.pages), 8,
                  align="right")


def render_day(sitting: Sitting, spec: DaySpec, out_path: str | Path, lang: str = "zh",
               progress: Callable[[int, int], None] | None = None) -> int:
    """Write the sheet (atomically, like every sheet); return the page count."""
    return DayRenderer(sitting, spec, lang).render(out_path, progress)
