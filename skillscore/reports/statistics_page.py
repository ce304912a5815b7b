"""成绩分布统计: the statistics page that follows the results sheet when asked for
(``write_report(..., with_statistics=True)``, ``skillscore report FILE results --with-statistics``).

The histogram of totals with the advancement cut-off and the lowest total of each
certificate level as labelled vertical lines; theory and practical beside each other with
the pass mark; mean, median, spread; the counts per employer (continued on further pages
when a sitting has many employers, never cut off). Everything comes from
``skillscore.statistics`` over the same results document the sheet is printed from, so
page and sheet always agree. Drawn straight on the canvas with the sheet's embedded font
(no charting library: renderPDF would list an unembedded Helvetica, see closing.py).

Lines are told apart by their labels (each on its own row above the plot, so none can
overlap another) and by dash pattern, so the page reads in greyscale.
"""

from __future__ import annotations

from typing import Callable

from reportlab.lib.colors import HexColor

from ..rules import statistics as st
from ..catalog import level_name
from .base import BLACK, GREY_TEXT, GRID
from .pdfops import fill_rects, stroke_lines

# Text and grid colours of the other sheets, so the statistics page prints alike.
GREY, AXIS = GREY_TEXT, GRID
BAR = HexColor("#B8C4D6")
BAR_EDGE = HexColor("#3A4A66")
LEVEL = HexColor("#1F4E9E")
PASS = HexColor("#B00000")
WHITE = HexColor("#FFFFFF")
BOTTOM = 24.0 + 30.0 + 6  # above the footer (base.MARGIN_BOTTOM + FOOTER_H)
LEADING = 12.5
TOTAL_BLOCK = 250.0
PART_BLOCK = 190.0
DASHES = ((4, 2), (1.5, 1.5), (6, 2, 1.5, 2), (3, 3), (1, 3))

Draw = Callable[[object, float], None]


def statistics_pages(sheet, lang: str = "zh") -> list[Draw]:
    """The page(s) to add after the sheet: each a ``draw(canvas, top)`` for the room under
    the running header. More than one only when the employers do not fit on the first."""
    stats = st.of_document(sheet.source.doc)
    page = StatisticsPage(sheet, stats, lang)
    first = page.rows_on_first()
    rest = list(stats.units[first:])
    per_page = page.rows_per_page()
    chunks = [rest[i:i + per_page] for i in range(0, len(rest), per_page)]
    draws: list[Draw] = [lambda c, top: page.draw_first(c, top, stats.units[:first], more=bool(chunks))]
    for k, chunk in enumerate(chunks):
        draws.append(lambda c, top, chunk=chunk, k=k: page.draw_more(c, top, chunk, more=k < len(chunks) - 1))
    return draws


class StatisticsPage:
    def __init__(self, sheet, stats: st.Statistics, lang: str):
        self.sheet, self.stats, self.lang = sheet, stats, lang
        self.x0, self.width = sheet.x0, sheet.width

    def L(self, key: str, **kw) -> str:
        return st.label(key, self.lang, **kw)

    # -- room ------------------------------------------------------------------------------------
    def _head_height(self) -> float:
        return 46.0 + (14.0 if self.stats.undecided_advance else 0.0)

    def rows_on_first(self) -> int:
        from .base import PAGE_H, MARGIN_TOP

        top = PAGE_H - MARGIN_TOP - self.sheet.RUNNING_HEADER_H
        room = top - self._head_height() - TOTAL_BLOCK - PART_BLOCK - 2 * LEADING - 8 - BOTTOM
        return max(0, min(len(self.stats.units), int(room // LEADING)))

    def rows_per_page(self) -> int:
        from .base import PAGE_H, MARGIN_TOP

        top = PAGE_H - MARGIN_TOP - self.sheet.RUNNING_HEADER_H
        return max(1, int((top - 30 - 2 * LEADING - BOTTOM) // LEADING))

    # -- pages -----------------------------------------------------------------------------------
    def draw_first(self, c, top: float, units, *, more: bool) -> None:
        s, t, L = self.stats, self.sheet.text, self.L
        y = top - 20
        t(c, self.x0 + self.width / 2, y, L("title"), 14, align="center")
        head = [L("ranked", n=s.ranked)]
        if s.quota is not None:
            head.append(L("quota", quota=s.quota))
        if s.cutoff:
            head.append(L("cutoff", total=f"{s.cutoff.total:.2f}", rank=s.cutoff.rank))
        y -= 20
        t(c, self.x0, y, "　".join(head) if self.lang != "en" else "   ".join(head), 9)
        if s.undecided_advance:
            y -= 14
            t(c, self.x0, y, L("undecided", count=s.undecided_advance), 9, colour=PASS)
        y = top - self._head_height()
        lines = []
        if s.cutoff:
            lines.append((s.cutoff.total, L("cutoff_short", total=f"{s.cutoff.total:.2f}"), BLACK, None, 1.8))
        for k, lv in enumerate(s.levels):
            text = L("level_line", level=level_name(lv.level, self.lang), total=f"{lv.total:.2f}", rank=lv.rank,
                     count=lv.count)
            lines.append((lv.total, text, LEVEL, DASHES[k % len(DASHES)], 1.0))
        self.histogram(c, self.x0, y - TOTAL_BLOCK, self.width, TOTAL_BLOCK, s.distributions["total"], lines)
        y -= TOTAL_BLOCK
        half = (self.width - 24) / 2
        for i, part in enumerate(("theory", "practical")):
            pass_lines = []
            if s.pass_mark is not None:
                pass_lines.append((s.pass_mark, L("pass_line", mark=f"{s.pass_mark:.0f}"), PASS, (4, 2), 1.0))
            self.histogram(c, self.x0 + i * (half + 24), y - PART_BLOCK, half, PART_BLOCK,
                           s.distributions[part], pass_lines)
        y -= PART_BLOCK + 8
        self.unit_table(c, y, units, title=True, more=more)

    def draw_more(self, c, top: float, units, *, more: bool) -> None:
        t = self.sheet.text
        t(c, self.x0 + self.width / 2, top - 20, self.L("title") + ("（续）" if self.lang != "en" else " (continued)"),
          12, align="center")
        self.unit_table(c, top - 30, units, title=True, more=more)

    # -- one histogram ---------------------------------------------------------------------------
    def histogram(self, c, x: float, y: float, w: float, h: float, dist: st.Distribution, lines) -> None:
        """A block of height ``h`` at (x, y): title, figures, line labels, then the plot."""
        t, L = self.sheet.text, self.L
        summary = dist.summary
        top = y + h
        t(c, x, top - 12, L("histogram", part=L(dist.part), n=summary.count), 10)
        label_top = top - 48  # room for the figures on two lines, so side-by-side plots align
        if summary.count:
            figures = L("figures", mean=summary.mean, median=summary.median, stdev=summary.stdev,
                        minimum=summary.minimum, maximum=summary.maximum)
            note = L("absent_note", count=summary.absent).strip() if summary.absent else ""
            if note and self.sheet.measure(figures + note, 8.0) <= w:
                figures, note = figures + note, ""
            size = 8.0 if self.sheet.measure(figures, 8.0) <= w else 7.0
            t(c, x, top - 25, figures, size, colour=GREY)
            if note:  # on its own line rather than shrunk out of reach
                t(c, x, top - 36, note, size, colour=GREY)
        pad_left, pad_bottom = 26.0, 16.0
        px, pw = x + pad_left, w - pad_left - 4
        py = y + pad_bottom
        ph = label_top - len(lines) * 10 - 12 - py  # 12: the count over the tallest bar
        most = max((b.count for b in dist.bins), default=0)
        step = _nice_step(most)
        ymax = max(step, -(-most // step) * step)
        # Grid and y axis labels.
        grid = []
        for v in range(0, ymax + 1, step):
            gy = py + ph * v / ymax
            grid.append((px, gy, px + pw, gy))
            t(c, px - 4, gy - 2.5, str(v), 7, align="right", colour=GREY)
        stroke_lines(c, grid, 0.3, AXIS)
        # Bars with their counts.
        n = len(dist.bins)
        bw = pw / n
        bars = []
        for i, b in enumerate(dist.bins):
            if b.count:
                bh = ph * b.count / ymax
                bars.append((BAR, px + i * bw + 1, py, bw - 2, bh))
        fill_rects(c, bars)
        edges = []
        for colour, bx, by, bwid, bh in bars:
            edges += [(bx, by, bx, by + bh), (bx, by + bh, bx + bwid, by + bh), (bx + bwid, by, bx + bwid, by + bh)]
        stroke_lines(c, edges, 0.6, BAR_EDGE)
        for i, b in enumerate(dist.bins):
            if b.count:
                t(c, px + (i + 0.5) * bw, py + ph * b.count / ymax + 2, str(b.count), 7, align="center")
        # x axis: edges 0, 10, …, 100.
        stroke_lines(c, [(px, py, px + pw, py), (px, py, px, py + ph)], 0.8, BLACK)
        for i in range(n + 1):
            t(c, px + i * bw, py - 10, f"{dist.bins[0].low + (dist.bins[0].high - dist.bins[0].low) * i:.0f}", 7,
              align="center", colour=GREY)
        # The lines, each with its label on its own row above the plot: the leftmost line
        # on the top row, so a label running right from its line crosses no taller line;
        # a white ground under each label covers any line it must still cross (near the
        # right edge a label runs left).
        for k, (value, text, colour, dash, width) in enumerate(sorted(lines, key=lambda l: l[0])):
            lx = px + pw * float(value / st.HUNDRED)  # ok: a drawing position, not a mark
            ly = label_top - k * 10 - 8
            c.saveState()
            c.setStrokeColor(colour)
            c.setLineWidth(width)
            if dash:
                c.setDash(*dash) if len(dash) == 2 else c.setDash(list(dash))
            c.line(lx, py, lx, ly + 8)
            c.restoreState()
            tw = self.sheet.measure(text, 7.5)
            tx = lx + 3 if lx + 3 + tw <= x + w else lx - 3 - tw
            fill_rects(c, [(WHITE, tx - 1, ly - 2, tw + 2, 9.5)])
            t(c, tx, ly, text, 7.5, colour=colour)

    # -- employers ---------------------------------------------------------------------------------
    def unit_table(self, c, y: float, units, *, title: bool, more: bool) -> None:
        t, L = self.sheet.text, self.L
        if title:
            t(c, self.x0, y - 12, L("units"), 10)
            y -= LEADING + 4
        num_w = 48.0
        keys = ("contestants", "ranked_col", "advancing", "certified")
        if not self.sheet.source.doc["event"].get("certified"):
            keys = keys[:3]
        x_nums = [self.x0 + self.width - num_w * (len(keys) - i) for i in range(len(keys))]
        unit_w = x_nums[0] - self.x0 - 6
        fill_rects(c, [(HexColor("#E4E4E4"), self.x0, y - LEADING + 2, self.width, LEADING)])
        t(c, self.x0 + 3, y - 8, L("unit"), 8)
        for k, nx in zip(keys, x_nums):
            t(c, nx + num_w - 4, y - 8, L(k), 8, align="right")
        y -= LEADING
        rules = []
        for u in units:
            size = 8.0
            name = u.unit or "—"
            while size > 6.0 and self.sheet.measure(name, size) > unit_w:
                size -= 0.5
            while self.sheet.measure(name, size) > unit_w and len(name) > 2:
                name = name[:-2] + "…"
            t(c, self.x0 + 3, y - 8.5, name, size)
            for value, nx in zip((u.contestants, u.ranked, u.advancing, u.certified)[:len(keys)], x_nums):
                t(c, nx + num_w - 4, y - 8.5, str(value), 8, align="right")
            y -= LEADING
            rules.append((self.x0, y + 1.5, self.x0 + self.width, y + 1.5))
        stroke_lines(c, rules, 0.3, AXIS)
        if more:
            t(c, self.x0 + self.width, y - 10, "（续下页）" if self.lang != "en" else "(continued overleaf)", 7.5,
              align="right", colour=GREY)


def _nice_step(most: int) -> int:
    """A grid step of 1, 2, 5, 10, 20, 50 … giving at most 5 lines."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if most <= 5 * step * m:
                return step * m
        step *= 10

