"""投影: the live ranking for the hall, on a second screen when one is attached (F11).

Large type scaled to the screen, so the back row can read it: rank, number, name,
employer, theory, practical, total, advances and certificate level. No ID numbers and no
phones, ever: the window is only given the ranking object (which has none) and each
contestant's employer. It pages through long lists at a pace the committee sets, and
follows the desk: every saved mark shows at once.

隐藏成绩 (hide marks until announced) blanks more than the marks: the rank, the tick and
the level would give the order away, so while hidden the list is by number with only
number, name and employer, and the footer says 成绩待公布.

The desk holds a ``ProjectorController`` (ui/projector_control.py: settings, menu
entries, which session to follow), which builds this window when first needed; the
window itself has no buttons, so nothing but results ever shows on the wall.
Keys on the window: Esc or F11 close it, Space / PgDn next page, PgUp previous, H hides
or shows the marks.
"""

from __future__ import annotations

import math
from typing import Mapping, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QPainter,
                           QPainterPath, QPen)
from PySide6.QtWidgets import QWidget

from skillscore import COMPETITION_NAME

from .hall_data import HallRow, hall_rows, hall_screen
from .i18n import font_family, with_fallbacks
from .projector_control import DEFAULT_SECONDS
from .words import word

translate = QCoreApplication.translate

# Colours of UI.md, deeper than on the desk: a projector washes colours out.
TIE_FILL = {"practical": QColor("#FFD98A"), "unresolved": QColor("#F59A9A"), "committee": QColor("#A9C8F5")}
TIE_MARK_COLOUR = {"practical": QColor("#8A5A00"), "unresolved": QColor("#B00000"), "committee": QColor("#1F4E9E")}
HEAD_FILL = QColor("#0D2A4A")
COLUMN_FILL = QColor("#DCE3EC")
STRIPE = QColor("#F2F5F9")
CUTOFF = QColor("#1B5E20")
TICK = QColor("#1B7F3A")
MUTED = QColor("#555555")
DRAFT = QColor("#FFC94D")


class Column(NamedTuple):
    key: str
    title: str  # Chinese source string (context "Projector")
    share: float  # of the width; 0 = takes the rest (the employer)
    align: Qt.AlignmentFlag = Qt.AlignLeft


COLUMNS = (
    Column("rank", QT_TRANSLATE_NOOP("Projector", "名次"), 0.085, Qt.AlignHCenter),
    Column("no", QT_TRANSLATE_NOOP("Projector", "编号"), 0.08),
    Column("name", QT_TRANSLATE_NOOP("Projector", "姓名"), 0.10),
    Column("unit", QT_TRANSLATE_NOOP("Projector", "工作单位"), 0.0),
    Column("theory", QT_TRANSLATE_NOOP("Projector", "理论知识"), 0.085, Qt.AlignRight),
    Column("practical", QT_TRANSLATE_NOOP("Projector", "技能操作"), 0.085, Qt.AlignRight),
    Column("total", QT_TRANSLATE_NOOP("Projector", "总成绩"), 0.095, Qt.AlignRight),
    Column("advances", QT_TRANSLATE_NOOP("Projector", "晋级"), 0.07, Qt.AlignHCenter),
    Column("certificate", QT_TRANSLATE_NOOP("Projector", "取证等级"), 0.14),
)
HIDDEN_SHARES = {"no": 0.18, "name": 0.22, "unit": 0.60}  # while hidden: three columns share the wall


class ProjectorWindow(QWidget):
    page_changed = Signal(int, int)  # page (0-based), pages
    hidden_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(translate("Projector", "投影 · {name}").format(name=COMPETITION_NAME))
        self.setObjectName("projector")
        self.ranking: dict | None = None
        self.employers: Mapping[str, str] = {}
        self.hidden = False
        self.rows: list[HallRow] = []
        self.page = 0
        self.seconds = DEFAULT_SECONDS
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.next_page)
        self.setCursor(Qt.BlankCursor)  # no pointer wandering over the results on the wall
        self.setFocusPolicy(Qt.StrongFocus)
        self.set_page_seconds(DEFAULT_SECONDS)

    # -- data ----------------------------------------------------------------------------------------
    def refresh(self, ranking: dict, employers: Mapping[str, str] | None = None) -> None:
        """Show this ranking (the contract's object); keeps the page the hall is on."""
        self.ranking = ranking
        if employers is not None:
            self.employers = employers
        self._rebuild()

    def set_marks_hidden(self, hidden: bool) -> None:
        if hidden != self.hidden:
            self.hidden = hidden
            self.page = 0
            self._rebuild()
            self.hidden_changed.emit(hidden)

    def set_page_seconds(self, seconds: int) -> None:
        """Turn the page every ``seconds`` (0: stay on the page shown)."""
        self.seconds = max(0, int(seconds))
        self.timer.stop()
        if self.seconds:
            self.timer.start(self.seconds * 1000)

    def _rebuild(self) -> None:
        self.rows = hall_rows(self.ranking, self.employers, hidden=self.hidden) if self.ranking else []
        self.page = min(self.page, self.page_count() - 1)
        self.update()
        self.page_changed.emit(self.page, self.page_count())

    def columns(self) -> list[Column]:
        if not self.ranking:
            return list(COLUMNS)
        keys = {c.key for c in COLUMNS}
        if self.hidden:
            keys = {"no", "name", "unit"}
        else:
            if self.ranking["advance_quota"] is None and self.ranking["stage"] == "final":
                keys.discard("advances")
            if not self.ranking["event"]["certified"]:
                keys.discard("certificate")
        return [c for c in COLUMNS if c.key in keys]

    # -- pages -----------------------------------------------------------------------------------------
    def _metrics(self) -> dict[str, float]:
        """Sizes from the window's height: the same proportions on a 768 or a 2160 screen."""
        h = max(self.height(), 300)
        body = max(14.0, round(h * 0.034))
        return {"body": body, "row": round(body * 1.6), "head": round(body * 2.9), "columns": round(body * 1.35),
                "foot": round(body * 1.6)}

    def rows_per_page(self) -> int:
        m = self._metrics()
        room = self.height() - m["head"] - m["columns"] - m["foot"]
        return max(1, int(room // m["row"]))

    def page_count(self) -> int:
        return max(1, math.ceil(len(self.rows) / self.rows_per_page()))

    def page_rows(self) -> list[HallRow]:
        n = self.rows_per_page()
        return self.rows[self.page * n:(self.page + 1) * n]

    def page_texts(self) -> list[list[str]]:
        """The cells of the page on the wall, column by column as painted (for tests)."""
        keys = [c.key for c in self.columns()]
        return [[row.cells.get(k, "") for k in keys] for row in self.page_rows()]

    def next_page(self) -> None:
        self.go_to((self.page + 1) % self.page_count())

    def previous_page(self) -> None:
        self.go_to((self.page - 1) % self.page_count())

    def go_to(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        if page != self.page:
            self.page = page
            self.update()
        self.page_changed.emit(self.page, self.page_count())

    def resizeEvent(self, event) -> None:
        self.page = min(self.page, self.page_count() - 1)
        super().resizeEvent(event)

    # -- showing -----------------------------------------------------------------------------------------
    def show_on_hall_screen(self, desk_screen=None):
        """Full screen on a second screen when one is attached, else on the desk's."""
        screen = hall_screen(QGuiApplication.screens(), desk_screen)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        return screen

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key_Escape, Qt.Key_F11):
            self.close()
        elif key in (Qt.Key_Space, Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Down):
            self.next_page()
        elif key in (Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Up):
            self.previous_page()
        elif key == Qt.Key_H:
            self.set_marks_hidden(not self.hidden)
        else:
            super().keyPressEvent(event)

    # -- painting ------------------------------------------------------------------------------------------
    def _font(self, px: float, bold: bool = False) -> QFont:
        font = with_fallbacks(QFont(font_family() or self.font().family()))
        font.setPixelSize(max(8, int(px)))
        font.setBold(bold)
        return font

    def _column_rects(self, x0: float, width: float) -> list[tuple[Column, float, float]]:
        cols = self.columns()
        rest = max(0.2, 1.0 - sum(c.share for c in cols))  # the employer takes what is left
        out, x = [], x0
        for c in cols:
            w = width * (HIDDEN_SHARES[c.key] if self.hidden else (c.share or rest))
            out.append((c, x, w))
            x += w
        return out

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        m = self._metrics()
        W, H = self.width(), self.height()
        pad = round(m["body"] * 0.6)
        p.fillRect(self.rect(), Qt.white)
        self._paint_header(p, m, W, pad)
        if getattr(self, "sealed", False):  # RULES.md §12.3: nothing on the wall before the reveal
            p.setFont(self._font(m["body"] * 1.2, bold=True))
            p.setPen(QColor("#4A148C"))
            p.drawText(QRectF(0, m["head"], W, H - m["head"]), Qt.AlignCenter, translate("Sealed", "已加密，解密后显示"))
            p.end()
            return
        cols = self._column_rects(pad, W - 2 * pad)
        y = m["head"]
        p.fillRect(QRectF(0, y, W, m["columns"]), COLUMN_FILL)
        p.setFont(self._font(m["body"] * 0.72, bold=True))
        p.setPen(QColor("#1A1A1A"))
        for c, x, w in cols:
            p.drawText(QRectF(x + 6, y, w - 12, m["columns"]), c.align | Qt.AlignVCenter,
                       translate("Projector", c.title))
        y += m["columns"]
        body, bold_total = self._font(m["body"]), self._font(m["body"], bold=True)
        unit_font = self._font(m["body"] * 0.8)
        for i, row in enumerate(self.page_rows()):
            rect = QRectF(0, y, W, m["row"])
            p.fillRect(rect, TIE_FILL.get(row.tie) or (STRIPE if i % 2 else Qt.white))
            for c, x, w in cols:
                text = row.cells.get(c.key, "")
                status = c.key == "total" and text and not text[0].isdigit()  # 缺考, 弃权, 待录入 …
                font = bold_total if c.key in ("total", "advances") and not status else \
                    (unit_font if c.key == "unit" else body)
                p.setFont(font)
                fm = QFontMetricsF(font)
                p.setPen(TICK if c.key == "advances" and text == "✓" else (MUTED if status else Qt.black))
                cell = QRectF(x + 6, y, w - 12, m["row"])
                if status:
                    # A row without rank has no tick or level: its status may use their room.
                    right = cols[-1][1] + cols[-1][2] - 6
                    p.drawText(QRectF(x + 6, y, right - x - 6, m["row"]), Qt.AlignLeft | Qt.AlignVCenter, text)
                    continue
                if c.key == "rank" and row.tie and text:
                    # The tie mark as a shape beside the rank: it must show in greyscale and
                    # whatever fonts the venue's machine has.
                    mark = m["body"] * 0.62
                    tw = fm.horizontalAdvance(text)
                    left = x + (w - tw - mark - 6) / 2
                    p.drawText(QRectF(left, y, tw + 2, m["row"]), Qt.AlignLeft | Qt.AlignVCenter, text)
                    _draw_mark(p, row.tie, QPointF(left + tw + 6, y + (m["row"] + mark) / 2), mark)
                    continue
                if c.key == "certificate" and fm.horizontalAdvance(text) > cell.width():
                    text = text.split("/")[0].strip()  # "Level 3 / Senior worker" → "Level 3"
                p.drawText(cell, c.align | Qt.AlignVCenter, fm.elidedText(text, Qt.ElideRight, cell.width()))
            y += m["row"]
            if row.cut_after:
                p.setPen(QPen(CUTOFF, max(4.0, m["body"] * 0.14)))
                p.drawLine(QPointF(0, y), QPointF(W, y))
        if not self.rows:
            p.setFont(self._font(m["body"]))
            p.setPen(MUTED)
            p.drawText(QRectF(0, y, W, m["row"] * 2), Qt.AlignCenter, translate("Projector", "尚无选手"))
        self._paint_footer(p, m, W, H, pad)
        p.end()

    def _paint_header(self, p: QPainter, m, W: float, pad: float) -> None:
        p.fillRect(QRectF(0, 0, W, m["head"]), HEAD_FILL)
        r = self.ranking
        p.setPen(QColor("#C9D6E6"))
        p.setFont(self._font(m["body"] * 0.62))
        p.drawText(QRectF(pad, 0, W - 2 * pad, m["head"] * 0.42), Qt.AlignLeft | Qt.AlignBottom, COMPETITION_NAME)
        if not r:
            return
        p.setPen(Qt.white)
        p.setFont(self._font(m["body"] * 1.15, bold=True))
        title = " · ".join([r["event"]["name"], word(r["stage"]), r["committee"]])
        fm = QFontMetricsF(p.font())
        status_w = W * 0.3
        p.drawText(QRectF(pad, m["head"] * 0.42, W - 2 * pad - status_w, m["head"] * 0.5),
                   Qt.AlignLeft | Qt.AlignVCenter, fm.elidedText(title, Qt.ElideRight, W - 2 * pad - status_w))
        if r["finalized"]:
            status, colour = translate("Projector", "已定稿 · 第 {v} 版").format(v=r["version"]), QColor("#9FE0A8")
        else:
            status, colour = translate("Projector", "实时成绩 · 未定稿"), DRAFT
        p.setPen(colour)
        p.setFont(self._font(m["body"] * 0.8, bold=True))
        p.drawText(QRectF(W - pad - status_w, m["head"] * 0.42, status_w, m["head"] * 0.5),
                   Qt.AlignRight | Qt.AlignVCenter, status)

    def _paint_footer(self, p: QPainter, m, W: float, H: float, pad: float) -> None:
        top = H - m["foot"]
        p.fillRect(QRectF(0, top, W, m["foot"]), COLUMN_FILL)
        p.setFont(self._font(m["body"] * 0.7, bold=True))
        r = self.ranking
        left = []
        if self.hidden:
            left.append(translate("Projector", "成绩待公布"))
        elif r:
            left.append(translate("Projector", "排名人数 {n}").format(n=r["ranked"]))
            if r.get("advance_quota") is not None:
                left.append(translate("Projector", "晋级名额 {q}（✓ 晋级，粗线为晋级线）").format(q=r["advance_quota"]))
            left += [word(w) for w in r.get("warnings", [])]
        p.setPen(QColor("#B00000") if self.hidden else QColor("#1A1A1A"))
        p.drawText(QRectF(pad, top, W * 0.78, m["foot"]), Qt.AlignLeft | Qt.AlignVCenter, "   ".join(left))
        pages = self.page_count()
        text = translate("Projector", "第 {page}/{pages} 页").format(page=self.page + 1, pages=pages)
        if pages > 1 and self.seconds:
            text += translate("Projector", " · 每 {s} 秒翻页").format(s=self.seconds)
        p.setPen(QColor("#1A1A1A"))
        p.drawText(QRectF(W * 0.6, top, W * 0.4 - pad, m["foot"]), Qt.AlignRight | Qt.AlignVCenter, text)


def _draw_mark(p: QPainter, tie: str, base: QPointF, size: float) -> None:
    """▲ (practical), ⚠ (tie to be decided), ◆ (committee or lot) with the bottom-left at base."""
    x, y, s = base.x(), base.y(), size
    path = QPainterPath()
    colour = TIE_MARK_COLOUR[tie]
    p.save()
    if tie == "committee":
        path.moveTo(x + s / 2, y)
        path.lineTo(x + s, y - s / 2)
        path.lineTo(x + s / 2, y - s)
        path.lineTo(x, y - s / 2)
        path.closeSubpath()
        p.fillPath(path, colour)
    else:
        path.moveTo(x, y)
        path.lineTo(x + s, y)
        path.lineTo(x + s / 2, y - s)
        path.closeSubpath()
        if tie == "practical":
            p.fillPath(path, colour)
        else:
            p.setPen(QPen(colour, max(1.5, s * 0.12)))
            p.drawPath(path)
            p.setPen(QPen(colour, max(1.5, s * 0.13)))
            p.drawLine(QPointF(x + s / 2, y - s * 0.68), QPointF(x + s / 2, y - s * 0.33))
            p.drawPoint(QPointF(x + s / 2, y - s * 0.15))
    p.restore()
